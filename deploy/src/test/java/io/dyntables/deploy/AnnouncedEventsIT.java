package io.dyntables.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dyntables.deploy.database.Database;
import io.dyntables.query.catalog.OtherChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.dyntables.deploy.Instances.claimed;
import static io.dyntables.deploy.Instances.client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema command sent through an instance without the projector is answered once
 * applied, by announcements alone: the projector's instance (A) polls the event store
 * only every hour and the command's instance (B) reads the table again only every hour,
 * so a 200 within B's wait proves that A fetched B's events when their append was
 * announced and that B read the table when the applied change was announced. Each
 * instance hears the announcements on its one listening connection; only the projector's
 * instance listens for appended events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnouncedEventsIT {

	/** How listening connections name themselves, the schema listener's among them. */
	private static final String LISTENERS = "dyntables %listener";

	private ConfigurableApplicationContext projector;

	private ConfigurableApplicationContext commands;

	private Api viaCommands;

	private JdbcTemplate jdbc;

	/** The process of the projector instance's listening connection. */
	private int projectorListener;

	@BeforeAll
	void start() {
		this.projector = new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
				"--dyntables.data-dir=target/it-data/announced-" + UUID.randomUUID(),
				"--dyntables.projection.fetch-delay=1h");
		Database database = this.projector.getBean(Database.class);
		Api.await(Duration.ofSeconds(30), "the projector to claim its segments", () -> claimed(this.projector));
		this.jdbc = this.projector.getBean(JdbcTemplate.class);
		Api.await(Duration.ofSeconds(10), "the projector's instance to listen", () -> listeners().size() == 1);
		this.projectorListener = listeners().get(0);
		this.commands = new SpringApplicationBuilder(DyntablesApplication.class).run("--server.port=0",
				"--dyntables.db.url=" + database.jdbcUrl(), "--dyntables.db.password=" + database.password(),
				"--dyntables.roles=commands,queries,rows", "--dyntables.projection-poll=1h",
				"--dyntables.projection-wait=30s");
		this.viaCommands = new Api(client(this.commands));
		Api.await(Duration.ofSeconds(10), "both instances to listen", () -> listeners().size() == 2);
	}

	@AfterAll
	void stop() {
		if (this.commands != null) {
			this.commands.close();
		}
		if (this.projector != null) {
			this.projector.close();
		}
	}

	@Test
	void commandsThroughAnInstanceWithoutTheProjectorAreAnsweredOnceAppliedByAnnouncements() {
		assertThat(appendedEventsChannels(this.projector)).as("the instance running the projector listens").hasSize(1);
		assertThat(appendedEventsChannels(this.commands)).as("only the instance running the projector listens")
			.isEmpty();
		assertThat(listeners()).as("one listening connection per instance").hasSize(2);
		Map<String, Object> fields = new LinkedHashMap<>(Map.of("a", "text"));
		long id = this.viaCommands.createTable("Announced", fields);
		for (int i = 0; i < 5; i++) {
			fields.put("f" + i, "integer");
			// answered 200 with the change, not 202 past the wait
			assertThat(Json.types(this.viaCommands.changeSchema(id, Map.of("fields", fields))))
				.containsOnlyKeys(fields.keySet());
		}
	}

	@Test
	void aLostListeningConnectionIsOpenedAgainAndCommandsAreStillAnsweredOnceApplied() {
		List<Integer> before = listeners();
		assertThat(before).hasSize(2).contains(this.projectorListener);
		this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, this.projectorListener);
		// judged on one reading of the listeners each time: two readings may straddle a
		// reconnection
		int[] fresh = new int[1];
		Api.await(Duration.ofSeconds(20), "the projector's instance to listen again", () -> {
			List<Integer> now = listeners();
			List<Integer> opened = now.stream().filter((pid) -> !before.contains(pid)).toList();
			if (now.size() != 2 || now.contains(this.projectorListener) || opened.size() != 1) {
				return false;
			}
			fresh[0] = opened.get(0);
			return true;
		});
		this.projectorListener = fresh[0];
		Map<String, Object> fields = new LinkedHashMap<>(Map.of("a", "text", "b", "integer"));
		long id = this.viaCommands.createTable("Heard again", fields);
		fields.put("c", "boolean");
		assertThat(Json.types(this.viaCommands.changeSchema(id, Map.of("fields", fields))))
			.containsOnlyKeys(fields.keySet());
	}

	private List<Integer> listeners() {
		return this.jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE application_name LIKE ?", Integer.class,
				LISTENERS);
	}

	/** The channels on which the instance hears of appended events. */
	private static List<OtherChannel> appendedEventsChannels(ConfigurableApplicationContext context) {
		return context.getBeanProvider(OtherChannel.class)
			.stream()
			.filter((channel) -> "dyntables_events".equals(channel.channel()))
			.toList();
	}

}
