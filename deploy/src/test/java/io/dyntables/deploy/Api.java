package io.dyntables.deploy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The API as a client uses it, for tests that need tables and rows to work on. */
final class Api {

	private final WebTestClient http;

	Api(WebTestClient http) {
		this.http = http;
	}

	/** The client this one sends with, for requests it has no method for. */
	WebTestClient http() {
		return this.http;
	}

	/** Creates a table and answers its id. */
	long createTable(String name, Map<String, Object> fields) {
		Map<String, Object> table = this.http.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "fields", fields))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		return ((Number) table.get("id")).longValue();
	}

	ResponseSpec put(long id, Object body) {
		return this.http.put()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	Map<String, Object> changeSchema(long id, Object body) {
		return ok(put(id, body));
	}

	/** A schema change previewed with {@code dryRun=true}, answered 200. */
	Map<String, Object> dryRun(long id, Object body) {
		return ok(this.http.put()
			.uri("/api/table/{id}?dryRun=true", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange());
	}

	long version(long id) {
		return ((Number) table(id).get("version")).longValue();
	}

	ResponseSpec postRow(long id, Object row) {
		return this.http.post()
			.uri("/api/table/{id}/row", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(row)
			.exchange();
	}

	Map<String, Object> insert(long id, Object row) {
		return postRow(id, row).expectStatus().isCreated().expectBody(Json.MAP).returnResult().getResponseBody();
	}

	/** Posts rows to the bulk endpoint: a JSON array, NDJSON or CSV by the type. */
	ResponseSpec postRows(long id, MediaType type, Object rows) {
		return this.http.post().uri("/api/table/{id}/rows", id).contentType(type).bodyValue(rows).exchange();
	}

	/** Posts rows to the bulk endpoint and checks that every one was inserted. */
	void load(long id, MediaType type, Object rows, int inserted) {
		postRows(id, type, rows).expectStatus().isCreated().expectBody().jsonPath("$.inserted").isEqualTo(inserted);
	}

	List<Map<String, Object>> rows(long id) {
		return rowsOf("/api/table/" + id + "/rows");
	}

	/**
	 * A JSON array answered 200 at the path (as given: its query is not encoded again).
	 */
	List<Map<String, Object>> rowsOf(String path) {
		return this.http.get()
			.uri(raw(path))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
	}

	/** Creates an API key and answers the created key's JSON, the key itself included. */
	Map<String, Object> createKey(Map<String, Object> request) {
		return this.http.post()
			.uri("/api/admin/keys")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Sets a role's grants, as the security administrator ({@code X-Actor}), and answers
	 * the role.
	 */
	Map<String, Object> setRole(String name, Object grants) {
		return ok(this.http.put()
			.uri("/api/admin/roles/{name}", name)
			.header("X-Actor", "security-admin")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("grants", grants))
			.exchange());
	}

	/**
	 * A grant of the actions on the tables (a list of ids, or a label pattern), to add
	 * field or row rules to.
	 */
	static Map<String, Object> grant(Object tables, List<String> actions) {
		Map<String, Object> grant = new LinkedHashMap<>();
		grant.put("actions", actions);
		grant.put("tables", tables);
		return grant;
	}

	/** A JSON object answered 200 at the path. */
	Map<String, Object> get(String uri, Object... variables) {
		return ok(this.http.get().uri(uri, variables).exchange());
	}

	Map<String, Object> table(long id) {
		return get("/api/table/{id}", id);
	}

	/**
	 * The body answered 200 at the path (as given: its query is not encoded again), as
	 * text of the accepted type.
	 */
	String text(String pathAndQuery, MediaType accept) {
		return this.http.get()
			.uri(raw(pathAndQuery))
			.accept(accept)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** Checks that the answer is 200 and answers its JSON object. */
	static Map<String, Object> ok(ResponseSpec answer) {
		return answer.expectStatus().isOk().expectBody(Json.MAP).returnResult().getResponseBody();
	}

	/**
	 * Checks that the answer is a Problem Details body with the status and code, and
	 * answers the body for further checks (the field its errors name).
	 */
	static BodyContentSpec refused(ResponseSpec answer, int status, String code) {
		return answer.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

	/**
	 * A path and query sent as written, not encoded again (for hostile paths and encoded
	 * query values), against the client's base URL.
	 */
	static Function<UriBuilder, URI> raw(String pathAndQuery) {
		return (builder) -> builder.build().resolve(pathAndQuery);
	}

	/** Polls until the condition holds, failing past the deadline. */
	static void await(Duration deadline, String what, BooleanSupplier condition) {
		Instant end = Instant.now().plus(deadline);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(end);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
