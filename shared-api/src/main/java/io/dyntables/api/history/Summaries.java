package io.dyntables.api.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Events.TableRenamed;

/** One sentence per event, for people reading a table's history. */
public final class Summaries {

	private Summaries() {
	}

	public static String of(TableEvent event) {
		return event.accept(SENTENCES);
	}

	private static final TableEvent.Cases<String> SENTENCES = new TableEvent.Cases<>() {

		@Override
		public String tableCreated(TableCreated created) {
			return created(created.name(), created.fields());
		}

		@Override
		public String fieldAdded(FieldAdded added) {
			return "added field " + named(added.field());
		}

		@Override
		public String fieldRemoved(FieldRemoved removed) {
			return "removed field " + named(removed.field());
		}

		@Override
		public String fieldTypeChanged(FieldTypeChanged changed) {
			String summary = "changed field " + changed.to().name() + " from " + describe(changed.from()) + " to "
					+ describe(changed.to());
			if (changed.conversion() == ConversionMode.LENIENT) {
				summary += " (lenient: values that did not convert became null, originals kept in "
						+ changed.keptColumn() + ")";
			}
			return summary;
		}

		@Override
		public String fieldOptionsChanged(FieldOptionsChanged changed) {
			return "changed options of field " + changed.to().name() + ": "
					+ String.join(", ", optionChanges(changed.from(), changed.to()));
		}

		@Override
		public String fieldRenamed(FieldRenamed renamed) {
			return "renamed field " + renamed.from() + " to " + renamed.to();
		}

		@Override
		public String tableRenamed(TableRenamed renamed) {
			return "renamed table " + renamed.from() + " to " + renamed.to();
		}

		@Override
		public String tableDeleted(TableDeleted deleted) {
			return "deleted table " + deleted.name();
		}

	};

	/** The summary of a table's creation with these fields. */
	static String created(String table, List<FieldDefinition> fields) {
		return "created table " + table + " with fields "
				+ fields.stream().map(Summaries::named).collect(Collectors.joining(", "));
	}

	/**
	 * A field's type with the sizes that matter: {@code string(50)},
	 * {@code decimal(10,2)}.
	 */
	public static String describe(FieldDefinition field) {
		if (field.type() == FieldType.STRING
				&& !Objects.equals(field.maxLength(), FieldDefinition.DEFAULT_MAX_LENGTH)) {
			return "string(" + field.maxLength() + ")";
		}
		if (field.type() == FieldType.DECIMAL) {
			return "decimal(" + field.precision() + "," + field.scale() + ")";
		}
		return field.type().jsonName();
	}

	private static String named(FieldDefinition field) {
		return field.name() + " (" + describe(field) + ")";
	}

	private static List<String> optionChanges(FieldDefinition from, FieldDefinition to) {
		List<String> changes = new ArrayList<>();
		if (from.required() != to.required()) {
			changes.add("required " + from.required() + " -> " + to.required());
		}
		if (from.unique() != to.unique()) {
			changes.add("unique " + from.unique() + " -> " + to.unique());
		}
		if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
			changes.add("default " + from.defaultValue() + " -> " + to.defaultValue());
		}
		return changes;
	}

}
