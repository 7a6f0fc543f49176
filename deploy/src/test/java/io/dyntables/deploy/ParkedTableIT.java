package io.dyntables.deploy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.Commands.ChangeSchema;
import io.dyntables.api.table.ConversionMode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table's trouble stays with that table: a change that cannot apply (its table locked
 * by another session, or changed by hand) is parked and retried, shown pending or failed
 * with a code and a sentence, while the other tables are created and changed as usual;
 * once the obstacle is gone it applies, in order.
 */
@DyntablesIT
class ParkedTableIT {

	/** What a client of another table may wait, at most, for an answer. */
	private static final Duration PROMPT = Duration.ofSeconds(5);

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	/** Text no status may show: SQL, SQLSTATEs, our schema, Java's exceptions. */
	private static final List<String> LEAKS = List.of("ALTER", "DROP", "dyntables_data", "SQL", "55P03", "42703",
			"Exception", "org.", "java.", "lock_timeout", "canceling statement");

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	CommandGateway commands;

	@Test
	@SuppressWarnings("unchecked")
	void lockedTableWaitsAloneWhileOtherTablesChange() throws Exception {
		Api api = new Api(this.http);
		long locked = api.createTable("Locked by a session", Map.of("a", "text"));
		long beside = api.createTable("Beside the locked one", Map.of("a", "text"));
		try (Connection session = this.dataSource.getConnection()) {
			session.setAutoCommit(false);
			try (Statement statement = session.createStatement()) {
				statement.execute("LOCK TABLE " + qualified(api, locked) + " IN ACCESS EXCLUSIVE MODE");
			}
			CompletableFuture<EntityExchangeResult<byte[]>> first = CompletableFuture
				.supplyAsync(() -> change(locked, Map.of("a", "text", "b", "integer"), null));
			Api.await(DEADLINE, "the locked table's change to be parked",
					() -> "lock-timeout".equals(api.get("/api/table/{id}/status", locked).get("code")));

			for (int i = 0; i < 3; i++) {
				int round = i;
				long created = prompt("a creation",
						() -> api.createTable("Created while locked " + round, Map.of("n", "integer")));
				prompt("a change of a new table",
						() -> api.changeSchema(created, Map.of("fields", Map.of("n", "integer", "m", "text"))));
				prompt("a change of an existing table",
						() -> api.changeSchema(beside, Map.of("fields", Map.of("a", "text", "c" + round, "boolean"))));
				prompt("a row", () -> api.insert(created, Map.of("n", round, "m", "x")));
				assertThat(api.get("/api/table/{id}/status", created)).containsEntry("state", "applied");
			}

			Map<String, Object> status = api.get("/api/table/{id}/status", locked);
			assertThat(status).containsEntry("state", "pending")
				.containsEntry("code", "lock-timeout")
				.containsEntry("version", 2)
				.containsEntry("appliedVersion", 1)
				.containsEntry("parkedEvents", 1)
				.containsKeys("failedAt", "nextAttemptAt");
			assertThat((String) status.get("message")).contains("locked by another session");
			assertThat((Integer) status.get("attempts")).isPositive();
			assertNoLeak(status.toString());
			Map<String, Object> projection = api.get("/api/admin/projection");
			assertThat(projection).containsEntry("parkedTables", 1).containsEntry("parkedEvents", 1);
			assertThat((List<Map<String, Object>>) projection.get("parked")).singleElement()
				.satisfies((parked) -> assertThat(parked).containsEntry("tableId", (int) locked)
					.containsEntry("code", "lock-timeout")
					.containsEntry("sequence", 1)
					.containsEntry("eventType", "FieldAdded"));
			assertNoLeak(projection.toString());

			// a second change of the locked table, stated on the version the events have,
			// queues behind the first
			CompletableFuture<EntityExchangeResult<byte[]>> second = CompletableFuture
				.supplyAsync(() -> change(locked, Map.of("a", "text", "b", "integer", "c", "text"), "\"2\""));
			for (EntityExchangeResult<byte[]> pending : List.of(first.get(60, TimeUnit.SECONDS),
					second.get(60, TimeUnit.SECONDS))) {
				assertThat(pending.getStatus().value()).isEqualTo(202);
				assertThat(pending.getResponseHeaders().getLocation()).hasToString("/api/table/" + locked + "/status");
			}
			assertThat(api.get("/api/table/{id}/status", locked)).containsEntry("parkedEvents", 2)
				.containsEntry("version", 3);
			session.commit();
		}

		Api.await(DEADLINE, "the parked changes to apply once the lock is gone",
				() -> "applied".equals(api.get("/api/table/{id}/status", locked).get("state")));
		assertThat(api.version(locked)).isEqualTo(3);
		assertThat(columns(locked)).containsExactlyInAnyOrder("id", "a", "b", "c");
		assertThat(api.get("/api/admin/projection")).containsEntry("parkedEvents", 0);
		List<Map<String, Object>> history = (List<Map<String, Object>>) api.get("/api/table/{id}/history", locked)
			.get("entries");
		assertThat(history).extracting((entry) -> entry.get("sequence")).containsExactly(0, 1, 2);
		assertThat(history).allSatisfy((entry) -> assertThat((List<Map<String, Object>>) entry.get("ddl")).isNotEmpty()
			.allSatisfy((ddl) -> assertThat(ddl).containsEntry("applied", true)));
		assertThat(this.jdbc.queryForList(
				"SELECT sequence_number FROM dyntables.ddl_log WHERE table_id = ? ORDER BY id", Long.class, locked))
			.isSorted()
			.contains(0L, 1L, 2L);
	}

