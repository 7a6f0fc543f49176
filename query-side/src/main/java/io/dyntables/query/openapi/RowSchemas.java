package io.dyntables.query.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.table.TableView;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The shapes of a table's rows: a row as reads answer it, a new (or whole replacement)
 * row as writes take it, the fields of a partial update, and the answer to a load. Each
 * field's values come from {@link FieldSchemas}.
 */
final class RowSchemas {

	/** A row as read. */
	static final String ROW = "Row";

	/** A row to insert, or the whole new content of a row. */
	static final String NEW_ROW = "NewRow";

	/** Some fields of a row to change. */
	static final String ROW_PATCH = "RowPatch";

	/** The answer to a load of many rows. */
	static final String INSERTED = "Inserted";

	private RowSchemas() {
	}

	/** The schemas by their component names. */
	static Map<String, Schema> of(TableView table) {
		Map<String, Schema> schemas = new LinkedHashMap<>();
		schemas.put(ROW, row(table.fields()));
		schemas.put(NEW_ROW, newRow(table.fields()));
		schemas.put(ROW_PATCH, patch(table.fields()));
		schemas.put(INSERTED, inserted());
		return schemas;
	}

	static Schema<Object> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	private static Schema<Object> row(List<FieldDefinition> fields) {
		Schema<Object> row = new Schema<>().type("object")
			.description("A row as reads answer it: its id and every field, or the fields 'select' names. "
					+ "Any field may be null in rows stored before it was added or made required.")
			.addProperty(FieldNames.ROW_ID, FieldSchemas.rowId())
			.addRequiredItem(FieldNames.ROW_ID);
		fields.forEach((field) -> row.addProperty(field.name(), FieldSchemas.answered(field)));
		return row;
	}

	private static Schema<Object> newRow(List<FieldDefinition> fields) {
		Schema<Object> row = new Schema<>().type("object")
			.description("A row to insert, or the whole new content of a row: absent fields get their default, "
					+ "absent required fields without one are refused (422 missing-value), unknown ones too "
					+ "(422 unknown-field).")
			.additionalProperties(Boolean.FALSE);
		for (FieldDefinition field : fields) {
			row.addProperty(field.name(), FieldSchemas.value(field));
			if (field.required() && field.defaultValue() == null) {
				row.addRequiredItem(field.name());
			}
		}
		return row;
	}

	private static Schema<Object> patch(List<FieldDefinition> fields) {
		Schema<Object> patch = new Schema<>().type("object")
			.description(
					"The fields to change; the others keep their values. A required field cannot be " + "set to null.")
			.additionalProperties(Boolean.FALSE);
		fields.forEach((field) -> patch.addProperty(field.name(), FieldSchemas.value(field)));
		return patch;
	}

	private static Schema<Object> inserted() {
		return new Schema<>().type("object")
			.addProperty("inserted",
					new Schema<>().type("integer")
						.format("int64")
						.minimum(java.math.BigDecimal.ZERO)
						.description("How many rows were inserted or updated"))
			.addRequiredItem("inserted");
	}

}
