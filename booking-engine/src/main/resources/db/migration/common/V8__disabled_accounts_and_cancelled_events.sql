-- The box office (issue 11). An admin disables an account (it cannot sign in, its sessions end, its bookings stay)
-- and enables it again; an admin calls an event off: it stays listed as cancelled, with the reason the bookers were
-- emailed. Instants are epoch milliseconds, as everywhere.
ALTER TABLE accounts ADD COLUMN disabled_at BIGINT;
ALTER TABLE events ADD COLUMN cancelled_at BIGINT;
ALTER TABLE events ADD COLUMN cancel_reason TEXT;
