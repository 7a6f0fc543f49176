package io.dyntables.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.dyntables.deploy.database.Database;
import io.dyntables.query.projection.TableProjector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.dyntables.deploy.Instances.client;
import static io.dyntables.deploy.Instances.projector;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances on one PostgreSQL: the projector's segments are shared among those
 * that run it, a replay started on one while another owns segments completes, a rows-only
 * instance serves rows without projecting or taking commands, and a token store made with
 * one segment is split without applying any event twice.
 */
class ClusterIT {

	private static final Duration SETTLED = Duration.ofSeconds(30);

	@Test
	void segmentsAreSharedReplayRunsFromAnyInstanceAndRowsOnlyInstancesServeRows() throws Exception {
		try (ConfigurableApplicationContext first = new SpringApplicationBuilder(DyntablesApplication.class)
			.run("--server.port=0", "--dyntables.data-dir=target/it-data/cluster-" + UUID.randomUUID())) {
			Database database = first.getBean(Database.class);
			try (ConfigurableApplicationContext second = join(database, "all");
					ConfigurableApplicationContext rowsOnly = join(database, "rows")) {
				Api.await(SETTLED, "each projector instance owning a segment",
						() -> !owned(first).isEmpty() && !owned(second).isEmpty());
				assertThat(projector(rowsOnly).isRunning()).isFalse();
				// a segment handed from one instance to the other is briefly owned by
				// neither
				Api.await(SETTLED, "the four segments owned by the two projector instances", () -> {
					List<Map<String, Object>> segments = segments(new Api(client(second)).get("/api/admin/projection"));
					Set<Object> owners = segments.stream()
						.map((segment) -> segment.get("owner"))
						.collect(Collectors.toSet());
					return segments.size() == 4 && owners.size() == 2 && !owners.contains(null);
				});

				Api viaFirst = new Api(client(first));
				long id = viaFirst.createTable("Shared", Map.of("a", "text"));
				viaFirst.changeSchema(id, Map.of("fields", Map.of("a", "text", "b", "integer")));

				Api viaRows = new Api(client(rowsOnly));
				viaRows.insert(id, Map.of("a", "x", "b", 1));
				assertThat(viaRows.rows(id)).singleElement().satisfies((row) -> assertThat(row).containsEntry("b", 1));
				client(rowsOnly).post()
					.uri("/api/table")
					.bodyValue(Map.of("name", "Refused", "fields", Map.of("a", "text")))
					.exchange()
					.expectStatus()
					.isNotFound();
				client(rowsOnly).get().uri("/api/table/{id}", id).exchange().expectStatus().isNotFound();
				client(rowsOnly).get().uri("/api/admin/projection").exchange().expectStatus().isNotFound();

				JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
				jdbc.update("INSERT INTO dyntables.projection_replay (id, requested_by, requested_at) "
						+ "VALUES (1, 'an instance elsewhere', now())");
				Api.await(SETTLED, "every projector stopped while another instance prepares a replay",
						() -> !projector(first).isRunning() && !projector(second).isRunning());
				client(first).post()
					.uri("/api/admin/replay")
					.exchange()
					.expectStatus()
					.isEqualTo(409)
					.expectBody()
					.jsonPath("$.code")
					.isEqualTo("replay-running");
				jdbc.update("DELETE FROM dyntables.projection_replay");
				Api.await(SETTLED, "the projectors started again and sharing the segments",
						() -> !owned(first).isEmpty() && !owned(second).isEmpty());

				assertThat(owned(first)).as("the other instance owns segments during the replay").isNotEmpty();
				client(second).post().uri("/api/admin/replay").exchange().expectStatus().isAccepted();
				Api.await(SETTLED, "the replay started on the second instance finishing",
						() -> "finished".equals(new Api(client(second)).get("/api/admin/replay").get("state")));
				assertThat(loggedEvents(jdbc, id)).isEqualTo(2L);
				Api.await(SETTLED, "the segments shared again after the replay",
						() -> !owned(first).isEmpty() && !owned(second).isEmpty());
				new Api(client(second)).changeSchema(id,
						Map.of("fields", Map.of("a", "text", "b", "integer", "c", "boolean")));
				assertThat(Json.types(viaFirst.table(id))).containsEntry("c", "boolean");
			}
		}
	}

	@Test
	void aTokenStoreWithOneSegmentIsSplitWithoutApplyingAnEventTwice() {
		String dataDir = "target/it-data/split-" + UUID.randomUUID();
		long id;
		try (ConfigurableApplicationContext single = start(dataDir, "--dyntables.projection.segments=1")) {
			Api api = new Api(client(single));
			id = api.createTable("Before split", Map.of("a", "text"));
			api.changeSchema(id, Map.of("fields", Map.of("a", "text", "b", "integer")));
			assertThat(segmentIds(single)).containsExactly(0);
		}
		try (ConfigurableApplicationContext split = start(dataDir)) {
			Api.await(SETTLED, "the segment split into four", () -> segmentIds(split).size() == 4);
			assertThat(segmentIds(split)).containsExactlyInAnyOrder(0, 1, 2, 3);
			JdbcTemplate jdbc = split.getBean(JdbcTemplate.class);
			assertThat(loggedEvents(jdbc, id)).isEqualTo(2L);
			Api api = new Api(client(split));
			api.changeSchema(id, Map.of("fields", Map.of("a", "text", "b", "integer", "c", "text")));
			api.insert(id, Map.of("a", "x", "b", 1, "c", "y"));
			assertThat(loggedEvents(jdbc, id)).isEqualTo(3L);
			assertThat(api.table(id)).containsEntry("version", 3);
		}
	}

	private static ConfigurableApplicationContext start(String dataDir, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--dyntables.data-dir=" + dataDir));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(DyntablesApplication.class).run(args.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext join(Database database, String roles) {
		return new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
				"--dyntables.db.url=" + database.jdbcUrl(), "--dyntables.db.password=" + database.password(),
				"--dyntables.roles=" + roles, "--dyntables.projection-wait=10s");
	}

	private static List<Integer> segmentIds(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForList("SELECT segment FROM dyntables.token_entry WHERE processor_name = ? ORDER BY segment",
					Integer.class, TableProjector.PROCESSING_GROUP);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> segments(Map<String, Object> status) {
		return (List<Map<String, Object>>) status.get("segments");
	}

	private static Set<Integer> owned(ConfigurableApplicationContext context) {
		return projector(context).processingStatus().keySet();
	}

	/**
	 * The events of the table in the DDL log, checking that none was applied twice (an
	 * event logs one row per statement it ran).
	 */
	private static long loggedEvents(JdbcTemplate jdbc, long id) {
		assertThat(jdbc.queryForObject("SELECT count(*) - count(DISTINCT (sequence_number, statement)) "
				+ "FROM dyntables.ddl_log WHERE table_id = ?", Long.class, id))
			.as("statements logged twice")
			.isZero();
		return jdbc.queryForObject("SELECT count(DISTINCT sequence_number) FROM dyntables.ddl_log WHERE table_id = ?",
				Long.class, id);
	}

}
