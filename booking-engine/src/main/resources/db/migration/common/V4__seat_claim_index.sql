-- A claim names its seats by label: (event_id, label) is the only index it should use. Without statistics, SQLite
-- chose (event_id, status) for a claim of three or more seats and read every available seat of the event (20,000
-- rows, about 4 ms) to sell three. Nothing reads seats by status any more (the counts are kept on the event), so
-- the index goes, and every seat change has one index fewer to update.
DROP INDEX ix_event_seats_status;

-- email_jobs.booking_id references bookings: SQLite looks up the referencing rows when a booking is written while a
-- deferred reference is pending (a seat claimed for a booking not yet written), which without this index meant
-- reading every email job.
CREATE INDEX ix_email_jobs_booking ON email_jobs (booking_id);
