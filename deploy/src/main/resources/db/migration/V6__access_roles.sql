-- The role read model: every role's current grants, as the role projection applied its
-- events. Permission checks read it once into memory and again when a change is announced
-- on the dyntables_access channel.
CREATE TABLE dyntables.access_role (
    name       TEXT        PRIMARY KEY,
    version    BIGINT      NOT NULL,
    deleted    BOOLEAN     NOT NULL,
    grants     JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
