package io.dyntables.query.rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binds checked values to row statements and reads the rows they return as the values of
 * a JSON answer: the one place the row classes meet R2DBC's parameters and results.
 */
final class RowBinding {

	private RowBinding() {
	}

	/** Binds the parameters as $1..$n. */
	static GenericExecuteSpec bindAll(GenericExecuteSpec spec, List<Object> parameters) {
		return bindAll(spec, parameters, 0);
	}

	/** Binds the parameters from the given index ($index+1) on. */
	static GenericExecuteSpec bindAll(GenericExecuteSpec spec, List<Object> parameters, int from) {
		for (int i = 0; i < parameters.size(); i++) {
			spec = spec.bind(from + i, parameters.get(i));
		}
		return spec;
	}

	/** Binds the row's values as $1..$n, a null as a null of its field's type. */
	static GenericExecuteSpec bind(GenericExecuteSpec spec, ValidRow row) {
		List<FieldDefinition> fields = row.fields();
		for (int i = 0; i < fields.size(); i++) {
			Object value = row.values().get(i);
			spec = (value != null) ? spec.bind(i, value) : spec.bindNull(i, JsonValues.nullType(fields.get(i)));
		}
		return spec;
	}

	/** A row read as {@code RowSql.selectList} lists it: the id, then every field. */
	static Map<String, Object> read(TableSchema schema, Readable result) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put(FieldNames.ROW_ID, result.get(0));
		List<FieldDefinition> fields = schema.fields();
		for (int i = 0; i < fields.size(); i++) {
			FieldDefinition field = fields.get(i);
			row.put(field.name(), JsonValues.toJson(field.type(), result.get(i + 1)));
		}
		return row;
	}

	/** A row of the named columns, each of the type given for it. */
	static Map<String, Object> read(List<String> columns, List<FieldType> types, Readable result) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			row.put(columns.get(i), JsonValues.toJson(types.get(i), result.get(i)));
		}
		return row;
	}

}
