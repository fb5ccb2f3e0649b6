-- Requests safe to retry (issue 13): the first answer of a write sent with an idempotency key, per caller, function
-- and key. The row is written in the same transaction as the write it answers, so a key is either unused or
-- answered, never half done. outcome is OK (answer is the function's JSON) or the code of the refusal (answer is
-- {"message": ..., "details": {...}}). request_hash is the SHA-256 of the request's JSON: the same key with another
-- request is refused. Rows past expires_at (24 hours after the write) may be replaced and are purged by the writes.
CREATE TABLE idempotent_requests (
    account_id      TEXT   NOT NULL,
    function_name   TEXT   NOT NULL,
    idempotency_key TEXT   NOT NULL,
    request_hash    TEXT   NOT NULL,
    outcome         TEXT,
    answer          TEXT,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    PRIMARY KEY (account_id, function_name, idempotency_key)
);
CREATE INDEX ix_idempotent_requests_expiry ON idempotent_requests (expires_at);
