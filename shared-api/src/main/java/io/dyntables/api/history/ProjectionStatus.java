package io.dyntables.api.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far the projector has applied a table's events.
 *
 * @param tableId the table
 * @param state {@code applied} when the latest event is applied; {@code pending} while it
 * is on its way or waits for a lock (then with a code); {@code failed} when applying it
 * failed for a reason that needs someone to look (it is still retried)
 * @param version the table's version by the event store
 * @param appliedVersion the version applied to the database, or null when none is
 * @param lastSequence the sequence number of the table's last event
 * @param appliedSequence the sequence number of the last applied event, -1 when none is
 * @param code when an attempt failed, why ({@link ProjectionProblem#code()})
 * @param message when an attempt failed, what it means, in a sentence
 * @param attempts when an attempt failed, how many attempts failed so far
 * @param failedAt when an attempt failed, when the last one did
 * @param nextAttemptAt when an attempt failed, when the next one is due
 * @param parkedEvents when an attempt failed, how many of the table's events wait (the
 * failing one and those behind it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(long tableId, String state, long version, Long appliedVersion, long lastSequence,
		long appliedSequence, String code, String message, Integer attempts, Instant failedAt, Instant nextAttemptAt,
		Long parkedEvents) {

	public static final String APPLIED = "applied";

	public static final String PENDING = "pending";

	public static final String FAILED = "failed";

}
