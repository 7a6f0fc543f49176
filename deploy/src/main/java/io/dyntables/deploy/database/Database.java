package io.dyntables.deploy.database;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;

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

	/** The embedded server's socket folder, inside its data directory. */
	static final String SOCKET_DIRECTORY = "socket";

	/** Who may connect to the embedded server: with the password, locally only. */
	private static final String HBA = """
			# Written by dyntables at each start: a password (SCRAM) for every connection,
			# over this server's socket or 127.0.0.1 only.
			local all all scram-sha-256
			host  all all 127.0.0.1/32 scram-sha-256
			""";

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final EmbeddedPostgres embedded;

	private final DataDirectoryLock lock;

	private boolean closed;

	private Database(String jdbcUrl, String user, String password, EmbeddedPostgres embedded, DataDirectoryLock lock) {
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
		this.lock = lock;
	}

	/** A configured PostgreSQL, by JDBC URL. */
	public static Database external(String jdbcUrl, String user, String password) {
		if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException("DYNTABLES_DB_URL must be a jdbc:postgresql:// URL");
		}
		return new Database(jdbcUrl, user, password, null, null);
	}

	/**
	 * Starts an embedded PostgreSQL on a free port of 127.0.0.1, keeping its files in the
	 * {@code postgres} folder of the data directory. Refuses a directory that another
	 * running service uses; stops a server that a crashed one left running there.
	 */
	public static Database embedded(Path dataDirectory) throws IOException {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		Files.createDirectories(directory);
		DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
		try {
			Path files = directory.resolve("postgres");
			log.info("No database configured: starting an embedded PostgreSQL with its files in {}", files);
			OrphanedPostmaster.stopIfRunning(files);
			SuperuserPassword superuser = new SuperuserPassword(directory);
			String password = superuser.password();
			boolean unset = superuser.unset(!Files.exists(files.resolve("postgresql.conf")));
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(files)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100")
				// a row answered with 2xx is durable: the embedded server starts with
				// fsync (-F) and synchronous_commit off, which could lose it in a crash
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("listen_addresses", "127.0.0.1")
				// relative to the data directory, as a socket's path must stay short
				.setServerConfig("unix_socket_directories", SOCKET_DIRECTORY)
				.setServerConfig("unix_socket_permissions", "0700")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setConnectConfig("password", password)
				.setDataDirectoryCustomizer((folder) -> secure(folder.toPath(), superuser, unset ? password : null))
				.start();
			return new Database("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", password,
					postgres, lock);
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	/**
	 * Before each start of the stopped server: a password for every connection, over the
	 * loopback address or a socket in a folder only the owner can enter.
	 */
	private static void secure(Path files, SuperuserPassword superuser, String unsetPassword) {
		try {
			Files.writeString(files.resolve("pg_hba.conf"), HBA);
			Path socket = files.resolve(SOCKET_DIRECTORY);
			Files.createDirectories(socket);
			Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwx------"));
			if (unsetPassword != null) {
				superuser.set(files, unsetPassword);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** Whether this is the embedded PostgreSQL, whose superuser the service is. */
	public boolean embedded() {
		return this.embedded != null;
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

	/**
	 * The settings of a JDBC connection of its own, outside the pools: this database's
	 * user and password, and the name the connection shows in {@code pg_stat_activity}.
	 */
	Properties ownConnectionProperties(String applicationName) {
		Properties properties = new Properties();
		if (this.user != null) {
			properties.setProperty("user", this.user);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		properties.setProperty("ApplicationName", applicationName);
		return properties;
	}

	/** Stops the embedded PostgreSQL, once; a configured one is left alone. */
	@Override
	public synchronized void close() throws IOException {
		if (this.embedded != null && !this.closed) {
			this.closed = true;
			log.info("Stopping the embedded PostgreSQL");
			try {
				this.embedded.close();
			}
			finally {
				this.lock.close();
			}
		}
	}

}
