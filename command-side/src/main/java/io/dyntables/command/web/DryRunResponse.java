package io.dyntables.command.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.dyntables.api.history.Summaries;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;

/**
 * What a command would do, changing nothing: the events it would emit, the DDL the
 * projector would run for them, and what that DDL does to the table. Every dry run,
 * reverts included, answers this shape.
 *
 * @param dryRun always true
 * @param version the version the table would have afterwards
 * @param changes the events, each with its type and a sentence for people
 * @param ddl the statements, in order
 * @param destroysData whether any statement loses values
 * @param rewritesTable whether any statement rewrites every row
 * @param locks the locks taken, in order, without repeats
 * @param notes what the change means for existing rows, where that is not obvious
 * @param drops the data the change would lose: each sentence names a field (or the table)
 */
record DryRunResponse(boolean dryRun, long version, List<Change> changes, List<DdlStatement> ddl, boolean destroysData,
		boolean rewritesTable, List<String> locks, List<String> notes, List<String> drops) {

	/** The answer for a dry run's outcome, whose DDL the command side derived. */
	static DryRunResponse of(CommandOutcome outcome) {
		List<DdlStatement> ddl = outcome.ddl();
		return new DryRunResponse(true, outcome.version(),
				outcome.events()
					.stream()
					.map((event) -> new Change(event.getClass().getSimpleName(), Summaries.of(event), event))
					.toList(),
				ddl, ddl.stream().anyMatch(DdlStatement::destroysData),
				ddl.stream().anyMatch(DdlStatement::rewritesTable),
				ddl.stream().map(DdlStatement::lock).distinct().toList(),
				outcome.events().stream().map(DryRunResponse::note).flatMap(Optional::stream).toList(),
				outcome.events().stream().map(DryRunResponse::drop).flatMap(Optional::stream).toList());
	}

	/** The data an event loses, if any. */
	private static Optional<String> drop(TableEvent event) {
		if (event instanceof FieldRemoved removed) {
			return Optional.of("the values of field " + removed.field().name() + " are dropped");
		}
		if (event instanceof FieldTypeChanged changed && changed.keptColumn() != null) {
			return Optional
				.of("values of field " + changed.to().name() + " that are not valid " + Summaries.describe(changed.to())
						+ " become null (the originals are kept in " + changed.keptColumn() + ")");
		}
		if (event instanceof TableDeleted) {
			return Optional.of("the table and all its rows are dropped");
		}
		return Optional.empty();
	}

	/**
	 * Required fields and defaults bind rows written from now on; existing rows keep
	 * their values.
	 */
	private static Optional<String> note(TableEvent event) {
		if (event instanceof FieldAdded added && added.field().required() && added.field().defaultValue() == null) {
			return Optional.of("'" + added.field().name()
					+ "' is required for rows written from now on; rows that exist hold null until written");
		}
		if (event instanceof FieldOptionsChanged changed) {
			if (changed.to().required() && !changed.from().required()) {
				return Optional.of("'" + changed.to().name()
						+ "' is required for rows written from now on; rows that exist may still hold null");
			}
			if (!Objects.equals(changed.from().defaultValue(), changed.to().defaultValue())) {
				return Optional.of("the default of '" + changed.to().name() + "' applies to rows written from now on");
			}
		}
		if (event instanceof FieldTypeChanged changed && changed.keptColumn() != null) {
			return Optional.of("values of '" + changed.to().name() + "' that do not convert become null; "
					+ "the originals are kept in the column " + changed.keptColumn());
		}
		return Optional.empty();
	}

	/**
	 * One event of the change.
	 *
	 * @param type the event's type
	 * @param summary what it does, for people
	 * @param event the event
	 */
	record Change(String type, String summary, TableEvent event) {
	}

}
