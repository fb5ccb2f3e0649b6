-- Prices (issue 13): a venue has price categories, assigned to seats by row ranges or seat labels; an event copies
-- them with a price each, in the event's currency, and every seat of the event names its category. A booking keeps
-- what it cost when it was made (per seat and in total), in minor units: later price changes leave it as it is.
-- Events and bookings of before are free, in the currency configured when this runs (seatline.booking.currency).
CREATE TABLE venue_categories (
    venue_id    TEXT    NOT NULL REFERENCES venues (id),
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    colour      TEXT    NOT NULL,
    seat_rows   TEXT,
    seat_labels TEXT,
    PRIMARY KEY (venue_id, position)
);

CREATE TABLE event_categories (
    event_id TEXT    NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    colour   TEXT    NOT NULL,
    price    BIGINT  NOT NULL DEFAULT 0 CHECK (price >= 0),
    PRIMARY KEY (event_id, position)
);

ALTER TABLE events ADD COLUMN currency TEXT NOT NULL DEFAULT '${seatline_currency}';
-- the position of the seat's category among its event's
ALTER TABLE event_seats ADD COLUMN category INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN currency TEXT NOT NULL DEFAULT '${seatline_currency}';
ALTER TABLE booking_seats ADD COLUMN price BIGINT NOT NULL DEFAULT 0;

-- every event of before: all its seats in one free category
INSERT INTO event_categories (event_id, position, name, colour, price)
SELECT id, 0, 'Standard', '#2e8b57', 0 FROM events;
