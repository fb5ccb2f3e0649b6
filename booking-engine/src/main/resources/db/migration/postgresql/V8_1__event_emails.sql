-- Two more kinds of email (issue 11): an event moved (to every booker, with the old and the new time) and an event
-- cancelled. An event may move more than once, so a booking may have several EVENT_MOVED jobs: the id (derived from
-- the booking and the event's edit) is what keeps scheduling idempotent, no longer (kind, booking_id).
ALTER TABLE email_jobs DROP CONSTRAINT email_jobs_kind_check;
ALTER TABLE email_jobs ADD CONSTRAINT email_jobs_kind_check
    CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'REVIEW_PROMPT', 'EVENT_MOVED', 'EVENT_CANCELLED'));
ALTER TABLE email_jobs DROP CONSTRAINT email_jobs_kind_booking_id_key;
-- the start time the booker knew before the move (EVENT_MOVED only)
ALTER TABLE email_jobs ADD COLUMN previous_starts_at BIGINT;
