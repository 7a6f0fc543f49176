package io.dyntables.command.web;

import java.util.List;

import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.TableEvent;

/**
 * What a command would do, changing nothing: the events it would emit, the DDL the
 * projector would run for them, and what that DDL does to the table.
 *
 * @param dryRun always true
 * @param version the version the table would have afterwards
 * @param changes the events, each with its type
 * @param ddl the statements, in order
 * @param destroysData whether any statement loses values
 * @param rewritesTable whether any statement rewrites every row
 * @param locks the locks taken, in order, without repeats
 */
record DryRunResponse(boolean dryRun, long version, List<Change> changes, List<DdlStatement> ddl, boolean destroysData,
		boolean rewritesTable, List<String> locks) {

	static DryRunResponse of(CommandOutcome outcome, List<DdlStatement> ddl) {
		return new DryRunResponse(true, outcome.version(),
				outcome.events().stream().map((event) -> new Change(event.getClass().getSimpleName(), event)).toList(),
				ddl, ddl.stream().anyMatch(DdlStatement::destroysData),
				ddl.stream().anyMatch(DdlStatement::rewritesTable),
				ddl.stream().map(DdlStatement::lock).distinct().toList());
	}

	record Change(String type, TableEvent event) {
	}

}
