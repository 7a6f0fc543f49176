package io.dyntables.query.catalog;

import java.util.List;
import java.util.Optional;

import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.Queries.FindAllTables;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.table.TableView;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/**
 * Answers the table queries from the reference table. A schema read here also refreshes
 * the schema cache: a command waiting for its change may see the committed reference row
 * before the projector's after-commit update of the cache has run, and the rows it then
 * writes must be checked against that schema, not the one before.
 */
@Component
class TableQueries {

	private final TableReferences references;

	private final SchemaCache cache;

	TableQueries(TableReferences references, SchemaCache cache) {
		this.references = references;
		this.cache = cache;
	}

	@QueryHandler
	Optional<TableView> handle(FindTable query) {
		return this.cache.read(query.tableId()).map(TableSchema::view);
	}

	@QueryHandler
	List<TableView> handle(FindAllTables query) {
		return this.references.all().stream().map(TableSchema::view).toList();
	}

}
