package io.dyntables.deploy.database;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded superuser's password: generated once, kept in the data directory readable
 * by its owner only, and set on the superuser while the server is stopped (single-user
 * mode: no connection, so no moment when anyone could log in without it). Data
 * directories made before passwords existed get theirs on their next start.
 */
final class SuperuserPassword {

	private static final Logger log = LoggerFactory.getLogger(SuperuserPassword.class);

	static final String FILE_NAME = "postgres-password";

	private final Path file;

	/** Written before the password is set on the superuser, renamed after. */
	private final Path pending;

	SuperuserPassword(Path directory) {
		this.file = directory.resolve(FILE_NAME);
		this.pending = directory.resolve(FILE_NAME + ".new");
	}

	/**
	 * The password: the superuser's, or the one it is about to get (generated on the
	 * first call and kept until it is set).
	 */
	String password() throws IOException {
		if (Files.exists(this.file)) {
			return Files.readString(this.file).trim();
		}
		if (!Files.exists(this.pending)) {
			Path written = Files.createTempFile(this.file.getParent(), FILE_NAME, ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(written, generate() + "\n");
			Files.move(written, this.pending, StandardCopyOption.ATOMIC_MOVE);
		}
		return Files.readString(this.pending).trim();
	}

	/**
	 * Whether the superuser still lacks the password: a data directory just made, one
	 * made before passwords existed, or a start that crashed before it finished setting
	 * it.
	 */
	boolean unset(boolean newDataDirectory) {
		return newDataDirectory || !Files.exists(this.file);
	}

	/** Sets the password on the superuser of the stopped server in the data directory. */
	void set(Path dataDirectory, String password) throws IOException {
		alterSuperuser(dataDirectory, password);
		if (Files.exists(this.pending)) {
			Files.move(this.pending, this.file, StandardCopyOption.ATOMIC_MOVE);
		}
		log.info("The embedded PostgreSQL superuser's password is set; it is kept in {}", this.file);
	}

	private static String generate() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * Runs {@code postgres --single} on the data directory with the one statement on its
	 * input, the way the embedded server itself is run (in a user namespace when started
	 * as root, which PostgreSQL refuses).
	 */
	private static void alterSuperuser(Path dataDirectory, String password) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(new File(binaries(), "bin/postgres").getPath(), "--single", "-D",
				dataDirectory.toString(), "-c", "exit_on_error=true", "postgres"));
		Path output = Files.createTempFile("dyntables-postgres-single", ".log");
		try {
			Process postgres = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			try (OutputStream input = postgres.getOutputStream()) {
				// the password is base64url: nothing in it needs quoting
				input.write(("ALTER ROLE postgres PASSWORD '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
			}
			if (!postgres.waitFor(60, TimeUnit.SECONDS) || postgres.exitValue() != 0) {
				postgres.destroyForcibly();
				throw new IOException("Could not set the PostgreSQL superuser's password: " + Files.readString(output));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while setting the PostgreSQL superuser's password", ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * Where the embedded binaries are unpacked. The library keeps the answer private; it
	 * is the one it uses itself, unpacked once per machine.
	 */
	private static File binaries() throws IOException {
		try {
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepare.setAccessible(true);
			return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IOException("Cannot find the embedded PostgreSQL binaries", ex);
		}
	}

}
