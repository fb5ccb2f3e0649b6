/**
 * Accounts and sessions: registration with a password policy, passwords hashed with Argon2id behind a delegating
 * encoder (so the algorithm can be upgraded on a later login), login throttling per username, random session tokens
 * stored only as hashes with an expiry, and the {@code admin} account created when a database is new.
 */
package io.seatline.engine.account;
