package io.dyntables.query.rows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldValues;
import io.dyntables.api.table.TableSchema;

/**
 * Checks a row against the table's schema with strict JSON types, and turns it into the
 * values to bind. Every problem is reported, each naming its field.
 */
final class RowValidator {

	private final JsonValues json;

	RowValidator(JsonValues json) {
		this.json = json;
	}

	/** The values of a whole row, every field of the schema, defaults filled in. */
	ValidRow whole(TableSchema schema, Map<String, Object> row, String pointerPrefix) {
		List<Refusal> refusals = new ArrayList<>();
		List<FieldDefinition> fields = schema.fields();
		List<Object> values = new ArrayList<>(fields.size());
		int given = 0;
		for (FieldDefinition field : fields) {
			Object value;
			if (row.containsKey(field.name())) {
				value = row.get(field.name());
				given++;
			}
			else if (field.defaultValue() != null) {
				value = this.json.parse(field.defaultValue());
			}
			else if (field.required()) {
				refusals.add(Refusal.of(ErrorCode.MISSING_VALUE, Refusal.pointer(pointerPrefix, field.name()),
						"'" + field.name() + "' is required"));
				continue;
			}
			else {
				value = null;
			}
			values.add(coerce(field, value, pointerPrefix, refusals));
		}
		refuseUnknown(schema, row, given, pointerPrefix, refusals);
		return new ValidRow(fields, values);
	}

	/**
	 * The values of the given fields only (a partial update); every given value is
	 * checked as in a whole row, absent fields are left alone.
	 */
	ValidRow partial(TableSchema schema, Map<String, Object> row, String pointerPrefix) {
		List<Refusal> refusals = new ArrayList<>();
		List<FieldDefinition> fields = new ArrayList<>(row.size());
		List<Object> values = new ArrayList<>(row.size());
		for (FieldDefinition field : schema.fields()) {
			if (row.containsKey(field.name())) {
				fields.add(field);
				values.add(coerce(field, row.get(field.name()), pointerPrefix, refusals));
			}
		}
		refuseUnknown(schema, row, fields.size(), pointerPrefix, refusals);
		return new ValidRow(fields, values);
	}

	/**
	 * Throws every refusal, those of keys that are no field first; there are such keys
	 * when fewer keys than the row has were fields.
	 */
	private static void refuseUnknown(TableSchema schema, Map<String, Object> row, int fieldsGiven,
			String pointerPrefix, List<Refusal> refusals) {
		if (fieldsGiven < row.size()) {
			Set<String> known = new HashSet<>();
			schema.fields().forEach((field) -> known.add(field.name()));
			List<Refusal> unknown = new ArrayList<>();
			for (String key : row.keySet()) {
				if (!known.contains(key)) {
					String detail = key.equals(FieldNames.ROW_ID) ? "the row id is assigned by the service"
							: "the table has no field '" + key + "'";
					unknown.add(Refusal.of(ErrorCode.UNKNOWN_FIELD, Refusal.pointer(pointerPrefix, key), detail));
				}
			}
			refusals.addAll(0, unknown);
		}
		if (!refusals.isEmpty()) {
			throw new RefusedException(refusals);
		}
	}

	/**
	 * The value to bind; a null is a value of its own. A value that does not fit adds a
	 * refusal (and answers null, as the row is refused anyway).
	 */
	private Object coerce(FieldDefinition field, Object value, String pointerPrefix, List<Refusal> refusals) {
		if (value == null) {
			if (field.required()) {
				refusals.add(Refusal.of(ErrorCode.INVALID_VALUE, Refusal.pointer(pointerPrefix, field.name()),
						"'" + field.name() + "' must not be null"));
			}
			return null;
		}
		try {
			return this.json.bindable(field, FieldValues.coerce(field, value));
		}
		catch (FieldValues.InvalidValue ex) {
			refusals.add(Refusal.of(ErrorCode.INVALID_VALUE, Refusal.pointer(pointerPrefix, field.name()),
					"'" + field.name() + "' " + ex.getMessage()));
			return null;
		}
	}

	/**
	 * Fields and their values, in the same order; a null value is bound as a typed null.
	 */
	record ValidRow(List<FieldDefinition> fields, List<Object> values) {
	}

}
