package io.dyntables.deploy.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dyntables.query.DaemonThreads;
import io.dyntables.query.admin.Replayer;
import io.dyntables.query.projection.TableProjector;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projector's progress as gauges: for each segment this instance processes, its
 * position ({@code dyntables.projection.position}, a global index of the event store) and
 * its lag ({@code dyntables.projection.lag}, the events stored after that position),
 * refreshed at an interval off the scrape; the head of the event store
 * ({@code dyntables.projection.head}); and the replay's progress
 * ({@code dyntables.replay.progress} from 0 to 1, {@code dyntables.replay.running}).
 */
class ProjectionMetrics implements MeterBinder, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);

	private final EventProcessingConfiguration processing;

	private final EventStore eventStore;

	private final JdbcTemplate jdbc;

	private final Replayer replayer;

	private final Duration interval;

	private final ScheduledExecutorService refresher = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("projection-metrics"));

	private volatile long head = -1;

	private MultiGauge positions;

	private MultiGauge lags;

	ProjectionMetrics(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
			Replayer replayer, Duration interval) {
		this.processing = processing;
		this.eventStore = eventStore;
		this.jdbc = jdbc;
		this.replayer = replayer;
		this.interval = interval;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.positions = MultiGauge.builder("dyntables.projection.position")
			.description("Global index of the event store a segment has projected up to")
			.register(registry);
		this.lags = MultiGauge.builder("dyntables.projection.lag")
			.description("Events stored after the position a segment has projected up to")
			.register(registry);
		Gauge.builder("dyntables.projection.head", this, (metrics) -> metrics.head)
			.description("Global index of the newest event, -1 when there is none")
			.register(registry);
		Gauge.builder("dyntables.replay.running", this.replayer, (replayer) -> replayer.progress().running() ? 1 : 0)
			.description("1 while a replay started on this instance runs")
			.register(registry);
		Gauge.builder("dyntables.replay.progress", this.replayer, ProjectionMetrics::replayProgress)
			.description("Share of the events a replay started on this instance has replayed, 0 to 1")
			.register(registry);
		this.refresher.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static double replayProgress(Replayer replayer) {
		Replayer.Progress progress = replayer.progress();
		if ("never".equals(progress.state())) {
			return 0;
		}
		return (progress.total() > 0) ? (double) progress.done() / progress.total() : 1;
	}

	/** Reads the head and each segment's position, and counts the events between. */
	void refresh() {
		try {
			TrackingToken headToken = this.eventStore.createHeadToken();
			long newest = (headToken != null) ? headToken.position().orElse(-1L) : -1L;
			Map<Integer, EventTrackerStatus> segments = this.processing
				.eventProcessor(TableProjector.PROCESSING_GROUP, StreamingEventProcessor.class)
				.map(StreamingEventProcessor::processingStatus)
				.orElse(Map.of());
			List<Row<?>> positionRows = new ArrayList<>();
			List<Row<?>> lagRows = new ArrayList<>();
			for (EventTrackerStatus status : segments.values()) {
				Tags tags = Tags.of("segment", String.valueOf(status.getSegment().getSegmentId()));
				long position = status.getCurrentPosition().orElse(-1L);
				positionRows.add(Row.of(tags, position));
				lagRows.add(Row.of(tags, eventsAfter(position, newest)));
			}
			this.head = newest;
			this.positions.register(positionRows, true);
			this.lags.register(lagRows, true);
		}
		catch (RuntimeException ex) {
			log.debug("Projection metrics not refreshed", ex);
		}
	}

	private long eventsAfter(long position, long newest) {
		if (position >= newest) {
			return 0;
		}
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM dyntables.domain_event_entry WHERE global_index > ? AND global_index <= ?",
				Long.class, position, newest);
		return (count != null) ? count : 0;
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

}
