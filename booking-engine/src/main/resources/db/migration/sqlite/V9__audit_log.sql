-- The audit log (issue 11): every admin action, booking and cancellation, written in the same transaction as the
-- change it records, so a change that rolls back leaves no entry and one that commits always has one. Who (actor),
-- what (action: the function's name), when (at, epoch milliseconds), whom it concerns (event, booking, account
-- username) and the state before and after as small JSON objects. No foreign keys: an entry never waits for, nor
-- blocks, the rows it names. The id is the order of writing (SQLite: the rowid), which breaks ties of one millisecond.
-- Per dialect only for that id; the columns and indexes are the same in postgresql/V9__audit_log.sql.
CREATE TABLE audit_entries (
    id           INTEGER NOT NULL PRIMARY KEY,
    at           BIGINT  NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    event_id     TEXT,
    booking_id   TEXT,
    reference    TEXT,
    username     TEXT,
    summary      TEXT    NOT NULL,
    before_state TEXT,
    after_state  TEXT
);
CREATE INDEX ix_audit_entries_at ON audit_entries (at);
CREATE INDEX ix_audit_entries_event ON audit_entries (event_id, at);
CREATE INDEX ix_audit_entries_booking ON audit_entries (booking_id);
