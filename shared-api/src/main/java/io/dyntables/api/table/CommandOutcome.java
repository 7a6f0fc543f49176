package io.dyntables.api.table;

import java.util.List;

import io.dyntables.api.table.Events.TableEvent;

/**
 * What a schema command did, or with a dry run would do.
 *
 * @param tableId the table
 * @param version the table's version afterwards
 * @param events the events emitted (or that would be); empty when nothing changes
 * @param lastSequence the sequence number of the table's last event afterwards
 * @param dryRun whether nothing was applied
 * @param ddl with a dry run, the statements its events would run, in order; empty
 * otherwise (the projector derives them when it applies the events)
 */
public record CommandOutcome(long tableId, long version, List<TableEvent> events, long lastSequence, boolean dryRun,
		List<DdlStatement> ddl) {

	public boolean changed() {
		return !this.events.isEmpty();
	}

}
