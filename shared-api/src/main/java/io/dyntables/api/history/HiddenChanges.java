package io.dyntables.api.history;

import java.util.List;
import java.util.stream.Collectors;

import io.dyntables.api.access.ShownFields;
import io.dyntables.api.schema.FieldDefinition;
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
 * What a caller who is not shown every field is told of an event in a history or the
 * change feed. An event that names a hidden field (under the name it had then; both names
 * of a rename) is told as a {@value #TYPE} with a fixed summary, so that the version it
 * made is still there but nothing of the field is; a table's creation stays a creation,
 * its summary naming the shown fields only. Whatever the event's DDL or the reason its
 * client gave says is left out with it, as neither can be told apart from the field.
 */
public final class HiddenChanges {

	/** The type an event about hidden fields is told as. */
	public static final String TYPE = "HiddenChange";

	/** The summary of an event about hidden fields. */
	public static final String SUMMARY = "changed fields the caller may not read";

	private HiddenChanges() {
	}

	/**
	 * An event as told to a caller.
	 *
	 * @param type the event's type, or {@value #TYPE}
	 * @param summary what happened, for people
	 * @param redacted whether something of the event was left out (with its DDL and
	 * reason)
	 */
	public record Told(String type, String summary, boolean redacted) {

		/** {@code redacted} as answers carry it: true, or absent when told in full. */
		public Boolean redactedOrNull() {
			return this.redacted ? Boolean.TRUE : null;
		}

	}

	/** The event as told to a caller shown these fields. */
	public static Told tell(TableEvent event, ShownFields shown) {
		String type = event.getClass().getSimpleName();
		List<String> named = event.accept(NAMED);
		if (shown.showsAll(named)) {
			return new Told(type, Summaries.of(event), false);
		}
		if (event instanceof TableCreated created) {
			List<FieldDefinition> fields = created.fields()
				.stream()
				.filter((field) -> shown.shows(field.name()))
				.toList();
			return new Told(type,
					fields.isEmpty() ? "created table " + created.name() : Summaries.created(created.name(), fields),
					true);
		}
		return new Told(TYPE, SUMMARY, true);
	}

	/** The names of the fields each event names; for a rename both. */
	private static final TableEvent.Cases<List<String>> NAMED = new TableEvent.Cases<>() {

		@Override
		public List<String> tableCreated(TableCreated event) {
			return event.fields().stream().map(FieldDefinition::name).collect(Collectors.toList());
		}

		@Override
		public List<String> fieldAdded(FieldAdded event) {
			return List.of(event.field().name());
		}

		@Override
		public List<String> fieldRemoved(FieldRemoved event) {
			return List.of(event.field().name());
		}

		@Override
		public List<String> fieldTypeChanged(FieldTypeChanged event) {
			return List.of(event.from().name(), event.to().name());
		}

		@Override
		public List<String> fieldOptionsChanged(FieldOptionsChanged event) {
			return List.of(event.from().name(), event.to().name());
		}

		@Override
		public List<String> fieldRenamed(FieldRenamed event) {
			return List.of(event.from(), event.to());
		}

		@Override
		public List<String> tableRenamed(TableRenamed event) {
			return List.of();
		}

		@Override
		public List<String> tableDeleted(TableDeleted event) {
			return List.of();
		}

	};

}
