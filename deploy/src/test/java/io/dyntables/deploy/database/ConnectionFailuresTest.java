package io.dyntables.deploy.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFailuresTest {

	@Test
	void refusedLostAndTimedOutConnectionsAreConnectionFailures() {
		assertThat(ConnectionFailures.isConnectionFailure(new ConnectException("Connection refused"))).isTrue();
		// Hikari found no connection in time, wrapped by Spring's transaction manager
		assertThat(ConnectionFailures.isConnectionFailure(new CannotCreateTransactionException("no connection",
				new CannotGetJdbcConnectionException("no connection",
						new SQLTransientConnectionException("dyntables-jdbc - Connection is not available")))))
			.isTrue();
		// the JDBC driver's lost connection (class 08) inside Axon's event store
		assertThat(ConnectionFailures.isConnectionFailure(
				new EventStoreException("append failed", new SQLException("An I/O error occurred", "08006"))))
			.isTrue();
		// R2DBC: the driver's closed connection carries no SQLSTATE
		assertThat(ConnectionFailures.isConnectionFailure(new DataAccessResourceFailureException(
				"Failed to obtain R2DBC Connection", new R2dbcNonTransientResourceException("Connection closed"))))
			.isTrue();
	}

	@Test
	void serverShuttingDownOrStartingIsAConnectionFailure() {
		for (String state : new String[] { "57P01", "57P02", "57P03", "53300", "08001" }) {
			assertThat(ConnectionFailures.isConnectionFailure(new R2dbcNonTransientResourceException("away", state)))
				.as(state)
				.isTrue();
			assertThat(ConnectionFailures.isConnectionFailure(new SQLException("away", state))).as(state).isTrue();
		}
	}

	@Test
	void errorsTheServerAnsweredAreNot() {
		// a statement timeout and a program limit arrive as resource exceptions too
		assertThat(ConnectionFailures.isConnectionFailure(new R2dbcNonTransientResourceException("canceled", "57014")))
			.isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new DataAccessResourceFailureException("too big",
				new SQLException("index row size exceeds maximum", "54000"))))
			.isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new R2dbcBadGrammarException("no column", "42703")))
			.isFalse();
		assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
	}

}
