package io.dyntables.deploy;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that stall, leave, or ask more than the service has: a few slow uploaders never
 * take every connection, what they held is given back when they stop or go, and a request
 * that cannot get a connection in time is answered 503 with Retry-After. Short timeouts
 * and small pools here, so the limits are reached quickly.
 */
@DyntablesIT
@TestPropertySource(properties = { "dyntables.db.r2dbc-pool-size=5", "dyntables.db.jdbc-pool-size=6",
		"dyntables.db.acquire-timeout=2s", "dyntables.http.read-timeout=6s", "dyntables.rows.stream-row-timeout=6s",
		"server.netty.idle-timeout=4s", "spring.http.codecs.max-in-memory-size=100KB",
		"dyntables.rows.statement-timeout=500ms" })
class LimitsIT {

	/**
	 * How soon a request must answer while others stall: the 2 s acquire timeout plus
	 * room for a loaded machine; without the limits such requests waited until the client
	 * gave up.
	 */
	private static final Duration PROMPT = Duration.ofSeconds(5);

	@Autowired
	WebTestClient http;

	@Autowired
	ConnectionPool rowPool;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	private static String ndjson(int rows) {
		return IntStream.range(0, rows)
			.mapToObj((i) -> "{\"a\": " + i + ", \"b\": \"" + "x".repeat(20) + "\"}\n")
			.collect(Collectors.joining());
	}

