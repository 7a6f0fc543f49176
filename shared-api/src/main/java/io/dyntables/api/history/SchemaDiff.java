package io.dyntables.api.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.TableSchema;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.TableResponse.FieldResponse;

/**
 * What changed in a table's fields between two versions. A field keeps its identity
 * through renames, so a rename is reported as one, not as a removal and an addition; a
 * field removed and added again under the same name is both.
 *
 * @param tableId the table
 * @param from the version compared from
 * @param to the version compared to
 * @param added fields in {@code to} that were not in {@code from}
 * @param removed fields of {@code from} that are gone in {@code to}
 * @param renamed fields that kept their data under a new name
 * @param retyped fields whose column type (or size) changed
 * @param optionsChanged fields whose options (required, unique, default) changed
 * @param tableRenamed the table's label change, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaDiff(long tableId, long from, long to, List<Field> added, List<Field> removed,
		List<Renamed> renamed, List<Changed> retyped, List<Changed> optionsChanged, Renamed tableRenamed) {

	/** A field and its definition. */
	public record Field(String name, FieldResponse definition) {

		static Field of(FieldDefinition field) {
			return new Field(field.name(), FieldResponse.of(field));
		}

	}

	/** A name change. */
	public record Renamed(String from, String to) {
	}

	/** A field's definition before and after, under its name at {@code to}. */
	public record Changed(String name, FieldResponse from, FieldResponse to) {
	}

	/**
	 * The difference between two versions of the table whose whole stream is
	 * {@code events}; {@code from} may be later than {@code to}.
	 */
	public static SchemaDiff between(List<? extends TableEvent> events, long from, long to) {
		TableSchema before = asOf(events, Math.min(from, to));
		TableSchema after = before;
		Map<String, String> origin = new HashMap<>();
		before.fields().forEach((field) -> origin.put(field.name(), field.name()));
		for (TableEvent event : events) {
			if (event.version() <= before.version() || event.version() > Math.max(from, to)) {
				continue;
			}
			if (event instanceof FieldAdded added) {
				origin.put(added.field().name(), null);
			}
			else if (event instanceof FieldRemoved removed) {
				origin.remove(removed.field().name());
			}
			else if (event instanceof FieldRenamed renamed) {
				origin.put(renamed.to(), origin.remove(renamed.from()));
			}
			after = after.apply(event);
		}
		return (from <= to) ? compare(before, after, origin, from, to)
				: invert(compare(before, after, origin, to, from));
	}

	/** The schema at a version: every event up to and including it folded. */
	public static TableSchema asOf(List<? extends TableEvent> events, long version) {
		List<? extends TableEvent> upTo = events.stream().filter((event) -> event.version() <= version).toList();
		return TableSchema.fold(upTo);
	}

	private static SchemaDiff compare(TableSchema before, TableSchema after, Map<String, String> origin, long from,
			long to) {
		List<Field> added = new ArrayList<>();
		List<Field> removed = new ArrayList<>();
		List<Renamed> renamed = new ArrayList<>();
		List<Changed> retyped = new ArrayList<>();
		List<Changed> optionsChanged = new ArrayList<>();
		Set<String> survivors = new HashSet<>();
		for (FieldDefinition now : after.fields()) {
			String was = origin.get(now.name());
			if (was == null) {
				added.add(Field.of(now));
				continue;
			}
			survivors.add(was);
			FieldDefinition then = before.field(was).orElseThrow();
			if (!was.equals(now.name())) {
				renamed.add(new Renamed(was, now.name()));
			}
			if (!then.sameColumnType(now)) {
				retyped.add(new Changed(now.name(), FieldResponse.of(then), FieldResponse.of(now)));
			}
			if (!then.sameOptions(now)) {
				optionsChanged.add(new Changed(now.name(), FieldResponse.of(then), FieldResponse.of(now)));
			}
		}
		before.fields()
			.stream()
			.filter((field) -> !survivors.contains(field.name()))
			.forEach((field) -> removed.add(Field.of(field)));
		Renamed table = before.name().equals(after.name()) ? null : new Renamed(before.name(), after.name());
		return new SchemaDiff(before.tableId(), from, to, added, removed, renamed, retyped, optionsChanged, table);
	}

	private static SchemaDiff invert(SchemaDiff diff) {
		Map<String, String> oldNames = new HashMap<>();
		diff.renamed.forEach((r) -> oldNames.put(r.to(), r.from()));
		return new SchemaDiff(diff.tableId, diff.to, diff.from, diff.removed, diff.added,
				diff.renamed.stream().map((r) -> new Renamed(r.to(), r.from())).toList(),
				diff.retyped.stream().map((c) -> invert(c, oldNames)).toList(),
				diff.optionsChanged.stream().map((c) -> invert(c, oldNames)).toList(),
				(diff.tableRenamed != null) ? new Renamed(diff.tableRenamed.to(), diff.tableRenamed.from()) : null);
	}

	/** Inverted, a change is named by the field's name at the new {@code to}. */
	private static Changed invert(Changed changed, Map<String, String> oldNames) {
		return new Changed(oldNames.getOrDefault(changed.name(), changed.name()), changed.to(), changed.from());
	}

}
