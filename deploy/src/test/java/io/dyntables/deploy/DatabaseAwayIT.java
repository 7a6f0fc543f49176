package io.dyntables.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped, then frozen, under a running service, on an embedded PostgreSQL of
 * its own: readiness goes DOWN within seconds while liveness stays UP, the health
 * endpoint always answers at once, API calls answer 503 with Retry-After within seconds
 * instead of hanging, and everything works again, the projector included, once the
 * database is back.
 */
class DatabaseAwayIT {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAwayIT.class);

	@Test
	void stoppedAndFrozenDatabaseIsAnsweredFastAndRecoveredFrom() throws Exception {
		try (Service service = Service.start("db-away")) {
			WebTestClient http = service.http();
			Api api = new Api(http);
			Postgres postgres = service.postgres();
			long id = api.createTable("Weather", Map.of("city", "text"));
			api.insert(id, Map.of("city", "Oslo"));
			assertThat(status(http, "/actuator/health/readiness")).isEqualTo(200);

			postgres.stopImmediately();
			long down = millisUntilReadinessIs(http, 503, Duration.ofSeconds(5));
			log.info("Stopped: readiness DOWN after {} ms", down);
			assertThat(status(http, "/actuator/health/liveness")).isEqualTo(200);
			assertRefusedFast(http, HttpMethod.GET, "/api/table/" + id + "/rows", null, Duration.ofSeconds(2));
			assertRefusedFast(http, HttpMethod.POST, "/api/table/" + id + "/row", Map.of("city", "Bergen"),
					Duration.ofSeconds(2));
			assertRefusedFast(http, HttpMethod.PUT, "/api/table/" + id,
					Map.of("fields", Map.of("city", "text", "rain", "integer")), Duration.ofSeconds(2));

			postgres.start();
			long up = millisUntilReadinessIs(http, 200, Duration.ofSeconds(10));
			log.info("Restarted: readiness UP after {} ms", up);
			assertWorks(api, id, "rain");

			postgres.freeze();
			try {
				long start = System.nanoTime();
				for (int i = 0; i < 6; i++) {
					long answered = millis(() -> status(http, "/actuator/health"));
					assertThat(answered).as("the health endpoint answers at once").isLessThan(1000);
					Thread.sleep(300);
				}
				long frozenDown = millisUntilReadinessIs(http, 503, Duration.ofSeconds(5)) + elapsed(start);
				log.info("Frozen: readiness DOWN after {} ms", frozenDown);
				assertThat(status(http, "/actuator/health/liveness")).isEqualTo(200);
				assertRefusedFast(http, HttpMethod.GET, "/api/table/" + id + "/rows", null, Duration.ofSeconds(1));
				assertRefusedFast(http, HttpMethod.PUT, "/api/table/" + id,
						Map.of("fields", Map.of("city", "text", "rain", "integer", "wind", "integer")),
						Duration.ofSeconds(1));
			}
			finally {
				postgres.thaw();
			}
			long thawed = millisUntilReadinessIs(http, 200, Duration.ofSeconds(10));
			log.info("Thawed: readiness UP after {} ms", thawed);
			assertWorks(api, id, "wind");
		}
	}

	/**
	 * A request under way when the database freezes is answered 503 once the freeze is
	 * noticed, not when the database returns.
	 */
	@Test
	void requestUnderWayWhenTheDatabaseFreezesIsAnswered503() throws Exception {
		try (Service service = Service.start("db-frozen")) {
			WebTestClient http = service.http();
			Api api = new Api(http);
			Postgres postgres = service.postgres();
			long id = api.createTable("Tides", Map.of("port", "text"));
			Object rowId = api.insert(id, Map.of("port", "Brest")).get("id");
			postgres.freeze();
			try {
				// sent at once: the check has not noticed yet, so the request reaches the
				// database and waits on it (a single row, whose answer is not begun
				// before
				// the row is read, unlike a listing's)
				assertRefusedFast(http, HttpMethod.GET, "/api/table/" + id + "/rows/" + rowId, null,
						Duration.ofSeconds(4));
			}
			finally {
				postgres.thaw();
			}
			millisUntilReadinessIs(http, 200, Duration.ofSeconds(10));
			assertThat(api.rows(id)).hasSize(1);
		}
	}

	/** Reads, writes and schema changes answer again, the projector applying changes. */
	private static void assertWorks(Api api, long id, String newField) {
		long start = System.nanoTime();
		assertThat(api.rows(id)).isNotEmpty();
		Map<String, Object> fields = new LinkedHashMap<>(Json.types(api.table(id)));
		Map<String, Object> row = new LinkedHashMap<>();
		fields.forEach((name, type) -> row.put(name, type.equals("integer") ? (Object) 1 : "Tromsø"));
		api.insert(id, row);
		fields.put(newField, "integer");
		Api.await(Duration.ofSeconds(30), "a schema change applied",
				() -> api.put(id, Map.of("fields", fields)).returnResult(String.class).getStatus().value() == 200
						|| Json.types(api.table(id)).containsKey(newField));
		assertThat(Json.types(api.table(id))).containsKey(newField);
		log.info("Working again: read, write and schema change in {} ms", elapsed(start));
	}

	private static void assertRefusedFast(WebTestClient http, HttpMethod method, String uri, Object body,
			Duration within) {
		long start = System.nanoTime();
		WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
		WebTestClient.ResponseSpec response = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange() : request.exchange();
		EntityExchangeResult<Map<String, Object>> result = response.expectBody(Json.MAP).returnResult();
		long took = elapsed(start);
		log.info("{} {} answered {} in {} ms", method, uri, result.getStatus(), took);
		assertThat(result.getStatus().value()).as(method + " " + uri).isEqualTo(503);
		assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(result.getResponseBody()).containsEntry("code", "database-unavailable");
		assertThat(took).as(method + " " + uri + " answered within " + within).isLessThan(within.toMillis());
	}

	private static long millisUntilReadinessIs(WebTestClient http, int status, Duration deadline)
			throws InterruptedException {
		long start = System.nanoTime();
		while (status(http, "/actuator/health/readiness") != status) {
			assertThat(elapsed(start)).as("readiness answers " + status + " within " + deadline)
				.isLessThan(deadline.toMillis());
			Thread.sleep(100);
		}
		return elapsed(start);
	}

	private static int status(WebTestClient http, String uri) {
		return http.get().uri(uri).exchange().returnResult(String.class).getStatus().value();
	}

	private static long millis(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return elapsed(start);
	}

	private static long elapsed(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	/**
	 * The service on an embedded PostgreSQL of its own, checked every half second, with a
	 * client for it; closed service first, then whatever server it left running.
	 */
	private record Service(ConfigurableApplicationContext context, Postgres postgres) implements AutoCloseable {

		static Service start(String name) throws IOException {
			Path dataDir = Path.of("target/it-data/" + name + "-" + UUID.randomUUID()).toAbsolutePath();
			ConfigurableApplicationContext context = new SpringApplicationBuilder(DyntablesApplication.class).run(
					"--server.port=0", "--dyntables.db.url=", "--dyntables.data-dir=" + dataDir,
					"--dyntables.db.health.interval=500ms", "--dyntables.db.health.timeout=1s");
			return new Service(context, new Postgres(dataDir.resolve("postgres")));
		}

		WebTestClient http() {
			int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
			return WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.responseTimeout(Duration.ofSeconds(30))
				.build();
		}

		@Override
		public void close() throws Exception {
			try (this.postgres; this.context) {
				// closed in the reverse order
			}
		}

	}

	/**
	 * The embedded PostgreSQL under the service, stopped, started, frozen and thawed by
	 * signals, and started again on the same port and data directory.
	 */
	private static final class Postgres implements AutoCloseable {

		private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|(\\S+)");

		private final Path directory;

		/** The server's command line as PostgreSQL records it, binary first. */
		private final List<String> commandLine = new ArrayList<>();

		Postgres(Path directory) throws IOException {
			this.directory = directory;
			Matcher argument = ARGUMENT.matcher(Files.readString(directory.resolve("postmaster.opts")));
			while (argument.find()) {
				this.commandLine.add((argument.group(1) != null) ? argument.group(1) : argument.group(2));
			}
		}

		/**
		 * As in a crash (pg_ctl's immediate mode): every PostgreSQL process quits at
		 * once.
		 */
		void stopImmediately() throws Exception {
			ProcessHandle postmaster = postmaster().orElseThrow();
			run("kill", "-QUIT", String.valueOf(postmaster.pid()));
			postmaster.onExit().get(30, TimeUnit.SECONDS);
		}

		/**
		 * Starts the server again with the command line it last ran with (port and
		 * settings included), as the embedded PostgreSQL does: as root, in a user
		 * namespace of its own, since PostgreSQL refuses to run as root.
		 */
		void start() throws IOException {
			List<String> command = new ArrayList<>();
			if (LinuxUtils.isUnshareAvailable()) {
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(this.commandLine);
			new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolveSibling("restarted.log").toFile())
				.start();
		}

		/** Stops (SIGSTOP) the postmaster and every backend. */
		void freeze() throws Exception {
			ProcessHandle postmaster = postmaster().orElseThrow();
			// the postmaster first, so that no backend is started while the others
			// are being stopped
			run("kill", "-STOP", String.valueOf(postmaster.pid()));
			signalChildren(postmaster, "-STOP");
		}

		void thaw() throws Exception {
			ProcessHandle postmaster = postmaster().orElseThrow();
			signalChildren(postmaster, "-CONT");
			run("kill", "-CONT", String.valueOf(postmaster.pid()));
		}

		/** Stops a server the service did not stop (a restarted one is not its own). */
		@Override
		public void close() throws Exception {
			Optional<ProcessHandle> postmaster = postmaster();
			if (postmaster.isPresent()) {
				run("kill", "-CONT", String.valueOf(postmaster.get().pid()));
				run("kill", "-INT", String.valueOf(postmaster.get().pid()));
				postmaster.get().onExit().get(30, TimeUnit.SECONDS);
			}
		}

		private Optional<ProcessHandle> postmaster() throws IOException {
			Path pidFile = this.directory.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
				.filter(ProcessHandle::isAlive);
		}

		/** Signals every backend; one that ended meanwhile is no failure. */
		private static void signalChildren(ProcessHandle postmaster, String signal) throws Exception {
			List<String> command = new ArrayList<>(List.of("kill", signal));
			postmaster.descendants().forEach((process) -> command.add(String.valueOf(process.pid())));
			ended(command);
		}

		private static void run(String... command) throws Exception {
			assertThat(ended(List.of(command)).exitValue()).as(String.join(" ", command)).isZero();
		}

		/** Runs a command, its output discarded, and waits for it to end. */
		private static Process ended(List<String> command) throws Exception {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
			return process;
		}

	}

}
