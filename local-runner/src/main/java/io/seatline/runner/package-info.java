/**
 * The local runner: a Spring Boot app that serves every function over HTTP ({@code POST /{function}}, compositions
 * as {@code POST /a,b}), maps the engine's refusals to the contract's statuses and JSON, and serves the CSV export.
 */
package io.seatline.runner;
