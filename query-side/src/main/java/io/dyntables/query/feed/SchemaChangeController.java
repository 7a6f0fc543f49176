package io.dyntables.query.feed;

import io.dyntables.api.roles.Roles;
import java.time.Duration;
import java.util.Map;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.SchemaChange;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.query.catalog.SchemaCache;
import io.dyntables.query.catalog.TableVisibility;
import io.dyntables.query.feed.SchemaChangeFeed.Applied;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-Sent Events of schema changes as they are applied, by any instance. The first
 * event, {@code connected}, says the subscription is open; a comment every
 * {@value #HEARTBEAT_SECONDS} seconds keeps idle connections alive. Each change's id is
 * {@code <table id>:<sequence>}; a client that sends the last one it saw as
 * {@code Last-Event-ID}, to any instance, first gets the changes it missed. A change that
 * names fields the caller may not read is told without them ({@code HiddenChange}).
 */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@RequestMapping("/api/table")
@Tag(name = "History")
class SchemaChangeController {

	private static final long HEARTBEAT_SECONDS = 15;

	private static final String LAST_EVENT_ID = "Last-Event-ID";

	private static final String HIDDEN_CHANGES = "A change that names fields the caller may not read is told "
			+ "without them, as a HiddenChange.";

	private final SchemaChangeFeed feed;

	private final SchemaCache schemas;

	private final TableVisibility visibility;

	SchemaChangeController(SchemaChangeFeed feed, SchemaCache schemas, TableVisibility visibility) {
		this.feed = feed;
		this.schemas = schemas;
		this.visibility = visibility;
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow every table's schema changes",
			description = "Server-Sent Events, one per change once it is applied to the database, by any instance. "
					+ "Send the id of the last change seen as Last-Event-ID to get the changes missed first. "
					+ HIDDEN_CHANGES)
	Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> all(
			@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
			@Parameter(hidden = true) Caller caller) {
		return changes(lastEventId).map((changes) -> ResponseEntity.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(stream(shownTo(caller, changes))));
	}

	/** The changes from now on, or from after the last one the client saw. */
	private Mono<Flux<Applied>> changes(String lastEventId) {
		return (lastEventId == null || lastEventId.isBlank()) ? Mono.just(this.feed.changes())
				: this.feed.changesAfter(lastEventId);
	}

	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow one table's schema changes",
			description = "Server-Sent Events, one per change once it is applied to the database. "
					+ "A table that does not exist answers 404, a deleted one 410, before any stream opens. "
					+ HIDDEN_CHANGES)
	Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> one(@PathVariable long id,
			@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
			@Parameter(hidden = true) Caller caller) {
		return this.schemas.get(id)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)))
			.flatMap((schema) -> {
				if (schema.deleted()) {
					return Mono.error(RefusedException.tableDeleted(id));
				}
				return changes(lastEventId);
			})
			.map((changes) -> ResponseEntity.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(stream(shownTo(caller, changes.filter((change) -> change.event().tableId() == id)))));
	}

	/**
	 * Each change as told to the caller, by its field rules on the table when the change
	 * comes (a table just created, not yet in the cache, by the label it was created
	 * with).
	 */
	private Flux<SchemaChange> shownTo(Caller caller, Flux<Applied> changes) {
		return changes.concatMap(
				(change) -> this.visibility
					.fields(caller, change.event().tableId(),
							(change.event() instanceof TableCreated created) ? created.name() : null)
					.map(change::shownTo));
	}

	private static Flux<ServerSentEvent<Object>> stream(Flux<SchemaChange> changes) {
		Flux<ServerSentEvent<Object>> events = changes.map((change) -> ServerSentEvent.builder((Object) change)
			.event(change.type())
			.id(change.tableId() + ":" + change.sequence())
			.build());
		Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(Duration.ofSeconds(HEARTBEAT_SECONDS))
			.map((tick) -> ServerSentEvent.builder().comment("heartbeat").build());
		return Flux.merge(events, heartbeat)
			.startWith(ServerSentEvent.builder((Object) Map.of("connected", true)).event("connected").build());
	}

}
