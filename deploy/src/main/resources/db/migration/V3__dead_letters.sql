-- Axon's sequenced dead-letter queue (JDBC): an event the projector failed to apply is
-- parked here with its table's later events behind it (sequence_identifier is the table
-- id) and retried until it applies. Timestamps are Axon's ISO-8601 text, as it writes
-- and compares them.
CREATE TABLE dyntables.dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (dead_letter_id),
    UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dyntables.dead_letter_entry (processing_group, last_touched);

-- The failure a parked table waits on, for its status: a problem code, never the
-- database's error text (that goes to the log); written and removed with the dead letter.
DELETE FROM dyntables.projection_error;
ALTER TABLE dyntables.projection_error DROP COLUMN error;
ALTER TABLE dyntables.projection_error ADD COLUMN code TEXT NOT NULL;
ALTER TABLE dyntables.projection_error ADD COLUMN next_attempt_at TIMESTAMPTZ NOT NULL;
