package io.dyntables.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.history.ProjectionProblem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The failure that keeps each parked table waiting, for its status and for operators:
 * written in the transaction that parks (or re-parks) the event, removed in the one that
 * applies it. Holds the problem's code, never the database's error (that is logged).
 */
@Repository
public class ProjectionErrors {

	/** Axon's dead-letter queue of the projector (see the system schema migrations). */
	static final String DEAD_LETTERS = "dyntables.dead_letter_entry";

	private final JdbcTemplate jdbc;

	ProjectionErrors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A table's parked event.
	 *
	 * @param tableId the table
	 * @param sequence the failing event's sequence number
	 * @param eventType the failing event's type
	 * @param problem why it failed
	 * @param attempts how many attempts failed so far
	 * @param failedAt when the last attempt failed
	 * @param nextAttemptAt when the next attempt is due
	 * @param parkedEvents how many of the table's events are parked (this one and those
	 * behind it)
	 * @param parkedSince when the first of them was parked
	 */
	public record Failure(long tableId, long sequence, String eventType, ProjectionProblem problem, int attempts,
			Instant failedAt, Instant nextAttemptAt, long parkedEvents, Instant parkedSince) {
	}

	void record(long tableId, long sequence, String eventType, ProjectionProblem problem, int attempts,
			Instant failedAt, Instant nextAttemptAt) {
		this.jdbc.update("""
				INSERT INTO dyntables.projection_error
				    (table_id, sequence_number, event_type, code, attempts, failed_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (table_id) DO UPDATE SET sequence_number = excluded.sequence_number,
				    event_type = excluded.event_type, code = excluded.code, attempts = excluded.attempts,
				    failed_at = excluded.failed_at, next_attempt_at = excluded.next_attempt_at""", tableId, sequence,
				eventType, problem.code(), attempts, Timestamp.from(failedAt), Timestamp.from(nextAttemptAt));
	}

	/** The table's event at this sequence number is applied. */
	void resolve(long tableId, long sequence) {
		this.jdbc.update("DELETE FROM dyntables.projection_error WHERE table_id = ? AND sequence_number <= ?", tableId,
				sequence);
	}

	/** A replay starts over: the failures of the last run are obsolete. */
	void clear() {
		this.jdbc.update("DELETE FROM dyntables.projection_error");
	}

	/** The table's failure while it has parked events. */
	public Optional<Failure> find(long tableId) {
		return this.jdbc
			.query(parkedSql("AND sequence_identifier = ?", ""), (rs, n) -> failure(rs),
					TableProjector.PROCESSING_GROUP, Long.toString(tableId))
			.stream()
			.findFirst();
	}

	/** The parked tables, the longest parked first. */
	public List<Failure> parked(int limit) {
		return this.jdbc.query(parkedSql("", "ORDER BY p.since, e.table_id LIMIT ?"), (rs, n) -> failure(rs),
				TableProjector.PROCESSING_GROUP, limit);
	}

	/**
	 * The failures of the tables with parked events: the queue's sequences are the
	 * tables' ids.
	 */
	private static String parkedSql(String sequenceFilter, String tail) {
		return """
				SELECT e.table_id, e.sequence_number, e.event_type, e.code, e.attempts, e.failed_at,
				    e.next_attempt_at, p.parked, p.since
				FROM (SELECT sequence_identifier, count(*) AS parked, min(enqueued_at) AS since
				      FROM %s WHERE processing_group = ? %s GROUP BY sequence_identifier) p
				JOIN dyntables.projection_error e ON e.table_id::text = p.sequence_identifier
				%s""".formatted(DEAD_LETTERS, sequenceFilter, tail);
	}

	/** How many events are parked, of how many tables. */
	public Parked count() {
		return this.jdbc.queryForObject(
				"SELECT count(*), count(DISTINCT sequence_identifier) FROM " + DEAD_LETTERS
						+ " WHERE processing_group = ?",
				(rs, n) -> new Parked(rs.getLong(1), rs.getLong(2)), TableProjector.PROCESSING_GROUP);
	}

	/**
	 * The size of the dead-letter queue.
	 *
	 * @param events the parked events
	 * @param tables the tables they belong to
	 */
	public record Parked(long events, long tables) {
	}

	private static Failure failure(ResultSet rs) throws SQLException {
		return new Failure(rs.getLong(1), rs.getLong(2), rs.getString(3), ProjectionProblem.ofCode(rs.getString(4)),
				rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getLong(8),
				Instant.parse(rs.getString(9)));
	}

}
