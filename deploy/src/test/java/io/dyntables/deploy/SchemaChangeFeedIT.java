package io.dyntables.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The live feed of schema changes, over Server-Sent Events. */
@DyntablesIT
class SchemaChangeFeedIT {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient http;

	@Test
	void subscriberReceivesAppliedChange() throws Exception {
		Api tables = new Api(this.http);
		long id = tables.createTable("Followed", Map.of("a", "string"));
		CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> oneTable = follow("/api/table/" + id + "/events",
				id);
		CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> allTables = follow("/api/table/events", id);

		this.http.put()
			.uri("/api/table/{id}", id)
			.header("X-Actor", "erin")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("fields", Map.of("a", "string", "married", "boolean")))
			.exchange()
			.expectStatus()
			.isOk();

		for (CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> feed : List.of(oneTable, allTables)) {
			ServerSentEvent<Map<String, Object>> change = feed.get(30, TimeUnit.SECONDS).get(1);
			assertThat(change.event()).isEqualTo("FieldAdded");
			assertThat(change.id()).isEqualTo(id + ":1");
			assertThat(change.data()).containsEntry("summary", "added field married (boolean)")
				.containsEntry("actor", "local")
				.containsEntry("onBehalfOf", "erin")
				.containsEntry("version", 2)
				.containsKey("appliedAt");
		}
	}

	/**
	 * Opens the feed and answers its first two events (connected, then the table's first
	 * change) once they arrive; returns once the feed is open.
	 */
	private CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> follow(String uri, long id)
			throws InterruptedException {
		CountDownLatch connected = new CountDownLatch(1);
		Flux<ServerSentEvent<Map<String, Object>>> events = this.http.get()
			.uri(uri)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
		CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> firstTwo = events
			.doOnNext((event) -> connected.countDown())
			// the table's creation may be told too: the feed tells what it hears, which
			// may
			// be just after the command answered
			.filter((event) -> "connected".equals(event.event())
					|| (event.data() != null && event.data().get("tableId") instanceof Number table
							&& table.longValue() == id && !"TableCreated".equals(event.event())))
			.take(2)
			.collectList()
			.timeout(Duration.ofSeconds(30))
			.toFuture();
		assertThat(connected.await(30, TimeUnit.SECONDS)).as("the feed opened").isTrue();
		return firstTwo;
	}

}
