package io.dyntables.deploy.database;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database (refused or lost connections, a server shutting
 * down or not yet accepting connections, a pool that found no connection) from every
 * other database error, for JDBC and R2DBC alike. Such a failure is answered 503 with
 * Retry-After: the request was fine, the database was away.
 */
public final class ConnectionFailures {

	/**
	 * SQLSTATEs of an unreachable server: admin_shutdown, crash_shutdown,
	 * cannot_connect_now, too_many_connections; every state of class 08 as well.
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

	private ConnectionFailures() {
	}

	/**
	 * Whether the error, or an error behind it, means the database could not be reached.
	 */
	public static boolean isConnectionFailure(Throwable error) {
		boolean wrappedResourceFailure = false;
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof ConnectException || cause instanceof SocketTimeoutException
					|| cause instanceof UnknownHostException || cause instanceof ClosedChannelException) {
				return true;
			}
			String state = sqlState(cause);
			if (state != null) {
				// the server said what happened: that decides
				return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
			}
			if (cause instanceof R2dbcNonTransientResourceException
					|| cause instanceof R2dbcTransientResourceException) {
				// the driver's own failure, without a server answer: a closed or
				// refused connection
				return true;
			}
			wrappedResourceFailure |= cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException;
		}
		return wrappedResourceFailure;
	}

	private static String sqlState(Throwable error) {
		if (error instanceof SQLException sql) {
			return sql.getSQLState();
		}
		if (error instanceof R2dbcException r2dbc) {
			return r2dbc.getSqlState();
		}
		return null;
	}

}
