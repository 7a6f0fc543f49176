package io.dyntables.api.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A schema change as it is applied to the database: what the live feed sends.
 *
 * @param tableId the table
 * @param sequence the event's sequence number in the table's stream
 * @param version the table version the change produced
 * @param type the event type
 * @param summary what happened, for people
 * @param actor who asked for it: the principal its credential proved
 * @param onBehalfOf on whose behalf the client said it acted ({@code X-Actor}), or null
 * @param correlationId the request it came from
 * @param appliedAt when the projector committed it
 * @param redacted true when the event names fields the caller may not read and was told
 * without them ({@link HiddenChanges}); otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaChange(long tableId, long sequence, long version, String type, String summary, String actor,
		String onBehalfOf, String correlationId, Instant appliedAt, Boolean redacted) {

}
