package io.dyntables.api.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far the projector has applied a table's events.
 *
 * @param tableId the table
 * @param state {@code applied} when the latest event is applied, {@code pending} while it
 * is on its way, {@code failed} when applying it failed (the projector retries)
 * @param version the table's version by the event store
 * @param appliedVersion the version applied to the database, or null when none is
 * @param lastSequence the sequence number of the table's last event
 * @param appliedSequence the sequence number of the last applied event, -1 when none is
 * @param error when failed, what went wrong
 * @param failedAt when failed, when it last failed
 * @param attempts when failed, how many times in a row
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(long tableId, String state, long version, Long appliedVersion, long lastSequence,
		long appliedSequence, String error, Instant failedAt, Integer attempts) {

	public static final String APPLIED = "applied";

	public static final String PENDING = "pending";

	public static final String FAILED = "failed";

}
