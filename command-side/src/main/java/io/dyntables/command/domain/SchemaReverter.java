package io.dyntables.command.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.SchemaDiff;
import io.dyntables.api.history.SchemaDiff.Renamed;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.TableEvent;

/**
 * Plans a revert: the events that bring a table's schema back to an earlier version.
 * Fields are followed through renames, so a renamed field is renamed back with its data
 * rather than dropped and added empty; everything else is planned as a schema change to
 * the earlier field set, by the same rules.
 */
public final class SchemaReverter {

	private SchemaReverter() {
	}

	/**
	 * The events, all of version {@code current.version() + 1}, that make the schema what
	 * it was at {@code toVersion}.
	 * @param current the schema now
	 * @param history every event of the table, in order
	 * @param toVersion the version to bring back
	 * @param conversion how values convert where a type changes back
	 */
	public static List<TableEvent> revert(TableSchema current, List<TableEvent> history, long toVersion,
			ConversionMode conversion) {
		if (toVersion < 1 || toVersion > current.version()) {
			throw new RefusedException(ErrorCode.NOT_FOUND, "/to",
					"the table has versions 1 to " + current.version() + ", not " + toVersion);
		}
		TableSchema target = SchemaDiff.asOf(history, toVersion);
		SchemaDiff since = SchemaDiff.between(history, toVersion, current.version());
		long version = current.version() + 1;
		List<TableEvent> events = new ArrayList<>();
		TableSchema working = current;
		for (SchemaDiff.Field added : since.added()) {
			FieldRemoved removed = new FieldRemoved(current.tableId(), version,
					working.field(added.name()).orElseThrow());
			events.add(removed);
			working = working.apply(removed);
		}
		Map<String, String> pending = new LinkedHashMap<>();
		for (Renamed renamed : since.renamed()) {
			pending.put(renamed.to(), renamed.from());
		}
		while (!pending.isEmpty()) {
			String from = pending.keySet()
				.stream()
				.filter((name) -> !pending.containsKey(pending.get(name)))
				.findFirst()
				.orElseThrow(() -> new RefusedException(ErrorCode.INVALID_FIELD_NAME, "/to",
						"fields swapped names since version " + toVersion + ": " + pending
								+ "; rename one of them first"));
			TableEvent renamed = SchemaPlanner.renameField(at(working, current.version()), from, pending.remove(from));
			events.add(renamed);
			working = working.apply(renamed);
		}
		events.addAll(SchemaPlanner.change(at(working, current.version()), target.fields(), conversion));
		if (!target.name().equals(current.name())) {
			events.add(SchemaPlanner.renameTable(current, target.name()));
		}
		return events;
	}

	/** The schema as it would be if still at that version, so planned events share it. */
	private static TableSchema at(TableSchema schema, long version) {
		return new TableSchema(schema.tableId(), schema.name(), schema.physicalName(), schema.fields(), version,
				schema.deleted(), schema.columnSlots(), schema.sequence());
	}

}
