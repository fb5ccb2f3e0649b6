/**
 * Ratings and reviews of events, by users who hold a confirmed booking for them: one per user and event, a second
 * replacing the first. Texts are stored and returned verbatim; escaping is each host's job.
 */
package io.seatline.engine.review;
