package io.dyntables.deploy;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The API as a client uses it, for tests that need tables and rows to work on. */
final class Api {

	private final WebTestClient http;

	Api(WebTestClient http) {
		this.http = http;
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
		return put(id, body).expectStatus().isOk().expectBody(Json.MAP).returnResult().getResponseBody();
	}

	Map<String, Object> table(long id) {
		return this.http.get()
			.uri("/api/table/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
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

	List<Map<String, Object>> rows(long id) {
		return this.http.get()
			.uri("/api/table/{id}/rows", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
	}

}
