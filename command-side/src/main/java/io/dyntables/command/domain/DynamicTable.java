package io.dyntables.command.domain;

import java.util.ArrayList;
import java.util.List;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.Commands.ChangeSchema;
import io.dyntables.api.table.Commands.CreateTable;
import io.dyntables.api.table.Commands.DeleteTable;
import io.dyntables.api.table.Commands.RenameField;
import io.dyntables.api.table.Commands.RenameTable;
import io.dyntables.api.table.Commands.RevertSchema;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.ExpectedVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A table's schema as a consistency boundary: every schema command is decided here, from
 * the events alone, and either emits events that the projector can always apply or is
 * refused with nothing emitted.
 */
@Aggregate
class DynamicTable {

	@AggregateIdentifier
	private Long tableId;

	private TableSchema schema;

	/** Every event so far, to plan reverts from. */
	private final List<TableEvent> history = new ArrayList<>();

	DynamicTable() {
		// for Axon
	}

	@CommandHandler
	DynamicTable(CreateTable command) {
		apply(SchemaPlanner.create(command.tableId(), command.name(), command.fields()));
	}

	@CommandHandler
	CommandOutcome handle(ChangeSchema command) {
		checkWritable(command.expected());
		List<TableEvent> events = new ArrayList<>(
				SchemaPlanner.change(this.schema, command.fields(), command.conversion()));
		if (command.name() != null && !command.name().equals(this.schema.name())) {
			events.add(SchemaPlanner.renameTable(this.schema, command.name()));
		}
		return decide(events, command.dryRun());
	}

	@CommandHandler
	CommandOutcome handle(RenameField command) {
		checkWritable(command.expected());
		if (command.from().equals(command.to())) {
			return decide(List.of(), command.dryRun());
		}
		return decide(List.of(SchemaPlanner.renameField(this.schema, command.from(), command.to())), command.dryRun());
	}

	@CommandHandler
	CommandOutcome handle(RenameTable command) {
		checkWritable(command.expected());
		if (command.name().equals(this.schema.name())) {
			return decide(List.of(), command.dryRun());
		}
		return decide(List.of(SchemaPlanner.renameTable(this.schema, command.name())), command.dryRun());
	}

	@CommandHandler
	CommandOutcome handle(DeleteTable command) {
		checkWritable(command.expected());
		return decide(List.of(new TableDeleted(this.tableId, this.schema.version() + 1, this.schema.name())),
				command.dryRun());
	}

	@CommandHandler
	CommandOutcome handle(RevertSchema command) {
		checkWritable(command.expected());
		return decide(SchemaReverter.revert(this.schema, this.history, command.toVersion(), command.conversion()),
				command.dryRun());
	}

	/**
	 * Applies the events, or with a dry run answers them with the DDL they would run,
	 * derived from this table's schema.
	 */
	private CommandOutcome decide(List<TableEvent> events, boolean dryRun) {
		List<DdlStatement> ddl = dryRun ? PlannedDdl.of(this.schema, events) : List.of();
		if (!dryRun) {
			events.forEach((event) -> apply(event));
		}
		long version = events.isEmpty() ? this.schema.version() : events.get(0).version();
		long lastSequence = this.schema.sequence() + (dryRun ? events.size() : 0);
		return new CommandOutcome(this.tableId, version, events, lastSequence, dryRun, ddl);
	}

	private void checkWritable(ExpectedVersion expected) {
		if (this.schema.deleted()) {
			throw new RefusedException(ErrorCode.TABLE_DELETED, "", "table " + this.tableId + " was deleted");
		}
		if (expected == null) {
			return;
		}
		if (expected.fromClient() && expected.number() != this.schema.version()) {
			throw new RefusedException(ErrorCode.PRECONDITION_FAILED, "", "If-Match names version " + expected.number()
					+ ", the table is at version " + this.schema.version());
		}
		if (!expected.fromClient() && expected.number() != this.schema.sequence()) {
			throw new RefusedException(ErrorCode.VERSION_CONFLICT, "", "the table changed (it is now at version "
					+ this.schema.version() + ") while this request ran; read it again and retry");
		}
	}

	@EventSourcingHandler
	void on(TableCreated event) {
		this.tableId = event.tableId();
		this.schema = TableSchema.created(event);
		this.history.add(event);
	}

	@EventSourcingHandler
	void on(TableEvent event) {
		if (!(event instanceof TableCreated)) {
			this.schema = this.schema.apply(event);
			this.history.add(event);
		}
	}

}
