package io.dyntables.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projector's last failure per table. Written in a transaction of its own, so it
 * outlives the rollback of the failed one; stale once the table's reference row has
 * passed the failed event.
 */
@Repository
public class ProjectionErrors {

	private static final int MAX_ERROR_LENGTH = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	ProjectionErrors(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A failure to apply one event.
	 *
	 * @param tableId the table
	 * @param sequence the event's sequence number
	 * @param eventType the event type
	 * @param error what went wrong
	 * @param attempts how many times in a row this event failed
	 * @param failedAt when it last failed
	 */
	public record Failure(long tableId, long sequence, String eventType, String error, int attempts, Instant failedAt) {
	}

	void record(long tableId, long sequence, String eventType, Throwable error, Instant at) {
		String text = error.getClass().getSimpleName() + ": " + error.getMessage();
		String message = (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text;
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update("""
				INSERT INTO dyntables.projection_error
				    (table_id, sequence_number, event_type, error, attempts, failed_at)
				VALUES (?, ?, ?, ?, 1, ?)
				ON CONFLICT (table_id) DO UPDATE SET error = excluded.error, event_type = excluded.event_type,
				    attempts = CASE WHEN projection_error.sequence_number = excluded.sequence_number
				                    THEN projection_error.attempts + 1 ELSE 1 END,
				    sequence_number = excluded.sequence_number, failed_at = excluded.failed_at""", tableId, sequence,
				eventType, message, Timestamp.from(at)));
	}

	/** The table's last failure, if any (it may be stale). */
	public Optional<Failure> find(long tableId) {
		return this.jdbc.query("""
				SELECT table_id, sequence_number, event_type, error, attempts, failed_at
				FROM dyntables.projection_error WHERE table_id = ?""", (rs, n) -> failure(rs), tableId)
			.stream()
			.findFirst();
	}

	/** The latest failure of any table whose reference row has not passed it. */
	public Optional<Failure> latestUnresolved() {
		return this.jdbc.query("""
				SELECT e.table_id, e.sequence_number, e.event_type, e.error, e.attempts, e.failed_at
				FROM dyntables.projection_error e
				LEFT JOIN dyntables.table_ref r ON r.id = e.table_id
				WHERE r.last_sequence IS NULL OR r.last_sequence < e.sequence_number
				ORDER BY e.failed_at DESC LIMIT 1""", (rs, n) -> failure(rs)).stream().findFirst();
	}

	private static Failure failure(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Failure(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getTimestamp(6).toInstant());
	}

}
