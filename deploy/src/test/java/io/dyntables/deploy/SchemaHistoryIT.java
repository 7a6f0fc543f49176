package io.dyntables.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's history over HTTP: who changed what, when, why, with which DDL; the schema
 * as of any version or time; the differences between versions.
 */
@DyntablesIT
class SchemaHistoryIT {

	/** A request id the service made: a random UUID (which may well contain "bad"). */
	private static final String FRESH_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	WebTestClient http;

	Api tables;

	@BeforeEach
	void setUp() {
		this.tables = new Api(this.http);
	}

	@Test
	@SuppressWarnings("unchecked")
	void historyCarriesAuditAndDdlOfEveryKindOfChange() {
		Map<String, Object> created = this.http.post()
			.uri("/api/table")
			.header("X-Actor", "alice")
			.header("X-Request-Id", "req-create-1")
			.header("X-Change-Reason", "new form")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Audited", "fields",
					Map.of("first_name", "string", "age", "integer", "code", Map.of("type", "string", "unique", true))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("X-Request-Id", "req-create-1")
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		send(this.http.put().uri("/api/table/{id}", id), "bob", "req-2", "more fields",
				Map.of("fields", Map.of("first_name", "string", "age", "bigint", "code",
						Map.of("type", "string", "unique", false), "married", "boolean")));
		send(this.http.put().uri("/api/table/{id}", id), "bob", "req-3", null,
				Map.of("fields", Map.of("first_name", "string", "age", "bigint", "married", "boolean")));
		send(this.http.patch().uri("/api/table/{id}/fields/first_name", id), "carol", "req-4", "clearer name",
				Map.of("name", "given_name"));
		send(this.http.patch().uri("/api/table/{id}", id), "carol", "req-5", "relabel", Map.of("name", "People"));
		this.http.delete()
			.uri("/api/table/{id}", id)
			.header("X-Actor", "dave")
			.header("X-Change-Reason", "obsolete")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.exists("X-Request-Id");

		Map<String, Object> history = this.tables.get("/api/table/{id}/history", id);
		List<Map<String, Object>> entries = (List<Map<String, Object>>) history.get("entries");
		Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
		entries.forEach((entry) -> byType.put((String) entry.get("type"), entry));
		assertThat(byType).containsOnlyKeys("TableCreated", "FieldTypeChanged", "FieldOptionsChanged", "FieldAdded",
				"FieldRemoved", "FieldRenamed", "TableRenamed", "TableDeleted");
		assertThat(entries).allSatisfy((entry) -> {
			// the test client is on this machine, in protected mode: proven as local
			assertThat(entry.get("actor")).isEqualTo("local");
			assertThat(entry.get("onBehalfOf")).isIn("alice", "bob", "carol", "dave");
			assertThat(Instant.parse((String) entry.get("time"))).isBefore(Instant.now().plusSeconds(1));
			assertThat((String) entry.get("correlationId")).isNotBlank();
			assertThat((String) entry.get("summary")).isNotBlank();
		});
		assertThat(entries).extracting((entry) -> ((Number) entry.get("sequence")).longValue())
			.isSorted()
			.doesNotHaveDuplicates();
		Map<String, Object> creation = byType.get("TableCreated");
		assertThat(creation).containsEntry("onBehalfOf", "alice")
			.containsEntry("correlationId", "req-create-1")
			.containsEntry("reason", "new form")
			.containsEntry("version", 1);
		assertThat(ddl(creation)).singleElement().asString().startsWith("CREATE TABLE");
		assertThat(byType.get("FieldAdded")).containsEntry("summary", "added field married (boolean)")
			.containsEntry("onBehalfOf", "bob")
			.containsEntry("correlationId", "req-2")
			.containsEntry("reason", "more fields");
		assertThat(ddl(byType.get("FieldAdded"))).satisfiesExactly(
				(column) -> assertThat(column).asString().contains("ADD COLUMN \"married\""),
				(required) -> assertThat(required).asString().contains("CHECK (\"married\" IS NOT NULL) NOT VALID"));
		assertThat(ddl(byType.get("FieldTypeChanged"))).singleElement().asString().contains("TYPE bigint");
		assertThat(ddl(byType.get("FieldOptionsChanged"))).singleElement().asString().contains("DROP CONSTRAINT");
		assertThat(byType.get("FieldRemoved")).containsEntry("correlationId", "req-3").doesNotContainKey("reason");
		assertThat(ddl(byType.get("FieldRemoved"))).singleElement().asString().contains("DROP COLUMN \"code\"");
		assertThat(byType.get("FieldRenamed")).containsEntry("summary", "renamed field first_name to given_name")
			.containsEntry("reason", "clearer name");
		assertThat(ddl(byType.get("FieldRenamed"))).satisfiesExactly(
				(column) -> assertThat(column).asString().contains("RENAME COLUMN"),
				(check) -> assertThat(check).asString()
					.contains("DROP CONSTRAINT IF EXISTS \"nn_" + id + "_first_name\""),
				(check) -> assertThat(check).asString().contains("ADD CONSTRAINT \"nn_" + id + "_given_name\""));
		assertThat(ddl(byType.get("TableRenamed"))).isEmpty();
		assertThat(byType.get("TableDeleted")).containsEntry("onBehalfOf", "dave").containsEntry("reason", "obsolete");
		assertThat(ddl(byType.get("TableDeleted"))).singleElement().asString().startsWith("DROP TABLE");

		Map<String, Object> first = this.tables.get("/api/table/{id}/history?limit=2", id);
		assertThat((List<?>) first.get("entries")).hasSize(2);
		Map<String, Object> second = this.tables.get("/api/table/{id}/history?limit=2&after={after}", id,
				first.get("nextAfter"));
		assertThat((List<Map<String, Object>>) second.get("entries")).first().isEqualTo(entries.get(2));
		Map<String, Object> last = this.tables.get("/api/table/{id}/history?after={after}", id,
				entries.get(entries.size() - 2).get("sequence"));
		assertThat((List<?>) last.get("entries")).hasSize(1);
		assertThat(last).doesNotContainKey("nextAfter");
	}

