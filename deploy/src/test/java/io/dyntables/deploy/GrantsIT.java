package io.dyntables.deploy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization on the real database: roles and their history, deny by default (tables
 * outside every grant answer as missing ones), field grants on reads, selects, exports
 * and writes, and row rules on every row path, including attempts to get round them. The
 * service runs in protected mode; callers are named by a test header (see
 * {@link TestCallers}), requests without it are the local, unrestricted client's.
 */
@DyntablesIT
@Import(TestCallers.class)
class GrantsIT {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	@Autowired
	WebTestClient http;

	Api admin;

	String prefix;

	@BeforeEach
	void setUp() {
		this.admin = new Api(this.http);
		this.prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	private WebTestClient as(String roles, String attributes) {
		return TestCallers.as(this.http, roles, attributes);
	}

	private Map<String, Object> setRole(String name, Object grants) {
		return this.admin.setRole(name, grants);
	}

	private static Map<String, Object> grant(Object tables, List<String> actions) {
		return Api.grant(tables, actions);
	}

	// roles as events

	@Test
	void rolesHaveAHistoryAndCanBeReadAsTheyWere() throws InterruptedException {
		String role = this.prefix + "-role";
		Map<String, Object> first = setRole(role, List.of(grant("*", List.of("schema:read"))));
		assertThat(first.get("version")).isEqualTo(1);
		Thread.sleep(20);
		Instant between = Instant.now();
		Thread.sleep(20);
		Map<String, Object> second = setRole(role,
				List.of(grant(this.prefix + "_*", List.of("rows:read", "schema:read"))));
		assertThat(second.get("version")).isEqualTo(2);
		assertThat(this.admin.get("/api/admin/roles/{name}", role).get("grants")).isEqualTo(second.get("grants"));
		assertThat(this.admin.get("/api/admin/roles/{name}?version=1", role).get("grants"))
			.isEqualTo(List.of(Map.of("actions", List.of("schema:read"), "tables", "*")));
		assertThat(this.admin.get("/api/admin/roles/{name}?at=" + between, role).get("version")).isEqualTo(1);
		List<Map<String, Object>> history = this.http.get()
			.uri("/api/admin/roles/{name}/history", role)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
		assertThat(history).extracting((entry) -> entry.get("type")).containsExactly("RoleCreated", "RoleGrantsSet");
		assertThat(history).extracting((entry) -> entry.get("actor")).containsOnly("local");
		assertThat(history).extracting((entry) -> entry.get("onBehalfOf")).containsOnly("security-admin");
		assertThat(this.http.get()
			.uri("/api/admin/roles")
			.exchange()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody()).extracting((r) -> r.get("name")).contains(role);

		this.http.delete().uri("/api/admin/roles/{name}", role).exchange().expectStatus().isNoContent();
		Api.refused(this.http.get().uri("/api/admin/roles/{name}", role).exchange(), 404, "not-found");
		assertThat(this.admin.get("/api/admin/roles/{name}?version=2", role).get("version")).isEqualTo(2);
	}

	@Test
	void refusesGrantsThatCannotBeEnforcedAsWritten() {
		for (Map<String, Object> hostile : List.of(
				Map.of("actions", List.of("rows:read"), "tables", "*", "rows", "tenant = 'a' OR 1 = 1"),
				Map.of("actions", List.of("rows:read"), "tables", "*", "rows", "tenant = 'a'; DROP TABLE x"),
				Map.of("actions", List.of("rows:drop"), "tables", "*"))) {
			Api.refused(this.http.put()
				.uri("/api/admin/roles/{name}", this.prefix)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("grants", List.of(hostile)))
				.exchange(), 422, "invalid-grant");
		}
		Api.refused(this.http.get().uri("/api/admin/roles/{name}", this.prefix).exchange(), 404, "not-found");
	}

	// deny by default

