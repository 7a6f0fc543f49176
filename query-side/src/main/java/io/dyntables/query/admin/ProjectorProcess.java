package io.dyntables.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.dyntables.query.projection.ProjectionFailures;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projector's tracking processor on this instance, its segments on every instance,
 * and the event stream it follows: positions are global indexes of the event store.
 */
@Component
class ProjectorProcess {

	private final EventProcessingConfiguration processing;

	private final EventStore eventStore;

	private final JdbcTemplate jdbc;

	private final TokenTable tokens;

	private final NodeName node;

	private final ClaimTimeout claimTimeout;

	ProjectorProcess(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
			TokenTable tokens, NodeName node, ClaimTimeout claimTimeout) {
		this.processing = processing;
		this.eventStore = eventStore;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.node = node;
		this.claimTimeout = claimTimeout;
	}

	TrackingEventProcessor processor() {
		return this.processing.eventProcessor(TableProjector.PROCESSING_GROUP, TrackingEventProcessor.class)
			.orElseThrow(() -> new IllegalStateException("no tracking processor " + TableProjector.PROCESSING_GROUP));
	}

	/**
	 * Waits, up to the deadline, until a running processor has claimed its segments: a
	 * processor shut down while it is still starting (as at application start) may not
	 * start its workers again. Blocking.
	 */
	void awaitSettled(Duration deadline) throws InterruptedException {
		TrackingEventProcessor processor = processor();
		long end = System.nanoTime() + deadline.toNanos();
		while (processor.isRunning() && processor.processingStatus().isEmpty() && System.nanoTime() < end) {
			Thread.sleep(100);
		}
	}

	/** The global index of the newest event, -1 when there is none. */
	long head() {
		TrackingToken head = this.eventStore.createHeadToken();
		return (head != null) ? head.position().orElse(-1L) : -1L;
	}

	/** How many events there are up to and including a global index. */
	long eventsUpTo(long globalIndex) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM dyntables.domain_event_entry WHERE global_index <= ?", Long.class, globalIndex);
		return (count != null) ? count : 0;
	}

	/** How many events there are after one global index, up to and including another. */
	private long eventsBetween(long after, long upTo) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM dyntables.domain_event_entry WHERE global_index > ? AND global_index <= ?",
				Long.class, after, upTo);
		return (count != null) ? count : 0;
	}

	/**
	 * Every segment of the projector, whichever instance owns it, as the token store
	 * holds it; the status and error of those this instance processes.
	 */
	List<Segment> segments(long head) {
		Map<Integer, EventTrackerStatus> local = processor().processingStatus();
		Instant now = Instant.now();
		return this.tokens.claims().stream().map((claim) -> {
			EventTrackerStatus status = local.get(claim.segment());
			OptionalLong position = (claim.token() != null) ? claim.token().position() : OptionalLong.empty();
			Long at = position.isPresent() ? position.getAsLong() : null;
			long lag = (head < 0) ? 0 : eventsBetween((at != null) ? at : -1, head);
			String owner = claim.held(now, this.claimTimeout) ? claim.owner() : null;
			return new Segment(claim.segment(), owner, this.node.id().equals(owner), at, lag, replaying(claim.token()),
					(status != null && status.isErrorState()) ? ProjectionFailures.classify(status.getError()).code()
							: null);
		}).toList();
	}

	/**
	 * The lowest position of the segments as the token store holds them, without their
	 * lags (cheap enough to poll): -1 standing for one before the first event, empty when
	 * there are no segments.
	 */
	OptionalLong lowestPosition() {
		return this.tokens.claims()
			.stream()
			.mapToLong((claim) -> (claim.token() != null) ? claim.token().position().orElse(-1) : -1)
			.min();
	}

	/**
	 * Whether a segment is still short of the position its replay was started at (a
	 * replay token stays one until an event past that position arrives, so being one is
	 * not enough).
	 */
	private static boolean replaying(TrackingToken token) {
		if (!(token instanceof ReplayToken replay) || !ReplayToken.isReplay(replay)) {
			return false;
		}
		OptionalLong at = replay.position();
		OptionalLong reset = replay.getTokenAtReset().position();
		return reset.isPresent() && (at.isEmpty() || at.getAsLong() < reset.getAsLong());
	}

	/**
	 * The lowest position of the segments, -1 standing for one before its first event;
	 * empty when there are no segments.
	 */
	static OptionalLong lowestPosition(List<Segment> segments) {
		return segments.stream().mapToLong((segment) -> (segment.position() != null) ? segment.position() : -1).min();
	}

	/** This instance's name, as segment owners are named. */
	String node() {
		return this.node.id();
	}

	/**
	 * One segment of the processor.
	 *
	 * @param segment its id
	 * @param owner the instance processing it, null while none holds it
	 * @param local whether that is this instance
	 * @param position the global index it has processed up to, null before the first
	 * event
	 * @param lag events after that position up to the newest
	 * @param replaying whether it is replaying (not yet at the position the replay was
	 * started at)
	 * @param error the code of the error this instance retries it after (the database
	 * away, say), or null; the detail is in the log
	 */
	record Segment(int segment, String owner, boolean local, Long position, long lag, boolean replaying, String error) {
	}

}
