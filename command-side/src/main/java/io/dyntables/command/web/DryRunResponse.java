package io.dyntables.command.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.dyntables.api.history.Summaries;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Events.TableRenamed;

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
		return event.accept(DROPS);
	}

	/**
	 * Required fields and defaults bind rows written from now on; existing rows keep
	 * their values.
	 */
	private static Optional<String> note(TableEvent event) {
		return event.accept(NOTES);
	}

	private static final TableEvent.Cases<Optional<String>> DROPS = new TableEvent.Cases<>() {

		@Override
		public Optional<String> tableCreated(TableCreated event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> fieldAdded(FieldAdded event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> fieldRemoved(FieldRemoved event) {
			return Optional.of("the values of field " + event.field().name() + " are dropped");
		}

		@Override
		public Optional<String> fieldTypeChanged(FieldTypeChanged event) {
			return (event.keptColumn() == null) ? Optional.empty()
					: Optional.of("values of field " + event.to().name() + " that are not valid "
							+ Summaries.describe(event.to()) + " become null (the originals are kept in "
							+ event.keptColumn() + ")");
		}

		@Override
		public Optional<String> fieldOptionsChanged(FieldOptionsChanged event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> fieldRenamed(FieldRenamed event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> tableRenamed(TableRenamed event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> tableDeleted(TableDeleted event) {
			return Optional.of("the table and all its rows are dropped");
		}

	};

	private static final TableEvent.Cases<Optional<String>> NOTES = new TableEvent.Cases<>() {

		@Override
		public Optional<String> tableCreated(TableCreated event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> fieldAdded(FieldAdded event) {
			FieldDefinition field = event.field();
			return (field.required() && field.defaultValue() == null)
					? Optional.of("'" + field.name()
							+ "' is required for rows written from now on; rows that exist hold null until written")
					: Optional.empty();
		}

		@Override
		public Optional<String> fieldRemoved(FieldRemoved event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> fieldTypeChanged(FieldTypeChanged event) {
			return (event.keptColumn() == null) ? Optional.empty()
					: Optional.of("values of '" + event.to().name() + "' that do not convert become null; "
							+ "the originals are kept in the column " + event.keptColumn());
		}

		@Override
		public Optional<String> fieldOptionsChanged(FieldOptionsChanged event) {
			if (event.to().required() && !event.from().required()) {
				return Optional.of("'" + event.to().name()
						+ "' is required for rows written from now on; rows that exist may still hold null");
			}
			if (!Objects.equals(event.from().defaultValue(), event.to().defaultValue())) {
				return Optional.of("the default of '" + event.to().name() + "' applies to rows written from now on");
			}
			return Optional.empty();
		}

		@Override
		public Optional<String> fieldRenamed(FieldRenamed event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> tableRenamed(TableRenamed event) {
			return Optional.empty();
		}

		@Override
		public Optional<String> tableDeleted(TableDeleted event) {
			return Optional.empty();
		}

	};

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
