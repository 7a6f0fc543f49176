package io.dyntables.query.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.dyntables.query.projection.ProjectionFailures;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projector's tracking processor on this instance and the event stream it follows:
 * positions are global indexes of the event store.
 */
@Component
class ProjectorProcess {

	private final EventProcessingConfiguration processing;

	private final EventStore eventStore;

	private final JdbcTemplate jdbc;

	ProjectorProcess(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc) {
		this.processing = processing;
		this.eventStore = eventStore;
		this.jdbc = jdbc;
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

	/** Each segment this instance processes, with its status. */
	List<Segment> segments() {
		Map<Integer, EventTrackerStatus> status = processor().processingStatus();
		return status.values()
			.stream()
			.map((segment) -> new Segment(segment.getSegment().getSegmentId(), position(segment), segment.isCaughtUp(),
					segment.isReplaying(),
					segment.isErrorState() ? ProjectionFailures.classify(segment.getError()).code() : null))
			.toList();
	}

	private static Long position(EventTrackerStatus status) {
		OptionalLong position = status.getCurrentPosition();
		return position.isPresent() ? position.getAsLong() : null;
	}

	/**
	 * One segment of the processor.
	 *
	 * @param segment its id
	 * @param position the global index it has processed up to, null before the first
	 * event
	 * @param caughtUp whether it has reached the head once
	 * @param replaying whether it is replaying
	 * @param error the code of the error it is retrying after (the database away, say),
	 * or null; the detail is in the log
	 */
	record Segment(int segment, Long position, boolean caughtUp, boolean replaying, String error) {
	}

}
