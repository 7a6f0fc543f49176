-- The service's own tables. User tables live in the schema dyntables_data, so no user
-- name can collide with or shadow anything here.

CREATE SCHEMA IF NOT EXISTS dyntables_data;

-- Table ids are allocated before the creation command is sent.
CREATE SEQUENCE dyntables.table_id_seq;

-- Axon's event store (JDBC engine, PostgreSQL types).
CREATE TABLE dyntables.domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255),
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE dyntables.snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255),
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

-- Axon's tracking tokens: the projector's position, committed with its work.
CREATE TABLE dyntables.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The reference read model: every table's current schema, as the projector applied it.
CREATE TABLE dyntables.table_ref (
    id             BIGINT      PRIMARY KEY,
    name           TEXT        NOT NULL,
    physical_name  TEXT        NOT NULL UNIQUE,
    schema         JSONB       NOT NULL,
    version        BIGINT      NOT NULL,
    last_sequence  BIGINT      NOT NULL,
    deleted        BOOLEAN     NOT NULL DEFAULT false,
    -- set during a replay when the table already existed: its DDL is logged, not run
    replay_skips_ddl BOOLEAN   NOT NULL DEFAULT false,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Every DDL statement the projector ran, in the transaction that ran it.
CREATE TABLE dyntables.ddl_log (
    id              BIGSERIAL   PRIMARY KEY,
    table_id        BIGINT      NOT NULL,
    version         BIGINT      NOT NULL,
    sequence_number BIGINT      NOT NULL,
    event_type      TEXT        NOT NULL,
    statement       TEXT        NOT NULL,
    applied         BOOLEAN     NOT NULL,
    applied_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ddl_log_table ON dyntables.ddl_log (table_id, sequence_number);
