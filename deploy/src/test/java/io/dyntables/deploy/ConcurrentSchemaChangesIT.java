package io.dyntables.deploy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.dyntables.deploy.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.dyntables.deploy.Instances.client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema changes sent at the same time through three instances, each adding its own field
 * to the same version of one table: one wins, the others are refused (409 without
 * If-Match, 412 with it), and no field whose change answered 200 is lost.
 * <p>
 * A PUT states the whole field set, so a PUT that arrives after another one committed is
 * based on the new version and rightly removes the other's field. To make every round a
 * real race, most rounds hold the appends back (a lock on the event table) until every
 * request has read its base version and waits to append; the last test lets them run
 * freely and checks that the outcome is the one of some order of the accepted changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentSchemaChangesIT {

	private static final int ROUNDS = 4;

	private static final Duration SETTLED = Duration.ofSeconds(30);

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final List<WebTestClient> clients = new ArrayList<>();

	private final ExecutorService senders = Executors.newFixedThreadPool(3);

	private Api api;

	private JdbcTemplate jdbc;

	@BeforeAll
	void start() {
		ConfigurableApplicationContext first = new SpringApplicationBuilder(DyntablesApplication.class).run(
				"--server.port=0", "--dyntables.data-dir=target/it-data/concurrent-" + UUID.randomUUID(),
				"--dyntables.projection-wait=30s");
		this.instances.add(first);
		Database database = first.getBean(Database.class);
		for (int i = 0; i < 2; i++) {
			this.instances.add(new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
					"--dyntables.db.url=" + database.jdbcUrl(), "--dyntables.db.password=" + database.password(),
					"--dyntables.projection-wait=30s"));
		}
		Api.await(SETTLED, "every instance to own a segment",
				() -> this.instances.stream().allMatch(Instances::claimed));
		this.instances.forEach((instance) -> this.clients.add(client(instance)));
		this.api = new Api(this.clients.get(0));
		this.jdbc = first.getBean(JdbcTemplate.class);
	}

	@AfterAll
	void stop() {
		this.senders.shutdownNow();
		for (int i = this.instances.size() - 1; i >= 0; i--) {
			this.instances.get(i).close();
		}
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void racingChangesWithoutIfMatchLetOneWinAndRefuseTheOthersWith409() throws Exception {
		racesLetOneWin(false, 409, "version-conflict");
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void racingChangesWithIfMatchLetOneWinAndRefuseTheOthersWith412() throws Exception {
		racesLetOneWin(true, 412, "precondition-failed");
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void changesSentTogetherEndAsTheLastAcceptedOneSaysWithNoFieldLost() throws Exception {
		Map<String, Object> base = new LinkedHashMap<>(Map.of("a", "text"));
		long id = this.api.createTable("Free race", base);
		for (int round = 0; round < ROUNDS; round++) {
			long version = version(id);
			List<Answer> answers = join(send(id, base, round, null));
			assertThat(answers).as("round %d", round)
				.extracting(Answer::status)
				.allMatch((status) -> status == 200 || status == 409);
			List<Answer> accepted = answers.stream()
				.filter((answer) -> answer.status() == 200)
				.sorted((one, other) -> Long.compare(one.version(), other.version()))
				.toList();
			assertThat(accepted).as("round %d: at least one change is accepted", round).isNotEmpty();
			assertThat(accepted).extracting(Answer::version)
				.as("accepted changes have versions of their own, one after the other")
				.doesNotHaveDuplicates()
				.allMatch((number) -> number > version && number <= version + accepted.size());
			for (Answer answer : accepted) {
				assertThat(Json.types(this.api.get("/api/table/{id}?version={version}", id, answer.version())))
					.as("the table at the version of an accepted change")
					.containsKey(answer.field());
			}
			// the last accepted change stated the whole field set: the table is as it
			// says
			Answer last = accepted.get(accepted.size() - 1);
			base.put(last.field(), "integer");
			assertThat(Json.types(this.api.table(id))).containsOnlyKeys(base.keySet());
			assertThat(version(id)).isEqualTo(last.version());
		}
	}

	/**
	 * Rounds in which three changes race from one version: exactly one is accepted, the
	 * others answer the status with the code, and the table then holds the winner's field
	 * and every field accepted before.
	 */
	private void racesLetOneWin(boolean ifMatch, int refused, String code) throws Exception {
		Map<String, Object> base = new LinkedHashMap<>(Map.of("a", "text"));
		long id = this.api.createTable(ifMatch ? "Race with If-Match" : "Race", base);
		for (int round = 0; round < ROUNDS; round++) {
			long version = version(id);
			List<Answer> answers = racing(id, base, round, ifMatch ? version : null);
			Map<Integer, Long> statuses = answers.stream()
				.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
			assertThat(statuses).as("round %d: statuses", round).isEqualTo(Map.of(200, 1L, refused, 2L));
			answers.stream()
				.filter((answer) -> answer.status() == refused)
				.forEach((answer) -> assertThat(answer.body()).containsEntry("code", code));
			Answer winner = answers.stream().filter((answer) -> answer.status() == 200).findFirst().orElseThrow();
			assertThat(winner.version()).isEqualTo(version + 1);
			base.put(winner.field(), "integer");
			Map<String, Object> table = this.api.table(id);
			assertThat(Json.types(table)).as("round %d: every accepted field, and only those", round)
				.containsOnlyKeys(base.keySet());
			assertThat(((Number) table.get("version")).longValue()).isEqualTo(version + 1);
		}
	}

	/**
	 * Sends the round's three changes while the event table is locked against appends,
	 * and lets them append once all three wait for the lock: each has read its base
	 * version by then, so they race from the same one.
	 */
	private List<Answer> racing(long id, Map<String, Object> base, int round, Long ifMatch) throws Exception {
		DataSource dataSource = this.instances.get(0).getBean(DataSource.class);
		List<CompletableFuture<Answer>> sent;
		try (Connection lock = dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("LOCK TABLE dyntables.domain_event_entry IN EXCLUSIVE MODE");
			}
			try {
				sent = send(id, base, round, ifMatch);
				Api.await(SETTLED, "the three changes to wait for the lock on the event table",
						() -> waitingAppends() == 3 || sent.stream().anyMatch(CompletableFuture::isDone));
				assertThat(sent).as("no change answered before it could append").noneMatch(CompletableFuture::isDone);
			}
			finally {
				lock.rollback();
			}
		}
		return join(sent);
	}

	/** Sends the round's changes at once, one through each instance. */
	private List<CompletableFuture<Answer>> send(long id, Map<String, Object> base, int round, Long ifMatch) {
		List<CompletableFuture<Answer>> sent = new ArrayList<>();
		for (int i = 0; i < this.clients.size(); i++) {
			String field = "r" + round + "_via" + i;
			Map<String, Object> fields = new LinkedHashMap<>(base);
			fields.put(field, "integer");
			WebTestClient http = this.clients.get(i);
			sent.add(CompletableFuture.supplyAsync(() -> put(http, id, fields, ifMatch, field), this.senders));
		}
		return sent;
	}

	private static Answer put(WebTestClient http, long id, Map<String, Object> fields, Long ifMatch, String field) {
		WebTestClient.RequestBodySpec request = http.put().uri("/api/table/{id}", id);
		if (ifMatch != null) {
			request.header("If-Match", "\"" + ifMatch + "\"");
		}
		EntityExchangeResult<Map<String, Object>> result = request.bodyValue(Map.of("fields", fields))
			.exchange()
			.expectBody(Json.MAP)
			.returnResult();
		String etag = result.getResponseHeaders().getETag();
		Long version = (etag != null) ? Long.valueOf(etag.replace("\"", "")) : null;
		return new Answer(field, result.getStatus().value(), version, result.getResponseBody());
	}

	private static List<Answer> join(List<CompletableFuture<Answer>> sent) throws Exception {
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		return sent.stream().map(CompletableFuture::join).toList();
	}

	/** The appends waiting for the lock on the event table. */
	private long waitingAppends() {
		return this.jdbc.queryForObject("SELECT count(*) FROM pg_locks "
				+ "WHERE relation = 'dyntables.domain_event_entry'::regclass AND NOT granted", Long.class);
	}

	private long version(long id) {
		return ((Number) this.api.table(id).get("version")).longValue();
	}

	/**
	 * One change's answer.
	 *
	 * @param field the field it added
	 * @param status the HTTP status
	 * @param version the table's version the change made (its ETag), null when refused
	 * @param body the table as projected (200) or the problem
	 */
	private record Answer(String field, int status, Long version, Map<String, Object> body) {

	}

}
