package io.dyntables.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees: the metrics on {@code /actuator/prometheus} after some traffic
 * (HTTP latency by route template, both pools, the schema cache, rows written, the
 * projector's lag and progress), nothing else of the actuator exposed, every log line of
 * a request carrying its request id and trace id (the projector's lines too), and no span
 * exporter unless one is configured.
 */
@DyntablesIT
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void prometheusShowsRequestsPoolsCacheRowsAndProjection() {
		Api api = new Api(this.http);
		long id = api.createTable("Metered", Map.of("name", "string"));
		String before = scrape();
		api.insert(id, Map.of("name", "one"));
		this.http.post()
			.uri("/api/table/{id}/rows", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("name", "two"), Map.of("name", "three"), Map.of("name", "four")))
			.exchange()
			.expectStatus()
			.isCreated();
		this.http.post()
			.uri("/api/table/{id}/rows", id)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"name\":\"five\"}\n{\"name\":\"six\"}\n")
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(api.rows(id)).hasSize(6);
		api.postRow(id, Map.of("name", 12)).expectStatus().isEqualTo(422);
		// a request's timing is recorded once its answer is sent, maybe after the client
		// read it
		Api.await(Duration.ofSeconds(10), "the refused row's request in the metrics", () -> sum(scrape(),
				"http_server_requests_seconds_count", "uri=\"/api/table/{id}/row\"", "status=\"422\"") != null);
		String after = scrape();

		// HTTP latency histograms by route template and status, never by raw path
		assertThat(sum(after, "http_server_requests_seconds_count", "uri=\"/api/table/{id}/rows\"", "method=\"GET\"",
				"status=\"200\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(sum(after, "http_server_requests_seconds_bucket", "uri=\"/api/table/{id}/rows\"", "le=\"+Inf\""))
			.isGreaterThanOrEqualTo(3);
		assertThat(sum(after, "http_server_requests_seconds_count", "uri=\"/api/table/{id}/row\"", "status=\"422\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(after).doesNotContain("uri=\"/api/table/" + id);
		assertThat(after).contains("application=\"dyntables\"");

		// both pools
		assertThat(sum(after, "hikaricp_connections_max", "pool=\"dyntables-jdbc\"")).isEqualTo(10);
		assertThat(sum(after, "hikaricp_connections_active", "pool=\"dyntables-jdbc\"")).isNotNull();
		assertThat(sum(after, "r2dbc_pool_max_allocated_connections", "name=\"dyntables-rows\"")).isPositive();
		assertThat(sum(after, "r2dbc_pool_allocated_connections", "name=\"dyntables-rows\"")).isPositive();
		assertThat(sum(after, "r2dbc_pool_pending_connections", "name=\"dyntables-rows\"")).isNotNull();

		// the schema cache: the writes above read the schema from it
		assertThat(sum(after, "cache_gets_total", "cache=\"schemas\"", "result=\"hit\""))
			.isGreaterThan(sum(before, "cache_gets_total", "cache=\"schemas\"", "result=\"hit\""));
		assertThat(sum(after, "cache_gets_total", "cache=\"schemas\"", "result=\"miss\"")).isNotNull();
		assertThat(sum(after, "cache_evictions_total", "cache=\"schemas\"")).isNotNull();
		assertThat(sum(after, "cache_size", "cache=\"schemas\"")).isPositive();

		// rows written: exactly the rows above, the refused one not counted
		assertThat(delta(before, after, "dyntables_rows_written_total", "operation=\"insert\"")).isEqualTo(1);
		assertThat(delta(before, after, "dyntables_rows_written_total", "operation=\"load\"")).isEqualTo(5);
		assertThat(delta(before, after, "dyntables_rows_loads_total", "format=\"json\"")).isEqualTo(1);
		assertThat(delta(before, after, "dyntables_rows_loads_total", "format=\"ndjson\"")).isEqualTo(1);

		// the projector: its segment's lag drops to 0 once the table's events are applied
		Api.await(Duration.ofSeconds(30), "the projection lag gauge at 0", () -> {
			String now = scrape();
			Double lag = sum(now, "dyntables_projection_lag", "segment=\"0\"");
			Double head = sum(now, "dyntables_projection_head");
			return lag != null && lag == 0 && head != null && head >= 0;
		});
		String settled = scrape();
		assertThat(sum(settled, "dyntables_projection_position", "segment=\"0\""))
			.isEqualTo(sum(settled, "dyntables_projection_head"));
		// applied counts per segment; the table's events went to whichever segment it hashes to
		assertThat(sum(settled, "dyntables_projection_events_applied_total")).isPositive();
		assertThat(sum(settled, "dyntables_replay_progress")).isBetween(0.0, 1.0);
		assertThat(sum(settled, "dyntables_replay_running")).isZero();

		// every metric the dashboard draws is there
		Matcher metric = Pattern.compile("([a-z_:][a-z0-9_:]*)\\{").matcher(dashboard());
		List<String> drawn = new ArrayList<>();
		while (metric.find()) {
			drawn.add(metric.group(1));
		}
		assertThat(drawn).hasSizeGreaterThan(10);
		assertThat(drawn).allSatisfy((name) -> assertThat(sum(settled, name)).as(name).isNotNull());
	}

	private static String dashboard() {
		try {
			return Files.readString(Path.of("grafana/dyntables.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theActuatorExposesHealthInfoAndPrometheusOnly() {
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk();
		for (String hidden : List.of("env", "metrics", "beans", "configprops", "loggers", "heapdump", "threaddump")) {
			this.http.get().uri("/actuator/" + hidden).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void spansLeaveTheProcessOnlyWhenAnExporterIsConfigured() {
		assertThat(this.context.getBeansOfType(SpanExporter.class)).isEmpty();
	}

	@Test
	void everyLogLineOfARequestCarriesItsRequestAndTraceId(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String handlers = "org.springframework.web.reactive.result.method.annotation";
		String projector = "io.dyntables.deploy.observe";
		logging.setLogLevel(handlers, LogLevel.DEBUG);
		logging.setLogLevel(projector, LogLevel.DEBUG);
		String requestId = "log-check-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		try {
			this.http.post()
				.uri("/api/table")
				.header("X-Request-Id", requestId)
				.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "Logged", "fields", Map.of("a", "string")))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectHeader()
				.valueEquals("X-Request-Id", requestId);
			Api.await(Duration.ofSeconds(10), "the projector's log line of the request",
					() -> lines(output, requestId).stream()
						.anyMatch((line) -> line.contains("Projecting TableCreated")));
		}
		finally {
			logging.setLogLevel(handlers, null);
			logging.setLogLevel(projector, null);
		}
		List<String> lines = lines(output, requestId);
		assertThat(lines).as("log lines of the request").hasSizeGreaterThanOrEqualTo(2);
		assertThat(lines).anyMatch((line) -> line.contains("ResponseEntityResultHandler")
				|| line.contains("ResponseBodyResultHandler") || line.contains("AbstractMessageWriterResultHandler"));
		assertThat(lines).allMatch((line) -> line.contains("[" + requestId + "," + traceId + ","));
		List<String> metaData = this.jdbc
			.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM dyntables.domain_event_entry "
					+ "WHERE position(? IN convert_from(meta_data, 'UTF8')) > 0", String.class, requestId);
		assertThat(metaData).as("the event's metadata").singleElement().asString().contains("00-" + traceId + "-");
	}

	@Test
	void theLogLinesOfRowLoadsAndPagesCarryTheirRequestAndTraceId(CapturedOutput output) {
		long id = new Api(this.http).createTable("LoggedRows", Map.of("a", "string"));
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String handlers = "org.springframework.web.reactive.result.method.annotation";
		logging.setLogLevel(handlers, LogLevel.DEBUG);
		String load = "log-load-" + UUID.randomUUID();
		String loadTrace = UUID.randomUUID().toString().replace("-", "");
		String page = "log-page-" + UUID.randomUUID();
		String pageTrace = UUID.randomUUID().toString().replace("-", "");
		try {
			// the load's answer is written once the database has taken the rows, on a
			// thread
			// of the database driver; the page's rows come from the driver one by one
			this.http.post()
				.uri("/api/table/{id}/rows", id)
				.header("X-Request-Id", load)
				.header("traceparent", "00-" + loadTrace + "-00f067aa0ba902b7-01")
				.contentType(MediaType.APPLICATION_NDJSON)
				.bodyValue("{\"a\":\"one\"}\n{\"a\":\"two\"}\n")
				.exchange()
				.expectStatus()
				.isCreated();
			this.http.get()
				.uri("/api/table/{id}/rows?limit=10", id)
				.header("X-Request-Id", page)
				.header("traceparent", "00-" + pageTrace + "-00f067aa0ba902b7-01")
				.exchange()
				.expectStatus()
				.isOk();
		}
		finally {
			logging.setLogLevel(handlers, null);
		}
		assertThat(lines(output, load)).as("log lines of the load").hasSizeGreaterThanOrEqualTo(2);
		assertThat(lines(output, load)).anyMatch((line) -> line.contains("ResponseEntityResultHandler"));
		assertThat(lines(output, load)).allMatch((line) -> line.contains("[" + load + "," + loadTrace + ","));
		assertThat(lines(output, page)).as("log lines of the page").isNotEmpty();
		assertThat(lines(output, page)).allMatch((line) -> line.contains("[" + page + "," + pageTrace + ","));
	}

	/** The captured lines that name the request id. */
	private static List<String> lines(CapturedOutput output, String requestId) {
		List<String> lines = new ArrayList<>();
		for (String line : output.getOut().split("\n")) {
			if (line.contains(requestId)) {
				lines.add(line);
			}
		}
		return lines;
	}

	private String scrape() {
		return new Api(this.http).text("/actuator/prometheus", MediaType.TEXT_PLAIN);
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})? (\\S+)$",
			Pattern.MULTILINE);

	/** The sum of the samples of a metric whose labels contain each fragment, or null. */
	private static Double sum(String scrape, String name, String... labels) {
		Double sum = null;
		Matcher sample = SAMPLE.matcher(scrape);
		while (sample.find()) {
			String labelSet = (sample.group(2) != null) ? sample.group(2) : "";
			if (sample.group(1).equals(name) && List.of(labels).stream().allMatch(labelSet::contains)) {
				sum = ((sum != null) ? sum : 0) + Double.parseDouble(sample.group(3));
			}
		}
		return sum;
	}

	private static double delta(String before, String after, String name, String... labels) {
		Double then = sum(before, name, labels);
		Double now = sum(after, name, labels);
		assertThat(now).as(name).isNotNull();
		return now - ((then != null) ? then : 0);
	}

}
