package io.dyntables.query.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dyntables.api.access.ShownFields;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import io.dyntables.api.history.SchemaChange;
import io.dyntables.api.history.HiddenChanges;
import io.dyntables.api.history.HiddenChanges.Told;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.query.catalog.SchemaChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schema changes committed by any instance, to every live subscriber of this one.
 * Each time this instance hears of a change (see {@link SchemaChanges}), the feed reads
 * the events appended since its last position from the event store, so a change missed
 * while the listening connection was down is told as soon as it is back. A subscriber may
 * resume after a change it saw (on any instance) by naming it; one that cannot keep up
 * misses changes rather than slowing the others.
 */
@Component
public class SchemaChangeFeed implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SchemaChangeFeed.class);

	/** A change's id in the feed: its table and its sequence in the table's stream. */
	private static final Pattern ID = Pattern.compile("(\\d{1,18}):(\\d{1,18})");

	/** The most changes a resuming subscriber is told first. */
	private static final int MAX_RESUMED = 10_000;

	private final EventStorageEngine events;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Sinks.Many<Positioned> sink = Sinks.many().multicast().directBestEffort();

	/** Reads the event store for the feed, one read at a time. */
	private final Scheduler reader = Schedulers.newSingle("schema-feed", true);

	private final Disposable following;

	/** Where the last read of the event store ended; null until the first is due. */
	private TrackingToken position;

	SchemaChangeFeed(EventStorageEngine events, JdbcTemplate jdbc, Clock clock, SchemaChanges changes) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.following = Flux.merge(changes.changes().map((change) -> true), changes.everything())
			.onBackpressureLatest()
			.concatMap((heard) -> Mono.fromRunnable(this::catchUp).subscribeOn(this.reader), 1)
			.subscribe();
	}

	/** A change and its position in the event store. */
	private record Positioned(long index, Applied change) {

	}

	/**
	 * A change as the feed heard it, told to each subscriber as far as it may read the
	 * table's fields.
	 *
	 * @param event the event
	 * @param sequence its sequence number in the table's stream
	 * @param audit who, under which request
	 * @param appliedAt when the feed heard it
	 */
	public record Applied(TableEvent event, long sequence, Audit audit, Instant appliedAt) {

		/** The change as told to a caller shown these fields ({@link HiddenChanges}). */
		public SchemaChange shownTo(ShownFields shown) {
			Told told = HiddenChanges.tell(this.event, shown);
			return new SchemaChange(this.event.tableId(), this.sequence, this.event.version(), told.type(),
					told.summary(), this.audit.actor(), this.audit.onBehalfOf(), this.audit.requestId(), this.appliedAt,
					told.redactedOrNull());
		}

	}

	/** The changes from now on. */
	public Flux<Applied> changes() {
		return this.sink.asFlux().map(Positioned::change);
	}

	/**
	 * The changes after the one with the given id (as the feed names them,
	 * {@code <table id>:<sequence>}), then those from now on; refused when no change has
	 * that id, or when more than {@value #MAX_RESUMED} followed it.
	 */
	public Mono<Flux<Applied>> changesAfter(String id) {
		return Mono.fromCallable(() -> index(id))
			.subscribeOn(Schedulers.boundedElastic())
			.map((after) -> changesAfter(after));
	}

	private Flux<Applied> changesAfter(long after) {
		return Flux.defer(() -> {
			Sinks.Many<Positioned> live = Sinks.many().unicast().onBackpressureBuffer();
			Disposable listening = this.sink.asFlux().subscribe(live::tryEmitNext);
			return Mono.fromCallable(() -> read(GapAwareTrackingToken.newInstance(after, List.of())))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapMany((told) -> {
					Set<Long> toldBefore = new HashSet<>();
					told.forEach((change) -> toldBefore.add(change.index()));
					return Flux.fromIterable(told)
						.concatWith(live.asFlux().filter((change) -> !toldBefore.contains(change.index())));
				})
				.map(Positioned::change)
				.doFinally((signal) -> listening.dispose());
		});
	}

	/** The position in the event store of the change with the given id. */
	private long index(String id) {
		Matcher matcher = ID.matcher(id.strip());
		Optional<Long> index = Optional.empty();
		if (matcher.matches()) {
			index = this.jdbc
				.queryForList(
						"SELECT global_index FROM dyntables.domain_event_entry "
								+ "WHERE aggregate_identifier = ? AND sequence_number = ?",
						Long.class, matcher.group(1), Long.parseLong(matcher.group(2)))
				.stream()
				.findFirst();
		}
		long after = index.orElseThrow(() -> new RefusedException(ErrorCode.INVALID_PARAMETER, "",
				"Last-Event-ID names no schema change; it is the id of a change as the feed sent it, "
						+ "<table id>:<sequence>"));
		Long since = this.jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM dyntables.domain_event_entry "
				+ "WHERE global_index > ? LIMIT " + (MAX_RESUMED + 1) + ") AS since", Long.class, after);
		if (since != null && since > MAX_RESUMED) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "",
					"more than " + MAX_RESUMED + " changes followed the Last-Event-ID; read them from the tables' "
							+ "history, then follow the feed from now on");
		}
		return after;
	}

	/** Tells the changes appended since the last read. */
	private void catchUp() {
		try {
			if (this.position == null) {
				this.position = this.events.createHeadToken();
				return;
			}
			for (Positioned change : read(this.position)) {
				this.sink.tryEmitNext(change);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Reading the schema changes from the event store failed; the next change tries again", ex);
		}
	}

	/** The changes after the position, moving {@link #position} when it is the feed's. */
	private List<Positioned> read(TrackingToken from) {
		boolean feeds = from == this.position;
		try (Stream<? extends TrackedEventMessage<?>> stream = this.events.readEvents(from, false)) {
			return stream.peek((message) -> {
				if (feeds) {
					this.position = message.trackingToken();
				}
			})
				.filter((message) -> message instanceof DomainEventMessage<?>
						&& message.getPayload() instanceof TableEvent)
				.map(this::change)
				.toList();
		}
	}

	private Positioned change(TrackedEventMessage<?> message) {
		TableEvent event = (TableEvent) message.getPayload();
		Audit audit = Audit.of(message.getMetaData());
		long sequence = ((DomainEventMessage<?>) message).getSequenceNumber();
		return new Positioned(message.trackingToken().position().orElse(-1),
				new Applied(event, sequence, audit, this.clock.instant()));
	}

	/** Stops following the changes. */
	@Override
	public void destroy() {
		this.following.dispose();
		this.reader.dispose();
	}

}
