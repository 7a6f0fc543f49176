package io.dyntables.query.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the connection the schema change listener keeps: its own, outside the pools, to
 * the database the projector writes to.
 */
@FunctionalInterface
public interface ListenerConnections {

	Connection open() throws SQLException;

}
