package io.dyntables.query.catalog;

import java.util.function.Predicate;

import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableView;
import reactor.core.publisher.Mono;

/**
 * What of the tables' schemas a caller is shown: which tables are listed (those whose
 * schema it may read), and which of a table's fields (those its field rules let it read).
 */
public interface TableVisibility {

	Mono<Predicate<TableView>> listable(Caller caller);

	/**
	 * The schema (the table's now, or as it was) without the fields the caller's
	 * read-field rules hide on the table as it is labelled now: a caller whose rows:read
	 * grants on the table name the fields they reach is shown those only; any other
	 * caller every field.
	 */
	Mono<TableView> shown(Caller caller, TableView view);

}
