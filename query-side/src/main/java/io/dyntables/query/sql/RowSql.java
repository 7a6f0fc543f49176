package io.dyntables.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.TableSchema;

/**
 * Row statements. Columns are always named from the schema the row was validated against,
 * never {@code *}: a cached statement then cannot silently change shape after a schema
 * change.
 */
public final class RowSql {

	private RowSql() {
	}

	/** The row id and every field, quoted, in schema order. */
	public static String selectList(TableSchema schema) {
		List<String> names = new ArrayList<>();
		names.add(FieldNames.ROW_ID);
		schema.fields().forEach((field) -> names.add(field.name()));
		return Sql.columns(names);
	}

	/** Inserts one row of these fields ($1..$n in order) and returns it whole. */
	public static String insert(TableSchema schema, List<FieldDefinition> fields) {
		String table = Sql.table(schema.physicalName());
		if (fields.isEmpty()) {
			return "INSERT INTO " + table + " DEFAULT VALUES RETURNING " + selectList(schema);
		}
		StringJoiner placeholders = new StringJoiner(", ");
		for (int i = 1; i <= fields.size(); i++) {
			placeholders.add("$" + i);
		}
		return "INSERT INTO " + table + " (" + Sql.columns(fields.stream().map(FieldDefinition::name).toList())
				+ ") VALUES (" + placeholders + ") RETURNING " + selectList(schema);
	}

	/** Every row, by id. */
	public static String selectAll(TableSchema schema) {
		return "SELECT " + selectList(schema) + " FROM " + Sql.table(schema.physicalName()) + " ORDER BY "
				+ Sql.column(FieldNames.ROW_ID);
	}

}
