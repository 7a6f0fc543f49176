package io.dyntables.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.dyntables.query.rows.LoopConnections;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-row statements on the connections of the HTTP event loops: they open on use, as
 * the rows role; when PostgreSQL drops them, requests meanwhile are answered as a lost
 * connection always was (201, or 503 for one whose statement was cut, never a 500 or a
 * hang), the next ones are served at once, the connections are opened again, and every
 * row answered 201 is there. A loop keeps several connections, each running one statement
 * at a time, so a statement waiting for a lock holds up no other.
 */
@DyntablesIT
class LoopConnectionsIT {

	private static final String LOOPS = "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?";

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

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

	@Test
	void concurrentRequestsUseSeveralConnectionsOfEachLoop() {
		long id = new Api(this.http).createTable("LoopsBusy", Map.of("name", "string"));
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		// more than one connection per event loop of the server
		int eventLoops = LoopResources.DEFAULT_IO_WORKER_COUNT;
		Api.await(Duration.ofSeconds(30), "more loop connections than event loops", () -> {
			List<Integer> statuses = Flux.range(0, 64)
				.flatMap(
						(i) -> client.post()
							.uri("/api/table/{id}/row", id)
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(Map.of("name", "concurrent " + i))
							.exchangeToMono((answer) -> answer.releaseBody().thenReturn(answer.statusCode().value())),
						64)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(statuses).containsOnly(201);
			return loops() > eventLoops;
		});
	}

	@Test
	void aStatementWaitingForALockHoldsUpNoOther() throws Exception {
		Api api = new Api(this.http);
		long id = api.createTable("LoopsLocked", Map.of("name", "string"));
		Object locked = api.insert(id, Map.of("name", "locked")).get("id");
		String table = this.jdbc.queryForObject("SELECT physical_name FROM dyntables.table_ref WHERE id = ?",
				String.class, id);
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		try (java.sql.Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			holder.createStatement()
				.execute("SELECT * FROM dyntables_data.\"" + table + "\" WHERE id = " + locked + " FOR UPDATE");
			Mono<Integer> waiting = client.patch()
				.uri("/api/table/{id}/rows/{row}", id, locked)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "changed"))
				.exchangeToMono((answer) -> answer.releaseBody().thenReturn(answer.statusCode().value()))
				.cache();
			waiting.subscribe();
			for (int i = 0; i < 40; i++) {
				long started = System.nanoTime();
				api.insert(id, Map.of("name", "beside the lock " + i));
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("insert %d beside the lock", i)
					.isLessThan(Duration.ofSeconds(2));
			}
			holder.rollback();
			assertThat(waiting.block(Duration.ofSeconds(10))).as("the update once the lock is gone").isEqualTo(200);
		}
		assertThat(api.get("/api/table/{id}/rows/{row}", id, locked)).containsEntry("name", "changed");
	}

	private long loops() {
		return this.jdbc.queryForObject(LOOPS, Long.class, LoopConnections.APPLICATION_NAME);
	}

}
