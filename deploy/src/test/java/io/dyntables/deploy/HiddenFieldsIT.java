package io.dyntables.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads that tell of a table's past and of its columns (history, the schema as of a
 * version, diffs, drift, the change feed, the index of OpenAPI documents) tell a caller
 * whose read rules name some fields nothing of the others, under any name they had: the
 * whole answer is checked for the hidden names, defaults and DDL. A caller that may
 * change the schema, and the unrestricted one, are told everything. Hidden fields here
 * are all named {@code secret...} and have the default {@value #HIDDEN_DEFAULT}.
 */
@DyntablesIT
@Import(TestCallers.class)
class HiddenFieldsIT {

	private static final String HIDDEN = "secret";

	private static final String HIDDEN_DEFAULT = "classified";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	Api admin;

	String prefix;

	@BeforeEach
	void setUp() {
		this.admin = new Api(this.http);
		this.prefix = "h" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A caller that may read the schema, the history and the rows of these fields of the
	 * table, and one that may also change the schema.
	 */
	private record Callers(Api limited, Api designer, String limitedRole) {
	}

	private Callers callers(Object tables, List<String> readFields) {
		String limited = this.prefix + "-limited";
		Map<String, Object> reading = Api.grant(tables, List.of("schema:read", "rows:read", "history:read"));
		reading.put("readFields", readFields);
		this.admin.setRole(limited, List.of(reading));
		String designer = this.prefix + "-designer";
		this.admin.setRole(designer, List.of(Api.grant(tables, List.of("schema:write"))));
		return new Callers(new Api(TestCallers.as(this.http, limited, "")),
				new Api(TestCallers.as(this.http, limited + "," + designer, "")), limited);
	}

	private static String json(Api caller, String path) {
		return caller.text(path, MediaType.APPLICATION_JSON);
	}

	private static void renameField(Api caller, long table, String from, String to) {
		Api.ok(caller.http()
			.patch()
			.uri("/api/table/{id}/fields/{field}", table, from)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", to))
			.exchange());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Api caller, long table) {
		return (List<Map<String, Object>>) caller.get("/api/table/{id}/history", table).get("entries");
	}

	@SuppressWarnings("unchecked")
	private static List<String> names(Object fields) {
		return ((List<Map<String, Object>>) fields).stream().map((field) -> (String) field.get("name")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Set<String> fieldsOf(Map<String, Object> table) {
		return ((Map<String, Object>) table.get("fields")).keySet();
	}

	// history, past schemas and diffs

	@Test
	void historyPastSchemasAndDiffsTellNothingOfHiddenFields() {
		long table = this.admin.createTable(this.prefix + "_history", Map.of("region", "string", "total", "integer",
				"gone", "boolean", HIDDEN, Map.of("type", "string", "default", HIDDEN_DEFAULT), "secret_b", "integer"));
		// the rule names a field that is dropped later, and one a hidden field is renamed
		// to
		Callers callers = callers(List.of(table), List.of("region", "total", "gone", "revealed"));
		// v2: a hidden field retyped, with a reason that names it
		Api.ok(this.http.put()
			.uri("/api/table/{id}", table)
			.header("X-Change-Reason", "widen secret")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields",
					Map.of("region", "string", "total", "integer", "gone", "boolean", HIDDEN,
							Map.of("type", "text", "default", HIDDEN_DEFAULT), "secret_b", "integer")))
			.exchange());
		// v3: a shown field renamed to a hidden name; v4: a hidden one to a shown name
		renameField(this.admin, table, "total", "secret_total");
		renameField(this.admin, table, "secret_b", "revealed");
		// v5: the field the rule names dropped
		this.admin.changeSchema(table, Map.of("fields", Map.of("region", "string", "secret_total", "integer", HIDDEN,
				Map.of("type", "text", "default", HIDDEN_DEFAULT), "revealed", "integer")));

		String history = json(callers.limited(), "/api/table/" + table + "/history");
		assertThat(history).doesNotContain(HIDDEN, HIDDEN_DEFAULT);
		List<Map<String, Object>> told = entries(callers.limited(), table);
		List<Map<String, Object>> all = entries(this.admin, table);
		// every event keeps its entry, sequence and version: versions stay contiguous
		assertThat(told).extracting((entry) -> List.of(entry.get("sequence"), entry.get("version")))
			.containsExactlyElementsOf(
					all.stream().map((entry) -> List.of(entry.get("sequence"), entry.get("version"))).toList());
		assertThat(told).extracting((entry) -> entry.get("type"))
			.containsExactly("TableCreated", "HiddenChange", "HiddenChange", "HiddenChange", "FieldRemoved");
		assertThat(told.get(0)).containsEntry("redacted", true).doesNotContainKeys("ddl", "reason");
		assertThat((String) told.get(0).get("summary")).contains("region", "total", "gone");
		assertThat(told.subList(1, 4)).allSatisfy((entry) -> assertThat(entry).containsEntry("redacted", true)
			.containsEntry("summary", "changed fields the caller may not read")
			.containsKey("actor")
			.doesNotContainKeys("ddl", "reason"));
		// a change of a field the rule names is told whole, its DDL with it
		assertThat(told.get(4)).doesNotContainKey("redacted")
			.containsEntry("summary", "removed field gone (boolean)")
			.containsKey("ddl");
		assertThat((List<?>) told.get(4).get("ddl")).isNotEmpty();

		assertThat(fieldsOf(callers.limited().table(table))).containsExactlyInAnyOrder("region", "revealed");
		for (int version = 1; version <= 5; version++) {
			assertThat(json(callers.limited(), "/api/table/" + table + "?version=" + version)).as("version %d", version)
				.doesNotContain(HIDDEN, HIDDEN_DEFAULT);
		}
		assertThat(fieldsOf(callers.limited().get("/api/table/{id}?version=4", table)))
			.containsExactlyInAnyOrder("region", "gone", "revealed");
		for (String range : List.of("from=1&to=5", "from=5&to=1", "from=1&to=2", "from=2&to=4", "from=3&to=4")) {
			assertThat(json(callers.limited(), "/api/table/" + table + "/diff?" + range)).as(range)
				.doesNotContain(HIDDEN, HIDDEN_DEFAULT);
		}
		// the diff is the one between the schemas the caller is shown
		Map<String, Object> diff = callers.limited().get("/api/table/{id}/diff?from=1&to=5", table);
		assertThat(names(diff.get("added"))).containsExactly("revealed");
		assertThat(names(diff.get("removed"))).containsExactlyInAnyOrder("total", "gone");
		assertThat((List<?>) diff.get("renamed")).isEmpty();
		Map<String, Object> back = callers.limited().get("/api/table/{id}/diff?from=5&to=1", table);
		assertThat(names(back.get("added"))).containsExactlyInAnyOrder("total", "gone");
		assertThat(names(back.get("removed"))).containsExactly("revealed");

		// a caller that may change the schema, and the unrestricted one, are told all
		for (Api whole : List.of(callers.designer(), this.admin)) {
			String full = json(whole, "/api/table/" + table + "/history");
			assertThat(full).contains(HIDDEN, "widen secret").doesNotContain("HiddenChange");
			assertThat(json(whole, "/api/table/" + table + "/diff?from=1&to=5")).contains("secret_b", "secret_total");
			assertThat(json(whole, "/api/table/" + table + "?version=1")).contains(HIDDEN, HIDDEN_DEFAULT);
		}
		assertThat(entries(callers.designer(), table)).isEqualTo(all);
	}

	@Test
	void theRulesOfTheLabelNowHideTheFieldsOfEveryVersion() {
		long table = this.admin.createTable(this.prefix + "_public", Map.of("region", "string", HIDDEN, "string"));
		this.admin.changeSchema(table,
				Map.of("fields", Map.of("region", "string", HIDDEN, "string", "secret_two", "integer")));
		Callers callers = callers(this.prefix + "_hr_*", List.of("region"));
		// under its first label no grant of the caller applies to the table
		callers.limited().http().get().uri("/api/table/{id}/history", table).exchange().expectStatus().isNotFound();

		Api.ok(this.http.patch()
			.uri("/api/table/{id}", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", this.prefix + "_hr_people"))
			.exchange());
		Api.await(Duration.ofSeconds(10), "the relabelled table to come under the caller's grants",
				() -> callers.limited()
					.http()
					.get()
					.uri("/api/table/{id}/history", table)
					.exchange()
					.returnResult(Void.class)
					.getStatus()
					.value() == 200);

		assertThat(json(callers.limited(), "/api/table/" + table + "/history")).doesNotContain(HIDDEN)
			.contains("_public");
		assertThat(entries(callers.limited(), table)).extracting((entry) -> entry.get("type"))
			.containsExactly("TableCreated", "HiddenChange", "TableRenamed");
		assertThat(json(callers.limited(), "/api/table/" + table + "/diff?from=1&to=3")).doesNotContain(HIDDEN);
		assertThat(json(callers.designer(), "/api/table/" + table + "/history")).contains("secret_two");
	}

	// drift

	@Test
	void driftTellsOfTheColumnsOfShownFieldsOnly() {
		long table = this.admin.createTable(this.prefix + "_drift",
				Map.of("region", "string", "total", "integer", HIDDEN, "string"));
		Callers callers = callers(List.of(table), List.of("region", "total"));
		// a lenient conversion keeps the hidden field's originals in a column named after
		// it
		this.admin.changeSchema(table, Map.of("convert", "lenient", "fields",
				Map.of("region", "string", "total", "integer", HIDDEN, "integer")));
		String drift = "/api/table/" + table + "/drift";
		assertThat(json(this.admin, drift)).contains("__v2_secret");
		assertThat(json(callers.limited(), drift)).doesNotContain(HIDDEN);

		// hand-made changes to the hidden field's column and a column named like it
		String physical = "dyntables_data.\"" + this.admin.table(table).get("physicalName") + "\"";
		this.jdbc.execute("ALTER TABLE " + physical + " ALTER COLUMN secret TYPE bigint");
		this.jdbc.execute("ALTER TABLE " + physical + " ADD COLUMN secret_extra integer");
		assertThat(callers.limited().get(drift)).containsEntry("state", "ok");
		assertThat(json(callers.limited(), drift)).doesNotContain(HIDDEN);
		for (Api whole : List.of(callers.designer(), this.admin)) {
			assertThat(whole.get(drift)).containsEntry("state", "drifted");
			assertThat(json(whole, drift)).contains("secret_extra", "\"column\":\"secret\"");
		}

		// one to a shown field's column is told
		this.jdbc.execute("ALTER TABLE " + physical + " ALTER COLUMN region TYPE varchar(50)");
		Map<String, Object> shown = callers.limited().get(drift);
		assertThat(shown).containsEntry("state", "drifted").doesNotContainKeys("extraColumns", "keptColumns");
		assertThat((List<?>) shown.get("mistypedColumns")).singleElement()
			.satisfies((column) -> assertThat(column.toString()).contains("region"));
		assertThat(json(callers.limited(), drift)).doesNotContain(HIDDEN);
	}

	// the change feed

	@Test
	void theChangeFeedTellsNothingOfHiddenFields() throws Exception {
		long table = this.admin.createTable(this.prefix + "_feed",
				Map.of("region", "string", "total", "integer", HIDDEN, "string"));
		Callers callers = callers(List.of(table), List.of("region", "total", "later"));
		// the feed of every table needs schema:read on every table
		String everywhere = this.prefix + "-everywhere";
		this.admin.setRole(everywhere, List.of(Api.grant("*", List.of("schema:read"))));
		WebTestClient limitedEverywhere = TestCallers.as(this.http, callers.limitedRole() + "," + everywhere, "");
		CompletableFuture<List<ServerSentEvent<String>>> oneTable = follow(callers.limited().http(),
				"/api/table/" + table + "/events", null, table);
		CompletableFuture<List<ServerSentEvent<String>>> allTables = follow(limitedEverywhere, "/api/table/events",
				null, table);

		// v2: a hidden field added; v3: a shown field renamed to a hidden name; v4: a
		// shown field added
		this.admin.changeSchema(table, Map.of("fields",
				Map.of("region", "string", "total", "integer", HIDDEN, "string", "secret_two", "integer")));
		renameField(this.admin, table, "total", "secret_total");
		this.admin.changeSchema(table, Map.of("fields", Map.of("region", "string", "secret_total", "integer", HIDDEN,
				"string", "secret_two", "integer", "later", "boolean")));

		List<String> ids = List.of(table + ":1", table + ":2", table + ":3");
		for (CompletableFuture<List<ServerSentEvent<String>>> feed : List.of(oneTable, allTables)) {
			List<ServerSentEvent<String>> told = feed.get(30, TimeUnit.SECONDS);
			assertThat(told).extracting(ServerSentEvent::event)
				.containsExactly("HiddenChange", "HiddenChange", "FieldAdded");
			assertThat(told).extracting(ServerSentEvent::id).containsExactlyElementsOf(ids);
			assertThat(text(told)).doesNotContain(HIDDEN).contains("added field later (boolean)", "\"redacted\":true");
		}

		// resumed after the creation, the changes missed are told the same way
		List<ServerSentEvent<String>> resumed = follow(callers.limited().http(), "/api/table/" + table + "/events",
				table + ":0", table)
			.get(30, TimeUnit.SECONDS);
		assertThat(resumed).extracting(ServerSentEvent::event)
			.containsExactly("HiddenChange", "HiddenChange", "FieldAdded");
		assertThat(text(resumed)).doesNotContain(HIDDEN);
		for (Api whole : List.of(callers.designer(), this.admin)) {
			List<ServerSentEvent<String>> all = follow(whole.http(), "/api/table/" + table + "/events", table + ":0",
					table)
				.get(30, TimeUnit.SECONDS);
			assertThat(all).extracting(ServerSentEvent::event)
				.containsExactly("FieldAdded", "FieldRenamed", "FieldAdded");
			assertThat(text(all)).contains("secret_two", "secret_total").doesNotContain("HiddenChange", "redacted");
		}

		// the index of the OpenAPI documents names tables, no fields
		assertThat(json(new Api(limitedEverywhere), "/api/openapi")).contains(this.prefix + "_feed")
			.doesNotContain(HIDDEN);
	}

	private static String text(List<ServerSentEvent<String>> events) {
		return events.stream()
			.map((event) -> event.event() + " " + event.id() + " " + event.data())
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Opens the feed (from after the change named, if one is) and answers the table's
	 * first three changes after its creation once they arrive; returns once the feed is
	 * open.
	 */
	private static CompletableFuture<List<ServerSentEvent<String>>> follow(WebTestClient caller, String uri,
			String lastEventId, long table) throws InterruptedException {
		CountDownLatch connected = new CountDownLatch(1);
		WebTestClient.RequestHeadersSpec<?> request = caller.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM);
		if (lastEventId != null) {
			request = request.header("Last-Event-ID", lastEventId);
		}
		Flux<ServerSentEvent<String>> events = request.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
		CompletableFuture<List<ServerSentEvent<String>>> changes = events.doOnNext((event) -> connected.countDown())
			.filter((event) -> event.id() != null && event.id().startsWith(table + ":")
					&& !"TableCreated".equals(event.event()))
			.take(3)
			.collectList()
			.timeout(Duration.ofSeconds(30))
			.toFuture();
		assertThat(connected.await(30, TimeUnit.SECONDS)).as("the feed opened").isTrue();
		return changes;
	}

}
