package io.dyntables.api.table;

import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@code DynamicTable} aggregate. */
public final class Commands {

	private Commands() {
	}

	/** Create a table with an id allocated beforehand. */
	public record CreateTable(@TargetAggregateIdentifier long tableId, String name, List<FieldDefinition> fields) {
	}

	/**
	 * Make the table's fields exactly these (the original declarative PUT): fields not
	 * listed are removed, new ones added, changed ones retyped or given new options. A
	 * name, when given and different, renames the table in the same change.
	 */
	public record ChangeSchema(@TargetAggregateIdentifier long tableId, String name, List<FieldDefinition> fields,
			ExpectedVersion expected, ConversionMode conversion, boolean dryRun) {
	}

	/** Give a field a new name, keeping its data. */
	public record RenameField(@TargetAggregateIdentifier long tableId, String from, String to, ExpectedVersion expected,
			boolean dryRun) {
	}

	/** Give the table a new label; its database table keeps its name. */
	public record RenameTable(@TargetAggregateIdentifier long tableId, String name, ExpectedVersion expected,
			boolean dryRun) {
	}

	/** Delete the table: its database table is dropped. */
	public record DeleteTable(@TargetAggregateIdentifier long tableId, ExpectedVersion expected, boolean dryRun) {
	}

	/**
	 * Bring the table's schema back to what it was at {@code toVersion}, as new events
	 * (the history stays): fields renamed since are renamed back, fields added since
	 * removed, fields removed since added again (empty), types and options changed back
	 * (narrowing ones only with a lenient conversion), and the label restored.
	 */
	public record RevertSchema(@TargetAggregateIdentifier long tableId, long toVersion, ExpectedVersion expected,
			ConversionMode conversion, boolean dryRun) {
	}

}
