package io.dyntables.query.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dyntables.api.access.ShownFields;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.catalog.TableReferences;
import io.dyntables.sql.Sql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares the live catalog with the schemas the events gave the tables: tables and
 * columns missing, extra or of another type (someone ran ALTER by hand). Columns the
 * service keeps for itself (the originals of a lenient conversion) are listed, not
 * reported as drift.
 */
@Component
class DriftDetector {

	private static final String OK = "ok";

	private static final String DRIFTED = "drifted";

	private final JdbcTemplate jdbc;

	private final TableReferences references;

	DriftDetector(JdbcTemplate jdbc, TableReferences references) {
		this.jdbc = jdbc;
		this.references = references;
	}

	/**
	 * One table's drift.
	 *
	 * @param tableId the table
	 * @param physicalName its database table
	 * @param version the version its expected schema is of
	 * @param state {@code ok}, {@code drifted} (columns differ), {@code missing} (the
	 * database table is gone) or {@code not-dropped} (deleted, but still there)
	 * @param missingColumns columns the schema has and the database table lacks
	 * @param extraColumns columns the database table has and the schema does not
	 * @param mistypedColumns columns of another type than the schema's
	 * @param keptColumns columns the service keeps for itself (not drift)
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record TableDrift(long tableId, String physicalName, long version, String state, List<Column> missingColumns,
			List<Column> extraColumns, List<Column> mistypedColumns, List<String> keptColumns) {

		boolean drifted() {
			return !OK.equals(this.state);
		}

		/**
		 * The drift as far as a caller shown only some fields may see it: the columns
		 * named as those fields, the state of those alone; the columns the service keeps
		 * (named after the fields they came from) are left out.
		 */
		TableDrift shownTo(ShownFields shown) {
			if (shown.all()) {
				return this;
			}
			List<Column> missing = shown(this.missingColumns, shown);
			List<Column> extra = shown(this.extraColumns, shown);
			List<Column> mistyped = shown(this.mistypedColumns, shown);
			String state = (!DRIFTED.equals(this.state) || !missing.isEmpty() || !extra.isEmpty()
					|| !mistyped.isEmpty()) ? this.state : OK;
			return new TableDrift(this.tableId, this.physicalName, this.version, state, missing, extra, mistyped,
					List.of());
		}

		private static List<Column> shown(List<Column> columns, ShownFields shown) {
			return columns.stream().filter((column) -> shown.shows(column.column())).toList();
		}

	}

	/**
	 * A column that differs.
	 *
	 * @param column its name
	 * @param expected the type the schema says, or null
	 * @param actual the type the catalog says, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Column(String column, String expected, String actual) {
	}

	/**
	 * Every table's drift.
	 *
	 * @param drifted whether anything drifted
	 * @param checked how many tables were compared
	 * @param tables the tables that drifted
	 * @param unknownTables tables in the data schema no event created
	 */
	record DriftReport(boolean drifted, int checked, List<TableDrift> tables, List<String> unknownTables) {
	}

	/** One table's drift; empty when the table is unknown. */
	Optional<TableDrift> table(long tableId) {
		return this.references.find(tableId).map((schema) -> compare(schema, columns(schema.physicalName())));
	}

	DriftReport all() {
		Map<String, Map<String, String>> live = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
				FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position""",
				(rs) -> {
					live.computeIfAbsent(rs.getString(1), (key) -> new LinkedHashMap<>())
						.put(rs.getString(2),
								Sql.catalogType(rs.getString(3), integer(rs, 4), integer(rs, 5), integer(rs, 6)));
				}, Sql.DATA_SCHEMA);
		List<TableDrift> drifted = new ArrayList<>();
		Set<String> known = new HashSet<>();
		List<TableSchema> schemas = this.references.allIncludingDeleted();
		for (TableSchema schema : schemas) {
			known.add(schema.physicalName());
			TableDrift drift = compare(schema, live.get(schema.physicalName()));
			if (drift.drifted()) {
				drifted.add(drift);
			}
		}
		List<String> unknown = live.keySet().stream().filter((name) -> !known.contains(name)).toList();
		return new DriftReport(!drifted.isEmpty() || !unknown.isEmpty(), schemas.size(), drifted, unknown);
	}

	private Map<String, String> columns(String physicalName) {
		Map<String, String> columns = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
				FROM information_schema.columns WHERE table_schema = ? AND table_name = ?
				ORDER BY ordinal_position""", (rs) -> {
			columns.put(rs.getString(1),
					Sql.catalogType(rs.getString(2), integer(rs, 3), integer(rs, 4), integer(rs, 5)));
		}, Sql.DATA_SCHEMA, physicalName);
		return columns.isEmpty() ? null : columns;
	}

	/**
	 * The comparison of a schema with the live columns (null when the table is absent).
	 */
	private static TableDrift compare(TableSchema schema, Map<String, String> live) {
		if (live == null) {
			return new TableDrift(schema.tableId(), schema.physicalName(), schema.version(),
					schema.deleted() ? OK : "missing", List.of(), List.of(), List.of(), List.of());
		}
		if (schema.deleted()) {
			return new TableDrift(schema.tableId(), schema.physicalName(), schema.version(), "not-dropped", List.of(),
					List.of(), List.of(), List.of());
		}
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put(FieldNames.ROW_ID, "bigint");
		for (FieldDefinition field : schema.fields()) {
			expected.put(field.name(), Sql.catalogType(field));
		}
		List<Column> missing = new ArrayList<>();
		List<Column> extra = new ArrayList<>();
		List<Column> mistyped = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		expected.forEach((column, type) -> {
			String actual = live.get(column);
			if (actual == null) {
				missing.add(new Column(column, type, null));
			}
			else if (!actual.equals(type)) {
				mistyped.add(new Column(column, type, actual));
			}
		});
		live.forEach((column, type) -> {
			if (expected.containsKey(column)) {
				return;
			}
			if (column.startsWith(FieldNames.RESERVED_PREFIX)) {
				kept.add(column);
			}
			else {
				extra.add(new Column(column, null, type));
			}
		});
		boolean drifted = !missing.isEmpty() || !extra.isEmpty() || !mistyped.isEmpty();
		return new TableDrift(schema.tableId(), schema.physicalName(), schema.version(), drifted ? DRIFTED : OK,
				missing, extra, mistyped, kept);
	}

	private static Integer integer(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
