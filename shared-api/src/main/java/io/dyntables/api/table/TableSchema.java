package io.dyntables.api.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
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
 * A table's schema folded from its events: the one fold both the aggregate and every
 * "schema as of" read use, so they cannot disagree.
 *
 * @param tableId the table id
 * @param name its label
 * @param physicalName the database table's name
 * @param fields the fields, in order
 * @param version the version of the last event folded in
 * @param deleted whether the table was deleted
 * @param columnSlots how many of PostgreSQL's 1600 column numbers the table has used
 * (dropped and kept columns count too)
 * @param sequence the aggregate sequence number of the last event folded in (the creation
 * is 0); one version may span several events
 */
public record TableSchema(long tableId, String name, String physicalName, List<FieldDefinition> fields, long version,
		boolean deleted, int columnSlots, long sequence) {

	public TableSchema {
		fields = List.copyOf(fields);
	}

	/** The schema a creation event starts. */
	public static TableSchema created(TableCreated event) {
		return new TableSchema(event.tableId(), event.name(), event.physicalName(), event.fields(), event.version(),
				false, event.fields().size() + 1, 0);
	}

	/** The schema after all of these events, in order; the first must be the creation. */
	public static TableSchema fold(List<? extends TableEvent> events) {
		TableSchema schema = created((TableCreated) events.get(0));
		for (TableEvent event : events.subList(1, events.size())) {
			schema = schema.apply(event);
		}
		return schema;
	}

	/** The schema after one more event. */
	public TableSchema apply(TableEvent event) {
		return event.accept(new TableEvent.Cases<>() {

			@Override
			public TableSchema tableCreated(TableCreated created) {
				return created(created);
			}

			@Override
			public TableSchema fieldAdded(FieldAdded added) {
				List<FieldDefinition> next = new ArrayList<>(fields());
				next.add(added.field());
				return next(added, name(), next, deleted(), columnSlots() + 1);
			}

			@Override
			public TableSchema fieldRemoved(FieldRemoved removed) {
				List<FieldDefinition> next = new ArrayList<>(fields());
				next.removeIf((field) -> field.name().equals(removed.field().name()));
				return next(removed, name(), next, deleted(), columnSlots());
			}

			@Override
			public TableSchema fieldTypeChanged(FieldTypeChanged changed) {
				return next(changed, name(), replaced(changed.from().name(), changed.to()), deleted(),
						columnSlots() + ((changed.keptColumn() != null) ? 1 : 0));
			}

			@Override
			public TableSchema fieldOptionsChanged(FieldOptionsChanged changed) {
				return next(changed, name(), replaced(changed.from().name(), changed.to()), deleted(), columnSlots());
			}

			@Override
			public TableSchema fieldRenamed(FieldRenamed renamed) {
				FieldDefinition field = field(renamed.from()).orElseThrow();
				return next(renamed, name(), replaced(renamed.from(), field.withName(renamed.to())), deleted(),
						columnSlots());
			}

			@Override
			public TableSchema tableRenamed(TableRenamed renamed) {
				return next(renamed, renamed.to(), fields(), deleted(), columnSlots());
			}

			@Override
			public TableSchema tableDeleted(TableDeleted deletion) {
				return next(deletion, name(), fields(), true, columnSlots());
			}

		});
	}

	/** The schema one event later, with what that event changed. */
	private TableSchema next(TableEvent event, String label, List<FieldDefinition> nextFields, boolean gone,
			int slots) {
		return new TableSchema(this.tableId, label, this.physicalName, nextFields, event.version(), gone, slots,
				this.sequence + 1);
	}

	/** The fields with the one of this name replaced. */
	private List<FieldDefinition> replaced(String fieldName, FieldDefinition replacement) {
		List<FieldDefinition> next = new ArrayList<>(this.fields);
		next.replaceAll((field) -> field.name().equals(fieldName) ? replacement : field);
		return next;
	}

	/** The read model's view of this schema. */
	public TableView view() {
		return new TableView(this.tableId, this.name, this.physicalName, this.fields, this.version, this.deleted,
				this.sequence);
	}

	public Optional<FieldDefinition> field(String fieldName) {
		return this.fields.stream().filter((field) -> field.name().equals(fieldName)).findFirst();
	}

	/** The field whose name equals this one but for case, if any. */
	public Optional<FieldDefinition> fieldFolded(String fieldName) {
		String folded = FieldNames.fold(fieldName);
		return this.fields.stream().filter((field) -> FieldNames.fold(field.name()).equals(folded)).findFirst();
	}

}
