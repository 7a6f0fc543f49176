package io.dyntables.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row API over HTTP on the real database: single rows, bulk loads, listings with
 * filters, order, cursors, counts and exports, and every kind of bad input answered as a
 * problem, never a 500.
 */
@DyntablesIT
class RowsIT {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	private long peopleTable() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("first_name", "string");
		fields.put("age", Map.of("type", "integer", "required", false));
		fields.put("email", Map.of("type", "string", "required", false, "unique", true));
		fields.put("score", Map.of("type", "decimal", "required", false));
		fields.put("born", Map.of("type", "date", "required", false));
		fields.put("active", Map.of("type", "boolean", "required", false));
		fields.put("data", Map.of("type", "json", "required", false));
		fields.put("note", Map.of("type", "text", "required", false));
		return this.api.createTable("People", fields);
	}

	private Map<String, Object> insert(long table, Map<String, Object> row) {
		return this.api.insert(table, row);
	}

	private List<Map<String, Object>> list(long table, String query) {
		return this.http.get()
			.uri("/api/table/" + table + "/rows" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
	}

	private void refusedListing(long table, String query, int status, String code, String pointer) {
		this.http.get()
			.uri("/api/table/" + table + "/rows" + query)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.errors[0].pointer")
			.isEqualTo(pointer);
	}

	/** Patches a row and answers it as stored. */
	private Map<String, Object> patched(long table, long rowId, Map<String, Object> fields) {
		return Api.ok(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(fields)
			.exchange());
	}

	private WebTestClient.BodyContentSpec refusedWrite(WebTestClient.RequestHeadersSpec<?> request, int status,
			String code) {
		return Api.refused(request.exchange(), status, code);
	}

	private static long id(Map<String, Object> row) {
		return ((Number) row.get("id")).longValue();
	}

	@Test
	void readsReplacesPatchesAndDeletesOneRow() {
		long table = peopleTable();
		Map<String, Object> row = insert(table, Map.of("first_name", "Ann", "age", 30, "email", "ann@example.org"));
		long rowId = id(row);

		this.http.get()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.first_name")
			.isEqualTo("Ann")
			.jsonPath("$.age")
			.isEqualTo(30);

		Map<String, Object> replaced = this.http.put()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "Anna", "score", 1.5))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(replaced).containsEntry("first_name", "Anna")
			.containsEntry("age", null)
			.containsEntry("email", null)
			.containsEntry("id", row.get("id"));
		assertThat(replaced.get("score").toString()).isEqualTo("1.50");

		refusedWrite(this.http.put()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("age", 3)), 422, "missing-value").jsonPath("$.errors[0].pointer")
			.isEqualTo("/first_name");

		Map<String, Object> patched = patched(table, rowId, Map.of("age", 31));
		assertThat(patched).containsEntry("first_name", "Anna").containsEntry("age", 31);

		refusedWrite(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("age", "31")), 422, "invalid-value").jsonPath("$.errors[0].pointer").isEqualTo("/age");
		Map<String, Object> nullName = new HashMap<>();
		nullName.put("first_name", null);
		refusedWrite(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(nullName), 422, "invalid-value").jsonPath("$.errors[0].pointer").isEqualTo("/first_name");
		refusedWrite(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", 5)), 422, "unknown-field").jsonPath("$.errors[0].pointer").isEqualTo("/id");

		this.http.delete().uri("/api/table/{t}/rows/{r}", table, rowId).exchange().expectStatus().isNoContent();
		refusedWrite(this.http.get().uri("/api/table/{t}/rows/{r}", table, rowId), 404, "row-not-found");
		refusedWrite(this.http.delete().uri("/api/table/{t}/rows/{r}", table, rowId), 404, "row-not-found");
		refusedWrite(this.http.put()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "X")), 404, "row-not-found");
		refusedWrite(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of()), 404, "row-not-found");
		refusedWrite(this.http.get().uri("/api/table/{t}/rows/abc", table), 400, "invalid-parameter")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/path/rowId");
		refusedWrite(this.http.get().uri("/api/table/987654321/rows/1"), 404, "table-not-found");
	}

	@Test
	void duplicateUniqueValueIsAConflictNamingTheField() {
		long table = peopleTable();
		insert(table, Map.of("first_name", "A", "email", "same@example.org"));
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "B", "email", "same@example.org")), 409, "duplicate-value")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/email");
		long other = id(insert(table, Map.of("first_name", "C", "email", "other@example.org")));
		refusedWrite(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, other)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "same@example.org")), 409, "duplicate-value");
	}

	@Test
	void bulkJsonArrayInsertsAllOrNothing() {
		long table = peopleTable();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(Map.of("first_name", "P" + i, "age", i, "data", Map.of("k", List.of(i, "x"))));
		}
		this.api.load(table, MediaType.APPLICATION_JSON, rows, 5);
		List<Map<String, Object>> stored = list(table, "");
		assertThat(stored).hasSize(5);
		assertThat(stored.get(3)).containsEntry("first_name", "P3")
			.containsEntry("age", 3)
			.containsEntry("data", Map.of("k", List.of(3, "x")));

		List<Map<String, Object>> bad = new ArrayList<>(rows);
		bad.set(3, Map.of("first_name", "Q", "age", "12"));
		bad.set(4, Map.of("age", 1.9));
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(bad), 422, "invalid-value").jsonPath("$.errors[0].pointer")
			.isEqualTo("/3/age")
			.jsonPath("$.errors[1].pointer")
			.isEqualTo("/4/first_name")
			.jsonPath("$.errors[2].pointer")
			.isEqualTo("/4/age");
		List<Map<String, Object>> duplicates = List.of(Map.of("first_name", "D1", "email", "d@example.org"),
				Map.of("first_name", "D2", "email", "d@example.org"));
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(duplicates), 409, "duplicate-value").jsonPath("$.errors[0].pointer").isEqualTo("/email");
		assertThat(list(table, "")).hasSize(5);

		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 10_001; i++) {
			tooMany.add(Map.of("first_name", "x"));
		}
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(tooMany), 413, "too-many-rows");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "not an array")), 400, "malformed-request");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("first_name=x"), 415, "unsupported-media-type");
		assertThat(list(table, "")).hasSize(5);
	}

	@Test
	void ndjsonStreamLoadsInBatchesAllOrNothing() {
		long table = peopleTable();
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			body.append("{\"first_name\":\"N").append(i).append("\",\"age\":").append(i % 90).append("}\n");
		}
		this.api.load(table, MediaType.APPLICATION_NDJSON, body.toString(), 5000);
		this.http.get()
			.uri("/api/table/{t}/rows?count=exact&limit=1", table)
			.exchange()
			.expectHeader()
			.valueEquals("X-Total-Count", "5000");
		// the planner learns of the load at once, not when autovacuum comes by
		long deadline = System.currentTimeMillis() + 10_000;
		float estimate;
		do {
			estimate = this.jdbc.queryForObject(
					"SELECT reltuples FROM pg_class WHERE oid = ('dyntables_data.people_' || ?)::regclass", Float.class,
					table);
		}
		while (estimate != 5000 && System.currentTimeMillis() < deadline);
		assertThat(estimate).isEqualTo(5000);

		StringBuilder bad = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			bad.append("{\"first_name\":\"M")
				.append(i)
				.append("\",\"age\":")
				.append((i == 2500) ? "2147483648" : "1")
				.append("}\n");
		}
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(bad.toString()), 422, "invalid-value").jsonPath("$.errors[0].pointer").isEqualTo("/2500/age");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"first_name\":\"ok\"}\n{\"first_name\":\n"), 400, "malformed-request");
		this.http.get()
			.uri("/api/table/{t}/rows?count=exact&limit=1", table)
			.exchange()
			.expectHeader()
			.valueEquals("X-Total-Count", "5000");
	}

	@Test
	void ndjsonLoadStoresEveryValueAsASingleInsertDoes() {
		long table = peopleTable();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String text : List.of("tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "\\.",
				"quote \" and ' and ,", "Zoë 😀 中文", " leading and trailing ", "")) {
			Map<String, Object> row = new HashMap<>();
			row.put("first_name", text);
			row.put("note", text);
			row.put("data", Map.of("text", text, "list", List.of(1, 2.5, true), "nested", Map.of("k", text)));
			row.put("score", new java.math.BigDecimal("1234567890123.45"));
			row.put("born", "2024-02-29");
			row.put("active", text.isEmpty());
			row.put("age", null);
			rows.add(row);
		}
		StringBuilder ndjson = new StringBuilder();
		for (Map<String, Object> row : rows) {
			ndjson.append(Json.write(row)).append('\n');
		}
		this.api.load(table, MediaType.APPLICATION_NDJSON, ndjson.toString(), rows.size());
		rows.forEach((row) -> insert(table, row));
		List<Map<String, Object>> stored = list(table, "");
		assertThat(stored).hasSize(2 * rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> loaded = new HashMap<>(stored.get(i));
			Map<String, Object> inserted = new HashMap<>(stored.get(i + rows.size()));
			loaded.remove("id");
			inserted.remove("id");
			assertThat(loaded).isEqualTo(inserted);
			assertThat(loaded).containsEntry("first_name", rows.get(i).get("first_name"))
				.containsEntry("note", rows.get(i).get("note"));
		}
	}

	@Test
	void ndjsonLoadWithADuplicateUniqueValueInsertsNothing() {
		long table = peopleTable();
		insert(table, Map.of("first_name", "Taken", "email", "taken@example.org"));
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 2500; i++) {
			String email = (i == 2100) ? "taken@example.org" : "u" + i + "@example.org";
			body.append("{\"first_name\":\"U").append(i).append("\",\"email\":\"").append(email).append("\"}\n");
		}
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(body.toString()), 409, "duplicate-value").jsonPath("$.errors[0].pointer").isEqualTo("/email");
		assertThat(list(table, "")).hasSize(1);
		this.api.load(table, MediaType.APPLICATION_NDJSON, "{\"first_name\":\"After\"}\n", 1);
		assertThat(list(table, "")).hasSize(2);
	}

	@Test
	void listingsAnswerEveryTypeAsReadingOneRowDoes() {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String type : List.of("string", "text", "integer", "bigint", "decimal", "float", "boolean", "date",
				"timestamp", "uuid", "json")) {
			fields.put("f_" + type, Map.of("type", type, "required", false));
		}
		long table = this.api.createTable("Typed", fields);
		Map<String, Object> full = new LinkedHashMap<>();
		full.put("f_string", "tab\t \"quoted\" \\ Zoë 😀 \u0001");
		full.put("f_text", "line\nbreak");
		full.put("f_integer", -2147483648);
		full.put("f_bigint", 9007199254740993L);
		full.put("f_decimal", new java.math.BigDecimal("-12345.5"));
		full.put("f_float", 1.0E-7);
		full.put("f_boolean", false);
		full.put("f_date", "2024-02-29");
		full.put("f_timestamp", "2024-02-29T23:59:58.120+02:00");
		full.put("f_uuid", "123e4567-e89b-12d3-a456-426614174000");
		full.put("f_json", Map.of("nested", List.of(1, "two", Map.of("three", 3.5)), "empty", Map.of()));
		Map<String, Object> whole = new LinkedHashMap<>(full);
		whole.put("f_timestamp", "2024-02-29T10:00:00Z");
		whole.put("f_float", 1.0E20);
		whole.put("f_json", List.of());
		insert(table, full);
		insert(table, whole);
		insert(table, new HashMap<>());
		List<Map<String, Object>> all = list(table, "");
		assertThat(all).hasSize(3);
		assertThat(all.get(0)).containsEntry("f_timestamp", "2024-02-29T21:59:58.12Z");
		assertThat(all.get(1)).containsEntry("f_timestamp", "2024-02-29T10:00:00Z");
		assertThat(all.get(2)).containsEntry("f_json", null).containsEntry("f_string", null).hasSize(12);
		assertThat(list(table, "?limit=2&order=id.desc")).containsExactly(all.get(2), all.get(1));
		List<String> lines = List.of(this.http.get()
			.uri("/api/table/{t}/rows?format=ndjson&select=f_date,f_timestamp", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.split("\n"));
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).isEqualTo("{\"id\":" + id(all.get(0))
				+ ",\"f_date\":\"2024-02-29\",\"f_timestamp\":\"2024-02-29T21:59:58.12Z\"}");
		for (Map<String, Object> listed : all) {
			Map<String, Object> read = this.api.get("/api/table/{t}/rows/{r}", table, id(listed));
			assertThat(List.copyOf(listed.keySet())).isEqualTo(List.copyOf(read.keySet()));
			assertThat(listed).isEqualTo(read);
		}
	}

	@Test
	void loadsIntoATableWithoutFieldsAddRowsOfIdsOnly() {
		long table = this.api.createTable("Ids", Map.of());
		this.api.load(table, MediaType.APPLICATION_NDJSON, "{}\n{}\n{}\n", 3);
		this.api.load(table, MediaType.APPLICATION_JSON, List.of(Map.of(), Map.of()), 2);
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{}\n{\"x\":1}\n"), 422, "unknown-field").jsonPath("$.errors[0].pointer").isEqualTo("/1/x");
		List<Map<String, Object>> rows = list(table, "");
		assertThat(rows).hasSize(5).allSatisfy((row) -> assertThat(row).containsOnlyKeys("id"));
	}

	@Test
	void upsertUpdatesByAUniqueFieldOnly() {
		long table = peopleTable();
		insert(table, Map.of("first_name", "Old", "email", "u@example.org", "age", 1));
		this.http.post()
			.uri("/api/table/{t}/rows?onConflict=email", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("first_name", "New", "email", "u@example.org", "age", 2),
					Map.of("first_name", "Other", "email", "o@example.org")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.inserted")
			.isEqualTo(2);
		List<Map<String, Object>> rows = list(table, "?order=email");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).containsEntry("first_name", "New").containsEntry("age", 2);
		this.http.post()
			.uri("/api/table/{t}/rows?onConflict=email", table)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"first_name\":\"Newer\",\"email\":\"u@example.org\"}\n")
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(list(table, "?email=eq.u@example.org").get(0)).containsEntry("first_name", "Newer");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows?onConflict=age", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("first_name", "X"))), 422, "conflict-field-not-unique");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows?onConflict=nope", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("first_name", "X"))), 422, "unknown-field");
	}

	@Test
	void filtersSelectAndOrder() {
		long table = peopleTable();
		insert(table, Map.of("first_name", "Ann", "age", 30, "active", true, "born", "1990-01-02", "note", "50% off"));
		insert(table, Map.of("first_name", "Bob", "age", 25, "active", false, "score", 2.5));
		insert(table, Map.of("first_name", "Cid", "age", 41, "email", "c@example.org"));
		insert(table, Map.of("first_name", "anna", "note", "Grüße 🌍"));

		assertThat(names(list(table, "?age=eq.30"))).containsExactly("Ann");
		assertThat(names(list(table, "?age=neq.30"))).containsExactly("Bob", "Cid");
		assertThat(names(list(table, "?age=gt.25"))).containsExactly("Ann", "Cid");
		assertThat(names(list(table, "?age=gte.25&age=lt.41"))).containsExactly("Ann", "Bob");
		assertThat(names(list(table, "?age=lte.25"))).containsExactly("Bob");
		assertThat(names(list(table, "?age=in.(25,41)"))).containsExactly("Bob", "Cid");
		assertThat(names(list(table, "?first_name=in.(\"Ann\",Cid)"))).containsExactly("Ann", "Cid");
		assertThat(names(list(table, "?age=is.null"))).containsExactly("anna");
		assertThat(names(list(table, "?email=is.notnull"))).containsExactly("Cid");
		assertThat(names(list(table, "?active=is.true"))).containsExactly("Ann");
		assertThat(names(list(table, "?active=is.false"))).containsExactly("Bob");
		assertThat(names(list(table, "?first_name=like.A*"))).containsExactly("Ann");
		assertThat(names(list(table, "?first_name=ilike.an*"))).containsExactly("Ann", "anna");
		assertThat(names(list(table, "?note=like.*50%*"))).containsExactly("Ann");
		assertThat(names(list(table, "?note=like.5_*"))).isEmpty();
		assertThat(names(list(table, "?note=eq.Grüße 🌍"))).containsExactly("anna");
		assertThat(names(list(table, "?born=lt.2000-01-01"))).containsExactly("Ann");
		assertThat(names(list(table, "?score=gte.2.5"))).containsExactly("Bob");
		assertThat(names(list(table, "?order=age.desc"))).containsExactly("anna", "Cid", "Ann", "Bob");
		assertThat(names(list(table, "?order=active.asc,first_name.desc"))).containsExactly("Bob", "Ann", "anna",
				"Cid");

		List<Map<String, Object>> selected = list(table, "?select=first_name,age&age=eq.41");
		assertThat(selected).hasSize(1);
		assertThat(selected.get(0).keySet()).containsExactly("id", "first_name", "age");
	}

	@Test
	void cursorPagesGiveEveryRowOnceInAnyOrder() {
		long table = peopleTable();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 57; i++) {
			Map<String, Object> row = new HashMap<>();
			row.put("first_name", "R" + (i % 7));
			row.put("age", (i % 5 == 0) ? null : i % 4);
			rows.add(row);
		}
		this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rows)
			.exchange()
			.expectStatus()
			.isCreated();
		for (String order : List.of("", "&order=age.desc,first_name.asc", "&order=age,first_name.desc",
				"&order=first_name.desc", "&order=id.desc")) {
			List<Object> expected = list(table, "?" + order).stream().map((row) -> row.get("id")).toList();
			assertThat(expected).hasSize(57);
			List<Object> paged = new ArrayList<>();
			String next = "/api/table/" + table + "/rows?limit=10&select=first_name" + order;
			int pages = 0;
			while (next != null) {
				EntityExchangeResult<List<Map<String, Object>>> page = this.http.get()
					.uri(next)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(Json.LIST)
					.returnResult();
				page.getResponseBody().forEach((row) -> {
					assertThat(row.keySet()).containsExactly("id", "first_name");
					paged.add(row.get("id"));
				});
				String link = page.getResponseHeaders().getFirst("Link");
				next = null;
				if (link != null) {
					Matcher matcher = NEXT.matcher(link);
					assertThat(matcher.find()).isTrue();
					next = matcher.group(1);
				}
				pages++;
				assertThat(pages).isLessThan(10);
			}
			assertThat(paged).as("order %s", order).containsExactlyElementsOf(expected);
			assertThat(pages).isEqualTo(6);
		}
	}

	@Test
	void countsExactlyOrByEstimate() {
		long table = peopleTable();
		for (int i = 0; i < 12; i++) {
			insert(table, Map.of("first_name", "C" + i, "age", i));
		}
		this.http.get()
			.uri("/api/table/{t}/rows?count=exact&age=gte.4", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "8")
			.expectBody(Json.LIST)
			.value((rows) -> assertThat(rows).hasSize(8));
		this.http.get()
			.uri("/api/table/{t}/rows?count=estimated&age=gte.4&first_name=like.C*", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Total-Count", (count) -> assertThat(Long.parseLong(count)).isNotNegative());
		this.http.get()
			.uri("/api/table/{t}/rows?count=estimated&limit=2", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Total-Count", (count) -> assertThat(Long.parseLong(count)).isNotNegative());
	}

	@Test
	void exportsNdjsonAndCsv() {
		long table = peopleTable();
		insert(table, Map.of("first_name", "Plain", "age", 1, "score", 10.25, "data", Map.of("a", 1)));
		Map<String, Object> tricky = new HashMap<>();
		tricky.put("first_name", "Doe, \"J\"\nnext");
		tricky.put("note", "");
		tricky.put("active", true);
		insert(table, tricky);

		String ndjson = this.http.get()
			.uri("/api/table/{t}/rows?format=ndjson", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String[] lines = ndjson.split("\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).contains("\"first_name\":\"Plain\"", "\"score\":10.25", "\"data\":{\"a\": 1}");
		assertThat(lines[1]).contains("\"first_name\":\"Doe, \\\"J\\\"\\nnext\"");

		String viaAccept = this.api.text("/api/table/" + table + "/rows?select=first_name&order=id.desc",
				MediaType.APPLICATION_NDJSON);
		assertThat(viaAccept.split("\n")[1]).endsWith("\"first_name\":\"Plain\"}");

		String csv = this.http.get()
			.uri("/api/table/{t}/rows?select=first_name,age,score,active,data,note", table)
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String[] records = csv.split("\r\n");
		assertThat(records[0]).isEqualTo("id,first_name,age,score,active,data,note");
		assertThat(records[1]).endsWith(",Plain,1,10.25,,\"{\"\"a\"\": 1}\",");
		assertThat(records[2]).endsWith(",\"Doe, \"\"J\"\"\nnext\",,,true,,\"\"");
		this.http.get()
			.uri("/api/table/{t}/rows?format=csv&limit=1", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("Link")
			.expectBody(String.class)
			.value((body) -> assertThat(body.split("\r\n")).hasSize(2));
	}

	@Test
	void emptyListingsAreWellFormedInEveryFormat() {
		long table = peopleTable();
		this.http.get()
			.uri("/api/table/{t}/rows", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("[]");
		this.http.get()
			.uri("/api/table/{t}/rows?format=csv&select=first_name", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("id,first_name\r\n");
		this.http.get()
			.uri("/api/table/{t}/rows?format=ndjson", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.isEmpty();
		this.http.get()
			.uri("/api/table/{t}/rows?limit=5", table)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Link")
			.expectBody(String.class)
			.isEqualTo("[]");
	}

	@Test
	void refusesBadListingParametersAsProblems() {
		long table = peopleTable();
		insert(table, Map.of("first_name", "A"));
		refusedListing(table, "?limit=1001", 400, "invalid-parameter", "/query/limit");
		refusedListing(table, "?limit=-1", 400, "invalid-parameter", "/query/limit");
		refusedListing(table, "?limit=0", 400, "invalid-parameter", "/query/limit");
		refusedListing(table, "?limit=99999999999999999999999", 400, "invalid-parameter", "/query/limit");
		refusedListing(table, "?limit=1&limit=2", 400, "invalid-parameter", "/query/limit");
		refusedListing(table, "?after=not-a-cursor", 400, "invalid-parameter", "/query/after");
		refusedListing(table, "?after=eyJvIjoiaWQuYXNjIiwiayI6WyJ4Il19", 400, "invalid-parameter", "/query/after");
		refusedListing(table, "?after=eyJvIjoiYWdlLmRlc2MiLCJrIjpbMSwxXX0", 400, "invalid-parameter", "/query/after");
		refusedListing(table, "?nosuch=eq.1", 400, "invalid-parameter", "/query/nosuch");
		refusedListing(table, "?age=eq.abc", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=eq.12.5", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=eq.2147483648", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=between.1", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=1", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=like.1*", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=is.maybe", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?age=in.1,2", 400, "invalid-parameter", "/query/age");
		refusedListing(table, "?born=eq.2020-13-01", 400, "invalid-parameter", "/query/born");
		refusedListing(table, "?active=eq.yes", 400, "invalid-parameter", "/query/active");
		refusedListing(table, "?first_name=eq.a\u0000b", 400, "invalid-parameter", "/query/first_name");
		refusedListing(table, "?select=first_name;DROP TABLE x", 400, "invalid-parameter", "/query/select");
		refusedListing(table, "?select=\"first_name\"", 400, "invalid-parameter", "/query/select");
		refusedListing(table, "?order=age;DELETE", 400, "invalid-parameter", "/query/order");
		refusedListing(table, "?order=age.sideways", 400, "invalid-parameter", "/query/order");
		refusedListing(table, "?order=data", 400, "invalid-parameter", "/query/order");
		refusedListing(table, "?first_name\";--=eq.1", 400, "invalid-parameter", "/query/first_name\";--");
		refusedListing(table, "?count=maybe", 400, "invalid-parameter", "/query/count");
		refusedListing(table, "?format=xml", 400, "invalid-parameter", "/query/format");
		assertThat(names(list(table, "?first_name=eq.' OR 1=1 --"))).isEmpty();
		assertThat(names(list(table, "?first_name=eq.A"))).containsExactly("A");
	}

	@Test
	void refusesHostileValuesAsProblems() {
		long table = peopleTable();
		for (Object age : List.of(2147483648L, "12", 1.9, true)) {
			refusedWrite(this.http.post()
				.uri("/api/table/{t}/row", table)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("first_name", "H", "age", age)), 422, "invalid-value").jsonPath("$.errors[0].pointer")
				.isEqualTo("/age");
		}
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"first_name\":\"a\\u0000b\"}"), 422, "invalid-value").jsonPath("$.errors[0].pointer")
			.isEqualTo("/first_name");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"first_name\":\"a\",\"data\":{\"x\":\"\\u0000\"}}"), 422, "invalid-value");
		String deep = "[".repeat(5000) + "]".repeat(5000);
		WebTestClient.ResponseSpec nested = this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"first_name\":\"a\",\"data\":" + deep + "}")
			.exchange();
		nested.expectStatus().is4xxClientError().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("first_name=a"), 415, "unsupported-media-type");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"first_name\":\"a\",\"first_name\":\"b\"}"), 400, "malformed-request");
		// a refused body is not read to its end, so the server closes the connection
		String huge = "x".repeat(1_100_000);
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.header("Connection", "close")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("first_name", "a", "note", huge))), 413, "payload-too-large");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.header("Connection", "close")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"first_name\":\"a\",\"note\":\"" + huge + "\"}\n"), 413, "payload-too-large");
		Map<String, Object> unicode = insert(table,
				Map.of("first_name", "Zoë 😀 中文", "note", "\u202e right-to-left \ud83d\ude00"));
		assertThat(unicode).containsEntry("first_name", "Zoë 😀 中文");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "x".repeat(201))), 422, "invalid-value");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name\"; DROP TABLE x; --", "y")), 422, "unknown-field");
	}

	@Test
	void writesWithFieldsOfAnOldSchemaAreRefusedNotFailed() {
		long table = peopleTable();
		long rowId = id(insert(table, Map.of("first_name", "S", "age", 5)));
		this.http.put()
			.uri("/api/table/{t}", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields",
					Map.of("first_name", "string", "years", Map.of("type", "integer", "required", false))))
			.exchange()
			.expectStatus()
			.isOk();
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "T", "age", 6)), 422, "unknown-field").jsonPath("$.errors[0].pointer")
			.isEqualTo("/age");
		refusedWrite(this.http.patch()
			.uri("/api/table/{t}/rows/{r}", table, rowId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("age", 6)), 422, "unknown-field");
		refusedWrite(this.http.post()
			.uri("/api/table/{t}/rows", table)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"first_name\":\"T\",\"age\":6}\n"), 422, "unknown-field").jsonPath("$.errors[0].pointer")
			.isEqualTo("/0/age");
		refusedListing(table, "?age=eq.5", 400, "invalid-parameter", "/query/age");
		assertThat(list(table, "?years=is.null")).hasSize(1);
		Map<String, Object> patched = patched(table, rowId, Map.of("years", 6));
		assertThat(patched).containsEntry("years", 6).doesNotContainKey("age");
	}

	private static List<String> names(List<Map<String, Object>> rows) {
		List<String> names = new ArrayList<>();
		rows.forEach((row) -> names.add((String) row.get("first_name")));
		return names;
	}

	static Set<Object> ids(List<Map<String, Object>> rows) {
		Set<Object> ids = new LinkedHashSet<>();
		rows.forEach((row) -> ids.add(row.get("id")));
		return ids;
	}

	static Comparator<Map<String, Object>> byId() {
		return Comparator.comparingLong(RowsIT::id);
	}

}
