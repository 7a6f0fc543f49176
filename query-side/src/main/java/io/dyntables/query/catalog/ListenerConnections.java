package io.dyntables.query.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the connections the listeners for announcements keep: their own, outside the
 * pools, to the database the projector writes to.
 */
@FunctionalInterface
public interface ListenerConnections {

	/**
	 * Opens a connection.
	 * @param applicationName how it names itself to PostgreSQL, so that it can be told
	 * apart in {@code pg_stat_activity}
	 */
	Connection open(String applicationName) throws SQLException;

}
