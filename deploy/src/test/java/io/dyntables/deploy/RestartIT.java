package io.dyntables.deploy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dyntables.deploy.database.Database;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the service and starting it again on the same data directory keeps the tables,
 * their schemas and their rows, with the embedded PostgreSQL.
 */
class RestartIT {

	@Test
	void restartKeepsTablesSchemasAndRows() {
		String dataDir = "target/it-data/restart-" + UUID.randomUUID();
		long id;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			Api api = new Api(client(first));
			id = api.createTable("Survivor", Map.of("name", "string", "age", "integer"));
			api.changeSchema(id, Map.of("fields", Map.of("name", "string", "age", "string")));
			api.insert(id, Map.of("name", "Joe", "age", "16"));
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			Api api = new Api(client(second));
			Map<String, Object> table = api.table(id);
			assertThat(table).containsEntry("name", "Survivor").containsEntry("version", 2);
			assertThat(Json.types(table)).containsEntry("age", "string");
			List<Map<String, Object>> rows = api.rows(id);
			assertThat(rows).singleElement()
				.satisfies((row) -> assertThat(row).containsEntry("name", "Joe").containsEntry("age", "16"));
			long next = api.createTable("After restart", Map.of("a", "text"));
			assertThat(next).isGreaterThan(id);
		}
	}

	@Test
	void databaseAwayAnswers503WithRetryAfter() throws Exception {
		try (ConfigurableApplicationContext context = start("target/it-data/away-" + UUID.randomUUID())) {
			WebTestClient http = client(context);
			long id = new Api(http).createTable("Soon unreachable", Map.of("a", "text"));
			context.getBean(Database.class).close();
			for (String path : List.of("/api/table", "/api/table/" + id, "/api/table/" + id + "/rows")) {
				http.get()
					.uri(path)
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.valueEquals("Retry-After", "5")
					.expectBody()
					.jsonPath("$.code")
					.isEqualTo("database-unavailable");
			}
			http.post()
				.uri("/api/table/{id}/row", id)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("a", "x"))
				.exchange()
				.expectStatus()
				.isEqualTo(503);
		}
	}

	private static ConfigurableApplicationContext start(String dataDir) {
		return new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
				"--dyntables.data-dir=" + dataDir);
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
	}

}
