package io.dyntables.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.Commands.ChangeSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.ExpectedVersion;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema commands take their base version from the event store and dry runs their DDL
 * from the command side: with the projector paused, a change without If-Match is accepted
 * (202) and applied when the projector resumes, and a dry run answers as usual. Two
 * changes based on the same last event cannot both win.
 */
@DyntablesIT
class CommandsWithoutProjectionIT {

	@Autowired
	WebTestClient http;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	CommandGateway commands;

	@Autowired
	EventStore eventStore;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	@Test
	void changeAndDryRunWhileTheProjectorIsPaused() {
		long id = this.api.createTable("Paused", Map.of("a", "text"));
		TrackingEventProcessor projector = projector();
		Api.await(Duration.ofSeconds(30), "the projector to claim its segments",
				() -> !projector.processingStatus().isEmpty());
		projector.shutDown();
		try {
			EntityExchangeResult<Map<String, Object>> accepted = this.api
				.put(id, Map.of("fields", Map.of("a", "text", "b", "integer")))
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.valueEquals("Location", "/api/table/" + id + "/status")
				.expectHeader()
				.valueEquals("ETag", "\"2\"")
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody(Json.MAP)
				.returnResult();
			assertThat(accepted.getResponseBody()).containsEntry("state", "pending")
				.containsEntry("tableId", (int) id)
				.containsEntry("version", 2)
				.containsEntry("status", "/api/table/" + id + "/status")
				.containsEntry("table", "/api/table/" + id);
			assertThat(this.api.version(id)).as("the read model lags").isEqualTo(1);
			assertThat(this.api.get("/api/table/{id}/status", id)).containsEntry("state", "pending")
				.containsEntry("version", 2);

			this.api.put(id, Map.of("fields", Map.of("a", "text", "b", "integer", "c", "boolean")))
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.valueEquals("ETag", "\"3\"");

			Map<String, Object> dry = this.api.dryRun(id,
					Map.of("fields", Map.of("a", "text", "b", "integer", "c", "boolean", "d", "date")));
			assertThat(dry).containsEntry("dryRun", true).containsEntry("version", 4);
			assertThat((List<Map<String, Object>>) dry.get("ddl")).extracting((statement) -> statement.get("sql"))
				.containsExactly("ALTER TABLE \"dyntables_data\".\"paused_" + id + "\" ADD COLUMN \"d\" date",
						"ALTER TABLE \"dyntables_data\".\"paused_" + id + "\" ADD CONSTRAINT \"nn_" + id
								+ "_d\" CHECK (\"d\" IS NOT NULL) NOT VALID");
		}
		finally {
			projector.start();
		}
		Api.await(Duration.ofSeconds(30), "the changes to be projected", () -> this.api.version(id) == 3);
		assertThat(Json.types(this.api.table(id))).containsOnlyKeys("a", "b", "c");
		assertThat(PhysicalTables.columns(this.jdbc, id)).contains("b", "c");
	}

	@Test
	void twoChangesBasedOnTheSameLastEventCannotBothWin() {
		long id = this.api.createTable("Contended", Map.of("a", "text"));
		long lastEvent = this.eventStore.lastSequenceNumberFor(Long.toString(id)).orElseThrow();
		ExpectedVersion basis = ExpectedVersion.lastEvent(lastEvent);
		FieldDefinition a = FieldDefinition.of("a", FieldType.TEXT);

		this.commands.sendAndWait(new ChangeSchema(id, null, List.of(a, FieldDefinition.of("first", FieldType.INTEGER)),
				basis, ConversionMode.STRICT, false));
		assertThatThrownBy(() -> this.commands.sendAndWait(new ChangeSchema(id, null,
				List.of(a, FieldDefinition.of("second", FieldType.INTEGER)), basis, ConversionMode.STRICT, false)))
			.isInstanceOfSatisfying(CommandExecutionException.class,
					(refused) -> assertThat(refused.getDetails()).get()
						.asInstanceOf(InstanceOfAssertFactories.LIST)
						.first()
						.isInstanceOfSatisfying(Refusal.class,
								(refusal) -> assertThat(refusal.code()).isEqualTo(ErrorCode.VERSION_CONFLICT)));

		Api.await(Duration.ofSeconds(30), "the winner to be projected", () -> this.api.version(id) == 2);
		assertThat(Json.types(this.api.table(id))).containsOnlyKeys("a", "first");
	}

	private TrackingEventProcessor projector() {
		return this.processing.eventProcessor(TableProjector.PROCESSING_GROUP, TrackingEventProcessor.class)
			.orElseThrow();
	}

}
