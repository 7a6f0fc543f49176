package io.dyntables.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dyntables.api.table.Commands.ChangeSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.sql.SchemaDdl;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays and projection failures, which reset or stall the one projector: in a context
 * (and database) of their own, so the tests sharing the common one are not disturbed.
 */
@DyntablesIT
@TestPropertySource(properties = "dyntables.it.isolation=replay")
class ReplayIT {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CommandGateway commands;

	Api tables;

	@BeforeEach
	void setUp() {
		this.tables = new Api(this.http);
	}

	@Test
	void replayRebuildsDroppedReadModel() {
		long people = this.tables.createTable("Replayed people", Map.of("name", "string", "age", "integer"));
		this.tables.changeSchema(people,
				Map.of("fields", Map.of("name", "text", "age", "integer", "married", "boolean")));
		addRow(people, Map.of("name", "Ann", "age", 31, "married", true));
		long gone = this.tables.createTable("Replayed and deleted", Map.of("x", "string"));
		this.http.delete().uri("/api/table/{id}", gone).exchange().expectStatus().isNoContent();
		List<Map<String, Object>> referenceBefore = reference();
		List<Map<String, Object>> ddlBefore = ddlLog();

		this.jdbc.update("DELETE FROM dyntables.table_ref");
		replay();

		assertThat(reference()).isEqualTo(referenceBefore);
		assertThat(ddlLog()).isEqualTo(ddlBefore);
		assertThat(rows(people)).singleElement().satisfies((row) -> assertThat(row).containsEntry("name", "Ann"));
		assertThat(this.tables.get("/api/table/{id}/status", people)).containsEntry("state", "applied");
		Map<String, Object> projection = this.tables.get("/api/admin/projection");
		assertThat(projection).containsEntry("lag", 0).containsEntry("running", true);
	}

	@Test
	void replayRecreatesMissingTableAndKeepsRowsOfOthers() {
		long kept = this.tables.createTable("Kept", Map.of("name", "string"));
		addRow(kept, Map.of("name", "stays"));
		long dropped = this.tables.createTable("Dropped by hand", Map.of("title", "string", "pages", "integer"));
		this.tables.changeSchema(dropped, Map.of("fields", Map.of("title", "string", "pages", "bigint")));
		addRow(dropped, Map.of("title", "lost", "pages", 3));
		String physical = (String) this.tables.get("/api/table/{id}", dropped).get("physicalName");
		this.jdbc.execute("DROP TABLE dyntables_data.\"" + physical + "\"");

		replay();

		assertThat(columns(physical)).containsExactlyInAnyOrder("id:bigint", "title:character varying", "pages:bigint");
		assertThat(rows(dropped)).isEmpty();
		addRow(dropped, Map.of("title", "new", "pages", 5));
		assertThat(rows(kept)).singleElement().satisfies((row) -> assertThat(row).containsEntry("name", "stays"));
		this.tables.changeSchema(kept, Map.of("fields", Map.of("name", "string", "extra", "boolean")));
		assertThat(rows(kept)).singleElement().satisfies((row) -> assertThat(row).containsEntry("name", "stays"));
	}

	/**
	 * A replay starts over: the events parked by the last run are replayed with the
	 * others and their dead letters and failures go. Here the parked change drops a
	 * column that was already dropped by hand; replayed onto the existing table its DDL
	 * is logged, not run, so it applies.
	 */
	@Test
	void replayReplacesTheParkedEventsOfTheLastRun() {
		long id = this.tables.createTable("Parked then replayed", Map.of("a", "string", "b", "string"));
		String physical = (String) this.tables.get("/api/table/{id}", id).get("physicalName");
		this.jdbc.execute("ALTER TABLE dyntables_data.\"" + physical + "\" DROP COLUMN b");
		this.commands.sendAndWait(new ChangeSchema(id, null, List.of(FieldDefinition.of("a", FieldType.STRING)), null,
				ConversionMode.STRICT, false));
		Api.await(DEADLINE, "the change to be parked",
				() -> "failed".equals(this.tables.get("/api/table/{id}/status", id).get("state")));
		assertThat(this.tables.get("/api/admin/projection")).containsEntry("parkedTables", 1);

		replay();

		assertThat(this.tables.get("/api/admin/replay")).containsEntry("parkedEvents", 0);
		assertThat(this.tables.get("/api/table/{id}/status", id)).containsEntry("state", "applied")
			.doesNotContainKeys("code", "attempts");
		assertThat(this.tables.get("/api/admin/projection")).containsEntry("parkedEvents", 0)
			.containsEntry("parked", List.of());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dyntables.projection_error", Long.class)).isZero();
		assertThat(this.jdbc.queryForList("""
				SELECT applied FROM dyntables.ddl_log WHERE table_id = ? AND sequence_number = 1""", Boolean.class, id))
			.containsOnly(false);
		assertThat(columns(physical)).containsExactly("id:bigint", "a:character varying");
	}

