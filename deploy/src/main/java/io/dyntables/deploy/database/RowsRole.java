package io.dyntables.deploy.database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the row connections log in as, and the rights that role has: it may read, insert,
 * update and delete the rows of the user tables in {@code dyntables_data} and use their
 * sequences, and nothing else: not the service's own tables in {@code dyntables}, not
 * create a table. A fault on the row path that let a client's text into SQL would reach
 * only rows, never the event store, the tokens or the catalog.
 * <p>
 * Where its own database user may create roles (the embedded superuser; an external user
 * with CREATEROLE), the service makes the role itself ({@code <user>_rows}), with a
 * password derived from its own: every instance that shares the database's credentials
 * derives the same one, so none locks another out, and nothing more is stored. A role the
 * operator names gets its grants here; the operator creates it. Otherwise rows run as the
 * service's own user, which a warning says. Every start brings the grants up to date
 * (tables made before the role existed included); tables the projector makes later get
 * them by default privileges.
 */
final class RowsRole {

	private static final Logger log = LoggerFactory.getLogger(RowsRole.class);

	/** The longest role name PostgreSQL keeps whole, in bytes. */
	private static final int MAX_NAME_BYTES = 63;

	/** Serialises the instances that set up the role at the same moment. */
	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('dyntables rows role'))";

	private static final String TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE";

	private static final String SEQUENCE_RIGHTS = "USAGE, SELECT";

	/** Tables and sequences of the data schema the role lacks a right on. */
	private static final String LACKING = """
			SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'dyntables_data' AND c.relkind IN ('r', 'p', 'S') AND NOT CASE WHEN c.relkind = 'S'
			    THEN has_sequence_privilege(?, c.oid, 'USAGE') AND has_sequence_privilege(?, c.oid, 'SELECT')
			    ELSE has_table_privilege(?, c.oid, 'SELECT') AND has_table_privilege(?, c.oid, 'INSERT')
			        AND has_table_privilege(?, c.oid, 'UPDATE') AND has_table_privilege(?, c.oid, 'DELETE') END""";

	/** The rights beyond rows the role has anyway (through PUBLIC, a membership, ...). */
	private static final String EXCESS = """
			SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
			    has_schema_privilege(r.rolname, 'dyntables', 'USAGE'),
			    has_schema_privilege(r.rolname, 'dyntables_data', 'CREATE'),
			    has_database_privilege(r.rolname, current_database(), 'CREATE'),
			    has_database_privilege(r.rolname, current_database(), 'TEMPORARY'),
			    coalesce((SELECT has_schema_privilege(r.rolname, n.oid, 'CREATE') FROM pg_namespace n
			        WHERE n.nspname = 'public'), false)
			FROM pg_roles r WHERE r.rolname = ?""";

	private static final String[] EXCESS_NAMES = { "SUPERUSER", "BYPASSRLS", "CREATEROLE", "CREATEDB",
			"USAGE on schema dyntables", "CREATE on schema dyntables_data", "CREATE on the database",
			"TEMPORARY on the database", "CREATE on schema public" };

	private RowsRole() {
	}

	/**
	 * The row connections' credentials.
	 *
	 * @param user the role that logs in
	 * @param password its password
	 * @param restricted whether the role is limited to the user tables (false: the
	 * service's own user)
	 */
	record Credentials(String user, String password, boolean restricted) {

	}

	/**
	 * Chooses the row connections' role and brings its rights up to date, in one
	 * transaction of the service's own user, after the system schema is migrated.
	 * @param configuredUser the role the operator named, or blank
	 * @param configuredPassword its password
	 */
	static Credentials prepare(Database database, DataSource dataSource, String configuredUser,
			String configuredPassword) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				execute(connection, LOCK);
				Credentials credentials = choose(connection, database, configuredUser, configuredPassword);
				if (credentials.restricted()) {
					grant(connection, credentials.user());
				}
				connection.commit();
				if (credentials.restricted()) {
					warnOfExcess(connection, credentials.user());
				}
				return credentials;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the rows role: " + ex.getMessage(), ex);
		}
	}

	private static Credentials choose(Connection connection, Database database, String configuredUser,
			String configuredPassword) throws SQLException {
		String self = queryString(connection, "SELECT current_user");
		if (configuredUser != null && !configuredUser.isBlank()) {
			if (configuredUser.equals(self)) {
				log.warn("Rows run as {}, the service's own database user, with its full rights: "
						+ "DYNTABLES_ROWS_DB_USER should name a role of its own", self);
				return new Credentials(self, database.password(), false);
			}
			if (!roleExists(connection, configuredUser)) {
				throw new IllegalStateException("DYNTABLES_ROWS_DB_USER names the role " + configuredUser
						+ ", which the database does not have: create it first");
			}
			log.info("Rows run as {}, limited to the user tables", configuredUser);
			return new Credentials(configuredUser, configuredPassword, true);
		}
		boolean mayCreateRoles = queryBoolean(connection,
				"SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
		String ownPassword = database.password();
		if (!mayCreateRoles || ownPassword == null || ownPassword.isEmpty()) {
			log.warn("Rows run as {}, the service's own database user, with its full rights (the event store "
					+ "included): set DYNTABLES_ROWS_DB_USER and DYNTABLES_ROWS_DB_PASSWORD to a role limited to "
					+ "the user tables, or give {} CREATEROLE and a password so that the service makes one", self,
					self);
			return new Credentials(self, ownPassword, false);
		}
		String role = managedName(self);
		String password = derivedPassword(ownPassword);
		if (!roleExists(connection, role)) {
			execute(connection, "CREATE ROLE " + quoted(connection, role) + " LOGIN NOINHERIT");
			log.info("Created the role {} for rows", role);
		}
		connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
		if (queryBoolean(connection, """
				SELECT d.datdba = r.oid OR r.rolsuper FROM pg_database d, pg_roles r
				WHERE d.datname = current_database() AND r.rolname = current_user""")) {
			closePublicRights(connection, role);
		}
		log.info("Rows run as {}, limited to the user tables", role);
		return new Credentials(role, password, true);
	}

	/**
	 * What every role may do in a new database and rows must not: make temporary tables,
	 * and (before PostgreSQL 15) tables in schema public. Only for the database's owner,
	 * on the service's own database.
	 */
	private static void closePublicRights(Connection connection, String role) throws SQLException {
		String database = queryString(connection, "SELECT quote_ident(current_database())");
		execute(connection, "REVOKE TEMPORARY ON DATABASE " + database + " FROM PUBLIC");
		execute(connection, "GRANT CONNECT ON DATABASE " + database + " TO " + quoted(connection, role));
		if (queryBoolean(connection, "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public')")) {
			execute(connection, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
		}
	}

	/**
	 * The role's rights: the data schema's tables and sequences, those there now and
	 * those the service's user makes later; none on the system schema.
	 */
	private static void grant(Connection connection, String role) throws SQLException {
		String quoted = quoted(connection, role);
		execute(connection, "REVOKE ALL ON SCHEMA dyntables FROM PUBLIC");
		execute(connection, "REVOKE ALL ON SCHEMA dyntables FROM " + quoted);
		execute(connection, "REVOKE ALL ON SCHEMA dyntables_data FROM PUBLIC");
		execute(connection, "REVOKE CREATE ON SCHEMA dyntables_data FROM " + quoted);
		execute(connection, "GRANT USAGE ON SCHEMA dyntables_data TO " + quoted);
		execute(connection,
				"ALTER DEFAULT PRIVILEGES IN SCHEMA dyntables_data GRANT " + TABLE_RIGHTS + " ON TABLES TO " + quoted);
		execute(connection, "ALTER DEFAULT PRIVILEGES IN SCHEMA dyntables_data GRANT " + SEQUENCE_RIGHTS
				+ " ON SEQUENCES TO " + quoted);
		long lacking;
		try (PreparedStatement statement = connection.prepareStatement(LACKING)) {
			for (int i = 1; i <= 6; i++) {
				statement.setString(i, role);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				lacking = result.getLong(1);
			}
		}
		// once, for tables made before the role had default privileges: later starts
		// find nothing lacking and touch no table
		if (lacking > 0) {
			execute(connection, "GRANT " + TABLE_RIGHTS + " ON ALL TABLES IN SCHEMA dyntables_data TO " + quoted);
			execute(connection, "GRANT " + SEQUENCE_RIGHTS + " ON ALL SEQUENCES IN SCHEMA dyntables_data TO " + quoted);
			log.info("Granted {} its rights on {} existing tables and sequences", role, lacking);
		}
	}

	/**
	 * Says which rights beyond rows the role still has, which only the operator can take
	 * away (or which a role the operator made was given).
	 */
	private static void warnOfExcess(Connection connection, String role) throws SQLException {
		List<String> excess = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(EXCESS)) {
			statement.setString(1, role);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					for (int i = 0; i < EXCESS_NAMES.length; i++) {
						if (result.getBoolean(i + 1)) {
							excess.add(EXCESS_NAMES[i]);
						}
					}
				}
			}
		}
		connection.commit();
		if (!excess.isEmpty()) {
			log.warn("The rows role {} has rights beyond the user tables' rows: {}; take them away (see the "
					+ "operator's SQL for an external database)", role, String.join(", ", excess));
		}
	}

	/**
	 * The name of the role the service makes for rows: its own user's name and
	 * {@code _rows}. Roles belong to the whole server, and a user has one password on it,
	 * so every service that logs in as the same user derives the same password for the
	 * same role, and services of different users never change each other's.
	 */
	static String managedName(String ownUser) {
		String name = ownUser + "_rows";
		if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
			return name;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(ownUser.getBytes(StandardCharsets.UTF_8));
			return "dyntables_rows_" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	/**
	 * The rows role's password, derived from the service's own: an HMAC keyed by it, so
	 * knowing the one does not give away the other.
	 */
	static String derivedPassword(String ownPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(ownPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] derived = mac.doFinal("password of the rows role".getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", ex);
		}
	}

	private static boolean roleExists(Connection connection, String role) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = ?)")) {
			statement.setString(1, role);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	/** A role name as an SQL identifier, quoted by PostgreSQL itself. */
	private static String quoted(Connection connection, String role) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(?)")) {
			statement.setString(1, role);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			return result.next() && result.getBoolean(1);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
