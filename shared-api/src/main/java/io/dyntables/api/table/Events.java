package io.dyntables.api.table;

import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.table.Events.TableEvent.Cases;
import org.axonframework.serialization.Revision;

/**
 * The events of the {@code DynamicTable} aggregate: the schema's history. Every event
 * names the table version it produces; one command's events share one version.
 */
public final class Events {

	private Events() {
	}

	/** What every table event has. */
	public sealed interface TableEvent permits TableCreated, FieldAdded, FieldRemoved, FieldTypeChanged,
			FieldOptionsChanged, FieldRenamed, TableRenamed, TableDeleted {

		long tableId();

		long version();

		/** What {@code cases} answers for this event: the method of its type. */
		<R> R accept(Cases<R> cases);

		/**
		 * What a consumer of events does with each type, one method per type. Consumers
		 * dispatch through it instead of testing types, so a new event type does not
		 * compile until every consumer says what it does with it.
		 *
		 * @param <R> what the consumer makes of an event
		 */
		interface Cases<R> {

			R tableCreated(TableCreated event);

			R fieldAdded(FieldAdded event);

			R fieldRemoved(FieldRemoved event);

			R fieldTypeChanged(FieldTypeChanged event);

			R fieldOptionsChanged(FieldOptionsChanged event);

			R fieldRenamed(FieldRenamed event);

			R tableRenamed(TableRenamed event);

			R tableDeleted(TableDeleted event);

		}

	}

	@Revision("1")
	public record TableCreated(long tableId, long version, String name, String physicalName,
			List<FieldDefinition> fields) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.tableCreated(this);
		}

	}

	@Revision("1")
	public record FieldAdded(long tableId, long version, FieldDefinition field) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.fieldAdded(this);
		}

	}

	/** The removed field's last definition is kept, so the history can bring it back. */
	@Revision("1")
	public record FieldRemoved(long tableId, long version, FieldDefinition field) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.fieldRemoved(this);
		}

	}

	/**
	 * @param keptColumn with a lenient conversion, the column that keeps the original
	 * values; else null
	 */
	@Revision("1")
	public record FieldTypeChanged(long tableId, long version, FieldDefinition from, FieldDefinition to,
			ConversionMode conversion, String keptColumn) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.fieldTypeChanged(this);
		}

	}

	@Revision("1")
	public record FieldOptionsChanged(long tableId, long version, FieldDefinition from,
			FieldDefinition to) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.fieldOptionsChanged(this);
		}

	}

	@Revision("1")
	public record FieldRenamed(long tableId, long version, String from, String to) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.fieldRenamed(this);
		}

	}

	@Revision("1")
	public record TableRenamed(long tableId, long version, String from, String to) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.tableRenamed(this);
		}

	}

	@Revision("1")
	public record TableDeleted(long tableId, long version, String name) implements TableEvent {

		@Override
		public <R> R accept(Cases<R> cases) {
			return cases.tableDeleted(this);
		}

	}

}
