-- Each instance that runs the projector says here that it is alive (every half second,
-- with the database's clock); the live ones share the projector's segments.
CREATE TABLE dyntables.projector_instance (
    node_id TEXT        PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
);

-- A replay in preparation: while this row exists, every instance stops its projector
-- and releases its segments, so the instance that wrote it can reset the tokens.
CREATE TABLE dyntables.projection_replay (
    id           INTEGER     PRIMARY KEY CHECK (id = 1),
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);
