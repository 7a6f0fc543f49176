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
import io.dyntables.api.schema.TableSchema;

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
		refuseUnknown(schema, row, pointerPrefix, refusals);
		List<FieldDefinition> fields = new ArrayList<>(schema.fields().size());
		List<Object> values = new ArrayList<>(schema.fields().size());
		for (FieldDefinition field : schema.fields()) {
			String pointer = Refusal.pointer(pointerPrefix, field.name());
			Object value;
			if (row.containsKey(field.name())) {
				value = row.get(field.name());
			}
			else if (field.defaultValue() != null) {
				value = this.json.parse(field.defaultValue());
			}
			else if (field.required()) {
				refusals.add(Refusal.of(ErrorCode.MISSING_VALUE, pointer, "'" + field.name() + "' is required"));
				continue;
			}
			else {
				value = null;
			}
			coerce(field, value, pointer, refusals).ifPresent((bound) -> {
				fields.add(field);
				values.add(bound.value());
			});
		}
		if (!refusals.isEmpty()) {
			throw new RefusedException(refusals);
		}
		return new ValidRow(fields, values);
	}

	/**
	 * The values of the given fields only (a partial update); every given value is
	 * checked as in a whole row, absent fields are left alone.
	 */
	ValidRow partial(TableSchema schema, Map<String, Object> row, String pointerPrefix) {
		List<Refusal> refusals = new ArrayList<>();
		refuseUnknown(schema, row, pointerPrefix, refusals);
		List<FieldDefinition> fields = new ArrayList<>(row.size());
		List<Object> values = new ArrayList<>(row.size());
		for (FieldDefinition field : schema.fields()) {
			if (row.containsKey(field.name())) {
				coerce(field, row.get(field.name()), Refusal.pointer(pointerPrefix, field.name()), refusals)
					.ifPresent((bound) -> {
						fields.add(field);
						values.add(bound.value());
					});
			}
		}
		if (!refusals.isEmpty()) {
			throw new RefusedException(refusals);
		}
		return new ValidRow(fields, values);
	}

	private void refuseUnknown(TableSchema schema, Map<String, Object> row, String pointerPrefix,
			List<Refusal> refusals) {
		Set<String> known = new HashSet<>();
		schema.fields().forEach((field) -> known.add(field.name()));
		for (String key : row.keySet()) {
			if (!known.contains(key)) {
				String detail = key.equals(FieldNames.ROW_ID) ? "the row id is assigned by the service"
						: "the table has no field '" + key + "'";
				refusals.add(Refusal.of(ErrorCode.UNKNOWN_FIELD, Refusal.pointer(pointerPrefix, key), detail));
			}
		}
	}

	/** The value to bind, or a refusal; a null is a value of its own. */
	private java.util.Optional<Bound> coerce(FieldDefinition field, Object value, String pointer,
			List<Refusal> refusals) {
		if (value == null) {
			if (field.required()) {
				refusals.add(Refusal.of(ErrorCode.INVALID_VALUE, pointer, "'" + field.name() + "' must not be null"));
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new Bound(null));
		}
		try {
			Object coerced = FieldValues.coerce(field, value);
			return java.util.Optional.of(new Bound(this.json.bindable(field, coerced)));
		}
		catch (FieldValues.InvalidValue ex) {
			refusals.add(Refusal.of(ErrorCode.INVALID_VALUE, pointer, "'" + field.name() + "' " + ex.getMessage()));
			return java.util.Optional.empty();
		}
	}

	private record Bound(Object value) {
	}

	/**
	 * Fields and their values, in the same order; a null value is bound as a typed null.
	 */
	record ValidRow(List<FieldDefinition> fields, List<Object> values) {
	}

}
