-- A venue has a time zone (issue 11): its events start at a local time there, and pages and emails show that time
-- with the zone. Venues of before get the zone configured when this runs (seatline.default-time-zone, UTC unless
-- set), which the engine checked to be a known time zone id.
ALTER TABLE venues ADD COLUMN time_zone TEXT NOT NULL DEFAULT '${seatline_default_time_zone}';
