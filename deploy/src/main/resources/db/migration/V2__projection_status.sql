-- The projector's last failure per table, written outside the failed transaction so it
-- survives the rollback; a table whose reference row has passed the failed event has
-- recovered.
CREATE TABLE dyntables.projection_error (
    table_id        BIGINT      PRIMARY KEY,
    sequence_number BIGINT      NOT NULL,
    event_type      TEXT        NOT NULL,
    error           TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL,
    failed_at       TIMESTAMPTZ NOT NULL
);

-- The history reads a table's DDL by (table, event sequence number).
CREATE INDEX ddl_log_table_sequence ON dyntables.ddl_log (table_id, sequence_number, id);
