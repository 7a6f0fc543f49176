package io.dyntables.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.dyntables.api.roles.Roles;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Retries the projector's parked events beside the projector, so that a table waiting for
 * a lock holds up only its own events: every half second, each table whose next attempt
 * is due (see {@link ParkingPolicy}) gets one, its parked events in order, in one
 * transaction with their removal from the queue. A replay pauses it while it resets (here
 * or, through {@link #suspend()}, on another instance). Instances without the projector
 * role do not retry.
 */
@Component
public class DeadLetterRetries implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);

	private static final Duration INTERVAL = Duration.ofMillis(500);

	/** Tables retried per round at most, so a round ends and a stop is not held up. */
	private static final int TABLES_PER_ROUND = 100;

	private final EventProcessingConfiguration processing;

	private final Clock clock;

	/** Held by a round of retries, and by whoever pauses them. */
	private final ReentrantLock rounds = new ReentrantLock();

	private ScheduledExecutorService scheduler;

	private volatile boolean running;

	/** Set while another instance resets the tokens for a replay. */
	private volatile boolean suspended;

	private final boolean projector;

	DeadLetterRetries(EventProcessingConfiguration processing, Clock clock,
			@Value("${dyntables.roles:all}") String roles) {
		this.processing = processing;
		this.clock = clock;
		this.projector = Roles.serves(roles, Roles.PROJECTOR);
	}

	/** Only an instance that runs the projector retries its parked events. */
	@Override
	public boolean isAutoStartup() {
		return this.projector;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			this.running = true;
			this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "projection-retries");
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler.scheduleWithFixedDelay(this::round, INTERVAL.toMillis(), INTERVAL.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.running = false;
			this.scheduler.shutdown();
			try {
				if (!this.scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
					this.scheduler.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				this.scheduler.shutdownNow();
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Runs the action while no retry runs or starts. */
	public <T> T paused(Callable<T> action) throws Exception {
		this.rounds.lock();
		try {
			return action.call();
		}
		finally {
			this.rounds.unlock();
		}
	}

	/** Stops the rounds, once the one running (if any) has ended, until resumed. */
	public void suspend() {
		this.rounds.lock();
		try {
			this.suspended = true;
		}
		finally {
			this.rounds.unlock();
		}
	}

	/** Lets the rounds go on after {@link #suspend()}. */
	public void resume() {
		this.suspended = false;
	}

	/**
	 * One round: the due tables, one after the other, until none is due (a table that
	 * fails again is due only later).
	 */
	void round() {
		if (this.suspended || !this.rounds.tryLock()) {
			return;
		}
		try {
			SequencedDeadLetterProcessor<EventMessage<?>> parked = this.processing
				.sequencedDeadLetterProcessor(TableProjector.PROCESSING_GROUP)
				.orElse(null);
			for (int i = 0; parked != null && i < TABLES_PER_ROUND && isRunning(); i++) {
				Instant now = this.clock.instant();
				AtomicBoolean anyDue = new AtomicBoolean();
				parked.process((letter) -> {
					boolean due = ParkingPolicy.due(letter, now);
					anyDue.compareAndSet(false, due);
					return due;
				});
				if (!anyDue.get()) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Retrying the parked projection events failed; the next round tries again", ex);
		}
		finally {
			this.rounds.unlock();
		}
	}

}
