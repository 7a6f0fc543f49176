package io.dyntables.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.dyntables.deploy.database.Database;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.dyntables.deploy.Instances.client;
import static io.dyntables.deploy.Instances.claimed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, the second without the projector role: each event is
 * applied once, and a schema command sent to the instance that does not project still
 * answers once its change is applied.
 */
class TwoInstancesIT {

	@Test
	void commandsOnTheInstanceWithoutTheProjectorReadTheirWrites() throws Exception {
		try (ConfigurableApplicationContext first = new SpringApplicationBuilder(DyntablesApplication.class)
			.run("--server.port=0", "--dyntables.data-dir=target/it-data/two-" + UUID.randomUUID())) {
			waitUntilClaimed(first);
			String url = first.getBean(Database.class).jdbcUrl();
			try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DyntablesApplication.class).run(
					"--server.port=0", "--dyntables.db.url=" + url,
					"--dyntables.db.password=" + first.getBean(Database.class).password(),
					"--dyntables.projection-wait=5s", "--dyntables.roles=commands,queries,rows")) {
				assertThat(claimed(second)).isFalse();
				Api viaSecond = new Api(client(second));
				Instant before = Instant.now();
				long id = viaSecond.createTable("Elsewhere", Map.of("a", "text"));
				viaSecond.changeSchema(id, Map.of("fields", Map.of("a", "text", "b", "integer")));
				viaSecond.insert(id, Map.of("a", "x", "b", 1));
				assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
				assertThat(new Api(client(first)).rows(id)).hasSize(1);
				assertThat(first.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
					.queryForObject("SELECT count(DISTINCT sequence_number) FROM dyntables.ddl_log WHERE table_id = ?",
							Long.class, id))
					.isEqualTo(2);
			}
		}
	}

	private static void waitUntilClaimed(ConfigurableApplicationContext context) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!claimed(context)) {
			assertThat(Instant.now()).as("the projector claimed its segment").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
