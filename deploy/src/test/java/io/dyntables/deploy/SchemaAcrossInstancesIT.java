package io.dyntables.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dyntables.deploy.database.Database;
import io.dyntables.query.catalog.SchemaChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.dyntables.deploy.Instances.client;
import static io.dyntables.deploy.Instances.claimed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, the projector on the first (A): the second (B) learns
 * of every change made through A, and PostgreSQL itself refuses what B would let through
 * with a stale schema. Some cases stop B's listener, so that B's schema is surely stale
 * and only the database and the retry against the fresh schema stand in the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaAcrossInstancesIT {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final String LISTENER = "dyntables schema listener";

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private Api viaA;

	private Api viaB;

	private WebTestClient httpB;

	@BeforeAll
	void start() throws InterruptedException {
		this.first = new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
				"--dyntables.data-dir=target/it-data/across-" + UUID.randomUUID());
		Database database = this.first.getBean(Database.class);
		Api.await(Duration.ofSeconds(30), "the projector to claim its segment", () -> claimed(this.first));
		this.second = new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
				"--dyntables.db.url=" + database.jdbcUrl(), "--dyntables.db.password=" + database.password(),
				"--dyntables.projection-wait=5s");
		assertThat(claimed(this.second)).as("the projector runs on A only").isFalse();
		this.viaA = new Api(client(this.first));
		this.httpB = client(this.second);
		this.viaB = new Api(this.httpB);
		Api.await(Duration.ofSeconds(10), "both listeners to listen", () -> listenerPids().size() == 2);
	}

	@AfterAll
	void stop() {
		if (this.second != null) {
			this.second.close();
		}
		if (this.first != null) {
			this.first.close();
		}
	}

	@Test
	@Order(1)
	void rowWithoutANewRequiredFieldIsRefusedThroughTheOtherInstanceEveryTime() {
		Map<String, Object> fields = new LinkedHashMap<>(Map.of("a", "string"));
		long id = this.viaA.createTable("Stale", fields);
		this.viaB.insert(id, Map.of("a", "cached now"));
		for (int round = 0; round < 20; round++) {
			String added = "n" + round;
			fields.put(added, "integer");
			this.viaA.changeSchema(id, Map.of("fields", fields));
			Map<String, Object> row = new HashMap<>();
			fields.keySet().forEach((name) -> row.put(name, name.equals("a") ? "x" : 1));
			row.remove(added);
			this.viaB.postRow(id, row)
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("missing-value")
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/" + added);
			row.put(added, 1);
			this.viaB.insert(id, row);
		}
	}

	@Test
	@Order(2)
	void databaseRefusesARowTheStaleSchemaOfASilentInstanceWouldAccept() {
		long id = this.viaA.createTable("Deaf", Map.of("a", "string"));
		this.viaB.insert(id, Map.of("a", "cached now"));
		withoutListenerOnB(() -> {
			this.viaA.changeSchema(id, Map.of("fields", Map.of("a", "string", "count", "integer")));
			this.viaB.postRow(id, Map.of("a", "no count"))
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/count");
			assertThat(this.viaA.rows(id)).extracting((row) -> row.get("a")).containsExactly("cached now");
		});
	}

	@Test
	@Order(3)
	void defaultOfANewFieldIsUsedByTheOtherInstance() {
		long id = this.viaA.createTable("Defaults", Map.of("a", "string"));
		this.viaB.insert(id, Map.of("a", "cached now"));
		withoutListenerOnB(() -> {
			this.viaA.changeSchema(id,
					Map.of("fields", Map.of("a", "string", "level", Map.of("type", "integer", "default", 7))));
			assertThat(this.viaB.insert(id, Map.of("a", "defaulted"))).containsEntry("level", 7);
		});
		this.viaA.changeSchema(id,
				Map.of("fields", Map.of("a", "string", "level", Map.of("type", "integer", "default", 7), "tag",
						Map.of("type", "string", "required", false, "default", "none"))));
		Api.await(Duration.ofSeconds(5), "B to use the new optional field's default",
				() -> "none".equals(this.viaB.insert(id, Map.of("a", "later")).get("tag")));
	}

	@Test
	@Order(4)
	void listingAfterARenameOnTheOtherInstanceAnswersTheNewName() {
		long id = this.viaA.createTable("Renamed", Map.of("street", "string"));
		this.viaA.insert(id, Map.of("street", "Main"));
		assertThat(this.viaB.rows(id).get(0)).containsKey("street");
		withoutListenerOnB(() -> {
			client(this.first).patch()
				.uri("/api/table/{id}/fields/street", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "road"))
				.exchange()
				.expectStatus()
				.isOk();
			for (int i = 0; i < 3; i++) {
				assertThat(this.viaB.rows(id).get(0)).containsEntry("road", "Main").doesNotContainKey("street");
			}
		});
	}

	@Test
	@Order(5)
	void deletedTableIsGoneOnTheOtherInstance() {
		long id = this.viaA.createTable("Deleted", Map.of("a", "string"));
		Map<String, Object> row = this.viaB.insert(id, Map.of("a", "cached now"));
		withoutListenerOnB(() -> {
			client(this.first).delete().uri("/api/table/{id}", id).exchange().expectStatus().isNoContent();
			this.viaB.postRow(id, Map.of("a", "too late")).expectStatus().isEqualTo(410);
			this.httpB.get().uri("/api/table/{id}/rows", id).exchange().expectStatus().isEqualTo(410);
			this.httpB.get()
				.uri("/api/table/{id}/rows/{row}", id, row.get("id"))
				.exchange()
				.expectStatus()
				.isEqualTo(410);
		});
	}

	@Test
	@Order(6)
	void feedOfTheOtherInstanceTellsChangesAndResumesAfterTheLastSeen() throws Exception {
		long id = this.viaA.createTable("Followed", Map.of("a", "string"));
		CountDownLatch connected = new CountDownLatch(1);
		CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> live = this.httpB.get()
			.uri("/api/table/{id}/events", id)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.doOnNext((event) -> connected.countDown())
			// the creation may be told too, when B heard of it after the feed opened
			.filter((event) -> event.id() != null && !event.id().equals(id + ":0"))
			.take(2)
			.collectList()
			.timeout(Duration.ofSeconds(30))
			.toFuture();
		assertThat(connected.await(30, TimeUnit.SECONDS)).as("the feed is open").isTrue();
		this.viaA.changeSchema(id, Map.of("fields", Map.of("a", "string", "b", "integer")));
		this.viaA.changeSchema(id, Map.of("fields", Map.of("a", "string", "b", "integer", "c", "boolean")));
		List<ServerSentEvent<Map<String, Object>>> told = live.get(30, TimeUnit.SECONDS);
		assertThat(told).extracting(ServerSentEvent::id).containsExactly(id + ":1", id + ":2");
		assertThat(told.get(0).event()).isEqualTo("FieldAdded");
		assertThat(told.get(0).data()).containsEntry("summary", "added field b (integer)");

		List<ServerSentEvent<Map<String, Object>>> resumed = this.httpB.get()
			.uri("/api/table/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header("Last-Event-ID", id + ":0")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.id() != null && event.id().startsWith(id + ":"))
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(resumed).extracting(ServerSentEvent::id).containsExactly(id + ":1", id + ":2");

		this.httpB.get()
			.uri("/api/table/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header("Last-Event-ID", "999999999:0")
			.exchange()
			.expectStatus()
			.isEqualTo(400);
	}

	@Test
	@Order(7)
	void propagationToTheOtherInstance() {
		long id = this.viaA.createTable("Propagated", Map.of("a", "string"));
		this.viaA.insert(id, Map.of("a", "x"));
		assertThat(this.viaB.rows(id)).hasSize(1);
		Map<String, Object> fields = new LinkedHashMap<>(Map.of("a", "string"));
		List<Long> micros = new ArrayList<>();
		int warmUp = 5;
		for (int round = 0; round < warmUp + 50; round++) {
			String added = "p" + round;
			fields.put(added, Map.of("type", "integer", "required", false));
			this.viaA.changeSchema(id, Map.of("fields", fields));
			long answered = System.nanoTime();
			long deadline = answered + TimeUnit.SECONDS.toNanos(5);
			while (!this.viaB.rows(id).get(0).containsKey(added)) {
				assertThat(System.nanoTime()).as("B uses the new field within 5 s").isLessThan(deadline);
			}
			if (round >= warmUp) {
				micros.add((System.nanoTime() - answered) / 1000);
			}
		}
		Collections.sort(micros);
		long p50 = micros.get(micros.size() / 2);
		long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
		System.out.printf(
				"schema propagation A -> B over %d changes after a warm-up: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				micros.size(), p50 / 1000.0, p99 / 1000.0, micros.get(micros.size() - 1) / 1000.0);
		// each change was used by B within the deadline above, which B could only meet by
		// hearing of it; the figures depend on the machine's load (the goal, 200 ms at
		// p99, is met on a machine that is not overloaded), so they are printed, not
		// asserted
		assertThat(micros).hasSize(50);
	}

	@Test
	@Order(8)
	void lostListeningConnectionIsOpenedAgainAndTheSchemaStaysCurrent() {
		long id = this.viaA.createTable("Reconnected", Map.of("a", "string"));
		this.viaA.insert(id, Map.of("a", "x"));
		assertThat(this.viaB.rows(id).get(0)).doesNotContainKey("b");
		List<Integer> before = listenerPids();
		assertThat(before).hasSize(2);
		JdbcTemplate jdbc = this.first.getBean(JdbcTemplate.class);
		for (int pid : before) {
			jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
		}
		// a change while nobody may listen: B drops what it cached once it listens again
		this.viaA.changeSchema(id,
				Map.of("fields", Map.of("a", "string", "b", Map.of("type", "integer", "required", false))));
		Api.await(Duration.ofSeconds(10), "both listeners to listen again",
				() -> listenerPids().size() == 2 && Collections.disjoint(listenerPids(), before));
		Api.await(Duration.ofSeconds(5), "B to use the change made while it did not listen",
				() -> this.viaB.rows(id).get(0).containsKey("b"));
		// and it hears the next change as it comes
		this.viaA.changeSchema(id, Map.of("fields", Map.of("a", "string", "b",
				Map.of("type", "integer", "required", false), "c", Map.of("type", "integer", "required", false))));
		Api.await(Duration.ofSeconds(5), "B to use the next change", () -> this.viaB.rows(id).get(0).containsKey("c"));
		assertThat(this.viaB.insert(id, Map.of("a", "y", "c", 3))).containsEntry("c", 3).containsEntry("b", null);
	}

	/** Runs the action while B hears no change. */
	private void withoutListenerOnB(Runnable action) {
		SchemaChangeListener listener = this.second.getBean(SchemaChangeListener.class);
		listener.stop();
		try {
			action.run();
		}
		finally {
			listener.start();
		}
	}

	private List<Integer> listenerPids() {
		return this.first.getBean(JdbcTemplate.class)
			.queryForList("SELECT pid FROM pg_stat_activity WHERE application_name = ?", Integer.class, LISTENER);
	}

}
