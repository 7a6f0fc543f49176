package io.dyntables.api.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.api.access.ShownFields;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Events.TableRenamed;
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
		return between(events, from, to, ShownFields.ALL);
	}

	/**
	 * The difference as a caller shown only some fields sees it: the difference between
	 * the two schemas it is shown. A field it is shown at one version only (added or
	 * removed, or renamed from or to a hidden name) is added or removed; one it is shown
	 * at neither is not there.
	 */
	public static SchemaDiff between(List<? extends TableEvent> events, long from, long to, ShownFields shown) {
		TableSchema before = asOf(events, Math.min(from, to));
		TableSchema after = before;
		Origins origins = new Origins(before);
		for (TableEvent event : events) {
			if (event.version() <= before.version() || event.version() > Math.max(from, to)) {
				continue;
			}
			event.accept(origins);
			after = after.apply(event);
		}
		return (from <= to) ? compare(before, after, origins.origin, shown, from, to)
				: invert(compare(before, after, origins.origin, shown, to, from));
	}

	/**
	 * Which field of the earlier schema each field is, by its current name, followed
	 * through the events: null for a field added since.
	 */
	private static final class Origins implements TableEvent.Cases<Void> {

		private final Map<String, String> origin = new HashMap<>();

		Origins(TableSchema before) {
			before.fields().forEach((field) -> this.origin.put(field.name(), field.name()));
		}

		@Override
		public Void tableCreated(TableCreated event) {
			return null;
		}

		@Override
		public Void fieldAdded(FieldAdded added) {
			this.origin.put(added.field().name(), null);
			return null;
		}

		@Override
		public Void fieldRemoved(FieldRemoved removed) {
			this.origin.remove(removed.field().name());
			return null;
		}

		@Override
		public Void fieldTypeChanged(FieldTypeChanged event) {
			return null;
		}

		@Override
		public Void fieldOptionsChanged(FieldOptionsChanged event) {
			return null;
		}

		@Override
		public Void fieldRenamed(FieldRenamed renamed) {
			this.origin.put(renamed.to(), this.origin.remove(renamed.from()));
			return null;
		}

		@Override
		public Void tableRenamed(TableRenamed event) {
			return null;
		}

		@Override
		public Void tableDeleted(TableDeleted event) {
			return null;
		}

	}

	/** The schema at a version: every event up to and including it folded. */
	public static TableSchema asOf(List<? extends TableEvent> events, long version) {
		List<? extends TableEvent> upTo = events.stream().filter((event) -> event.version() <= version).toList();
		return TableSchema.fold(upTo);
	}

	private static SchemaDiff compare(TableSchema before, TableSchema after, Map<String, String> origin,
			ShownFields shown, long from, long to) {
		List<Field> added = new ArrayList<>();
		List<Field> removed = new ArrayList<>();
		List<Renamed> renamed = new ArrayList<>();
		List<Changed> retyped = new ArrayList<>();
		List<Changed> optionsChanged = new ArrayList<>();
		Set<String> survivors = new HashSet<>();
		for (FieldDefinition now : after.fields()) {
			String was = origin.get(now.name());
			if (was != null) {
				survivors.add(was);
			}
			boolean wasShown = was != null && shown.shows(was);
			if (!shown.shows(now.name())) {
				if (wasShown) {
					removed.add(Field.of(before.field(was).orElseThrow()));
				}
				continue;
			}
			if (!wasShown) {
				added.add(Field.of(now));
				continue;
			}
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
			.filter((field) -> !survivors.contains(field.name()) && shown.shows(field.name()))
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
