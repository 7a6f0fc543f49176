package io.dyntables.api.table;

import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
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

	}

	@Revision("1")
	public record TableCreated(long tableId, long version, String name, String physicalName,
			List<FieldDefinition> fields) implements TableEvent {
	}

	@Revision("1")
	public record FieldAdded(long tableId, long version, FieldDefinition field) implements TableEvent {
	}

	/** The removed field's last definition is kept, so the history can bring it back. */
	@Revision("1")
	public record FieldRemoved(long tableId, long version, FieldDefinition field) implements TableEvent {
	}

	/**
	 * @param keptColumn with a lenient conversion, the column that keeps the original
	 * values; else null
	 */
	@Revision("1")
	public record FieldTypeChanged(long tableId, long version, FieldDefinition from, FieldDefinition to,
			ConversionMode conversion, String keptColumn) implements TableEvent {
	}

	@Revision("1")
	public record FieldOptionsChanged(long tableId, long version, FieldDefinition from,
			FieldDefinition to) implements TableEvent {
	}

	@Revision("1")
	public record FieldRenamed(long tableId, long version, String from, String to) implements TableEvent {
	}

	@Revision("1")
	public record TableRenamed(long tableId, long version, String from, String to) implements TableEvent {
	}

	@Revision("1")
	public record TableDeleted(long tableId, long version, String name) implements TableEvent {
	}

}
