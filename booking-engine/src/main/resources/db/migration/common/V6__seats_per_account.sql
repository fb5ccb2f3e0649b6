-- How many seats of the event one account may hold at once, over all its live bookings (issue 10: one free
-- account booked 1,000 seats of an event in 0.75 s). NULL: the engine's default, seatline.booking.max-seats-per-account.
ALTER TABLE events ADD COLUMN max_seats_per_account INTEGER;
