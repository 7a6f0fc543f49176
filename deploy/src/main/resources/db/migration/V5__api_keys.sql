-- API keys created over the API. The secret is shown once, when the key is created; only a
-- SHA-256 hash of the whole key is kept. The prefix (part of the key, shown in lists and in
-- history) finds the key.
CREATE TABLE dyntables.api_key (
    prefix       TEXT        PRIMARY KEY,
    key_hash     BYTEA       NOT NULL,
    name         TEXT        NOT NULL,
    roles        JSONB       NOT NULL DEFAULT '[]',
    attributes   JSONB       NOT NULL DEFAULT '{}',
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
