package io.dyntables.deploy.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.serialization.Serializer;

/**
 * Axon's SQL for the JDBC dead-letter queue, with one statement corrected: the page of
 * sequences that may be claimed is found by row offset. Axon's own compares the offset
 * with the sequence index, so past the first page a retry looking for a due sequence can
 * miss it.
 */
class DeadLetterStatements extends DefaultDeadLetterStatementFactory<EventMessage<?>> {

	private final DeadLetterSchema schema;

	DeadLetterStatements(DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer) {
		super(DefaultDeadLetterStatementFactory.<EventMessage<?>>builder()
			.schema(schema)
			.genericSerializer(genericSerializer)
			.eventSerializer(eventSerializer));
		this.schema = schema;
	}

	@Override
	public PreparedStatement claimableSequencesStatement(Connection connection, String processingGroup,
			Instant processingStartedLimit, int offset, int maxSize) throws SQLException {
		DeadLetterSchema s = this.schema;
		String sql = "SELECT * FROM " + s.deadLetterTable() + " dl WHERE dl." + s.processingGroupColumn() + " = ?"
				+ " AND dl." + s.sequenceIndexColumn() + " = (SELECT MIN(dl2." + s.sequenceIndexColumn() + ") FROM "
				+ s.deadLetterTable() + " dl2 WHERE dl2." + s.processingGroupColumn() + " = dl."
				+ s.processingGroupColumn() + " AND dl2." + s.sequenceIdentifierColumn() + " = dl."
				+ s.sequenceIdentifierColumn() + ")" + " AND (dl." + s.processingStartedColumn() + " IS NULL OR dl."
				+ s.processingStartedColumn() + " < ?)" + " ORDER BY dl." + s.lastTouchedColumn() + ", dl."
				+ s.deadLetterIdentifierColumn() + " OFFSET ? LIMIT ?";
		PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
				ResultSet.CONCUR_READ_ONLY);
		statement.setString(1, processingGroup);
		statement.setString(2, DateTimeUtils.formatInstant(processingStartedLimit));
		statement.setInt(3, offset);
		statement.setInt(4, maxSize);
		return statement;
	}

}
