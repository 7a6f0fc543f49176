package io.dyntables.query.admin;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.query.admin.ProjectorProcess.Segment;
import io.dyntables.query.projection.ProjectionErrors;
import io.dyntables.query.projection.ProjectionErrors.Failure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operating the projector: its position and lag, and replays. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "The projector's position, replays, drift")
class AdminController {

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
	 * @param running whether it runs on this instance
	 * @param head the global index of the newest event
	 * @param position the lowest position of this instance's segments
	 * @param lag events between the position and the head
	 * @param segments this instance's segments
	 * @param lastError the latest failure not yet overcome, if any
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProjectorState(String processor, boolean running, long head, Long position, Long lag, List<Segment> segments,
			Failure lastError) {
	}

	@GetMapping("/projection")
	@Operation(summary = "The projector's position and lag",
			description = "Positions are global indexes of the event store.")
	Mono<ProjectorState> projection() {
		return Mono.fromCallable(() -> {
			long head = this.projector.head();
			List<Segment> segments = this.projector.segments();
			Long position = segments.stream()
				.map(Segment::position)
				.map((value) -> (value != null) ? value : -1L)
				.min(Long::compare)
				.orElse(null);
			Long lag = (position != null)
					? Math.max(0, this.projector.eventsUpTo(head) - this.projector.eventsUpTo(position)) : null;
			return new ProjectorState(this.projector.processor().getName(), this.projector.processor().isRunning(),
					head, position, lag, segments, this.errors.latestUnresolved().orElse(null));
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@PostMapping("/replay")
	@Operation(summary = "Rebuild the read model from the events",
			description = "Rebuilds the reference table and the DDL log and creates missing tables; tables that "
					+ "exist keep their rows. Answers 202; GET /api/admin/replay follows the progress.")
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