	@Test
	void tablesOutsideEveryGrantAnswerAsMissingOnes() {
		long sales = this.admin.createTable(this.prefix + "_sales", Map.of("item", "string"));
		long hr = this.admin.createTable("hr_" + this.prefix, Map.of("name", "string"));
		String role = this.prefix + "-reader";
		setRole(role, List.of(grant(this.prefix + "_*", List.of("schema:read", "rows:read"))));
		WebTestClient reader = as(role, "");
		WebTestClient nobody = as("", "");

		// invisible: exactly as a table that does not exist
		String missing = answer(reader.get().uri("/api/table/{id}", Long.MAX_VALUE - 1).exchange(), 404);
		String hidden = answer(reader.get().uri("/api/table/{id}", hr).exchange(), 404);
		assertThat(hidden.replace(Long.toString(hr), "N"))
			.isEqualTo(missing.replace(Long.toString(Long.MAX_VALUE - 1), "N"));
		Api.refused(reader.get().uri("/api/table/{id}/rows", hr).exchange(), 404, "table-not-found");
		Api.refused(reader.get().uri("/api/table/{id}/history", hr).exchange(), 404, "table-not-found");
		Api.refused(nobody.get().uri("/api/table/{id}", sales).exchange(), 404, "table-not-found");

		// visible, without the action: 403 naming it
		Api.refused(reader.post()
			.uri("/api/table/{id}/row", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("item", "x"))
			.exchange(), 403, "forbidden")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("rows:write"));
		Api.refused(reader.put()
			.uri("/api/table/{id}", sales)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of()))
			.exchange(), 403, "forbidden");
		Api.refused(reader.get().uri("/api/table/{id}/history", sales).exchange(), 403, "forbidden");
		Api.refused(reader.get().uri("/api/admin/roles").exchange(), 403, "forbidden");
		Api.refused(reader.get().uri("/api/admin/projection").exchange(), 403, "forbidden");
		Api.refused(reader.get().uri("/api/table/events").exchange(), 403, "forbidden");

		// the list holds readable tables only
		List<Map<String, Object>> listed = reader.get()
			.uri("/api/table")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
		assertThat(listed).extracting((table) -> ((Number) table.get("id")).longValue())
			.contains(sales)
			.doesNotContain(hr);
		assertThat(listed).allSatisfy((table) -> assertThat((String) table.get("name")).startsWith(this.prefix + "_"));
		assertThat(nobody.get().uri("/api/table").exchange().expectBody(Json.LIST).returnResult().getResponseBody())
			.isEmpty();
	}

	@Test
	void aPatternWriterCreatesTablesUnderItsPatternOnlyAndReachesThemAtOnce() {
		String role = this.prefix + "-builder";
		setRole(role,
				List.of(grant(this.prefix + "_*", List.of("schema:read", "schema:write", "rows:read", "rows:write"))));
		WebTestClient builder = as(role, "");
		Map<String, Object> created = builder.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", this.prefix + "_orders", "fields", Map.of("item", "string")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		new Api(builder).insert(id, Map.of("item", "pen"));
		assertThat(new Api(builder).rows(id)).hasSize(1);

		Api.refused(builder.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "elsewhere_" + this.prefix, "fields", Map.of("item", "string")))
			.exchange(), 403, "forbidden");
		Api.refused(builder.patch()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "elsewhere_" + this.prefix))
			.exchange(), 403, "forbidden");
		Api.refused(builder.put()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "elsewhere_" + this.prefix, "fields", Map.of("item", "string")))
			.exchange(), 403, "forbidden");
		assertThat(this.admin.table(id).get("name")).isEqualTo(this.prefix + "_orders");
	}

	@Test
	void aRevertCannotBringBackALabelOutsideTheCallersPatterns() {
		long id = this.admin.createTable("elsewhere_" + this.prefix, Map.of("item", "string"));
		rename(this.http, id, this.prefix + "_moved").expectStatus().isOk();
		this.admin.changeSchema(id, Map.of("fields", Map.of("item", "string", "extra", "integer")));
		String role = this.prefix + "-reverter";
		setRole(role, List.of(grant(this.prefix + "_*", List.of("schema:read", "schema:write"))));
		WebTestClient reverter = as(role, "");
		awaitVisible(reverter, id);

		// version 1 was labelled outside the pattern: neither the revert nor its dry run
		for (String dryRun : List.of("true", "false")) {
			Api.refused(reverter.post().uri("/api/table/{id}/revert?to=1&dryRun=" + dryRun, id).exchange(), 403,
					"forbidden")
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/to");
		}
		assertThat(this.admin.table(id).get("name")).isEqualTo(this.prefix + "_moved");
		assertThat(this.admin.version(id)).isEqualTo(3);

		// version 2 had the label it has now: the revert is the caller's to make
		reverter.post().uri("/api/table/{id}/revert?to=2", id).exchange().expectStatus().isOk();
		Map<String, Object> reverted = this.admin.table(id);
		assertThat(reverted.get("name")).isEqualTo(this.prefix + "_moved");
		assertThat(fieldsOf(reverted)).containsExactly("item");
		// a version the table does not have is still refused by the command, as for
		// anyone
		Api.refused(reverter.post().uri("/api/table/{id}/revert?to=99", id).exchange(), 404, "not-found");

		// into another scope: a table the caller may write, reverted to a label it may
		// not give
		long other = this.admin.createTable("hr_" + this.prefix, Map.of("name", "string"));
		rename(this.http, other, this.prefix + "_hr").expectStatus().isOk();
		awaitVisible(reverter, other);
		Api.refused(reverter.post().uri("/api/table/{id}/revert?to=1", other).exchange(), 403, "forbidden");
		assertThat(this.admin.table(other).get("name")).isEqualTo(this.prefix + "_hr");
		// the unrestricted caller may
		this.http.post().uri("/api/table/{id}/revert?to=1", other).exchange().expectStatus().isOk();
		assertThat(this.admin.table(other).get("name")).isEqualTo("hr_" + this.prefix);
	}

	/**
	 * Waits until the caller sees the table: visibility follows a rename as soon as the
	 * schema cache has it, a moment after the rename answers.
	 */
	private static void awaitVisible(WebTestClient caller, long id) {
		Api.await(Duration.ofSeconds(10), "table " + id + " to come under the caller's grants",
				() -> caller.get()
					.uri("/api/table/{id}", id)
					.exchange()
					.returnResult(Void.class)
					.getStatus()
					.value() == 200);
	}

	@SuppressWarnings("unchecked")
	private static Set<String> fieldsOf(Object table) {
		return ((Map<String, Object>) ((Map<String, Object>) table).get("fields")).keySet();
	}

	private static ResponseSpec rename(WebTestClient client, long id, String name) {
		return client.patch()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name))
			.exchange();
	}

	// field grants

	@Test
	void schemasAndOpenApiDocumentsShowOnlyTheFieldsACallerMayRead() {
		long table = this.admin.createTable(this.prefix + "_shown",
				Map.of("region", "string", "total", "integer", "secret", "string"));
		String limited = this.prefix + "-limited";
		Map<String, Object> fieldGrant = grant(List.of(table), List.of("schema:read", "rows:read"));
		fieldGrant.put("readFields", List.of("region", "total"));
		setRole(limited, List.of(fieldGrant));
		String whole = this.prefix + "-whole";
		setRole(whole, List.of(grant(List.of(table), List.of("schema:read", "rows:read"))));
		Api caller = new Api(as(limited, ""));

		assertThat(fieldsOf(caller.table(table))).containsExactlyInAnyOrder("region", "total");
		assertThat(fieldsOf(caller.get("/api/table/{id}?version=1", table))).containsExactlyInAnyOrder("region",
				"total");
		assertThat(caller.rowsOf("/api/table")).singleElement()
			.satisfies((listed) -> assertThat(fieldsOf(listed)).containsExactlyInAnyOrder("region", "total"));
		String document = caller.text("/api/table/" + table + "/openapi.json", MediaType.APPLICATION_JSON);
		assertThat(document).contains("\"region\"").doesNotContain("secret");
		assertThat(caller.text("/api/table/" + table + "/openapi.json?version=1", MediaType.APPLICATION_JSON))
			.doesNotContain("secret");

		// a caller whose reads are not limited to fields, and the unrestricted one, see
		// every field
		assertThat(fieldsOf(new Api(as(whole, "")).table(table))).contains("secret");
		assertThat(fieldsOf(this.admin.table(table))).contains("secret");
		assertThat(this.admin.text("/api/table/" + table + "/openapi.json", MediaType.APPLICATION_JSON))
			.contains("secret");
		// both roles at once: the grants add up
		assertThat(fieldsOf(new Api(as(limited + "," + whole, "")).table(table))).contains("secret");
		// a caller that may change the schema sees the fields a schema change would keep
		// or drop
		String designer = this.prefix + "-designer";
		setRole(designer, List.of(grant(List.of(table), List.of("schema:write"))));
		assertThat(fieldsOf(new Api(as(limited + "," + designer, "")).table(table))).contains("secret");
	}

	// field grants

	@Test
	void hiddenFieldsAreNoFieldsToReadSelectOrderFilterOrExport() {
		long table = this.admin.createTable(this.prefix + "_fields",
				Map.of("region", "string", "total", "integer", "secret", "string"));
		long row = ((Number) this.admin.insert(table, Map.of("region", "eu", "total", 3, "secret", "s1")).get("id"))
			.longValue();
		String role = this.prefix + "-fields";
		Map<String, Object> grant = grant(List.of(table), List.of("rows:read", "rows:write"));
		grant.put("readFields", List.of("region", "total"));
		grant.put("writeFields", List.of("total"));
		setRole(role, List.of(grant));
		WebTestClient caller = as(role, "");
		Api api = new Api(caller);

		assertThat(api.rows(table)).containsExactly(Map.of("id", (int) row, "region", "eu", "total", 3));
		assertThat(api.get("/api/table/{id}/rows/{row}", table, row)).doesNotContainKey("secret");
		String unknown = answer(caller.get().uri("/api/table/" + table + "/rows?select=nosuch").exchange(), 400);
		String hidden = answer(caller.get().uri("/api/table/" + table + "/rows?select=secret").exchange(), 400);
		assertThat(hidden.replace("secret", "X")).isEqualTo(unknown.replace("nosuch", "X"));
		Api.refused(caller.get().uri("/api/table/" + table + "/rows?order=secret").exchange(), 400,
				"invalid-parameter");
		Api.refused(caller.get().uri("/api/table/" + table + "/rows?secret=eq.s1").exchange(), 400,
				"invalid-parameter");
		String csv = api.text("/api/table/" + table + "/rows?format=csv", MediaType.ALL);
		assertThat(csv.lines().findFirst().orElseThrow().split(",")).containsExactlyInAnyOrder("id", "region", "total");
		assertThat(csv).doesNotContain("secret").doesNotContain("s1");
		assertThat(api.text("/api/table/" + table + "/rows?format=ndjson", MediaType.ALL)).doesNotContain("s1");

		Api.refused(caller.post()
			.uri("/api/table/{id}/row", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("total", 1, "secret", "mine"))
			.exchange(), 403, "forbidden").jsonPath("$.errors[0].pointer").isEqualTo("/secret");
		Api.refused(caller.patch()
			.uri("/api/table/{id}/rows/{row}", table, row)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("region", "us"))
			.exchange(), 403, "forbidden").jsonPath("$.errors[0].pointer").isEqualTo("/region");
		Api.refused(caller.put()
			.uri("/api/table/{id}/rows/{row}", table, row)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("total", 4, "secret", "x"))
			.exchange(), 403, "forbidden").jsonPath("$.errors[0].pointer").isEqualTo("/secret");
		Api.refused(api.postRows(table, MediaType.APPLICATION_JSON, List.of(Map.of("total", 1), Map.of("secret", "x"))),
				403, "forbidden")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/1/secret");

		Map<String, Object> patched = Api.ok(caller.patch()
			.uri("/api/table/{id}/rows/{row}", table, row)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("total", 9))
			.exchange());
		assertThat(patched).isEqualTo(Map.of("id", (int) row, "region", "eu", "total", 9));
		// a replace sets the fields the caller may write only: the others keep their
		// values
		Api.ok(caller.put()
			.uri("/api/table/{id}/rows/{row}", table, row)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("total", 10))
			.exchange());
		assertThat(this.admin.get("/api/table/{id}/rows/{row}", table, row))
			.isEqualTo(Map.of("id", (int) row, "region", "eu", "total", 10, "secret", "s1"));
	}

	// row rules

	private long tenantTable() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("tenant", "string");
		fields.put("item", "string");
		fields.put("code", Map.of("type", "string", "required", false, "unique", true));
		long table = this.admin.createTable(this.prefix + "_orders", fields);
		for (String[] row : List.of(new String[] { "acme", "a1", "c1" }, new String[] { "other", "o1", "c2" },
				new String[] { "acme", "a2", "c3" }, new String[] { "other", "o2", "c4" },
				new String[] { "acme", "a3", "c5" })) {
			this.admin.insert(table, Map.of("tenant", row[0], "item", row[1], "code", row[2]));
		}
		return table;
	}

	private WebTestClient tenantCaller(long table, String attributes) {
		String role = this.prefix + "-tenant";
		Map<String, Object> grant = grant(List.of(table), List.of("schema:read", "rows:read", "rows:write"));
		grant.put("rows", "tenant = ${claim.tenant}");
		setRole(role, List.of(grant));
		return as(role, attributes);
	}

	private List<Object> items(WebTestClient caller, String query) {
		return new Api(caller).rowsOf(query).stream().map((row) -> row.get("item")).toList();
	}

	private long idOf(long table, String item) {
		return ((Number) this.admin.rowsOf("/api/table/" + table + "/rows?item=eq." + item).get(0).get("id"))
			.longValue();
	}

	@Test
	void rowRulesHoldOnEveryRead() {
		long table = tenantTable();
		WebTestClient acme = tenantCaller(table, "tenant=acme");
		String rows = "/api/table/" + table + "/rows";
		assertThat(items(acme, rows)).containsExactly("a1", "a2", "a3");
		assertThat(items(acme, rows + "?tenant=eq.other")).isEmpty();
		assertThat(items(acme, rows + "?tenant=neq.acme")).isEmpty();
		assertThat(items(acme, rows + "?order=tenant.desc,item.desc")).containsExactly("a3", "a2", "a1");
		assertThat(items(acme, rows + "?select=item&item=in.(o1,a1,o2)")).containsExactly("a1");
		// an or, a not or an aggregate never reaches past the rule: the rule is AND-ed to
		// them
		assertThat(items(acme, rows + "?or=(tenant.eq.other,tenant.eq.acme)")).containsExactly("a1", "a2", "a3");
		assertThat(items(acme, rows + "?or=(tenant.eq.other,item.eq.o1,id.gt.0)")).containsExactly("a1", "a2", "a3");
		assertThat(items(acme, rows + "?not.and=(tenant.eq.acme)")).isEmpty();
		assertThat(items(acme, rows + "?tenant=not.eq.acme")).isEmpty();
		assertThat(items(acme, rows + "?or=(item.eq.o1,item.eq.o2)")).isEmpty();
		assertThat(new Api(acme).rowsOf(rows + "?select=tenant,count()"))
			.containsExactly(Map.of("tenant", "acme", "count", 3));
		assertThat(new Api(acme).rowsOf(rows + "?select=count()&or=(tenant.eq.other,tenant.is.null)"))
			.containsExactly(Map.of("count", 0));
		acme.get().uri(rows + "?count=exact&limit=1").exchange().expectHeader().valueEquals("X-Total-Count", "3");
		acme.get().uri(rows + "?count=estimated&tenant=eq.other&limit=1").exchange().expectStatus().isOk();
		assertThat(new Api(acme).text(rows + "?format=csv", MediaType.ALL)).doesNotContain("other");
		assertThat(new Api(acme).text(rows + "?format=ndjson", MediaType.ALL)).doesNotContain("other")
			.contains("a1", "a2", "a3");

		// pages: every page of the caller's rows, then no more
		List<Object> paged = new java.util.ArrayList<>();
		String next = rows + "?limit=1";
		for (int page = 0; next != null && page < 10; page++) {
			EntityExchangeResult<List<Map<String, Object>>> result = acme.get()
				.uri(Api.raw(next))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Json.LIST)
				.returnResult();
			result.getResponseBody().forEach((row) -> paged.add(row.get("item")));
			String link = result.getResponseHeaders().getFirst("Link");
			Matcher matcher = (link != null) ? NEXT.matcher(link) : null;
			next = (matcher != null && matcher.find()) ? matcher.group(1) : null;
		}
		assertThat(paged).containsExactly("a1", "a2", "a3");
		// a cursor crafted to start before every row reaches the caller's rows only
		String crafted = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"o\":\"id.asc\",\"k\":[0]}".getBytes(StandardCharsets.UTF_8));
		assertThat(items(acme, rows + "?limit=100&after=" + crafted)).containsExactly("a1", "a2", "a3");

		long foreign = idOf(table, "o1");
		Api.refused(acme.get().uri("/api/table/{id}/rows/{row}", table, foreign).exchange(), 404, "row-not-found");
		assertThat(new Api(acme).get("/api/table/{id}/rows/{row}", table, idOf(table, "a1")).get("item"))
			.isEqualTo("a1");

		// a caller without the attribute the rule needs reaches no row
		WebTestClient anonymous = as(this.prefix + "-tenant", "");
		assertThat(items(anonymous, rows)).isEmpty();
	}

	@Test
	void aFieldEveryWriteRuleBindsToOneValueIsFilledIn() {
		long table = tenantTable();
		String role = this.prefix + "-two-grants";
		Map<String, Object> reads = grant(List.of(table), List.of("schema:read", "rows:read", "rows:write"));
		reads.put("rows", "tenant = ${claim.tenant}");
		Map<String, Object> writes = grant(List.of(table), List.of("rows:write"));
		writes.put("rows", "tenant = ${claim.tenant}");
		setRole(role, List.of(reads, writes));
		Api acme = new Api(as(role, "tenant=acme"));
		assertThat(acme.insert(table, Map.of("item", "a4")).get("tenant")).isEqualTo("acme");
		acme.load(table, MediaType.APPLICATION_JSON, List.of(Map.of("item", "a5")), 1);
		acme.load(table, MediaType.APPLICATION_NDJSON, "{\"item\":\"a6\"}\n", 1);

		// rules that bind the field to different values leave it to the caller
		String mixed = this.prefix + "-mixed-grants";
		Map<String, Object> other = grant(List.of(table), List.of("rows:write"));
		other.put("rows", "tenant = 'other'");
		setRole(mixed, List.of(reads, other));
		Api both = new Api(as(mixed, "tenant=acme"));
		Api.refused(both.postRow(table, Map.of("item", "x")), 422, "missing-value");
		assertThat(both.insert(table, Map.of("tenant", "other", "item", "o3")).get("tenant")).isEqualTo("other");

		List<String> everything = this.admin.rows(table)
			.stream()
			.map((row) -> row.get("tenant") + ":" + row.get("item"))
			.toList();
		assertThat(everything).containsExactlyInAnyOrder("acme:a1", "other:o1", "acme:a2", "other:o2", "acme:a3",
				"acme:a4", "acme:a5", "acme:a6", "other:o3");
	}

	@Test
	void rowRulesHoldOnEveryWrite() {
		long table = tenantTable();
		WebTestClient acme = tenantCaller(table, "tenant=acme");
		Api api = new Api(acme);
		long foreign = idOf(table, "o1");
		long own = idOf(table, "a1");

		// rows outside the rule are as missing
		Api.refused(acme.patch()
			.uri("/api/table/{id}/rows/{row}", table, foreign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("item", "taken"))
			.exchange(), 404, "row-not-found");
		Api.refused(acme.put()
			.uri("/api/table/{id}/rows/{row}", table, foreign)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("tenant", "acme", "item", "taken"))
			.exchange(), 404, "row-not-found");
		Api.refused(acme.delete().uri("/api/table/{id}/rows/{row}", table, foreign).exchange(), 404, "row-not-found");
		assertThat(this.admin.get("/api/table/{id}/rows/{row}", table, foreign).get("item")).isEqualTo("o1");

		// a row cannot be moved out of the rule
		Api.refused(acme.patch()
			.uri("/api/table/{id}/rows/{row}", table, own)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("tenant", "other"))
			.exchange(), 403, "forbidden");
		// a replace without the rule's field keeps the row within it
		Map<String, Object> replaced = Api.ok(acme.put()
			.uri("/api/table/{id}/rows/{row}", table, own)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("item", "a1b"))
			.exchange());
		assertThat(replaced.get("tenant")).isEqualTo("acme");

		// inserts: filled in, or refused outside the rule
		assertThat(api.insert(table, Map.of("item", "a4")).get("tenant")).isEqualTo("acme");
		Api.refused(api.postRow(table, Map.of("tenant", "other", "item", "x")), 403, "forbidden");
		Api.refused(api.postRows(table, MediaType.APPLICATION_JSON,
				List.of(Map.of("item", "a5"), Map.of("tenant", "other", "item", "x"))), 403, "forbidden")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/1");
		Api.refused(api.postRows(table, MediaType.APPLICATION_NDJSON,
				"{\"item\":\"a6\"}\n{\"tenant\":\"other\",\"item\":\"y\"}\n"), 403, "forbidden");
		api.load(table, MediaType.APPLICATION_NDJSON, "{\"item\":\"a7\"}\n{\"tenant\":\"acme\",\"item\":\"a8\"}\n", 2);
		// an upsert meeting another tenant's row leaves it alone and refuses the load
		Api.refused(acme.post()
			.uri("/api/table/{id}/rows?onConflict=code", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("item", "a9", "code", "c9"), Map.of("item", "stolen", "code", "c2")))
			.exchange(), 403, "forbidden");
		assertThat(this.admin.get("/api/table/{id}/rows/{row}", table, foreign).get("item")).isEqualTo("o1");
		acme.post()
			.uri("/api/table/{id}/rows?onConflict=code", table)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("item", "a3b", "code", "c5")))
			.exchange()
			.expectStatus()
			.isCreated();

		List<String> everything = this.admin.rows(table)
			.stream()
			.map((row) -> row.get("tenant") + ":" + row.get("item"))
			.toList();
		assertThat(everything).containsExactlyInAnyOrder("acme:a1b", "other:o1", "acme:a2", "other:o2", "acme:a3b",
				"acme:a4", "acme:a7", "acme:a8");
		acme.delete().uri("/api/table/{id}/rows/{row}", table, own).exchange().expectStatus().isNoContent();

		// without the attribute, nothing can be written
		WebTestClient anonymous = as(this.prefix + "-tenant", "");
		Api.refused(new Api(anonymous).postRow(table, Map.of("item", "x")), 403, "forbidden");
	}

	// who could

	@Test
	void answersWhichRolesCouldDoAnActionOnATableAtATime() throws InterruptedException {
		long table = this.admin.createTable(this.prefix + "_audit", Map.of("item", "string"));
		String role = this.prefix + "-writer";
		Instant before = Instant.now();
		Thread.sleep(20);
		Map<String, Object> grant = grant(this.prefix + "_*", List.of("rows:write"));
		grant.put("rows", "tenant = ${claim.tenant}");
		setRole(role, List.of(grant));
		Thread.sleep(20);
		Instant during = Instant.now();
		Thread.sleep(20);
		this.http.delete().uri("/api/admin/roles/{name}", role).exchange().expectStatus().isNoContent();

		assertThat(roles(whoCould("rows:write", table, during))).contains(role);
		assertThat(whoCould("rows:write", table, during).toString()).contains("tenant = ${claim.tenant}");
		assertThat(roles(whoCould("rows:write", table, before))).doesNotContain(role);
		assertThat(roles(whoCould("rows:read", table, during))).doesNotContain(role);
		assertThat(roles(whoCould("rows:write", table, null))).doesNotContain(role);
		Api.refused(this.http.get().uri("/api/admin/access?action=rows:drop&table=" + table).exchange(), 400,
				"invalid-parameter");
	}

	@Test
	@SuppressWarnings("unchecked")
	void whoCouldListsTheKeysHoldingEachRoleThen() throws InterruptedException {
		long table = this.admin.createTable(this.prefix + "_keys", Map.of("item", "string"));
		String role = this.prefix + "-keyed";
		setRole(role, List.of(grant(this.prefix + "_*", List.of("rows:read"))));
		Map<String, Object> holder = this.admin
			.createKey(Map.of("name", "holder " + this.prefix, "roles", List.of(role)));
		Map<String, Object> revoked = this.admin
			.createKey(Map.of("name", "revoked " + this.prefix, "roles", List.of(role)));
		Map<String, Object> admin = this.admin
			.createKey(Map.of("name", "admin " + this.prefix, "roles", List.of("admin")));
		Map<String, Object> other = this.admin
			.createKey(Map.of("name", "other " + this.prefix, "roles", List.of("nobody")));
		Thread.sleep(20);
		Instant beforeRevocation = Instant.now();
		Thread.sleep(20);
		this.http.delete()
			.uri("/api/admin/keys/{prefix}", revoked.get("prefix"))
			.exchange()
			.expectStatus()
			.isNoContent();

		Map<String, Object> now = whoCould("rows:read", table, null);
		assertThat(keys(now, role)).containsExactlyInAnyOrder(key(holder));
		assertThat(keys(now, "admin")).contains(key(admin)).doesNotContain(key(holder), key(other));
		assertThat(now.toString()).doesNotContain((String) other.get("prefix"));
		assertThat((String) now.get("tokens")).contains("JWT");
		assertThat(keys(whoCould("rows:read", table, beforeRevocation), role)).containsExactlyInAnyOrder(key(holder),
				key(revoked));
	}

	private static Map<String, Object> key(Map<String, Object> created) {
		return Map.of("prefix", created.get("prefix"), "name", created.get("name"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> keys(Map<String, Object> answer, String role) {
		return ((List<Map<String, Object>>) answer.get("roles")).stream()
			.filter((entry) -> role.equals(entry.get("role")))
			.findFirst()
			.map((entry) -> (List<Map<String, Object>>) entry.get("keys"))
			.orElseThrow(() -> new AssertionError("no role " + role + " in " + answer));
	}

	private Map<String, Object> whoCould(String action, long table, Instant at) {
		return this.admin
			.get("/api/admin/access?action=" + action + "&table=" + table + ((at != null) ? "&at=" + at : ""));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> roles(Map<String, Object> answer) {
		return ((List<Map<String, Object>>) answer.get("roles")).stream().map((role) -> role.get("role")).toList();
	}

	private static String answer(ResponseSpec response, int status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.replaceAll("\"instance\":\"[^\"]*\"", "");
	}

}
