package io.dyntables.deploy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.dyntables.query.projection.TableProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector's DDL, reference table, DDL log and token commit together: when an event
 * fails midway (its second statement), nothing of it stays, it is parked and retried, and
 * once the obstacle is gone the whole event applies.
 */
@DyntablesIT
class ProjectorTransactionIT {

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	DataSource dataSource;

	@Test
	void failedEventRollsBackEverythingAndIsRetried() throws Exception {
		Api api = new Api(this.http);
		long id = api.createTable("Half applied", Map.of("a", "text"));
		String table = "dyntables_data.\"" + api.table(id).get("physicalName") + "\"";
		// Adding a unique field runs ADD COLUMN, then ADD CONSTRAINT: a hand-made object
		// of
		// the constraint's name makes the second statement fail.
		String constraint = "\"uq_" + id + "_b\"";
		this.jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " UNIQUE (a)");

		CompletableFuture<Integer> change = CompletableFuture.supplyAsync(
				() -> api.put(id, Map.of("fields", Map.of("a", "text", "b", Map.of("type", "integer", "unique", true))))
					.returnResult(String.class)
					.getStatus()
					.value());
		waitUntil(() -> "schema-drift".equals(api.get("/api/table/{id}/status", id).get("code")));

		assertThat(columns(id)).containsExactlyInAnyOrder("id", "a");
		assertThat(this.jdbc.queryForObject("SELECT version FROM dyntables.table_ref WHERE id = ?", Long.class, id))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dyntables.ddl_log WHERE table_id = ? AND version = 2",
				Long.class, id))
			.isZero();

		this.jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint);
		assertThat(change.get(60, TimeUnit.SECONDS)).isEqualTo(200);
		assertThat(columns(id)).containsExactlyInAnyOrder("id", "a", "b");
		assertThat(api.version(id)).isEqualTo(2);
		// the column, its unique constraint and its required check, each logged once
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dyntables.ddl_log WHERE table_id = ? AND version = 2",
				Long.class, id))
			.isEqualTo(3);
	}

	/**
	 * A long transaction holding the table: the DDL gives up after its lock timeout
	 * instead of queueing every row read behind it, the change is parked and retried with
	 * backoff, and applies once the table is free.
	 */
	@Test
	void ddlWaitsForLocksOnlyBrieflyAndRetries() throws Exception {
		Api api = new Api(this.http);
		long id = api.createTable("Busy", Map.of("a", "text"));
		api.insert(id, Map.of("a", "x"));
		String table = "dyntables_data.\"" + api.table(id).get("physicalName") + "\"";
		try (Connection reader = this.dataSource.getConnection()) {
			reader.setAutoCommit(false);
			try (Statement statement = reader.createStatement()) {
				statement.execute("LOCK TABLE " + table + " IN ACCESS SHARE MODE");
			}
			CompletableFuture<Integer> change = CompletableFuture
				.supplyAsync(() -> api.put(id, Map.of("fields", Map.of("a", "text", "b", "integer")))
					.returnResult(String.class)
					.getStatus()
					.value());
			waitUntil(() -> "lock-timeout".equals(api.get("/api/table/{id}/status", id).get("code")));
			Instant before = Instant.now();
			assertThat(api.rows(id)).hasSize(1);
			assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
			assertThat(change).isNotDone();
			assertThat(projector().processingStatus().values()).noneMatch((segment) -> segment.isErrorState());
			reader.commit();
			assertThat(change.get(60, TimeUnit.SECONDS)).isEqualTo(200);
		}
		assertThat(columns(id)).containsExactlyInAnyOrder("id", "a", "b");
	}

	private TrackingEventProcessor projector() {
		return this.processing.eventProcessor(TableProjector.PROCESSING_GROUP, TrackingEventProcessor.class)
			.orElseThrow();
	}

	private List<String> columns(long id) {
		return PhysicalTables.columns(this.jdbc, id);
	}

	private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited 30 s for the condition").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
