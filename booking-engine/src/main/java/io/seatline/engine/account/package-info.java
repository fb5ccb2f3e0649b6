/**
 * Accounts and sessions: registration with a password policy (lengths, a bundled list of common passwords, not the
 * username), passwords hashed with Argon2id behind a delegating encoder (so the algorithm can be upgraded on a later
 * login) and changed by their owner or reset by an admin, login throttling per username and per client address
 * (each attempt counted before its password is checked), random session tokens stored only as hashes with an expiry,
 * the {@code admin} account created when a database is new, and the admin's listing, disabling and enabling of
 * accounts ({@link io.seatline.engine.account.AccountAdministration}).
 */
package io.seatline.engine.account;
