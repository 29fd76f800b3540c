-- Events the SQS listener has applied, so a redelivered or re-published event is applied once.
-- Written in the same transaction as the change it caused. Rows older than the queue's
-- retention (14 days at most) are pruned: SQS cannot redeliver them any more.
CREATE TABLE event_consumed (
    message_key  VARCHAR(200) PRIMARY KEY,
    event_type   VARCHAR(200) NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    consumed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_event_consumed_at ON event_consumed (consumed_at);

-- Newest occurredAt applied per prisoner number: an older event arriving later (SQS standard
-- queues do not keep order) is acknowledged but not applied over a newer one.
CREATE TABLE event_watermark (
    subject      VARCHAR(100) PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type   VARCHAR(200) NOT NULL
);
