-- Holds (issue 13), the per-dialect part: a seat names its hold while it is HELD (the holds table: V13).
-- a seat is HELD exactly when it names its hold
ALTER TABLE event_seats ADD COLUMN hold_id TEXT REFERENCES holds (id);
ALTER TABLE event_seats ADD CONSTRAINT ck_event_seats_hold CHECK ((status = 'HELD') = (hold_id IS NOT NULL));
CREATE INDEX ix_event_seats_hold ON event_seats (hold_id);