	/**
	 * A replayed event that fails parks only its own table: here the unique constraint a
	 * change adds cannot be made again on the recreated table, since an index took its
	 * name meanwhile. The replay still finishes, every other table is rebuilt beside it,
	 * and once the name is free again the parked events apply and the catalog equals the
	 * live one.
	 */
	@Test
	void replayWithAFailingEventParksOnlyItsTableAndEndsWithTheLiveCatalog() {
		long other = this.tables.createTable("Replayed beside a parked one", Map.of("name", "string"));
		this.tables.changeSchema(other, Map.of("fields", Map.of("name", "string", "size", "integer")));
		long blocked = this.tables.createTable("Blocked in replay", Map.of("a", "string"));
		this.tables.changeSchema(blocked,
				Map.of("fields", Map.of("a", "string", "code", Map.of("type", "string", "unique", true))));
		this.tables.changeSchema(blocked, Map.of("fields",
				Map.of("a", "string", "code", Map.of("type", "string", "unique", true), "more", "integer")));
		String physical = (String) this.tables.get("/api/table/{id}", blocked).get("physicalName");
		String otherPhysical = (String) this.tables.get("/api/table/{id}", other).get("physicalName");
		List<Map<String, Object>> referenceBefore = reference();
		List<Map<String, Object>> ddlBefore = ddlLog();
		List<String> blockedColumns = columns(physical);
		List<String> otherColumns = columns(otherPhysical);
		this.jdbc.execute("DROP TABLE dyntables_data.\"" + physical + "\"");
		this.jdbc.execute("DROP TABLE dyntables_data.\"" + otherPhysical + "\"");
		this.jdbc.execute("CREATE TABLE dyntables_data.replay_squatter (x integer)");
		try {
			this.jdbc.execute("CREATE INDEX " + SchemaDdl.uniqueConstraint(blocked, "code")
					+ " ON dyntables_data.replay_squatter (x)");
			replay();

			assertThat(this.tables.get("/api/admin/replay")).containsEntry("parkedEvents", 2);
			assertThat(this.tables.get("/api/table/{id}/status", blocked)).containsEntry("state", "failed")
				.containsEntry("code", "schema-drift");
			assertThat(this.tables.get("/api/table/{id}/status", other)).containsEntry("state", "applied");
			assertThat(columns(otherPhysical)).isEqualTo(otherColumns);
			assertThat(columns(physical)).containsExactly("id:bigint", "a:character varying");
		}
		finally {
			this.jdbc.execute("DROP TABLE dyntables_data.replay_squatter");
		}

		Api.await(DEADLINE, "the parked events to apply",
				() -> "applied".equals(this.tables.get("/api/table/{id}/status", blocked).get("state")));
		assertThat(columns(physical)).isEqualTo(blockedColumns);
		assertThat(reference()).isEqualTo(referenceBefore);
		assertThat(ddlLog()).isEqualTo(ddlBefore);
		assertThat(this.tables.get("/api/admin/projection")).containsEntry("parkedEvents", 0);
	}

	private void replay() {
		this.http.post()
			.uri("/api/admin/replay")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.total")
			.isNumber();
		Api.await(DEADLINE, "the replay to finish",
				() -> "finished".equals(this.tables.get("/api/admin/replay").get("state")));
		Map<String, Object> progress = this.tables.get("/api/admin/replay");
		assertThat(progress.get("done")).isEqualTo(progress.get("total"));
	}

	private List<Map<String, Object>> reference() {
		return this.jdbc.queryForList("""
				SELECT id, name, physical_name, schema::text AS schema, version, last_sequence, deleted
				FROM dyntables.table_ref ORDER BY id""");
	}

	private List<Map<String, Object>> ddlLog() {
		return this.jdbc.queryForList("""
				SELECT table_id, version, sequence_number, event_type, statement
				FROM dyntables.ddl_log ORDER BY table_id, sequence_number, id""");
	}

	private List<String> columns(String physical) {
		return this.jdbc.queryForList("""
				SELECT column_name || ':' || data_type FROM information_schema.columns
				WHERE table_schema = 'dyntables_data' AND table_name = ? ORDER BY ordinal_position""", String.class,
				physical);
	}

	private void addRow(long id, Map<String, Object> row) {
		this.tables.insert(id, row);
	}

	private List<Map<String, Object>> rows(long id) {
		return this.tables.rows(id);
	}

}
