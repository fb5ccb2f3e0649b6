-- Holds (issue 13): seats kept for one buyer for a few minutes while they pay. A hold is ACTIVE until it is confirmed
-- (its seats sold as a booking), released by its buyer or an admin, or expired by its durable expiry job; each of
-- those is one conditional UPDATE of the hold's row (status = 'ACTIVE' -> ...), so two of them never both win. Its
-- seats point to it while they are HELD; the booking a confirmation writes comes later in the same transaction,
-- hence the deferred reference. Instants are epoch milliseconds, as everywhere.
CREATE TABLE holds (
    id         TEXT   NOT NULL PRIMARY KEY,
    event_id   TEXT   NOT NULL REFERENCES events (id),
    account_id TEXT   NOT NULL REFERENCES accounts (id),
    status     TEXT   NOT NULL CHECK (status IN ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at   BIGINT,
    booking_id TEXT   REFERENCES bookings (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((status = 'ACTIVE') = (ended_at IS NULL)),
    CHECK ((status = 'CONFIRMED') = (booking_id IS NOT NULL))
);
CREATE INDEX ix_holds_account ON holds (account_id, event_id, status);