	@Test
	@SuppressWarnings("unchecked")
	void schemaAsOfEveryVersionEqualsWhatTheApiAnsweredThen() {
		long id = this.tables.createTable("TenChanges", Map.of("f0", "string"));
		List<Map<String, Object>> answered = new ArrayList<>();
		answered.add(this.tables.get("/api/table/{id}", id));
		List<Instant> times = new ArrayList<>();
		times.add(Instant.now());
		Map<String, Object> fields = new LinkedHashMap<>(Map.of("f0", "string"));
		for (int change = 1; change <= 10; change++) {
			if (change % 3 == 0) {
				fields.remove("f" + (change - 1));
			}
			fields.put("f" + change, (change % 2 == 0) ? "integer" : "boolean");
			answered.add(this.tables.changeSchema(id, Map.of("fields", fields)));
			times.add(Instant.now());
		}
		assertThat(answered.get(10).get("version")).isEqualTo(11);
		for (Map<String, Object> then : answered) {
			Map<String, Object> asOf = this.tables.get("/api/table/{id}?version={v}", id, then.get("version"));
			assertThat(asOf).isEqualTo(then);
		}
		for (int i = 0; i < times.size(); i++) {
			Map<String, Object> asOf = this.tables.get("/api/table/{id}?at={at}", id, times.get(i).toString());
			assertThat(asOf).isEqualTo(answered.get(i));
		}
		this.http.get()
			.uri("/api/table/{id}?version=12", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get().uri("/api/table/{id}?at=2000-01-01T00:00:00Z", id).exchange().expectStatus().isNotFound();
		this.http.delete().uri("/api/table/{id}", id).exchange().expectStatus().isNoContent();
		this.http.get().uri("/api/table/{id}", id).exchange().expectStatus().isNotFound();
		Map<String, Object> deleted = this.tables.get("/api/table/{id}?version=12", id);
		assertThat(deleted).containsEntry("deleted", true);
		assertThat((Map<String, Object>) deleted.get("fields")).isEqualTo(answered.get(10).get("fields"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void diffNamesAddedRemovedRenamedRetypedAndOptionChangedFields() {
		long id = this.tables.createTable("Diffed",
				Map.of("a", "string", "b", "integer", "c", "boolean", "d", Map.of("type", "text", "required", true)));
		this.tables.changeSchema(id, Map.of("fields",
				Map.of("a", "string", "b", "bigint", "d", Map.of("type", "text", "required", false), "e", "date")));
		this.http.patch()
			.uri("/api/table/{id}/fields/a", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "alpha"))
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> diff = this.tables.get("/api/table/{id}/diff?from=1&to=3", id);
		assertThat((List<Map<String, Object>>) diff.get("added")).extracting((f) -> f.get("name")).containsExactly("e");
		assertThat((List<Map<String, Object>>) diff.get("removed")).extracting((f) -> f.get("name"))
			.containsExactly("c");
		assertThat((List<Map<String, Object>>) diff.get("renamed")).containsExactly(Map.of("from", "a", "to", "alpha"));
		assertThat((List<Map<String, Object>>) diff.get("retyped")).singleElement().satisfies((retyped) -> {
			assertThat(retyped).containsEntry("name", "b");
			assertThat((Map<String, Object>) retyped.get("from")).containsEntry("type", "integer");
			assertThat((Map<String, Object>) retyped.get("to")).containsEntry("type", "bigint");
		});
		assertThat((List<Map<String, Object>>) diff.get("optionsChanged")).extracting((f) -> f.get("name"))
			.containsExactly("d");
		Map<String, Object> back = this.tables.get("/api/table/{id}/diff?from=3&to=1", id);
		assertThat((List<Map<String, Object>>) back.get("renamed")).containsExactly(Map.of("from", "alpha", "to", "a"));
		assertThat((List<Map<String, Object>>) back.get("added")).extracting((f) -> f.get("name")).containsExactly("c");
		Map<String, Object> none = this.tables.get("/api/table/{id}/diff?from=2&to=2", id);
		assertThat((List<?>) none.get("added")).isEmpty();
		assertThat((List<?>) none.get("renamed")).isEmpty();
		this.http.get().uri("/api/table/{id}/diff?from=1&to=9", id).exchange().expectStatus().isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void revertBringsAnEarlierSchemaBackAsNewChanges() {
		long id = this.tables.createTable("Reverted", Map.of("name", "string", "age", "integer"));
		Map<String, Object> first = this.tables.get("/api/table/{id}", id);
		this.http.post()
			.uri("/api/table/{id}/row", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Ann", "age", 40))
			.exchange()
			.expectStatus()
			.isCreated();
		this.http.patch()
			.uri("/api/table/{id}/fields/name", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "full_name"))
			.exchange()
			.expectStatus()
			.isOk();
		this.tables.changeSchema(id, Map.of("fields", Map.of("full_name", "string", "married", "boolean")));
		List<?> historyBefore = (List<?>) this.tables.get("/api/table/{id}/history", id).get("entries");

		Map<String, Object> preview = Api
			.ok(this.http.post().uri("/api/table/{id}/revert?to=1&dryRun=true", id).exchange());
		assertThat(preview).containsEntry("dryRun", true).containsEntry("version", 4);
		assertThat((List<String>) preview.get("drops")).containsExactly("the values of field married are dropped");
		assertThat((List<Map<String, Object>>) preview.get("changes")).extracting((change) -> change.get("summary"))
			.contains("renamed field full_name to name", "added field age (integer)");
		assertThat(preview).containsKeys("ddl", "locks", "rewritesTable", "notes").containsEntry("destroysData", true);
		assertThat((List<Map<String, Object>>) preview.get("ddl")).extracting((statement) -> statement.get("sql"))
			.anySatisfy((sql) -> assertThat((String) sql).contains("DROP COLUMN \"married\""));
		assertThat(this.tables.get("/api/table/{id}", id)).containsEntry("version", 3);

		this.http.post()
			.uri("/api/table/{id}/revert?to=1", id)
			.header("If-Match", "\"2\"")
			.exchange()
			.expectStatus()
			.isEqualTo(412);
		this.http.post().uri("/api/table/{id}/revert?to=9", id).exchange().expectStatus().isNotFound();
		this.http.post().uri("/api/table/{id}/revert?to=zero", id).exchange().expectStatus().isBadRequest();
		Map<String, Object> reverted = this.http.post()
			.uri("/api/table/{id}/revert?to=1", id)
			.header("If-Match", "\"3\"")
			.header("X-Change-Reason", "undo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(reverted).containsEntry("version", 4);
		assertThat(reverted.get("fields")).isEqualTo(first.get("fields"));
		List<Map<String, Object>> rows = this.http.get()
			.uri("/api/table/{id}/rows", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
		assertThat(rows).singleElement().satisfies((row) -> assertThat(row).containsEntry("name", "Ann"));
		List<Map<String, Object>> historyAfter = (List<Map<String, Object>>) this.tables
			.get("/api/table/{id}/history", id)
			.get("entries");
		assertThat(historyAfter.subList(0, historyBefore.size())).isEqualTo(historyBefore);
		assertThat(historyAfter.subList(historyBefore.size(), historyAfter.size()))
			.allSatisfy((entry) -> assertThat(entry).containsEntry("version", 4).containsEntry("reason", "undo"));
		Map<String, Object> diff = this.tables.get("/api/table/{id}/diff?from=1&to=4", id);
		assertThat((List<?>) diff.get("renamed")).isEmpty();
		assertThat((List<?>) diff.get("retyped")).isEmpty();
	}

	@Test
	void hostileInputsAnswerClientErrors() {
		long id = this.tables.createTable("Hostile", Map.of("a", "string"));
		for (String uri : List.of("/api/table/" + id + "?version=abc", "/api/table/" + id + "?version=0",
				"/api/table/" + id + "?version=-5", "/api/table/" + id + "?version=99999999999999999999999",
				"/api/table/" + id + "?at=yesterday", "/api/table/" + id + "?at=2026-13-45T99:00:00Z",
				"/api/table/" + id + "?version=1&at=2026-01-01T00:00:00Z", "/api/table/" + id + "/history?limit=100000",
				"/api/table/" + id + "/history?limit=0", "/api/table/" + id + "/history?limit=x",
				"/api/table/" + id + "/history?after=-7", "/api/table/" + id + "/diff?from=1",
				"/api/table/" + id + "/diff?from=a&to=1")) {
			this.http.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("invalid-parameter");
		}
		this.http.get().uri("/api/table/987654321/history").exchange().expectStatus().isNotFound();
		this.http.put()
			.uri("/api/table/{id}", id)
			.header("X-Actor", "evil\tactor")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "string", "b", "string")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("X-Actor"));
		this.http.put()
			.uri("/api/table/{id}", id)
			.header("X-Change-Reason", "x".repeat(201))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "string", "b", "string")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("X-Change-Reason"));
		assertThat(this.tables.get("/api/table/{id}", id)).containsEntry("version", 1);
	}

	@Test
	void refusesABadRequestIdOnEveryRequestAndAnswersAFreshOne() {
		long id = this.tables.createTable("BadRequestIds", Map.of("a", "string"));
		List<WebTestClient.RequestHeadersSpec<?>> requests = List.of(
				this.http.get().uri("/api/table/{id}", id).header("X-Request-Id", "bad\tid"),
				this.http.get().uri("/api/table/{id}/rows", id).header("X-Request-Id", "bad" + "x".repeat(200)),
				this.http.get().uri("/api/no-such-thing").header("X-Request-Id", "bad\t" + "x".repeat(250)),
				this.http.put()
					.uri("/api/table/{id}", id)
					.header("X-Request-Id", "bad\tid")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("fields", Map.of("a", "string", "b", "string"))));
		for (WebTestClient.RequestHeadersSpec<?> request : requests) {
			request.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value("X-Request-Id", (value) -> assertThat(value).matches(FRESH_ID))
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("invalid-parameter")
				.jsonPath("$.detail")
				.value((detail) -> assertThat((String) detail).contains("X-Request-Id"));
		}
		assertThat(this.tables.get("/api/table/{id}", id)).containsEntry("version", 1);
		this.http.get()
			.uri("/api/table/{id}", id)
			.header("X-Request-Id", "good-id")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "good-id");
	}

	private void send(WebTestClient.RequestBodySpec request, String actor, String requestId, String reason,
			Map<String, Object> body) {
		request.header("X-Actor", actor).header("X-Request-Id", requestId);
		if (reason != null) {
			request.header("X-Change-Reason", reason);
		}
		request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", requestId);
	}

	@SuppressWarnings("unchecked")
	private static List<String> ddl(Map<String, Object> entry) {
		return ((List<Map<String, Object>>) entry.get("ddl")).stream()
			.map((ddl) -> (String) ddl.get("statement"))
			.toList();
	}

}
