package io.dyntables.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.query.rows.LoopConnections;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-row statements on the connections of the HTTP event loops: they open on use, as
 * the rows role; when PostgreSQL drops them, requests meanwhile are answered as a lost
 * connection always was (201, or 503 for one whose statement was cut, never a 500 or a
 * hang), the next ones are served at once, the connections are opened again, and every
 * row answered 201 is there.
 */
@DyntablesIT
class LoopConnectionsIT {

	private static final String LOOPS = "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?";

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void droppedLoopConnectionsAreReplacedWithoutFailingRequests() {
		Api api = new Api(this.http);
		long id = api.createTable("LoopConnected", Map.of("name", "string"));
		Set<Object> stored = new HashSet<>();
		Api.await(Duration.ofSeconds(20), "a loop connection open", () -> {
			stored.add(api.insert(id, Map.of("name", "before")).get("id"));
			return loops() > 0;
		});
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND usename = current_user",
				Long.class, LoopConnections.APPLICATION_NAME))
			.as("loop connections log in as the rows role, not the service's own user")
			.isZero();

		List<Object> dropped = this.jdbc.queryForList(
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?", Object.class,
				LoopConnections.APPLICATION_NAME);
		assertThat(dropped).isNotEmpty();

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			EntityExchangeResult<Map<String, Object>> answer = this.http.post()
				.uri("/api/table/{id}/row", id)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "after " + i))
				.exchange()
				.expectBody(Json.MAP)
				.returnResult();
			int status = answer.getStatus().value();
			statuses.add(status);
			if (status == 201) {
				stored.add(answer.getResponseBody().get("id"));
			}
		}
		assertThat(statuses).as("answers after the drop").allMatch((status) -> status == 201 || status == 503);
		assertThat(statuses.subList(statuses.size() - 10, statuses.size())).as("the last answers").containsOnly(201);
		Api.await(Duration.ofSeconds(20), "the loop connections opened again", () -> {
			stored.add(api.insert(id, Map.of("name", "later")).get("id"));
			return loops() > 0;
		});
		Set<Object> listed = new HashSet<>();
		api.rows(id).forEach((row) -> listed.add(row.get("id")));
		assertThat(listed).containsAll(stored);
	}

	private long loops() {
		return this.jdbc.queryForObject(LOOPS, Long.class, LoopConnections.APPLICATION_NAME);
	}

}
