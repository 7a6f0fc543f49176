package io.dyntables.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.query.DaemonThreads;
import io.dyntables.query.admin.ProjectorProcess.Segment;
import io.dyntables.query.projection.DeadLetterRetries;
import io.dyntables.query.projection.ProjectionErrors;
import io.dyntables.query.projection.ProjectionFailures;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.roles.Roles;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the reference table and the DDL log from the event stream, from any instance:
 * it raises the replay flag in PostgreSQL ({@link ReplayFlag}), on which every instance
 * stops its projector and releases its segments within a second; once no segment is
 * claimed, it resets the tokens (the projector's reset handler forgets the read model),
 * releases them and lowers the flag, and the instances start their projectors again and
 * share the segments, which replay in parallel. Tables that exist keep their rows (their
 * DDL is logged, not run); missing ones are created. The reset also empties the
 * dead-letter queue: the events parked by the last run are replayed with all the others
 * (and parked again if they still fail); the retries of parked events pause while it
 * resets. Progress is logged and readable while it runs.
 */
@Component
public class Replayer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Replayer.class);

	private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);

	private static final Duration LOG_INTERVAL = Duration.ofSeconds(2);

	private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(30);

	private final ProjectorProcess projector;

	private final Clock clock;

	private final DeadLetterRetries retries;

	private final ProjectionErrors errors;

	private final ReplayFlag flag;

	private final NodeName node;

	private final TokenTable tokens;

	private final TokenStore tokenStore;

	private final TransactionManager transactions;

	private final boolean projectorHere;

	private final ClaimTimeout claimTimeout;

	private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.NEVER);

	private final ExecutorService watcher = Executors.newSingleThreadExecutor(DaemonThreads.named("replay-watcher"));

	Replayer(ProjectorProcess projector, Clock clock, DeadLetterRetries retries, ProjectionErrors errors,
			ReplayFlag flag, NodeName node, TokenTable tokens, TokenStore tokenStore, TransactionManager transactions,
			@Value("${dyntables.roles:all}") String roles, ClaimTimeout claimTimeout) {
		this.projector = projector;
		this.clock = clock;
		this.retries = retries;
		this.errors = errors;
		this.flag = flag;
		this.node = node;
		this.tokens = tokens;
		this.tokenStore = tokenStore;
		this.transactions = transactions;
		this.projectorHere = Roles.serves(roles, Roles.PROJECTOR);
		this.claimTimeout = claimTimeout;
	}

	/**
	 * A replay's progress.
	 *
	 * @param state {@code never}, {@code running}, {@code finished} or {@code failed}
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 * @param total the events to replay (those in the store when it started)
	 * @param done the events replayed so far
	 * @param eventsPerSecond the rate so far
	 * @param segments the processor's segments, on every instance
	 * @param parkedEvents once finished, the events that failed to apply and are parked
	 * (retried with backoff; {@code GET /api/admin/projection} shows them)
	 * @param error why it failed: a problem code (the detail is in the log)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Progress(String state, Instant startedAt, Instant finishedAt, long total, long done,
			double eventsPerSecond, List<Segment> segments, Long parkedEvents, String error) {

		static final Progress NEVER = new Progress("never", null, null, 0, 0, 0, null, null, null);

		public boolean running() {
			return "running".equals(this.state);
		}

	}

	/** The current or last replay's progress. */
	public Progress progress() {
		return this.progress.get();
	}

	/** Starts a replay, or answers the one running. */
	public synchronized Progress start() throws Exception {
		if (this.progress.get().running()) {
			return this.progress.get();
		}
		if (this.projectorHere) {
			this.projector.awaitSettled(SETTLE_DEADLINE);
		}
		if (this.projector.segments(this.projector.head()).stream().anyMatch(Segment::replaying)
				|| !this.flag.raise(this.node.id())) {
			throw new RefusedException(ErrorCode.REPLAY_RUNNING, "",
					"A replay started on another instance is running; GET /api/admin/replay there, or GET "
							+ "/api/admin/projection on any instance, follows it");
		}
		try {
			return this.retries.paused(this::resetAndStart);
		}
		finally {
			this.flag.lower(this.node.id());
			if (this.projectorHere) {
				this.projector.processor().start();
			}
		}
	}

	private Progress resetAndStart() throws InterruptedException {
		TrackingEventProcessor processor = this.projector.processor();
		long head = this.projector.head();
		long total = (head < 0) ? 0 : this.projector.eventsUpTo(head);
		Instant started = this.clock.instant();
		log.info("Replay of {} events starting: stopping the projector on every instance and resetting its tokens",
				total);
		processor.shutDown();
		try {
			awaitReleased();
			processor.resetTokens();
			releaseAll();
		}
		catch (RuntimeException | TimeoutException ex) {
			this.progress.set(new Progress("failed", started, this.clock.instant(), total, 0, 0, null, null,
					(ex instanceof TimeoutException) ? ErrorCode.TIMEOUT.slug()
							: ProjectionFailures.classify(ex).code()));
			log.error("Replay failed: the projector's tokens could not be reset", ex);
			if (ex instanceof TimeoutException) {
				throw new RefusedException(ErrorCode.TIMEOUT, "", ex.getMessage());
			}
			throw (RuntimeException) ex;
		}
		Progress running = new Progress("running", started, null, total, 0, 0, List.of(), null, null);
		this.progress.set(running);
		this.watcher.execute(() -> watch(head, total, started));
		return running;
	}

	/**
	 * Waits until no instance holds a segment: each stops its projector within a second
	 * of the flag, or its claims lapse if it died.
	 */
	private void awaitReleased() throws TimeoutException, InterruptedException {
		Instant end = this.clock.instant().plus(SETTLE_DEADLINE);
		while (true) {
			Instant now = this.clock.instant();
			List<String> holders = this.tokens.claims()
				.stream()
				.filter((claim) -> claim.held(now, this.claimTimeout))
				.map(TokenTable.Claim::owner)
				.distinct()
				.toList();
			if (holders.isEmpty()) {
				return;
			}
			if (now.isAfter(end)) {
				throw new TimeoutException("instances " + holders + " did not release the projector's segments within "
						+ SETTLE_DEADLINE.toSeconds() + " s; the replay did not start");
			}
			Thread.sleep(WATCH_INTERVAL.toMillis());
		}
	}

	/**
	 * The reset claimed every segment here; lets them go, so every instance shares them.
	 */
	private void releaseAll() {
		this.transactions.executeInTransaction(() -> {
			for (int segment : this.tokenStore.fetchSegments(TableProjector.PROCESSING_GROUP)) {
				this.tokenStore.releaseClaim(TableProjector.PROCESSING_GROUP, segment);
			}
		});
	}

	/** Waits for the running replay, if any, to finish; blocking. */
	public Progress awaitCompletion(Duration deadline) throws TimeoutException, InterruptedException {
		Instant end = this.clock.instant().plus(deadline);
		while (this.progress.get().running()) {
			if (this.clock.instant().isAfter(end)) {
				throw new TimeoutException("the replay did not finish within " + deadline);
			}
			Thread.sleep(WATCH_INTERVAL.toMillis());
		}
		return this.progress.get();
	}

	/**
	 * Follows the replay until every segment has reached the head as it was: the lowest
	 * position every interval; the events done up to it and each segment's lag only every
	 * log interval, since counting events takes the database a scan of the event store.
	 */
	private void watch(long head, long total, Instant started) {
		Instant lastLog = started;
		List<Segment> segments = List.of();
		long done = 0;
		try {
			while (true) {
				Thread.sleep(WATCH_INTERVAL.toMillis());
				OptionalLong lowest = this.projector.lowestPosition();
				long position = lowest.orElse(-1);
				// a replay token stays "replaying" until an event past the reset point
				// arrives, so the replay is over when every segment has reached the head
				// as it was
				boolean finished = total == 0 || (lowest.isPresent() && position >= head);
				Instant now = this.clock.instant();
				boolean logNow = Duration.between(lastLog, now).compareTo(LOG_INTERVAL) >= 0;
				if (finished) {
					done = total;
				}
				else if (logNow) {
					done = Math.min(total, this.projector.eventsUpTo(position));
				}
				if (finished || logNow) {
					segments = this.projector.segments(head);
				}
				double seconds = Math.max(0.001, Duration.between(started, now).toNanos() / 1e9);
				double rate = done / seconds;
				if (finished) {
					long parked = this.errors.count().events();
					this.progress
						.set(new Progress("finished", started, now, total, done, rate, segments, parked, null));
					log.info("Replay finished: {} events in {} s, {} events/s, {} parked", total,
							String.format("%.1f", seconds), Math.round(rate), parked);
					return;
				}
				this.progress.set(new Progress("running", started, null, total, done, rate, segments, null, null));
				if (logNow) {
					log.info("Replay: {} of {} events, {} events/s", done, total, Math.round(rate));
					lastLog = now;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Watching the replay failed", ex);
			Progress last = this.progress.get();
			this.progress.set(new Progress("failed", started, this.clock.instant(), total, last.done(),
					last.eventsPerSecond(), last.segments(), null, ProjectionFailures.classify(ex).code()));
		}
	}

	@Override
	public void destroy() {
		this.watcher.shutdownNow();
	}

}
