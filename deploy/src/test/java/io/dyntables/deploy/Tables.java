package io.dyntables.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the history tests repeat, over HTTP as clients send them. */
final class Tables {

	private final WebTestClient http;

	Tables(WebTestClient http) {
		this.http = http;
	}

	/** Creates a table and answers its id. */
	long create(String name, Map<String, Object> fields) {
		Map<String, Object> created = this.http.post()
			.uri("/api/table")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "fields", fields))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	/** Makes the table's fields these and answers the table. */
	Map<String, Object> change(long id, Map<String, Object> body) {
		return this.http.put()
			.uri("/api/table/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
	}

	Map<String, Object> get(String uri, Object... variables) {
		return this.http.get()
			.uri(uri, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
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
