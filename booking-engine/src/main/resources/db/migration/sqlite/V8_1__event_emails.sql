-- Two more kinds of email (issue 11): an event moved (to every booker, with the old and the new time) and an event
-- cancelled. An event may move more than once, so a booking may have several EVENT_MOVED jobs: the id (derived from
-- the booking and the event's edit) is what keeps scheduling idempotent, no longer (kind, booking_id). SQLite cannot
-- change a CHECK constraint: the table is built again, its rows kept (no table references it).
CREATE TABLE email_jobs_v8 (
    id                 TEXT    NOT NULL PRIMARY KEY,
    version            INTEGER NOT NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'REVIEW_PROMPT',
                                                       'EVENT_MOVED', 'EVENT_CANCELLED')),
    booking_id         TEXT    NOT NULL REFERENCES bookings (id),
    recipient          TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts           INTEGER NOT NULL,
    last_error         TEXT,
    due_at             INTEGER NOT NULL,
    next_attempt_at    INTEGER,
    created_at         INTEGER NOT NULL,
    sent_at            INTEGER,
    -- the start time the booker knew before the move (EVENT_MOVED only)
    previous_starts_at INTEGER
);
INSERT INTO email_jobs_v8 (id, version, kind, booking_id, recipient, status, attempts, last_error, due_at,
                           next_attempt_at, created_at, sent_at)
SELECT id, version, kind, booking_id, recipient, status, attempts, last_error, due_at, next_attempt_at, created_at,
       sent_at
FROM email_jobs;
DROP TABLE email_jobs;
ALTER TABLE email_jobs_v8 RENAME TO email_jobs;
CREATE INDEX ix_email_jobs_status ON email_jobs (status, due_at);
CREATE INDEX ix_email_jobs_booking ON email_jobs (booking_id);
