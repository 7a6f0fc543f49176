package io.dyntables.deploy.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running in the data directory by a service that crashed ({@code kill
 * -9} ends the JVM but not the server it started). Found through the server's own
 * {@code postmaster.pid} and stopped cleanly before the embedded server starts again;
 * called only while the {@link DataDirectoryLock} is held, so no live service owns it.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	/** Fast shutdown: sessions rolled back, a checkpoint written. */
	private static final Duration FAST = Duration.ofSeconds(30);

	/** Immediate shutdown: no checkpoint, the next start replays the WAL. */
	private static final Duration IMMEDIATE = Duration.ofSeconds(10);

	private static final Duration KILLED = Duration.ofSeconds(10);

	private OrphanedPostmaster() {
	}

	/**
	 * Stops the server that {@code postmaster.pid} names when it still runs in this data
	 * directory. A pid file whose process is gone is left to PostgreSQL, which replaces
	 * it; one whose number now belongs to another process is removed, since PostgreSQL
	 * would refuse to start beside it.
	 */
	static void stopIfRunning(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<Long> pid = pid(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			log.info("PostgreSQL (process {}) did not stop cleanly last time; it recovers on start", pid.get());
			return;
		}
		if (!runsIn(process.get(), dataDirectory)) {
			log.warn("Removing {}: its process {} is not a PostgreSQL of this data directory", pidFile, pid.get());
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn("A PostgreSQL (process {}) still runs in {}, left by a service that did not stop: stopping it",
				pid.get(), dataDirectory);
		stop(process.get());
	}

	private static Optional<Long> pid(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("-?[0-9]{1,10}")) {
			return Optional.empty();
		}
		// a negative number is a postgres --single session
		return Optional.of(Math.abs(Long.parseLong(lines.get(0).trim())));
	}

	/** A postmaster works in its data directory. */
	private static boolean runsIn(ProcessHandle process, Path dataDirectory) {
		try {
			return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), dataDirectory);
		}
		catch (IOException ex) {
			// no /proc to ask: trust the pid file if the process is a postgres
			return process.info().command().map((command) -> command.endsWith("postgres")).orElse(false);
		}
	}

	private static void stop(ProcessHandle postmaster) throws IOException {
		if (signal(postmaster, "INT") && exited(postmaster, FAST)) {
			log.info("Stopped the orphaned PostgreSQL (fast shutdown)");
			return;
		}
		if (signal(postmaster, "QUIT") && exited(postmaster, IMMEDIATE)) {
			log.warn("Stopped the orphaned PostgreSQL (immediate shutdown; it recovers from its WAL on start)");
			return;
		}
		postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
		postmaster.destroyForcibly();
		if (!exited(postmaster, KILLED)) {
			throw new IOException("Could not stop the PostgreSQL (process " + postmaster.pid()
					+ ") left running in the data directory");
		}
		log.warn("Killed the orphaned PostgreSQL; it recovers from its WAL on start");
	}

	/**
	 * Sends a signal Java cannot send itself (SIGINT, SIGQUIT) with the shell's
	 * {@code kill}.
	 */
	private static boolean signal(ProcessHandle process, String signal) throws IOException {
		Process kill = new ProcessBuilder("sh", "-c", "kill -s " + signal + " " + process.pid())
			.redirectErrorStream(true)
			.start();
		try {
			return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping PostgreSQL", ex);
		}
	}

	private static boolean exited(ProcessHandle process, Duration timeout) throws IOException {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping PostgreSQL", ex);
		}
	}

}
