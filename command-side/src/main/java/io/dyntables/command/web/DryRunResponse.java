package io.dyntables.command.web;

import java.util.List;

import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.Events.TableEvent;

/**
 * What a command would do, changing nothing.
 *
 * @param dryRun always true
 * @param version the version the table would have afterwards
 * @param changes the events the command would emit, each with its type
 */
record DryRunResponse(boolean dryRun, long version, List<Change> changes) {

	static DryRunResponse of(CommandOutcome outcome) {
		return new DryRunResponse(true, outcome.version(),
				outcome.events().stream().map((event) -> new Change(event.getClass().getSimpleName(), event)).toList());
	}

	record Change(String type, TableEvent event) {
	}

}
