/**
 * Shared persistence plumbing: the data source built from {@code DATABASE_URL} (SQLite tuned for safe concurrent
 * writes, or PostgreSQL), how instants are stored, and how ids are made. Features depend on it; it depends on no feature.
 */
package io.seatline.engine.persistence;
