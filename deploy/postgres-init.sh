#!/bin/sh
# Run by the postgres image once, when its volume is first initialised (as the superuser):
# the service's own user, owner of the database but no superuser, and the role rows connect
# as, which the service grants the rows of the user tables and nothing else. The same SQL
# an operator runs on an external PostgreSQL.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	-v db_password="$DYNTABLES_DB_PASSWORD" -v rows_password="$DYNTABLES_ROWS_DB_PASSWORD" <<'SQL'
CREATE ROLE dyntables LOGIN PASSWORD :'db_password';
CREATE ROLE dyntables_rows LOGIN NOINHERIT PASSWORD :'rows_password';
ALTER DATABASE dyntables OWNER TO dyntables;
REVOKE TEMPORARY ON DATABASE dyntables FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE dyntables TO dyntables_rows;
SQL
