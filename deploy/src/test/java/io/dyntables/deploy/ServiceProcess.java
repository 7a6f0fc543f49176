package io.dyntables.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own JVM on an embedded PostgreSQL, for tests that kill it: started
 * from the test class path on a port and data directory of its own, its output kept in a
 * file.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path log;

	private final int port;

	private ServiceProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static ServiceProcess start(Path dataDirectory, String name) throws IOException {
		Files.createDirectories(dataDirectory);
		int port = freePort();
		Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + name + ".log");
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp", classPath, DyntablesApplication.class.getName(),
						"--server.port=" + port, "--dyntables.data-dir=" + dataDirectory.toAbsolutePath()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		environment.remove("DYNTABLES_DB_URL");
		environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
		return new ServiceProcess(builder.start(), log, port);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Process process() {
		return this.process;
	}

	String output() throws IOException {
		return Files.readString(this.log);
	}

	/** Waits until the service is ready; false if it is not by the deadline or exited. */
	boolean awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline) && this.process.isAlive()) {
			try {
				if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return true;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		return false;
	}

	/** The PostgreSQL server running in a data directory, as its pid file names it. */
	static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		return lines.isEmpty() ? Optional.empty()
				: ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
	}

	/**
	 * Kills any PostgreSQL left running in the data directory, once no service uses it.
	 */
	static void killPostgres(Path dataDirectory) throws Exception {
		Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
		if (postmaster.isPresent()) {
			postmaster.get().descendants().forEach(ProcessHandle::destroyForcibly);
			postmaster.get().destroyForcibly();
			postmaster.get().onExit().get(10, TimeUnit.SECONDS);
		}
	}

	/** Kills the JVM as a crash would (SIGKILL): its PostgreSQL lives on. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	/** Stops the service: SIGTERM, then SIGKILL. */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