	@Test
	void stalledUploadsLeaveTheRowApiAnswering() throws Exception {
		long table = this.api.createTable("stalled", Map.of("a", "integer", "b", "string"));
		List<RawHttp> uploads = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				RawHttp upload = RawHttp.connect(this.port);
				upload.send(RawHttp.stalledLoad(table, ndjson(1200)));
				uploads.add(upload);
			}
			// every other request answers at once while the uploads stall
			int inserted = 0;
			long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
			while (System.nanoTime() < until) {
				long start = System.nanoTime();
				this.api.postRow(table, Map.of("a", 1, "b", "probe")).expectStatus().isCreated();
				inserted++;
				this.http.get().uri("/api/table/{id}/rows?limit=1", table).exchange().expectStatus().isOk();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
			}
			// half the row pool (2 of 5) runs loads; the others were refused at once
			int refused = 0;
			for (RawHttp upload : uploads) {
				RawHttp.Answer answer = upload.answer(Duration.ofMillis(300));
				if (answer.status() == 503) {
					assertThat(answer.header("retry-after")).isNotBlank();
					assertThat(Json.map(answer.body())).containsEntry("code", "busy");
					refused++;
				}
			}
			assertThat(refused).isEqualTo(6);
			// the two admitted loads are abandoned when no row comes in time
			for (RawHttp upload : uploads) {
				RawHttp.Answer answer = upload.answer(Duration.ofSeconds(15));
				assertThat(answer.status()).isIn(0, 408, 503);
			}
			nothingHeld();
			assertThat(rowCount(table)).isEqualTo(inserted);
		}
		finally {
			for (RawHttp upload : uploads) {
				upload.close();
			}
		}
		nothingHeld();
		loadWorks(table);
	}

	@Test
	void uploadsWhoseClientsLeaveGiveEverythingBack() throws Exception {
		long table = this.api.createTable("left", Map.of("a", "integer", "b", "string"));
		for (int round = 0; round < 5; round++) {
			List<RawHttp> uploads = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				RawHttp upload = RawHttp.connect(this.port);
				upload.send(RawHttp.stalledLoad(table, ndjson(1200)));
				uploads.add(upload);
			}
			Api.await(Duration.ofSeconds(10), "both loads copying, round " + round + ", " + metrics(),
					() -> copies() == 2);
			for (RawHttp upload : uploads) {
				upload.close();
			}
			nothingHeld();
		}
		assertThat(rowCount(table)).isZero();
		loadWorks(table);
	}

	@Test
	void aRowDrippedByteByByteIsAbandoned() throws Exception {
		long table = this.api.createTable("dripped", Map.of("a", "integer", "b", "string"));
		try (RawHttp upload = RawHttp.connect(this.port)) {
			upload.send(RawHttp.stalledLoad(table, "{\"a\": 1, \"b\": \""));
			RawHttp.Answer answer = null;
			long start = System.nanoTime();
			// a byte a second keeps the connection under its read timeout, but no row
			// ever completes
			for (int i = 0; i < 20 && (answer == null || answer.status() == 0); i++) {
				try {
					upload.send("1\r\nx\r\n");
				}
				catch (IOException ex) {
					// closed after answering
				}
				answer = upload.answer(Duration.ofSeconds(1));
			}
			assertThat(answer.status()).as(answer.head()).isEqualTo(408);
			assertThat(Json.map(answer.body())).containsEntry("code", "request-timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
		}
		nothingHeld();
		assertThat(rowCount(table)).isZero();
	}

	@Test
	void halfARequestLineDoesNotKeepItsConnection() throws Exception {
		try (RawHttp client = RawHttp.connect(this.port)) {
			client.send("GET /api/ta");
			long start = System.nanoTime();
			RawHttp.Answer answer = client.answer(Duration.ofSeconds(20));
			// closed at the idle timeout (4 s here), well before the 20 s waited
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(answer.status()).isIn(0, 408);
		}
	}

	@Test
	void noFreeRowConnectionAnswers503WithRetryAfter() {
		long table = this.api.createTable("busy_rows", Map.of("a", "integer"));
		List<io.r2dbc.spi.Connection> held = Flux.range(0, 5)
			.flatMap((i) -> Mono.from(this.rowPool.create()))
			.collectList()
			.block(Duration.ofSeconds(10));
		try {
			long start = System.nanoTime();
			busy(this.http.get().uri("/api/table/{id}/rows", table).exchange());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
		}
		finally {
			Flux.fromIterable(held).flatMap(io.r2dbc.spi.Connection::close).blockLast(Duration.ofSeconds(10));
		}
		this.http.get().uri("/api/table/{id}/rows", table).exchange().expectStatus().isOk();
	}

	@Test
	void noFreeJdbcConnectionAnswers503WithRetryAfter() throws Exception {
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 6; i++) {
				held.add(this.dataSource.getConnection());
			}
			long start = System.nanoTime();
			busy(this.http.post()
				.uri("/api/table")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "busy_jdbc", "fields", Map.of("a", "integer")))
				.exchange());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		this.api.createTable("busy_jdbc_after", Map.of("a", "integer"));
	}

	@Test
	void theBodyLimitIsTheConfiguredOne() {
		long table = this.api.createTable("limit_set", Map.of("s", Map.of("type", "string", "maxLength", 200_000)));
		this.api.postRow(table, Map.of("s", "x".repeat(90_000))).expectStatus().isCreated();
		Api.refused(this.api.postRow(table, Map.of("s", "x".repeat(110_000))), 413, "payload-too-large");
	}

	@Test
	void aLoadMayRunLongerThanARowStatement() {
		long table = this.api.createTable("long_load", Map.of("a", "integer", "b", "string"));
		String rows = ndjson(200_000);
		long start = System.nanoTime();
		this.api.load(table, MediaType.APPLICATION_NDJSON, rows, 200_000);
		// longer than the 500 ms every other row statement may take
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
	}

	/** Checks a refusal for want of a connection: 503, busy, and when to try again. */
	private static void busy(ResponseSpec answer) {
		Api.refused(answer, 503, "busy");
		answer.expectHeader().exists("Retry-After");
	}

	/** No row connection in use and no COPY left in PostgreSQL, soon. */
	private void nothingHeld() {
		Api.await(Duration.ofSeconds(15), "row connections given back", () -> {
			PoolMetrics pool = this.rowPool.getMetrics().orElseThrow();
			return pool.acquiredSize() == 0 && pool.idleSize() == pool.allocatedSize();
		});
		Api.await(Duration.ofSeconds(15), "no COPY left", () -> copies() == 0);
	}

	private String metrics() {
		PoolMetrics pool = this.rowPool.getMetrics().orElseThrow();
		return "acquired " + pool.acquiredSize() + ", idle " + pool.idleSize() + ", allocated " + pool.allocatedSize()
				+ ", pending " + pool.pendingAcquireSize();
	}

	private int copies() {
		return this.jdbc.queryForObject(
				"select count(*) from pg_stat_activity where query like 'COPY %' and state <> 'idle'", Integer.class);
	}

	/**
	 * The rows of a table, counted in the database: listing them through the API is bound
	 * by the 500 ms row statement limit set here, which a loaded machine can exceed once
	 * the listing has started to stream, and the service then cuts the connection.
	 */
	private long rowCount(long table) {
		return PhysicalTables.rowCount(this.jdbc, table);
	}

	private void loadWorks(long table) {
		long before = rowCount(table);
		this.api.load(table, MediaType.APPLICATION_NDJSON, ndjson(1200), 1200);
		assertThat(rowCount(table)).isEqualTo(before + 1200);
	}

}
