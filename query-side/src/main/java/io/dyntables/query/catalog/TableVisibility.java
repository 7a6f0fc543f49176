package io.dyntables.query.catalog;

import java.util.function.Predicate;

import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableView;
import reactor.core.publisher.Mono;

/** Which tables a caller may see listed: those whose schema it may read. */
public interface TableVisibility {

	Mono<Predicate<TableView>> listable(Caller caller);

}
