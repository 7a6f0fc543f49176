package io.dyntables.query.catalog;

import java.util.List;
import java.util.Optional;

import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.Queries.FindAllTables;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.table.TableView;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/** Answers the table queries from the reference table. */
@Component
class TableQueries {

	private final TableReferences references;

	TableQueries(TableReferences references) {
		this.references = references;
	}

	@QueryHandler
	Optional<TableView> handle(FindTable query) {
		return this.references.find(query.tableId()).map(TableSchema::view);
	}

	@QueryHandler
	List<TableView> handle(FindAllTables query) {
		return this.references.all().stream().map(TableSchema::view).toList();
	}

}
