-- Durable email jobs: db-scheduler's table, and our record of each email (what, to whom, its attempts),
-- which outlives db-scheduler's row so that failed emails stay visible and can be retried.

CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100),
    task_instance        VARCHAR(100),
    task_data            BLOB,
    execution_time       TIMESTAMP,
    picked               BIT,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP,
    last_failure         TIMESTAMP,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP,
    version              BIGINT,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

CREATE TABLE email_jobs (
    id              TEXT    NOT NULL PRIMARY KEY,
    version         INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'REVIEW_PROMPT')),
    booking_id      TEXT    NOT NULL REFERENCES bookings (id),
    recipient       TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        INTEGER NOT NULL,
    last_error      TEXT,
    due_at          INTEGER NOT NULL,
    next_attempt_at INTEGER,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    UNIQUE (kind, booking_id)
);
CREATE INDEX ix_email_jobs_status ON email_jobs (status, due_at);
