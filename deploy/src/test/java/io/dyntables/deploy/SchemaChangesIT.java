package io.dyntables.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Types, the type-change matrix, renames, delete, concurrency and dry runs, on
 * PostgreSQL.
 */
@DyntablesIT
class SchemaChangesIT {

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	@Test
	void everyTypeStoresAndAnswersItsValues() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("s", Map.of("type", "string", "maxLength", 5));
		fields.put("t", "text");
		fields.put("i", "integer");
		fields.put("b", "bigint");
		fields.put("d", Map.of("type", "decimal", "precision", 6, "scale", 2));
		fields.put("f", "float");
		fields.put("o", "boolean");
		fields.put("dt", "date");
		fields.put("ts", "timestamp");
		fields.put("u", "uuid");
		fields.put("j", "json");
		fields.put("n", Map.of("type", "integer", "required", false));
		long id = this.api.createTable("All types", fields);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("s", "héllo");
		row.put("t", "x".repeat(5000));
		row.put("i", -2147483648);
		row.put("b", 9223372036854775807L);
		row.put("d", 1234.5);
		row.put("f", 0.1);
		row.put("o", false);
		row.put("dt", "2026-11-26");
		row.put("ts", "2026-11-26T10:15:30.123+01:00");
		row.put("u", "123e4567-e89b-12d3-a456-426614174000");
		row.put("j", Map.of("a", List.of(1, 2, Map.of("b", "c")), "z", true));
		Map<String, Object> stored = this.api.insert(id, row);
		assertThat(stored).containsEntry("s", "héllo")
			.containsEntry("i", -2147483648)
			.containsEntry("b", 9223372036854775807L)
			.containsEntry("o", false)
			.containsEntry("dt", "2026-11-26")
			.containsEntry("ts", "2026-11-26T09:15:30.123Z")
			.containsEntry("u", "123e4567-e89b-12d3-a456-426614174000")
			.containsEntry("j", Map.of("a", List.of(1, 2, Map.of("b", "c")), "z", true))
			.containsEntry("n", null);
		assertThat(((Number) stored.get("d")).doubleValue()).isEqualTo(1234.5);
		assertThat(((Number) stored.get("f")).doubleValue()).isEqualTo(0.1);
		assertThat(this.api.rows(id)).containsExactly(stored);
	}

	@ParameterizedTest(name = "{0} {1} -> {2} gives {3}")
	@CsvSource(delimiter = '|',
			value = { "integer | 16 | string | \"16\"", "integer | 16 | bigint | 16", "integer | 16 | float | 16.0",
					"integer | 16 | text | \"16\"", "boolean | true | string | \"true\"",
					"string | \"abc\" | text | \"abc\"", "date | \"2026-11-26\" | timestamp | \"2026-11-26T00:00:00Z\"",
					"timestamp | \"2026-11-26T10:15:30Z\" | text | \"2026-11-26T10:15:30.000000Z\"",
					"uuid | \"123e4567-e89b-12d3-a456-426614174000\" | text | \"123e4567-e89b-12d3-a456-426614174000\"",
					"json | {\"a\":1} | text | \"{\\\"a\\\": 1}\"", "float | 1.5 | text | \"1.5\"",
					"decimal | 12.5 | text | \"12.50\"" })
	void wideningChangesConvertTheData(String from, String value, String to, String expected) {
		long id = this.api.createTable("widen", Map.of("f", from));
		this.http.post()
			.uri("/api/table/{id}/row", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"f\": " + value + "}")
			.exchange()
			.expectStatus()
			.isCreated();
		Map<String, Object> changed = this.api.changeSchema(id, Map.of("fields", Map.of("f", to)));
		assertThat(Json.types(changed)).containsEntry("f", to);
		this.http.get().uri("/api/table/{id}/rows", id).exchange().expectBody().json("[{\"f\": " + expected + "}]");
	}

	@ParameterizedTest(name = "{0} -> {1} is refused")
	@CsvSource({ "string, integer", "text, string", "bigint, integer", "float, integer", "timestamp, date",
			"text, uuid", "string, boolean", "json, string" })
	void narrowingChangesAreRefusedAndChangeNothing(String from, String to) {
		long id = this.api.createTable("narrow", Map.of("keep", "text", "f", from));
		this.api.put(id, Map.of("fields", Map.of("keep", "text", "f", to)))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("type-change-refused")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/fields/f");
		assertThat(this.api.version(id)).isEqualTo(1);
		assertThat(Json.types(this.api.table(id))).containsEntry("f", from);
	}

	@Test
	void smallerMaxLengthIsRefusedUnlessLenient() {
		long id = this.api.createTable("short", Map.of("s", "string"));
		this.api.insert(id, Map.of("s", "abcdef"));
		this.api.insert(id, Map.of("s", "ab"));
		Map<String, Object> shorter = Map.of("fields", Map.of("s", Map.of("type", "string", "maxLength", 3)));
		this.api.put(id, shorter).expectStatus().isEqualTo(422);
		Map<String, Object> lenient = new LinkedHashMap<>(shorter);
		lenient.put("convert", "lenient");
		this.api.changeSchema(id, lenient);
		assertThat(this.api.rows(id)).extracting((row) -> row.get("s")).containsExactly(null, "ab");
	}

	@Test
	void lenientConversionKeepsTheOriginalValuesRetrievable() {
		long id = this.api.createTable("Lenient", Map.of("age", "string"));
		this.api.insert(id, Map.of("age", "12"));
		this.api.insert(id, Map.of("age", "twelve"));
		Map<String, Object> changed = this.api.changeSchema(id,
				Map.of("fields", Map.of("age", "integer"), "convert", "lenient"));
		assertThat(Json.types(changed)).containsEntry("age", "integer");
		assertThat(this.api.rows(id)).extracting((row) -> row.get("age")).containsExactly(12, null);
		String physical = (String) changed.get("physicalName");
		List<String> kept = this.jdbc
			.queryForList("SELECT \"__v2_age\" FROM dyntables_data.\"" + physical + "\" ORDER BY id", String.class);
		assertThat(kept).containsExactly("12", "twelve");
	}

	@Test
	void renamesKeepTheData() {
		long id = this.api.createTable("Rename me", Map.of("address", "string", "age", "integer"));
		this.api.insert(id, Map.of("address", "Heaven Str 45", "age", 16));
		this.http.patch()
			.uri("/api/table/{id}/fields/address", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "street"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fields.street.type")
			.isEqualTo("string")
			.jsonPath("$.fields.address")
			.doesNotExist();
		this.http.patch()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Renamed"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed");
		assertThat(this.api.rows(id)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("street", "Heaven Str 45").containsEntry("age", 16));
	}

	@Test
	void deleteDropsTheTableAndKeepsItGone() {
		long id = this.api.createTable("Doomed", Map.of("a", "text"));
		this.api.insert(id, Map.of("a", "x"));
		String physical = (String) this.api.table(id).get("physicalName");
		this.http.delete().uri("/api/table/{id}", id).exchange().expectStatus().isNoContent();
		this.http.get().uri("/api/table/{id}", id).exchange().expectStatus().isNotFound();
		this.http.get().uri("/api/table/{id}/rows", id).exchange().expectStatus().isEqualTo(410);
		this.http.delete().uri("/api/table/{id}", id).exchange().expectStatus().isNotFound();
		assertThat(this.jdbc.queryForObject("SELECT to_regclass(?)", String.class, "dyntables_data." + physical))
			.isNull();
	}

	@Test
	void staleIfMatchAnswers412AndChangesNothing() {
		long id = this.api.createTable("Guarded", Map.of("a", "text"));
		this.http.get().uri("/api/table/{id}", id).exchange().expectHeader().valueEquals("ETag", "\"1\"");
		this.http.put()
			.uri("/api/table/{id}", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "text", "b", "text")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"");
		this.http.put()
			.uri("/api/table/{id}", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "text")))
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("precondition-failed");
		assertThat(Json.types(this.api.table(id))).containsOnlyKeys("a", "b");
	}

	@Test
	void ofManyParallelChangesExactlyOneWins() throws Exception {
		long id = this.api.createTable("Contended", Map.of("a", "text"));
		int contenders = 12;
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < contenders; i++) {
				String field = "f" + i;
				Callable<Integer> change = () -> this.http.put()
					.uri("/api/table/{id}", id)
					.header("If-Match", "\"1\"")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("fields", Map.of("a", "text", field, "integer")))
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value();
				statuses.add(pool.submit(change));
			}
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				codes.add(status.get());
			}
			assertThat(codes).filteredOn((code) -> code == 200).hasSize(1);
			assertThat(codes).filteredOn((code) -> code != 200).allMatch((code) -> code == 412 || code == 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.api.version(id)).isEqualTo(2);
		assertThat(Json.types(this.api.table(id))).hasSize(2);
	}

	@Test
	void dryRunSaysExactlyWhatTheRealRunDoes() {
		long id = this.api.createTable("Dry", Map.of("a", "text", "b", "integer", "c", "boolean"));
		this.api.insert(id, Map.of("a", "x", "b", 1, "c", true));
		Map<String, Object> change = Map.of("fields", Map.of("a", "text", "b", "bigint", "d", "date"));
		Map<String, Object> dry = this.api.dryRun(id, change);
		assertThat(dry).containsEntry("dryRun", true)
			.containsEntry("destroysData", true)
			.containsEntry("rewritesTable", true);
		assertThat(dry.get("notes")).asList()
			.containsExactly("'d' is required for rows written from now on; rows that exist hold null until written");
		assertThat(this.api.version(id)).isEqualTo(1);
		assertThat(Json.types(this.api.table(id))).containsOnlyKeys("a", "b", "c");
		@SuppressWarnings("unchecked")
		List<String> dryStatements = ((List<Map<String, Object>>) dry.get("ddl")).stream()
			.map((statement) -> (String) statement.get("sql"))
			.toList();
		// drop, retype, add, and the check of the new required field
		assertThat(dryStatements).hasSize(4);

		this.api.changeSchema(id, change);
		List<String> ran = this.jdbc.queryForList(
				"SELECT statement FROM dyntables.ddl_log WHERE table_id = ? AND version = 2 ORDER BY id", String.class,
				id);
		assertThat(ran).isEqualTo(dryStatements);
	}

	@Test
	void addingARequiredFieldToAPopulatedTableWorks() {
		long id = this.api.createTable("Populated", Map.of("a", "text"));
		this.api.insert(id, Map.of("a", "x"));
		this.api.changeSchema(id, Map.of("fields", Map.of("a", "text", "b", "boolean")));
		this.api.postRow(id, Map.of("a", "y")).expectStatus().isEqualTo(422);
		this.api.insert(id, Map.of("a", "y", "b", true));
		assertThat(this.api.rows(id)).extracting((row) -> row.get("b")).containsExactly(null, true);
	}

	@Test
	void defaultsFillMissingValues() {
		long id = this.api.createTable("Defaults", Map.of("status", Map.of("type", "string", "default", "new"), "n",
				Map.of("type", "integer", "default", 7)));
		assertThat(this.api.insert(id, Map.of())).containsEntry("status", "new").containsEntry("n", 7);
		this.http.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bad default", "fields", Map.of("n", Map.of("type", "integer", "default", "x"))))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/fields/n");
	}

}
