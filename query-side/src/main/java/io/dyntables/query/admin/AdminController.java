package io.dyntables.query.admin;

import io.dyntables.api.roles.Roles;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.query.admin.ProjectorProcess.Segment;
import io.dyntables.query.projection.ProjectionErrors;
import io.dyntables.query.projection.ProjectionErrors.Failure;
import io.dyntables.query.projection.ProjectionErrors.Parked;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operating the projector: its position and lag, its parked events, and replays. */
@RestController
@ConditionalOnExpression(Roles.IF_ADMIN)
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "The projector's position, replays, drift")
class AdminController {

	private static final int PARKED_SHOWN = 100;

	private final ProjectorProcess projector;

	private final Replayer replayer;

	private final ProjectionErrors errors;

	AdminController(ProjectorProcess projector, Replayer replayer, ProjectionErrors errors) {
		this.projector = projector;
		this.replayer = replayer;
		this.errors = errors;
	}

	/**
	 * The projector's state.
	 *
	 * @param processor the processing group
	 * @param node this instance's name, as segment owners are named
	 * @param running whether it runs on this instance
	 * @param head the global index of the newest event
	 * @param position the lowest position of its segments
	 * @param lag events between the position and the head
	 * @param segments every segment, on whichever instance processes it
	 * @param parkedEvents the events parked in the dead-letter queue
	 * @param parkedTables the tables they belong to
	 * @param parked the parked tables (the longest parked first, at most
	 * {@value #PARKED_SHOWN})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProjectorState(String processor, String node, boolean running, long head, Long position, Long lag,
			List<Segment> segments, long parkedEvents, long parkedTables, List<ParkedTable> parked) {
	}

	/**
	 * A table whose events are parked: the first of them failed and is retried with
	 * backoff; the others wait behind it.
	 *
	 * @param tableId the table
	 * @param sequence the failing event's sequence number
	 * @param eventType the failing event's type
	 * @param code why it failed
	 * @param message what that means, in a sentence
	 * @param attempts how many attempts failed so far
	 * @param failedAt when the last one failed
	 * @param nextAttemptAt when the next one is due
	 * @param parkedEvents the table's parked events
	 * @param parkedSince when the first of them was parked
	 */
	record ParkedTable(long tableId, long sequence, String eventType, String code, String message, int attempts,
			Instant failedAt, Instant nextAttemptAt, long parkedEvents, Instant parkedSince) {

		static ParkedTable of(Failure failure) {
			return new ParkedTable(failure.tableId(), failure.sequence(), failure.eventType(), failure.problem().code(),
					failure.problem().message(), failure.attempts(), failure.failedAt(), failure.nextAttemptAt(),
					failure.parkedEvents(), failure.parkedSince());
		}

	}

	@GetMapping("/projection")
	@Operation(summary = "The projector's segments, their owners, positions and lag, and parked events",
			description = "Read from the token store, so every instance shows every segment. Positions are global "
					+ "indexes of the event store. An event that fails to apply is parked "
					+ "with its table's later events and retried with backoff; the other tables go on.")
	Mono<ProjectorState> projection() {
		return Mono.fromCallable(() -> {
			long head = this.projector.head();
			List<Segment> segments = this.projector.segments(head);
			OptionalLong lowest = ProjectorProcess.lowestPosition(segments);
			Long position = lowest.isPresent() ? lowest.getAsLong() : null;
			Long lag = segments.stream().map(Segment::lag).max(Long::compare).orElse(null);
			Parked parked = this.errors.count();
			List<ParkedTable> tables = (parked.events() > 0)
					? this.errors.parked(PARKED_SHOWN).stream().map(ParkedTable::of).toList() : List.of();
			return new ProjectorState(this.projector.processor().getName(), this.projector.node(),
					this.projector.processor().isRunning(), head, position, lag, segments, parked.events(),
					parked.tables(), tables);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@PostMapping("/replay")
	@Operation(summary = "Rebuild the read model from the events",
			description = "Rebuilds the reference table and the DDL log and creates missing tables; tables that "
					+ "exist keep their rows. Any instance can start it: every instance stops its projector, this "
					+ "one resets the tokens, then all resume and share the segments. Answers 202; GET "
					+ "/api/admin/replay on this instance follows the progress (here, a second request answers "
					+ "the running replay); 409 replay-running while one started on another instance runs.")
	Mono<ResponseEntity<Replayer.Progress>> replay() {
		return Mono.fromCallable(this.replayer::start)
			.subscribeOn(Schedulers.boundedElastic())
			.map((progress) -> ResponseEntity.accepted().location(URI.create("/api/admin/replay")).body(progress));
	}

	@GetMapping("/replay")
	@Operation(summary = "The current or last replay's progress")
	Replayer.Progress replayProgress() {
		return this.replayer.progress();
	}

}