	@Test
	@SuppressWarnings("unchecked")
	void changeOfATableAlteredByHandIsParkedShownFailedAndAppliesOnceRepaired() {
		Api api = new Api(this.http);
		long id = api.createTable("Altered by hand", Map.of("a", "string", "b", "string"));
		String table = qualified(api, id);
		this.jdbc.execute("ALTER TABLE " + table + " DROP COLUMN b");

		this.commands.sendAndWait(new ChangeSchema(id, null, List.of(FieldDefinition.of("a", FieldType.STRING)), null,
				ConversionMode.STRICT, false));
		Api.await(DEADLINE, "the change to be parked",
				() -> "failed".equals(api.get("/api/table/{id}/status", id).get("state")));
		Map<String, Object> failed = api.get("/api/table/{id}/status", id);
		assertThat(failed).containsEntry("state", "failed")
			.containsEntry("code", "schema-drift")
			.containsEntry("version", 2)
			.containsEntry("appliedVersion", 1)
			.containsEntry("parkedEvents", 1);
		assertThat((String) failed.get("message")).contains("changed outside the service");
		assertNoLeak(failed.toString());
		Api.await(DEADLINE, "the parked change to be retried",
				() -> (Integer) api.get("/api/table/{id}/status", id).get("attempts") >= 3);
		Map<String, Object> retried = api.get("/api/table/{id}/status", id);
		assertThat(Instant.parse((String) retried.get("nextAttemptAt")))
			.isAfter(Instant.parse((String) retried.get("failedAt")));
		assertThat((List<Map<String, Object>>) api.get("/api/admin/projection").get("parked"))
			.anySatisfy((parked) -> assertThat(parked).containsEntry("tableId", (int) id)
				.containsEntry("code", "schema-drift"));
		long other = prompt("a creation beside the failing table",
				() -> api.createTable("Beside the altered one", Map.of("x", "integer")));
		assertThat(api.get("/api/table/{id}/status", other)).containsEntry("state", "applied");

		this.jdbc.execute("ALTER TABLE " + table + " ADD COLUMN b varchar(200)");
		Api.await(DEADLINE, "the change to apply once the table is repaired",
				() -> "applied".equals(api.get("/api/table/{id}/status", id).get("state")));
		assertThat(columns(id)).containsExactlyInAnyOrder("id", "a");
		assertThat((List<Map<String, Object>>) api.get("/api/admin/projection").get("parked"))
			.noneSatisfy((parked) -> assertThat(parked).containsEntry("tableId", (int) id));
		assertThat(api.get("/api/table/{id}/drift", id)).containsEntry("state", "ok");
	}

	/** A schema change answered as it comes, 200 or 202. */
	private EntityExchangeResult<byte[]> change(long id, Map<String, Object> fields, String ifMatch) {
		return this.http.put().uri("/api/table/{id}", id).contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (ifMatch != null) {
				headers.setIfMatch(ifMatch);
			}
		}).bodyValue(Map.of("fields", fields)).exchange().expectBody().returnResult();
	}

	private static <T> T prompt(String what, Supplier<T> call) {
		Instant start = Instant.now();
		T result = call.get();
		assertThat(Duration.between(start, Instant.now())).as(what + " while another table is stuck")
			.isLessThan(PROMPT);
		return result;
	}

	private static void assertNoLeak(String shown) {
		assertThat(LEAKS).allSatisfy((leak) -> assertThat(shown).doesNotContainIgnoringCase(leak));
	}

	private static String qualified(Api api, long id) {
		return "dyntables_data.\"" + api.table(id).get("physicalName") + "\"";
	}

	private List<String> columns(long id) {
		return PhysicalTables.columns(this.jdbc, id);
	}

}
