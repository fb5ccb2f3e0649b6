/**
 * The local runner: a Spring Boot app that serves every function over HTTP ({@code POST /{function}}, compositions
 * as {@code POST /a,b}), maps the engine's refusals to the contract's statuses and JSON, and serves the CSV export
 * and the web pages (static files that call the same functions, signed in by an HttpOnly session cookie). Live seat
 * maps are in {@code io.seatline.runner.live}.
 */
package io.seatline.runner;
