package io.dyntables.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original service's documented walkthrough, request by request, as its clients send
 * it: every one of them must keep working.
 */
@DyntablesIT
class OriginalWalkthroughIT {

	@Autowired
	WebTestClient http;

	@Test
	void originalWalkthroughWorksUnchanged() {
		Map<String, Object> created = this.http.post()
			.uri("/api/table/")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Person", "fields",
					Map.of("first_name", "string", "last_name", "string", "age", "integer", "address", "string")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		assertThat(created.get("name")).isEqualTo("Person");
		assertThat(Json.types(created)).containsEntry("first_name", "string")
			.containsEntry("age", "integer")
			.containsEntry("address", "string")
			.hasSize(4);

		Map<String, Object> row = this.http.post()
			.uri("/api/table/{id}/row/", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "Joe", "last_name", "Doe", "age", 16, "address", "Heaven Str 45"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(row).containsEntry("first_name", "Joe").containsEntry("age", 16).containsKey("id");

		this.http.put()
			.uri("/api/table/{id}/", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields",
					Map.of("first_name", "string", "last_name", "string", "age", "integer", "address", "integer")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("type-change-refused")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/fields/address");

		Map<String, Object> unchanged = this.http.get()
			.uri("/api/table/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(Json.types(unchanged)).containsEntry("address", "string");
		long versionBefore = ((Number) unchanged.get("version")).longValue();

		Map<String, Object> newFields = Map.of("first_name", "string", "age", "string", "address", "string", "married",
				"boolean");
		Map<String, Object> changed = this.http.put()
			.uri("/api/table/{id}/", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", newFields))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(Json.types(changed)).isEqualTo(newFields);
		long versionAfter = ((Number) changed.get("version")).longValue();
		assertThat(versionAfter).isGreaterThan(versionBefore);

		Map<String, Object> repeated = this.http.put()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", newFields))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(((Number) repeated.get("version")).longValue()).isEqualTo(versionAfter);

		this.http.post()
			.uri("/api/table/{id}/row", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "Joe", "age", "Dow", "address", "Hello Street 45", "married", true))
			.exchange()
			.expectStatus()
			.isCreated();
		this.http.post()
			.uri("/api/table/{id}/row/", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "Ann", "age", "3", "address", "x", "married", "yes"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/married");
		this.http.post()
			.uri("/api/table/{id}/row/", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("first_name", "Ann", "age", "3", "address", "x"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("missing-value")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/married");

		List<Map<String, Object>> rows = this.http.get()
			.uri("/api/table/{id}/rows/", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.LIST)
			.returnResult()
			.getResponseBody();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("first_name", "Joe")
			.containsEntry("age", "16")
			.containsEntry("address", "Heaven Str 45")
			.containsEntry("married", null)
			.doesNotContainKey("last_name");
		assertThat(rows.get(1)).containsEntry("age", "Dow").containsEntry("married", true);

		Map<String, Object> second = this.http.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Person", "fields", Map.of("nick", "string")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		assertThat(((Number) second.get("id")).longValue()).isNotEqualTo(id);
	}

	@Test
	void documentationIsServed() {
		this.http.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).value((page) -> {
			assertThat(page).contains("/api/table");
		});
		this.http.get()
			.uri("/")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isTemporaryRedirect()
			.expectHeader()
			.location("/v3/api-docs");
		this.http.get().uri("/swagger").exchange().expectStatus().is3xxRedirection();
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/table']")
			.exists();
	}

}
