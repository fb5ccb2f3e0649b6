-- The tables of the seat claim, as the engine's first SQLite migration (V1__booking_engine.sql) creates them.
-- floor-db runs the claim on these in plain JDBC.

CREATE TABLE accounts (
    id            TEXT    NOT NULL PRIMARY KEY,
    version       INTEGER NOT NULL,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE,
    email         TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    created_at    INTEGER NOT NULL
);

CREATE TABLE venues (
    id            TEXT    NOT NULL PRIMARY KEY,
    version       INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    name_key      TEXT    NOT NULL UNIQUE,
    seat_rows     INTEGER,
    seats_per_row INTEGER,
    capacity      INTEGER NOT NULL CHECK (capacity > 0),
    created_at    INTEGER NOT NULL,
    CHECK ((seat_rows IS NULL AND seats_per_row IS NULL)
        OR (seat_rows > 0 AND seats_per_row > 0 AND capacity = seat_rows * seats_per_row))
);

CREATE TABLE events (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL,
    venue_id    TEXT    NOT NULL REFERENCES venues (id),
    name        TEXT    NOT NULL,
    description TEXT,
    starts_at   INTEGER NOT NULL,
    total_seats INTEGER NOT NULL CHECK (total_seats > 0),
    created_at  INTEGER NOT NULL
);
CREATE INDEX ix_events_starts_at ON events (starts_at);
CREATE INDEX ix_events_venue ON events (venue_id);

CREATE TABLE bookings (
    id           TEXT    NOT NULL PRIMARY KEY,
    version      INTEGER NOT NULL,
    event_id     TEXT    NOT NULL REFERENCES events (id),
    account_id   TEXT    NOT NULL REFERENCES accounts (id),
    status       TEXT    NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    created_at   INTEGER NOT NULL,
    cancelled_at INTEGER,
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
CREATE INDEX ix_bookings_account ON bookings (account_id, created_at);
CREATE INDEX ix_bookings_event ON bookings (event_id, status);
CREATE INDEX ix_bookings_created ON bookings (created_at);

-- One row per seat of an event, created with the event. A seat is sold by one conditional UPDATE
-- (status = 'AVAILABLE' -> 'BOOKED'); the booking row it points to is written later in the same
-- transaction, hence the deferred foreign key.
CREATE TABLE event_seats (
    id         INTEGER NOT NULL PRIMARY KEY,
    event_id   TEXT    NOT NULL REFERENCES events (id),
    label      TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('AVAILABLE', 'HELD', 'BOOKED', 'BLOCKED')),
    booking_id TEXT    REFERENCES bookings (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((status = 'BOOKED') = (booking_id IS NOT NULL)),
    UNIQUE (event_id, label)
);
CREATE INDEX ix_event_seats_status ON event_seats (event_id, status);
CREATE INDEX ix_event_seats_booking ON event_seats (booking_id);

-- The ledger of sold seats. The partial unique index is the last line of defence: two live
-- (unreleased) sales of one seat of one event cannot both exist, whatever the code above does.
CREATE TABLE booking_seats (
    booking_id  TEXT    NOT NULL REFERENCES bookings (id),
    event_id    TEXT    NOT NULL,
    label       TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    released_at INTEGER,
    FOREIGN KEY (event_id, label) REFERENCES event_seats (event_id, label)
);
CREATE INDEX ix_booking_seats_booking ON booking_seats (booking_id);
CREATE UNIQUE INDEX ux_booking_seats_live ON booking_seats (event_id, label) WHERE released_at IS NULL;
