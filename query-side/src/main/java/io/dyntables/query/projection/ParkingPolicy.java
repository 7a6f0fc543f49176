package io.dyntables.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.dyntables.api.history.Audit;
import io.dyntables.api.history.ProjectionProblem;
import io.dyntables.api.table.Events.TableEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What becomes of an event the projector failed to apply: it is parked in the dead-letter
 * queue (its table's later events queue behind it, the other tables go on) and retried
 * with exponential backoff until it applies; it is never dropped. Each failure is logged
 * in full (table, event, attempt, request id) and recorded, as a problem code, for the
 * table's status, in the transaction that parks the event.
 */
@Component
public class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

	private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

	/** Diagnostics of a parked event: how many attempts failed. */
	static final String ATTEMPTS = "attempts";

	/** Diagnostics of a parked event: when its next attempt is due (epoch millis). */
	static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

	private final ProjectionErrors errors;

	private final Clock clock;

	private final Duration initialDelay;

	private final Duration maxDelay;

	ParkingPolicy(ProjectionErrors errors, Clock clock,
			@Value("${dyntables.projection.retry.initial-delay:1s}") Duration initialDelay,
			@Value("${dyntables.projection.retry.max-delay:30s}") Duration maxDelay) {
		this.errors = errors;
		this.clock = clock;
		this.initialDelay = initialDelay;
		this.maxDelay = maxDelay;
	}

	@Override
	public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
		int attempts = attempts(letter.diagnostics()) + 1;
		Instant now = this.clock.instant();
		Instant next = now.plus(delay(attempts));
		ProjectionProblem problem = ProjectionFailures.classify(cause);
		EventMessage<?> message = letter.message();
		String failure;
		if (message.getPayload() instanceof TableEvent event && message instanceof DomainEventMessage<?> domain) {
			String eventType = event.getClass().getSimpleName();
			failure = "Table %d: event %d (%s, request %s) failed to apply (%s, attempt %d); parked, next attempt at %s"
				.formatted(event.tableId(), domain.getSequenceNumber(), eventType,
						Audit.of(message.getMetaData()).requestId(), problem.code(), attempts, next);
			this.errors.record(event.tableId(), domain.getSequenceNumber(), eventType, problem, attempts, now, next);
		}
		else {
			failure = "Event %s (%s) failed to apply (%s, attempt %d); parked, next attempt at %s".formatted(
					message.getIdentifier(), message.getPayloadType().getSimpleName(), problem.code(), attempts, next);
		}
		// the first failure is logged with its trace, the retries with the database's
		// words
		if (attempts == 1) {
			log.warn(failure, cause);
		}
		else {
			log.warn("{}: {}", failure, mostSpecific(cause).toString());
		}
		return Decisions.requeue(ThrowableCause.truncated(cause),
				(parked) -> parked.diagnostics().and(ATTEMPTS, attempts).and(NEXT_ATTEMPT_AT, next.toEpochMilli()));
	}

	/**
	 * The wait before the given attempt's successor: the initial delay, doubled after
	 * each failure, at most the maximum.
	 */
	Duration delay(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration delay = this.initialDelay.multipliedBy(1L << doublings);
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

	/** Whether a parked event's next attempt is due (one never tried is). */
	static boolean due(DeadLetter<?> letter, Instant now) {
		Object next = letter.diagnostics().get(NEXT_ATTEMPT_AT);
		return !(next instanceof Number millis) || millis.longValue() <= now.toEpochMilli();
	}

	private static Throwable mostSpecific(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static int attempts(MetaData diagnostics) {
		return (diagnostics.get(ATTEMPTS) instanceof Number number) ? number.intValue() : 0;
	}

}
