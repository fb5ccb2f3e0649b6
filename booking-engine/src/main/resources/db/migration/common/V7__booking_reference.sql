-- The box office (issue 11). Every booking gets a reference a customer reads out: 8 characters of
-- 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (no 0/O, no 1/I). New bookings draw theirs at random (SecureRandom) and draw again
-- should the unique index refuse one. Existing bookings get theirs here, the same way on SQLite and PostgreSQL: each
-- booking's number in creation order, n, is mapped by (n * 25214903917 + 11) mod 2^40, a bijection on 0..2^40-1 (the
-- factor is odd), and written as 8 base-32 digits of the alphabet: unique by construction, not a visible sequence.
-- A booking cancelled by the box office keeps the reason, which its cancellation email quotes.

ALTER TABLE bookings ADD COLUMN reference TEXT;
ALTER TABLE bookings ADD COLUMN cancel_reason TEXT;

UPDATE bookings SET reference =
       substr(numbered.a, CAST(numbered.m / 34359738368 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m / 1073741824 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m / 33554432 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m / 1048576 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m / 32768 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m / 1024 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m / 32 % 32 AS INTEGER) + 1, 1)
    || substr(numbered.a, CAST(numbered.m % 32 AS INTEGER) + 1, 1)
FROM (SELECT id, '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' AS a,
             (row_number() OVER (ORDER BY created_at, id) * 25214903917 + 11) % 1099511627776 AS m
      FROM bookings) AS numbered
WHERE numbered.id = bookings.id;

CREATE UNIQUE INDEX ux_bookings_reference ON bookings (reference);
