package io.dyntables.query.catalog;

import java.util.function.Predicate;

import io.dyntables.api.access.ShownFields;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableView;
import reactor.core.publisher.Mono;

/**
 * What of the tables' schemas a caller is shown: which tables are listed (those whose
 * schema it may read), and which of a table's fields (those its field rules let it read).
 * Every read that tells of fields (schemas, OpenAPI documents, history, diffs, drift, the
 * change feed) asks here, so that none tells more than another.
 */
public interface TableVisibility {

	Mono<Predicate<TableView>> listable(Caller caller);

	/**
	 * The fields of a table the caller is shown, by the read-field rules on the table as
	 * it is labelled now: a caller whose rows:read grants on the table name the fields
	 * they reach is shown those only, unless it may change the table's schema; any other
	 * caller every field. {@code label} decides for a table not known now (null: no field
	 * is shown to a caller with read-field rules).
	 */
	Mono<ShownFields> fields(Caller caller, long tableId, String label);

	/**
	 * The schema (the table's now, or as it was) without the fields the caller is not
	 * shown ({@link #fields}).
	 */
	default Mono<TableView> shown(Caller caller, TableView view) {
		return fields(caller, view.id(), view.name()).map((shown) -> shown.of(view));
	}

}
