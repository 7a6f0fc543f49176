package io.dyntables.query.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.TableSchema;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Queries.DdlPreview;
import io.dyntables.api.table.Queries.PreviewDdl;
import io.dyntables.sql.SchemaDdl;
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

	/**
	 * The DDL of a dry run, derived exactly as the projector will derive it. Refused when
	 * the projection is not at the state the events were planned on, since the DDL would
	 * then describe another table.
	 */
	@QueryHandler
	DdlPreview handle(PreviewDdl query) {
		List<TableEvent> events = query.events();
		TableSchema schema = null;
		if (!events.isEmpty() && !(events.get(0) instanceof TableCreated)) {
			schema = this.references.find(query.tableId())
				.filter((found) -> found.sequence() == query.baseSequence())
				.orElseThrow(() -> new RefusedException(ErrorCode.VERSION_CONFLICT, "",
						"the table is changing right now; retry the dry run"));
		}
		List<DdlStatement> statements = new ArrayList<>();
		for (TableEvent event : events) {
			statements.addAll(SchemaDdl.statements(schema, event));
			schema = (schema == null) ? TableSchema.created((TableCreated) event) : schema.apply(event);
		}
		return new DdlPreview(statements);
	}

}
