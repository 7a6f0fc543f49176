package io.dyntables.api.history;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a table's history, oldest first.
 *
 * @param tableId the table
 * @param entries the changes on this page
 * @param nextAfter the value of {@code after} that reads the next page, or null on the
 * last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaHistory(long tableId, List<Entry> entries, Long nextAfter) {

	/**
	 * One event of the table's history.
	 *
	 * @param sequence the event's sequence number in the table's stream (0 for the
	 * creation)
	 * @param version the table version the event produced (one command's events share it)
	 * @param type the event type, for example {@code FieldAdded}
	 * @param summary what happened, for people: {@code added field married (boolean)}
	 * @param actor who asked for it: the principal its credential proved
	 * @param onBehalfOf on whose behalf the client said it acted ({@code X-Actor}), when
	 * it said; not proven
	 * @param time when it was recorded
	 * @param correlationId the request it came from
	 * @param reason why, when the client said
	 * @param ddl the DDL statements the projector ran for it; empty while not yet
	 * projected or when it needed none; left out when redacted
	 * @param redacted true when the event names fields the caller may not read and was
	 * told without them ({@link HiddenChanges}), its reason and DDL left out; otherwise
	 * null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(long sequence, long version, String type, String summary, String actor, String onBehalfOf,
			Instant time, String correlationId, String reason, List<Ddl> ddl, Boolean redacted) {
	}

	/**
	 * A DDL statement of an entry.
	 *
	 * @param statement the SQL
	 * @param applied false when a replay found the table already there and only logged it
	 */
	public record Ddl(String statement, boolean applied) {
	}

}
