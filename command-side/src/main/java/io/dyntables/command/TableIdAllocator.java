package io.dyntables.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Allocates table ids before the creation command is sent, from a PostgreSQL sequence, so
 * ids are numeric and unique across instances.
 */
@Component
public class TableIdAllocator {

	private final JdbcTemplate jdbc;

	public TableIdAllocator(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A new table id; blocking. */
	public long next() {
		Long id = this.jdbc.queryForObject("SELECT nextval('dyntables.table_id_seq')", Long.class);
		if (id == null) {
			throw new IllegalStateException("the table id sequence answered nothing");
		}
		return id;
	}

}
