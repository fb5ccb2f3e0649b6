-- Durable email jobs: db-scheduler's table, and our record of each email (what, to whom, its attempts),
-- which outlives db-scheduler's row so that failed emails stay visible and can be retried.

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

CREATE TABLE email_jobs (
    id              TEXT   NOT NULL PRIMARY KEY,
    version         BIGINT NOT NULL,
    kind            TEXT   NOT NULL CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'REVIEW_PROMPT')),
    booking_id      TEXT   NOT NULL REFERENCES bookings (id),
    recipient       TEXT   NOT NULL,
    status          TEXT   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        BIGINT NOT NULL,
    last_error      TEXT,
    due_at          BIGINT NOT NULL,
    next_attempt_at BIGINT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    UNIQUE (kind, booking_id)
);
CREATE INDEX ix_email_jobs_status ON email_jobs (status, due_at);
