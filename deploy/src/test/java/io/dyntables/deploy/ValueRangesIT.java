package io.dyntables.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value is checked against PostgreSQL's range for its type before it reaches SQL:
 * the last value in range is stored and read back as sent, the first one out of range is
 * refused with 422 naming the field, and nothing is written. Rows written straight into
 * PostgreSQL with its special values (infinities, NaN, far years) are read back
 * faithfully through every read path, and what is read can be written back through the
 * service, which accepts exactly "infinity" and "-infinity" for dates and timestamps,
 * "NaN", "Infinity" and "-Infinity" for floats, and "NaN" for decimals.
 */
@DyntablesIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueRangesIT {

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	long table;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
		if (this.table == 0) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("d", optional("date"));
			fields.put("ts", optional("timestamp"));
			fields.put("f", optional("float"));
			fields.put("n", optional("integer"));
			fields.put("b", optional("bigint"));
			fields.put("dec", Map.of("type", "decimal", "precision", 5, "scale", 2, "required", false));
			fields.put("j", optional("json"));
			fields.put("s", optional("text"));
			this.table = this.api.createTable("Ranges", fields);
		}
	}

	private static Map<String, Object> optional(String type) {
		return Map.of("type", type, "required", false);
	}

	/** A field, a value as JSON text, and what is read back (null: refused). */
	static Stream<Arguments> values() {
		return Stream.of(
				// dates: PostgreSQL holds 4714-11-24 BC (ISO -4713-11-24) to
				// 5874897-12-31
				ok("d", "\"-4713-11-24\"", "\"-4713-11-24\""), refused("d", "\"-4713-11-23\""),
				refused("d", "\"-4714-01-01\""), ok("d", "\"+5874897-12-31\"", "\"+5874897-12-31\""),
				refused("d", "\"+5874898-01-01\""), refused("d", "\"+999999999-12-31\""),
				refused("d", "\"-999999999-01-01\""), ok("d", "\"0000-01-01\"", "\"0000-01-01\""),
				ok("d", "\"9999-12-31\"", "\"9999-12-31\""), ok("d", "\"+10000-01-01\"", "\"+10000-01-01\""),
				ok("d", "\"1500-02-28\"", "\"1500-02-28\""), refused("d", "\"1500-02-29\""),
				ok("d", "\"1582-10-10\"", "\"1582-10-10\""), ok("d", "\"infinity\"", "\"infinity\""),
				ok("d", "\"-infinity\"", "\"-infinity\""), refused("d", "\"Infinity\""), refused("d", "\"2026-02-30\""),
				// timestamps: 4714-11-24 BC 00:00 UTC to 294276-12-31 23:59:59.999999 UTC
				ok("ts", "\"-4713-11-24T00:00:00Z\"", "\"-4713-11-24T00:00:00Z\""),
				refused("ts", "\"-4713-11-23T23:59:59.999999Z\""), refused("ts", "\"-4714-11-23T00:00:00Z\""),
				refused("ts", "\"-4713-11-24T00:00:00+00:01\""),
				ok("ts", "\"+294276-12-31T23:59:59.999999Z\"", "\"+294276-12-31T23:59:59.999999Z\""),
				refused("ts", "\"+294277-01-01T00:00:00Z\""), refused("ts", "\"+294276-12-31T23:59:59.999999-00:01\""),
				ok("ts", "\"2026-11-30T12:00:00.123456+01:00\"", "\"2026-11-30T11:00:00.123456Z\""),
				refused("ts", "\"2026-11-30T12:00:00.1234567Z\""), refused("ts", "\"+999999999-12-31T23:59:59Z\""),
				ok("ts", "\"infinity\"", "\"infinity\""), ok("ts", "\"-infinity\"", "\"-infinity\""),
				// floats: IEEE double, overflow and underflow refused
				ok("f", "1.7976931348623157e308", "1.7976931348623157E308"), refused("f", "1.8e308"),
				refused("f", "-1.8e308"), ok("f", "4.9e-324", "4.9E-324"), refused("f", "1e-400"),
				refused("f", "-2e-324"), refused("f", "1e999999999"), ok("f", "0e-400", "0.0"),
				ok("f", "\"NaN\"", "\"NaN\""), ok("f", "\"Infinity\"", "\"Infinity\""),
				ok("f", "\"-Infinity\"", "\"-Infinity\""), refused("f", "\"1.5\""),
				// integers
				ok("n", "2147483647", "2147483647"), refused("n", "2147483648"), ok("n", "-2147483648", "-2147483648"),
				refused("n", "-2147483649"), ok("b", "9223372036854775807", "9223372036854775807"),
				refused("b", "9223372036854775808"), ok("b", "-9223372036854775808", "-9223372036854775808"),
				refused("b", "-9223372036854775809"),
				// decimal(5,2): 3 digits before the point, 2 after
				ok("dec", "999.99", "999.99"), refused("dec", "1000.00"), ok("dec", "-999.99", "-999.99"),
				refused("dec", "-1000"), refused("dec", "0.001"), ok("dec", "1.5", "1.50"),
				ok("dec", "0e-999999999", "0.00"), refused("dec", "1e999999999"), ok("dec", "\"NaN\"", "\"NaN\""),
				refused("dec", "\"Infinity\""),
				// json: numbers PostgreSQL's jsonb and the JSON writer can hold
				refused("j", "1e999999999"), refused("j", "{\"a\": [1e-999999999]}"), ok("j", "1e999", null),
				refused("j", "1e1000"), ok("j", "-1e-999", null), refused("j", "1e-1000"),
				ok("j", "{\"a\": 1.5}", "{\"a\": 1.5}"), refused("j", "\"\\u0000\""),
				// text
				refused("s", "\"a\\u0000b\""), refused("s", "\"\\ud800\""));
	}

	private static Arguments ok(String field, String json, String readBack) {
		return Arguments.of(field, json, true, readBack);
	}

	private static Arguments refused(String field, String json) {
		return Arguments.of(field, json, false, null);
	}

	@ParameterizedTest(name = "{0}: {1} stored={2}")
	@MethodSource("values")
	void valuesAreStoredExactlyOrRefusedNamingTheField(String field, String json, boolean stored, String readBack) {
		long before = count();
		String body = "{\"" + field + "\": " + json + "}";
		if (!stored) {
			for (String path : List.of("/api/table/{id}/row", "/api/table/{id}/rows")) {
				String sent = path.endsWith("/rows") ? "[" + body + "]" : body;
				Api.refused(post(path, MediaType.APPLICATION_JSON, sent), 422, "invalid-value")
					.jsonPath("$.errors[0].pointer")
					.isEqualTo(path.endsWith("/rows") ? "/0/" + field : "/" + field);
			}
			Api.refused(this.api.postRows(this.table, MediaType.APPLICATION_NDJSON, body + "\n"), 422, "invalid-value");
			long rowId = ((Number) this.api.insert(this.table, Map.of()).get("id")).longValue();
			this.http.patch()
				.uri("/api/table/{id}/rows/{row}", this.table, rowId)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/" + field);
			assertThat(row(rowId).get(field)).isNull();
			this.http.delete()
				.uri("/api/table/{id}/rows/{row}", this.table, rowId)
				.exchange()
				.expectStatus()
				.isNoContent();
			assertThat(count()).isEqualTo(before);
			return;
		}
		long rowId = ((Number) this.api.insert(this.table, body).get("id")).longValue();
		String single = this.api.text("/api/table/" + this.table + "/rows/" + rowId, MediaType.APPLICATION_JSON);
		if (readBack != null) {
			assertThat(single).contains("\"" + field + "\":" + readBack);
		}
		// the same value loaded with COPY reads back the same
		this.api.load(this.table, MediaType.APPLICATION_NDJSON, body + "\n", 1);
		List<Map<String, Object>> rows = this.api.rows(this.table);
		assertThat(rows.get(rows.size() - 1).get(field)).isEqualTo(rows.get(rows.size() - 2).get(field));
		this.jdbc.update("DELETE FROM " + physical() + " WHERE id >= ?", rowId);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void defaultsOutOfRangeAreRefusedWhenTheTableIsCreatedOrChanged() {
		List<String> bad = List.of("{\"type\": \"timestamp\", \"default\": \"+294277-01-01T00:00:00Z\"}",
				"{\"type\": \"date\", \"default\": \"+5874898-01-01\"}",
				"{\"type\": \"date\", \"default\": \"-4714-01-01\"}", "{\"type\": \"float\", \"default\": 1e-400}",
				"{\"type\": \"json\", \"default\": 1e999999999}", "{\"type\": \"integer\", \"default\": 2147483648}",
				"{\"type\": \"decimal\", \"precision\": 3, \"scale\": 1, \"default\": 100}");
		int tables = this.api.rowsOf("/api/table").size();
		for (String field : bad) {
			Api.refused(
					post("/api/table", MediaType.APPLICATION_JSON,
							"{\"name\": \"Defaulted\", \"fields\": {\"x\": " + field + "}}"),
					422, "invalid-field-definition")
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/fields/x");
			this.api.put(this.table, "{\"fields\": {\"x\": " + field + "}}")
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/fields/x");
		}
		assertThat(this.api.rowsOf("/api/table")).hasSize(tables);
	}

	static Stream<Arguments> overflowingParameters() {
		return Stream.of(Arguments.of("limit=9223372036854775808", "/query/limit"),
				Arguments.of("limit=-9223372036854775809", "/query/limit"),
				Arguments.of("limit=99999999999999999999999", "/query/limit"),
				Arguments.of("limit=2147483648", "/query/limit"), Arguments.of("limit=0x10", "/query/limit"),
				Arguments.of("id=eq.9223372036854775808", "/query/id"), Arguments.of("n=eq.2147483648", "/query/n"),
				Arguments.of("b=gt.-9223372036854775809", "/query/b"), Arguments.of("f=gt.1e-400", "/query/f"),
				Arguments.of("f=lt.1e309", "/query/f"), Arguments.of("ts=gt.%2B294277-01-01T00:00:00Z", "/query/ts"),
				Arguments.of("d=lt.-4714-01-01", "/query/d"),
				Arguments.of("d=in.(2026-01-01,%2B5874898-01-01)", "/query/d"),
				Arguments.of("after=" + cursor("id.asc", "[9223372036854775808]"), "/query/after"),
				Arguments.of("after=" + cursor("id.asc", "[1e999999999]"), "/query/after"),
				Arguments.of("order=ts&after=" + cursor("ts.asc,id.asc", "[\"+294277-01-01T00:00:00Z\", 1]"),
						"/query/after"),
				Arguments.of("order=f&after=" + cursor("f.asc,id.asc", "[1e-400, 1]"), "/query/after"));
	}

	private static String cursor(String order, String keys) {
		String json = "{\"o\":\"" + order + "\",\"k\":" + keys + "}";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overflowingParameters")
	void listingParametersOutOfRangeAnswer400NamingTheParameter(String query, String pointer) {
		parameterRefused("/api/table/" + this.table + "/rows?" + query, pointer);
	}

	@Test
	void rowsWrittenStraightIntoPostgresqlAreReadFaithfullyEverywhere() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("ts", optional("timestamp"));
		fields.put("d", optional("date"));
		fields.put("dec", Map.of("type", "decimal", "precision", 6, "scale", 2, "required", false));
		fields.put("f", optional("float"));
		long id = this.api.createTable("Foreign", fields);
		String table = physicalOf(id);
		this.jdbc.update("INSERT INTO " + table + " (ts, d, dec, f) VALUES ('-infinity', 'infinity', 'NaN', 'NaN'),"
				+ " ('infinity', '-infinity', 1.5, 'Infinity'),"
				+ " ('4714-11-24 00:00:00+00 BC', '4714-11-24 BC', -9999.99, '-Infinity'),"
				+ " ('294276-12-31 23:59:59.999999+00', '5874897-12-31', 9999.99, 1e-320),"
				+ " ('1582-10-10 12:00:00+00', '1582-10-10', 0, 0)");
		List<String> expected = List.of(
				"{\"id\":1,\"ts\":\"-infinity\",\"d\":\"infinity\",\"dec\":\"NaN\",\"f\":\"NaN\"}",
				"{\"id\":2,\"ts\":\"infinity\",\"d\":\"-infinity\",\"dec\":1.50,\"f\":\"Infinity\"}",
				"{\"id\":3,\"ts\":\"-4713-11-24T00:00:00Z\",\"d\":\"-4713-11-24\",\"dec\":-9999.99,\"f\":\"-Infinity\"}",
				"{\"id\":4,\"ts\":\"+294276-12-31T23:59:59.999999Z\",\"d\":\"+5874897-12-31\",\"dec\":9999.99,\"f\":1.0E-320}",
				"{\"id\":5,\"ts\":\"1582-10-10T12:00:00Z\",\"d\":\"1582-10-10\",\"dec\":0.00,\"f\":0.0}");
		String select = "select=ts,d,dec,f";
		for (int row = 1; row <= 5; row++) {
			String one = this.api.text("/api/table/" + id + "/rows/" + row, MediaType.APPLICATION_JSON);
			assertThat(one).isEqualTo(expected.get(row - 1).replace("\"id\":" + row + ",", "\"id\":" + row + ","));
		}
		assertThat(this.api.text("/api/table/" + id + "/rows?" + select, MediaType.APPLICATION_JSON))
			.isEqualTo("[" + String.join(",", expected) + "]");
		assertThat(this.api.text("/api/table/" + id + "/rows?format=ndjson&" + select, MediaType.ALL))
			.isEqualTo(String.join("\n", expected) + "\n");
		String csv = this.api.text("/api/table/" + id + "/rows?format=csv&" + select, MediaType.ALL);
		assertThat(csv.split("\r\n")).containsExactly("id,ts,d,dec,f", "1,-infinity,infinity,NaN,NaN",
				"2,infinity,-infinity,1.50,Infinity", "3,-4713-11-24T00:00:00Z,-4713-11-24,-9999.99,-Infinity",
				"4,+294276-12-31T23:59:59.999999Z,+5874897-12-31,9999.99,1.0E-320",
				"5,1582-10-10T12:00:00Z,1582-10-10,0.00,0.0");
		// paging by each field, one row a page, follows every cursor to the end
		for (String order : List.of("ts", "d.desc", "dec", "f.desc")) {
			List<Object> seen = new ArrayList<>();
			String next = "/api/table/" + id + "/rows?order=" + order + "&limit=1";
			while (next != null) {
				var result = this.http.get()
					.uri(Api.raw(next))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(Json.LIST)
					.returnResult();
				seen.add(result.getResponseBody().get(0).get("id"));
				String link = result.getResponseHeaders().getFirst("Link");
				next = (link != null) ? link.substring(1, link.indexOf('>')) : null;
				assertThat(seen).as(order).hasSizeLessThanOrEqualTo(5);
			}
			assertThat(seen).as(order).hasSize(5).doesNotHaveDuplicates();
		}
		// a filter on the special values selects them
		assertThat(this.api.rowsOf("/api/table/" + id + "/rows?ts=eq.-infinity")).hasSize(1);
		assertThat(this.api.rowsOf("/api/table/" + id + "/rows?d=gt.%2B10000-01-01")).hasSize(2);
		assertThat(this.api.rowsOf("/api/table/" + id + "/rows?f=eq.NaN")).hasSize(1);
		// and a row read can be written back as it was read
		List<Map<String, Object>> rows = this.api.rowsOf("/api/table/" + id + "/rows?select=ts,d,dec,f");
		for (Map<String, Object> row : rows) {
			Map<String, Object> copy = new LinkedHashMap<>(row);
			copy.remove("id");
			Map<String, Object> stored = this.api.insert(id, copy);
			copy.forEach((name, value) -> assertThat(stored.get(name)).as(name).isEqualTo(value));
		}
	}

	@Test
	void aValuePostgresqlRefusesIsAValueErrorNeverASchemaChange() {
		long id = this.api.createTable("Narrowed", Map.of("s", "text"));
		// another writer narrows the column: the service's schema still says text
		this.jdbc.execute("ALTER TABLE " + physicalOf(id) + " ALTER COLUMN s TYPE varchar(2)");
		for (MediaType type : List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_NDJSON)) {
			boolean single = type.equals(MediaType.APPLICATION_JSON);
			ResponseSpec answer = single ? this.api.postRow(id, "{\"s\": \"abcd\"}")
					: this.api.postRows(id, type, "{\"s\": \"ab\"}\n{\"s\": \"abcd\"}\n");
			Api.refused(answer, 422, "invalid-value");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + physicalOf(id), Long.class)).isZero();
		this.api.insert(id, Map.of("s", "ab"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overflowingHistoryParameters")
	void historyParametersOutOfRangeAnswer400NamingTheParameter(String query, String pointer) {
		parameterRefused("/api/table/" + this.table + "/history?" + query, pointer);
	}

	static Stream<Arguments> overflowingHistoryParameters() {
		return Stream.of(Arguments.of("limit=9223372036854775808", "/limit"), Arguments.of("limit=0x10", "/limit"),
				Arguments.of("after=9223372036854775808", "/after"),
				Arguments.of("after=-9223372036854775809", "/after"));
	}

	/** A query that asks for a number out of range, refused naming the parameter. */
	private void parameterRefused(String pathAndQuery, String pointer) {
		Api.refused(this.http.get().uri(Api.raw(pathAndQuery)).exchange(), 400, "invalid-parameter")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo(pointer);
	}

	private ResponseSpec post(String path, MediaType type, String body) {
		return this.http.post().uri(path, this.table).contentType(type).bodyValue(body).exchange();
	}

	private Map<String, Object> row(long rowId) {
		return this.api.get("/api/table/{id}/rows/{row}", this.table, rowId);
	}

	private long count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + physical(), Long.class);
	}

	private String physical() {
		return physicalOf(this.table);
	}

	private String physicalOf(long id) {
		return "dyntables_data.\"" + this.api.table(id).get("physicalName") + "\"";
	}

}
