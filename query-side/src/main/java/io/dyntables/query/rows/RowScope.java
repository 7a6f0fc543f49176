package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.access.RowLimits;
import io.dyntables.query.rows.RowValidator.ValidRow;
import io.dyntables.query.sql.RowSql.Filter;
import io.dyntables.query.sql.RowSql.Scope;

/**
 * A caller's row limits on one table, made concrete against its schema: the schema as the
 * caller may read it, and the rows it may read and write as SQL scopes whose values are
 * parsed by their fields' types and bound as parameters. A row rule on a field the table
 * does not have, or with a value its field cannot hold, reaches no row. Writes are
 * checked here before any SQL: fields the caller may not write are refused with 403
 * naming them, and a written row must fall within the rows the caller may write (a row
 * rule's fields left out of an insert are filled in when every rule binds them to one
 * same value).
 *
 * @param schema the table, whole
 * @param readable the table with the fields the caller may read only
 * @param writable the fields the caller may write, or null for all
 * @param read the rows the caller may read, or null for all
 * @param write the rows the caller may write, or null for all
 */
record RowScope(TableSchema schema, TableSchema readable, Set<String> writable, Scope read, Scope write) {

	static RowScope of(TableSchema schema, RowLimits limits) {
		if (limits.none()) {
			return new RowScope(schema, schema, null, null, null);
		}
		TableSchema readable = schema;
		if (limits.readable() != null) {
			List<FieldDefinition> fields = schema.fields()
				.stream()
				.filter((field) -> limits.readable().contains(field.name()))
				.toList();
			readable = new TableSchema(schema.tableId(), schema.name(), schema.physicalName(), fields, schema.version(),
					schema.deleted(), schema.columnSlots(), schema.sequence());
		}
		return new RowScope(schema, readable, limits.writable(), scope(schema, limits.readRows()),
				scope(schema, limits.writeRows()));
	}

	private static Scope scope(TableSchema schema, List<Map<String, String>> rows) {
		if (rows == null) {
			return null;
		}
		List<List<Filter>> alternatives = new ArrayList<>();
		for (Map<String, String> values : rows) {
			filters(schema, values).ifPresent(alternatives::add);
		}
		return new Scope(schema, alternatives);
	}

	/** The equalities of one alternative, or empty when they can hold for no row. */
	private static Optional<List<Filter>> filters(TableSchema schema, Map<String, String> values) {
		List<Filter> filters = new ArrayList<>();
		for (Map.Entry<String, String> value : values.entrySet()) {
			Optional<FieldDefinition> field = schema.field(value.getKey());
			if (field.isEmpty()) {
				return Optional.empty();
			}
			try {
				filters.add(ListingPlanner.equality(field.get(), value.getValue()));
			}
			catch (RefusedException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(filters);
	}

	/**
	 * The row to insert: refused (403) when it names a field the caller may not write;
	 * the fields that every row rule binds to one same value, when it leaves them out,
	 * filled in.
	 */
	Map<String, Object> forInsert(Map<String, Object> row, String pointerPrefix) {
		checkWritable(row, pointerPrefix);
		if (this.write == null) {
			return row;
		}
		if (this.write.alternatives().isEmpty()) {
			throw outside(pointerPrefix);
		}
		Map<String, Object> filled = null;
		for (Filter filter : boundByEveryRule()) {
			if (!row.containsKey(filter.column())) {
				if (filled == null) {
					filled = new LinkedHashMap<>(row);
				}
				filled.put(filter.column(), json(filter.values().get(0)));
			}
		}
		return (filled != null) ? filled : row;
	}

	/**
	 * The equalities of the first write rule that every other rule has too (same field,
	 * same value): the values any row the caller may write must hold.
	 */
	private List<Filter> boundByEveryRule() {
		List<List<Filter>> rules = this.write.alternatives();
		List<Filter> common = new ArrayList<>(rules.get(0));
		for (List<Filter> rule : rules.subList(1, rules.size())) {
			common.removeIf((filter) -> rule.stream().noneMatch((other) -> sameEquality(filter, other)));
		}
		return common;
	}

	private static boolean sameEquality(Filter a, Filter b) {
		return a.column().equals(b.column())
				&& Objects.equals(JsonValues.text(a.values().get(0)), JsonValues.text(b.values().get(0)));
	}

	/** Refuses (403) the first field of the row the caller may not write. */
	void checkWritable(Map<String, Object> row, String pointerPrefix) {
		if (this.writable == null) {
			return;
		}
		for (String key : row.keySet()) {
			if (!this.writable.contains(key) && this.schema.field(key).isPresent()) {
				throw new RefusedException(ErrorCode.FORBIDDEN, Refusal.pointer(pointerPrefix, key),
						"the caller's grants do not allow writing '" + key + "'");
			}
		}
	}

	/** Refuses (403) a whole row outside the rows the caller may write. */
	void checkInScope(ValidRow row, String pointerPrefix) {
		if (this.write == null) {
			return;
		}
		for (List<Filter> alternative : this.write.alternatives()) {
			if (alternative.stream().allMatch((filter) -> equal(row, filter))) {
				return;
			}
		}
		throw outside(pointerPrefix);
	}

	/**
	 * The scope the row must meet after an update of these fields, or refused (403) when
	 * the new values can meet no rule: of the rules the written values agree with, the
	 * fields not written must hold the rule's values already.
	 */
	Scope afterUpdate(ValidRow written) {
		List<List<Filter>> alternatives = new ArrayList<>();
		for (List<Filter> alternative : this.write.alternatives()) {
			List<Filter> kept = new ArrayList<>();
			boolean agrees = true;
			for (Filter filter : alternative) {
				int index = indexOf(written, filter.column());
				if (index < 0) {
					kept.add(filter);
				}
				else if (!equal(written, filter)) {
					agrees = false;
				}
			}
			if (agrees) {
				alternatives.add(kept);
			}
		}
		if (alternatives.isEmpty()) {
			throw outside("");
		}
		return new Scope(this.schema, alternatives);
	}

	/**
	 * The fields an upsert may overwrite in an existing row: those of the row the caller
	 * may write.
	 */
	List<FieldDefinition> updatable(List<FieldDefinition> fields) {
		return (this.writable == null) ? fields
				: fields.stream().filter((field) -> this.writable.contains(field.name())).toList();
	}

	static RefusedException outside(String pointer) {
		return new RefusedException(ErrorCode.FORBIDDEN, pointer,
				"the row would lie outside the rows the caller's grants allow writing");
	}

	private static boolean equal(ValidRow row, Filter filter) {
		int index = indexOf(row, filter.column());
		return index >= 0
				&& Objects.equals(JsonValues.text(row.values().get(index)), JsonValues.text(filter.values().get(0)));
	}

	private static int indexOf(ValidRow row, String column) {
		for (int i = 0; i < row.fields().size(); i++) {
			if (row.fields().get(i).name().equals(column)) {
				return i;
			}
		}
		return -1;
	}

	/** A filter value as a JSON value its field takes. */
	private static Object json(Object value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
			return value;
		}
		if (value instanceof BigDecimal || value instanceof Double) {
			return value;
		}
		return value.toString();
	}

}
