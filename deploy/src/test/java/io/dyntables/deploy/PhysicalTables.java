package io.dyntables.deploy;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables behind the API as PostgreSQL's catalog has them, for tests that check what
 * the projector did to the database, not only what the API answers.
 */
final class PhysicalTables {

	private PhysicalTables() {
	}

	/**
	 * The column names of a table's physical table, found through the reference model.
	 */
	static List<String> columns(JdbcTemplate jdbc, long id) {
		String physical = jdbc.queryForObject("SELECT physical_name FROM dyntables.table_ref WHERE id = ?",
				String.class, id);
		return jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_schema = 'dyntables_data' AND table_name = ?",
				String.class, physical);
	}

	/**
	 * The rows of a table's physical table, counted by PostgreSQL itself: not through the
	 * row API, whose listings are bound by the row statement time limit.
	 */
	static long rowCount(JdbcTemplate jdbc, long id) {
		String physical = jdbc.queryForObject("SELECT physical_name FROM dyntables.table_ref WHERE id = ?",
				String.class, id);
		return jdbc.queryForObject("SELECT count(*) FROM dyntables_data.\"" + physical + "\"", Long.class);
	}

}
