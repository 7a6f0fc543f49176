package io.dyntables.api.access;

import java.util.Collection;
import java.util.Set;

import io.dyntables.api.table.TableView;

/**
 * Which of a table's fields, by name, a caller is shown: every one, or only those its
 * read-field rules name. One answer used by every read that tells of fields (schemas,
 * history, diffs, drift, the change feed), so that none tells more than the others.
 *
 * @param names the names shown, or null for every field
 */
public record ShownFields(Set<String> names) {

	/** Every field shown. */
	public static final ShownFields ALL = new ShownFields(null);

	/** No field shown. */
	public static final ShownFields NONE = new ShownFields(Set.of());

	public ShownFields {
		names = (names != null) ? Set.copyOf(names) : null;
	}

	/** Whether every field is shown. */
	public boolean all() {
		return this.names == null;
	}

	/** Whether the field with this name is shown. */
	public boolean shows(String name) {
		return this.names == null || this.names.contains(name);
	}

	/** Whether every one of these names is shown. */
	public boolean showsAll(Collection<String> names) {
		return this.names == null || this.names.containsAll(names);
	}

	/** The schema without the fields not shown. */
	public TableView of(TableView view) {
		if (all()) {
			return view;
		}
		return new TableView(view.id(), view.name(), view.physicalName(),
				view.fields().stream().filter((field) -> shows(field.name())).toList(), view.version(), view.deleted(),
				view.lastSequence());
	}

}
