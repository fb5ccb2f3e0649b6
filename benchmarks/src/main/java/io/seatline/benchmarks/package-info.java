/**
 * The benchmark: starts the packaged runner (and GreenMail, and PostgreSQL when asked), drives it with closed-loop
 * clients over kept-alive HTTP/1.1 beside its floors (the plain JDBC seat claim, {@code ping}), checks the database
 * after every run, and reports medians, ratios, JSON and PNG charts. {@link io.seatline.benchmarks.Benchmarks} is the
 * command line; each scenario is one small class ({@code FloorDb}, {@code FloorHttp}, {@code Reads}, {@code Bookings},
 * {@code Emails}, {@code Starts}).
 */
package io.seatline.benchmarks;
