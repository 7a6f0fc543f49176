package io.dyntables.command.domain;

import java.util.ArrayList;
import java.util.List;

import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.sql.SchemaDdl;

/**
 * The DDL planned events would run, derived exactly as the projector will derive it (each
 * event's statements from the schema before it), so a dry run needs no read model.
 */
public final class PlannedDdl {

	private PlannedDdl() {
	}

	/**
	 * The statements of {@code events} applied in order to the table whose schema is
	 * {@code before} (null when the first event creates it).
	 */
	public static List<DdlStatement> of(TableSchema before, List<TableEvent> events) {
		List<DdlStatement> statements = new ArrayList<>();
		TableSchema schema = before;
		for (TableEvent event : events) {
			statements.addAll(SchemaDdl.statements(schema, event));
			schema = (event instanceof TableCreated created) ? TableSchema.created(created) : schema.apply(event);
		}
		return statements;
	}

}
