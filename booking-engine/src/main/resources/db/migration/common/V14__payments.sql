-- Payments (issue 13): what was asked of a provider for a hold, and what it answered. One row per hold and provider
-- (starting the same payment again finds it); a payment ends PAID (its hold confirmed into booking_id), DECLINED (the
-- buyer may try again while the hold lasts), or REFUND_DUE then REFUNDED: money that arrived for a hold that had
-- ended, or for a booking cancelled since, goes back by a durable refund job. Amounts in minor units.
CREATE TABLE payments (
    id          TEXT   NOT NULL PRIMARY KEY,
    hold_id     TEXT   NOT NULL REFERENCES holds (id),
    account_id  TEXT   NOT NULL REFERENCES accounts (id),
    provider    TEXT   NOT NULL,
    provider_id TEXT,
    pay_url     TEXT,
    amount      BIGINT NOT NULL CHECK (amount >= 0),
    currency    TEXT   NOT NULL,
    status      TEXT   NOT NULL CHECK (status IN ('STARTED', 'PAID', 'DECLINED', 'REFUND_DUE', 'REFUNDED')),
    refund_id   TEXT,
    booking_id  TEXT   REFERENCES bookings (id) DEFERRABLE INITIALLY DEFERRED,
    reason      TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (hold_id, provider)
);
CREATE INDEX ix_payments_booking ON payments (booking_id);

-- Every provider notice read (a webhook delivery, an admin's "paid at the box office"), by the provider's id of it:
-- a notice delivered twice is acted on once.
CREATE TABLE payment_notices (
    notice_id   TEXT   NOT NULL PRIMARY KEY,
    provider    TEXT   NOT NULL,
    hold_id     TEXT,
    received_at BIGINT NOT NULL
);
