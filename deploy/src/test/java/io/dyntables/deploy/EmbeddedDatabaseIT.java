package io.dyntables.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.dyntables.deploy.database.DataDirectoryInUseException;
import io.dyntables.deploy.database.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL guards its data directory: a password for every connection,
 * kept in the directory and given on their next start to directories made without one; a
 * pid file left by a dead server or naming another process does not stop a start; a
 * directory in use is refused.
 */
class EmbeddedDatabaseIT {

	private final Path directory = Path.of("target/it-data/embedded-" + UUID.randomUUID()).toAbsolutePath();

	@Test
	void directoryMadeWithoutPasswordGetsOneAndKeepsItsData() throws Exception {
		// as the service made it before passwords: initdb's trust, no password
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(this.directory.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start(); Connection connection = old.getPostgresDatabase().getConnection()) {
			execute(connection, "CREATE TABLE kept (a int); INSERT INTO kept VALUES (42)");
		}
		try (Database database = Database.embedded(this.directory)) {
			assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
			assertThat(database.password()).hasSizeGreaterThanOrEqualTo(32);
			try (Connection connection = connect(database, database.password())) {
				assertThat(count(connection, "SELECT a FROM kept")).isEqualTo(42);
			}
			assertThatThrownBy(() -> connect(database, "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect(database, "wrong")).isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
			Path passwordFile = this.directory.resolve("postgres-password");
			assertThat(Files.readString(passwordFile).trim()).isEqualTo(database.password());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(this.directory.resolve("postgres/socket"))))
				.isEqualTo("rwx------");
			assertThat(Files.readString(this.directory.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
		}
	}

	@Test
	void passwordIsKeptAcrossStarts() throws Exception {
		String first;
		try (Database database = Database.embedded(this.directory)) {
			first = database.password();
			try (Connection connection = connect(database, first)) {
				execute(connection, "CREATE TABLE kept (a int); INSERT INTO kept VALUES (7)");
			}
		}
		try (Database database = Database.embedded(this.directory); Connection connection = connect(database, first)) {
			assertThat(database.password()).isEqualTo(first);
			assertThat(count(connection, "SELECT a FROM kept")).isEqualTo(7);
		}
	}

	@Test
	void startsOverAPidFileOfADeadProcess() throws Exception {
		Database.embedded(this.directory).close();
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor(10, TimeUnit.SECONDS);
		writePidFile(gone.pid());
		try (Database database = Database.embedded(this.directory);
				Connection connection = connect(database, database.password())) {
			assertThat(count(connection, "SELECT 1")).isEqualTo(1);
		}
	}

	@Test
	void startsOverAPidFileNamingAnotherLiveProcess() throws Exception {
		Database.embedded(this.directory).close();
		Process other = new ProcessBuilder("sleep", "120").start();
		try {
			writePidFile(other.pid());
			try (Database database = Database.embedded(this.directory);
					Connection connection = connect(database, database.password())) {
				assertThat(count(connection, "SELECT 1")).isEqualTo(1);
			}
			assertThat(other.isAlive()).as("the other process is left alone").isTrue();
		}
		finally {
			other.destroyForcibly();
		}
	}

	@Test
	void directoryInUseIsRefused() throws Exception {
		try (Database database = Database.embedded(this.directory)) {
			assertThatThrownBy(() -> Database.embedded(this.directory)).isInstanceOf(DataDirectoryInUseException.class)
				.hasMessageContaining("is in use by another running dyntables");
			try (Connection connection = connect(database, database.password())) {
				assertThat(count(connection, "SELECT 1")).isEqualTo(1);
			}
		}
	}

	/** A pid file as a server killed with its children leaves it, naming the process. */
	private void writePidFile(long pid) throws Exception {
		Path pidFile = this.directory.resolve("postgres/postmaster.pid");
		Files.write(pidFile, List.of(Long.toString(pid), this.directory.resolve("postgres").toString(), "1700000000",
				"5432", "socket", "127.0.0.1", "  1234567     0", "ready   "));
	}

	private static Connection connect(Database database, String password) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.user(), password);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

}
