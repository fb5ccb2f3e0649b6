-- Kept per event, in the same transaction as every seat change: how many seats are in each state, and a version
-- bumped by every change. Listings and the dashboard read these counts instead of counting seat rows, and a seat
-- map read for an unchanged version is served from a snapshot.

ALTER TABLE events ADD COLUMN seat_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN available_seats INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN booked_seats INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN held_seats INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN blocked_seats INTEGER NOT NULL DEFAULT 0;

UPDATE events SET
    available_seats = (SELECT count(*) FROM event_seats s WHERE s.event_id = events.id AND s.status = 'AVAILABLE'),
    booked_seats    = (SELECT count(*) FROM event_seats s WHERE s.event_id = events.id AND s.status = 'BOOKED'),
    held_seats      = (SELECT count(*) FROM event_seats s WHERE s.event_id = events.id AND s.status = 'HELD'),
    blocked_seats   = (SELECT count(*) FROM event_seats s WHERE s.event_id = events.id AND s.status = 'BLOCKED');
