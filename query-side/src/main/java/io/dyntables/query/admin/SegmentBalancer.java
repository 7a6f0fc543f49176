package io.dyntables.query.admin;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dyntables.api.roles.Roles;
import io.dyntables.query.DaemonThreads;
import io.dyntables.query.admin.TokenTable.Claim;
import io.dyntables.query.projection.DeadLetterRetries;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shares the projector's segments among the instances that run it. Every half second this
 * instance says it is alive ({@link ProjectorInstances}) and, with the same list of live
 * instances as every other, gives segment {@code i} (in id order) to live instance
 * {@code i mod n} (by name): it lets go of the segments given to others and does not
 * claim them while their instance lives; the segments given to it, or to an instance that
 * stopped beating, it claims as soon as they are free (the processor looks every half
 * second). A killed instance's segments are thus taken over once its claims lapse (the
 * claim timeout, 3 s by default), since it has stopped beating by then too.
 * <p>
 * It also splits the segments until there are as many as configured (a token store made
 * with fewer, as by an older release with one, keeps its positions: a split segment's
 * halves both start where it was), and stops the projector here while another instance
 * prepares a replay ({@link ReplayFlag}), starting it again after.
 */
@Component
@ConditionalOnExpression(Roles.IF_PROJECTOR)
class SegmentBalancer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

	static final Duration INTERVAL = Duration.ofMillis(500);

	/** Segments given to others are not claimed for this long, renewed every interval. */
	private static final Duration HOLD_OFF = INTERVAL.multipliedBy(2);

	private static final Duration SPLIT_DEADLINE = Duration.ofSeconds(10);

	private final ProjectorProcess projector;

	private final NodeName node;

	private final ProjectorInstances instances;

	private final TokenTable tokens;

	private final ReplayFlag replayFlag;

	private final DeadLetterRetries retries;

	private final int segmentCount;

	private final ClaimTimeout claimTimeout;

	private ScheduledExecutorService scheduler;

	private volatile boolean stoppedForReplay;

	private volatile String lastProblem;

	SegmentBalancer(ProjectorProcess projector, NodeName node, ProjectorInstances instances, TokenTable tokens,
			ReplayFlag replayFlag, DeadLetterRetries retries,
			@Value("${dyntables.projection.segments:4}") int segmentCount, ClaimTimeout claimTimeout) {
		this.projector = projector;
		this.node = node;
		this.instances = instances;
		this.tokens = tokens;
		this.replayFlag = replayFlag;
		this.retries = retries;
		this.segmentCount = segmentCount;
		this.claimTimeout = claimTimeout;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("projection-balancer"));
			this.scheduler.scheduleWithFixedDelay(this::tick, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			try {
				this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
				this.instances.leave(this.node.id());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.debug("Could not take this instance off the projector list; it lapses by itself", ex);
			}
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	void tick() {
		try {
			this.instances.beat(this.node.id());
			TrackingEventProcessor processor = this.projector.processor();
			Optional<String> replay = this.replayFlag.raisedBy();
			if (replay.isPresent()) {
				if (!replay.get().equals(this.node.id()) && !this.stoppedForReplay) {
					log.info("Instance {} prepares a replay: stopping the projector here until it has reset",
							replay.get());
					this.stoppedForReplay = true;
					this.retries.suspend();
					processor.shutDown();
				}
				return;
			}
			if (this.stoppedForReplay) {
				log.info("The replay's reset is done: starting the projector here again");
				processor.start();
				this.retries.resume();
				this.stoppedForReplay = false;
			}
			if (processor.isRunning()) {
				balance(processor);
			}
			this.lastProblem = null;
		}
		catch (RuntimeException ex) {
			// logged once per kind of problem: the database away would log every tick
			if (!String.valueOf(ex.getMessage()).equals(this.lastProblem)) {
				log.warn("Sharing the projector's segments failed; trying again every {} ms", INTERVAL.toMillis(), ex);
				this.lastProblem = String.valueOf(ex.getMessage());
			}
		}
	}

	private void balance(TrackingEventProcessor processor) {
		List<Claim> claims = this.tokens.claims();
		List<String> live = this.instances.live(this.claimTimeout);
		if (claims.isEmpty() || live.isEmpty()) {
			return;
		}
		if (claims.size() < this.segmentCount) {
			splitOne(processor, claims);
			return;
		}
		for (int i = 0; i < claims.size(); i++) {
			if (!live.get(i % live.size()).equals(this.node.id())) {
				processor.releaseSegment(claims.get(i).segment(), HOLD_OFF.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	/** Splits the largest segment this instance processes, if any. */
	private void splitOne(TrackingEventProcessor processor, List<Claim> claims) {
		int[] ids = claims.stream().mapToInt(Claim::segment).toArray();
		Set<Integer> mine = processor.processingStatus().keySet();
		Optional<Integer> largest = claims.stream()
			.map(Claim::segment)
			.filter(mine::contains)
			.min(Comparator.comparingInt((id) -> Segment.computeSegment(id, ids).getMask()));
		if (largest.isEmpty()) {
			return;
		}
		log.info("The projector has {} segments of {} configured: splitting segment {}", ids.length, this.segmentCount,
				largest.get());
		try {
			boolean split = processor.splitSegment(largest.get()).get(SPLIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
			if (!split) {
				log.info("Segment {} was not split (released meanwhile); trying again", largest.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			throw new IllegalStateException("splitting segment " + largest.get() + " failed", ex);
		}
	}

}
