-- Consumed events that could not be applied: while SQS still retries them (RETRYING), once
-- they sit in the dead-letter queue (DEAD: listed under "needs attention") and after a person
-- dealt with them (RESOLVED). One row per event, keyed like the consumer's de-duplication.
CREATE TABLE event_dead_letter (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_key     VARCHAR(200)  NOT NULL,
    sqs_message_id  VARCHAR(100),
    event_type      VARCHAR(200),
    body            CLOB          NOT NULL,
    body_sha256     VARCHAR(64)   NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    attempts        INT           NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    first_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    dead_at         TIMESTAMP WITH TIME ZONE,
    resolved_by     VARCHAR(100),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    resolution_note VARCHAR(2000),
    CONSTRAINT uq_event_dead_letter_key UNIQUE (message_key),
    CONSTRAINT ck_event_dead_letter_state CHECK (state IN ('RETRYING', 'DEAD', 'RESOLVED'))
);
CREATE INDEX ix_event_dead_letter_state ON event_dead_letter (state, first_seen);
CREATE INDEX ix_event_dead_letter_body ON event_dead_letter (body_sha256);
