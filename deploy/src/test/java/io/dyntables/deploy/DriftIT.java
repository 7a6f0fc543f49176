package io.dyntables.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Drift: a hand-made ALTER is found; the service's own kept columns are not drift. */
@DyntablesIT
class DriftIT {

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void driftFindsHandMadeAlterButNotKeptColumns() {
		Api tables = new Api(this.http);
		long id = tables.createTable("Drifty", Map.of("a", "string", "b", "string", "c",
				Map.of("type", "decimal", "precision", 10, "scale", 3), "d", "timestamp"));
		tables.changeSchema(id, Map.of("convert", "lenient", "fields", Map.of("a", "string", "b", "integer", "c",
				Map.of("type", "decimal", "precision", 10, "scale", 3), "d", "timestamp")));
		Map<String, Object> clean = tables.get("/api/table/{id}/drift", id);
		assertThat(clean).containsEntry("state", "ok").doesNotContainKeys("missingColumns", "extraColumns");
		assertThat((List<String>) clean.get("keptColumns")).singleElement().asString().startsWith("__v2_b");

		String table = "dyntables_data.\"" + tables.get("/api/table/{id}", id).get("physicalName") + "\"";
		this.jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN a TYPE varchar(50)");
		this.jdbc.execute("ALTER TABLE " + table + " ADD COLUMN hacked integer");
		this.jdbc.execute("ALTER TABLE " + table + " DROP COLUMN d");
		this.jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN c TYPE numeric(12,3)");

		Map<String, Object> drift = tables.get("/api/table/{id}/drift", id);
		assertThat(drift).containsEntry("state", "drifted");
		assertThat((List<Map<String, Object>>) drift.get("mistypedColumns")).containsExactlyInAnyOrder(
				Map.of("column", "a", "expected", "character varying(200)", "actual", "character varying(50)"),
				Map.of("column", "c", "expected", "numeric(10,3)", "actual", "numeric(12,3)"));
		assertThat((List<Map<String, Object>>) drift.get("extraColumns"))
			.containsExactly(Map.of("column", "hacked", "actual", "integer"));
		assertThat((List<Map<String, Object>>) drift.get("missingColumns"))
			.containsExactly(Map.of("column", "d", "expected", "timestamp with time zone"));
		assertThat((List<String>) drift.get("keptColumns")).hasSize(1);

		Map<String, Object> all = tables.get("/api/admin/drift");
		assertThat(all).containsEntry("drifted", true);
		assertThat((List<Map<String, Object>>) all.get("tables"))
			.anySatisfy((one) -> assertThat(one).containsEntry("tableId", (int) id).containsEntry("state", "drifted"));
		this.http.get().uri("/api/table/987654321/drift").exchange().expectStatus().isNotFound();
	}

}
