-- Login throttling by username and by client address (issue 10). A row per subject: 'user:<username key>' or
-- 'address:<client address>'. An attempt is counted (attempts) before its password is checked and kept whatever
-- happens to the caller's transaction; a successful login takes its own attempt back; a wrong password is also
-- counted in failures (what locks an address, so that many right logins at once from one address lock nothing). Rows whose window and lock have passed are
-- deleted by the login path, so the table holds only the last window's subjects. Replaces login_failures, which was
-- keyed by any text given as a username and never emptied.
CREATE TABLE login_attempts (
    subject           TEXT   NOT NULL PRIMARY KEY,
    attempts          BIGINT NOT NULL,
    failures          BIGINT NOT NULL DEFAULT 0,
    window_started_at BIGINT NOT NULL,
    locked_until      BIGINT
);
CREATE INDEX ix_login_attempts_window ON login_attempts (window_started_at);

DROP TABLE login_failures;
