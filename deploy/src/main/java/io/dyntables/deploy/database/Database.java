package io.dyntables.deploy.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database is: the configured PostgreSQL, or, when none is configured, an
 * embedded PostgreSQL 17 whose files persist in a data directory. The embedded server is
 * stopped when the application context closes, after everything that uses it.
 */
public final class Database implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(Database.class);

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final EmbeddedPostgres embedded;

	private boolean closed;

	private Database(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
	}

	/** A configured PostgreSQL, by JDBC URL. */
	public static Database external(String jdbcUrl, String user, String password) {
		if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException("DYNTABLES_DB_URL must be a jdbc:postgresql:// URL");
		}
		return new Database(jdbcUrl, user, password, null);
	}

	/**
	 * Starts an embedded PostgreSQL on a free port, keeping its files in the directory.
	 */
	public static Database embedded(Path dataDirectory) throws IOException {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		Files.createDirectories(directory);
		log.info("No database configured: starting an embedded PostgreSQL with its files in {}", directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			// a row answered with 2xx is durable: the embedded server starts with fsync
			// (-F) and synchronous_commit off, which could lose it in a crash
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("timezone", "UTC")
			.start();
		return new Database("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "",
				postgres);
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** The same database as an R2DBC URL. */
	public String r2dbcUrl() {
		return "r2dbc:" + this.jdbcUrl.substring("jdbc:".length());
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/** Stops the embedded PostgreSQL, once; a configured one is left alone. */
	@Override
	public synchronized void close() throws IOException {
		if (this.embedded != null && !this.closed) {
			this.closed = true;
			log.info("Stopping the embedded PostgreSQL");
			this.embedded.close();
		}
	}

}
