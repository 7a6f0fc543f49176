package io.dyntables.deploy.database;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dyntables.query.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Whether the database answers, checked in the background: every interval a
 * {@code SELECT 1} on a connection of its own (outside the pools, so a busy pool is not
 * taken for an unreachable database), bounded by a timeout. Readiness and the request
 * gate read the last result and never wait for the database themselves. A killed database
 * is noticed within one interval, a frozen or unreachable one within an interval and the
 * timeout.
 */
public final class DatabaseProbe implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

	/** The driver itself, not DriverManager: no global lock, no class loader lookup. */
	private static final Driver DRIVER = new org.postgresql.Driver();

	private final String jdbcUrl;

	private final Properties connectionProperties;

	private final Duration timeout;

	private final Clock clock;

	private final ScheduledExecutorService schedule;

	/** Runs the check itself, so that the schedule can give up waiting on it. */
	private final ExecutorService checker;

	private volatile State state;

	/** Only touched by the checker thread, and by the schedule to abort it. */
	private volatile Connection connection;

	private Future<?> pending;

	private DatabaseProbe(Database database, Duration timeout, Clock clock) {
		this.jdbcUrl = database.jdbcUrl();
		this.timeout = timeout;
		this.clock = clock;
		this.connectionProperties = database.ownConnectionProperties("dyntables health check");
		// the driver's own bounds, in whole seconds, so that a check stuck in
		// connecting or reading ends by itself as well
		String seconds = String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
		this.connectionProperties.setProperty("connectTimeout", seconds);
		this.connectionProperties.setProperty("loginTimeout", seconds);
		this.connectionProperties.setProperty("socketTimeout", seconds);
		this.state = State.up(clock.instant());
		this.schedule = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dyntables-db-probe"));
		this.checker = Executors.newSingleThreadExecutor(DaemonThreads.named("dyntables-db-check"));
	}

	/** Starts checking the database every interval, the first time at once. */
	public static DatabaseProbe start(Database database, Duration interval, Duration timeout, Clock clock) {
		DatabaseProbe probe = new DatabaseProbe(database, timeout, clock);
		probe.schedule.scheduleWithFixedDelay(probe::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		return probe;
	}

	/** The last result; never waits. */
	public State state() {
		return this.state;
	}

	/**
	 * Completes when the database, reachable now, stops answering; at once when it is not
	 * reachable now.
	 */
	public Mono<Boolean> outage() {
		State current = this.state;
		return current.reachable() ? current.outage().asMono() : Mono.just(true);
	}

	/** One check, waited for no longer than the timeout. */
	private void round() {
		try {
			if (this.pending != null && !this.pending.isDone()) {
				failed("the previous check has not answered yet");
				return;
			}
			this.pending = this.checker.submit(this::check);
			this.pending.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			succeeded();
		}
		catch (TimeoutException ex) {
			failed("no answer within " + this.timeout.toMillis() + " ms");
			abortConnection();
		}
		catch (ExecutionException ex) {
			failed(String.valueOf(ex.getCause().getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			failed(String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * {@code SELECT 1} on the probe's connection. A kept connection that fails is
	 * replaced at once, so that one dropped connection is not taken for a database away.
	 */
	private Void check() throws SQLException {
		Connection kept = this.connection;
		if (kept != null) {
			try {
				selectOne(kept);
				return null;
			}
			catch (SQLException ex) {
				closeConnection();
			}
		}
		Connection fresh = DRIVER.connect(this.jdbcUrl, this.connectionProperties);
		this.connection = fresh;
		try {
			selectOne(fresh);
		}
		catch (SQLException ex) {
			closeConnection();
			throw ex;
		}
		return null;
	}

	private static void selectOne(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
	}

	private synchronized void succeeded() {
		State current = this.state;
		if (!current.reachable()) {
			log.info("The database answers again");
			this.state = State.up(this.clock.instant());
		}
	}

	private synchronized void failed(String reason) {
		State current = this.state;
		if (current.reachable()) {
			log.warn("The database is not reachable: {}", reason);
			this.state = State.down(this.clock.instant(), reason);
			current.outage().tryEmitValue(true);
		}
		else if (!current.reason().equals(reason)) {
			this.state = new State(false, current.since(), reason, current.outage());
		}
	}

	/** Closes the probe's socket under a check that hangs, which then ends. */
	private void abortConnection() {
		Connection stuck = this.connection;
		if (stuck != null) {
			try {
				stuck.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException ex) {
				log.debug("Aborting the probe connection failed", ex);
			}
		}
	}

	private void closeConnection() {
		Connection current = this.connection;
		this.connection = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (SQLException ex) {
				log.debug("Closing the probe connection failed", ex);
			}
		}
	}

	@Override
	public void close() {
		this.schedule.shutdownNow();
		this.checker.shutdownNow();
		abortConnection();
	}

	/**
	 * The last result of the check.
	 *
	 * @param reachable whether the database answered the last check
	 * @param since when this state began
	 * @param reason why the database is taken as unreachable, or empty
	 * @param outage signalled when a reachable database stops answering
	 */
	public record State(boolean reachable, Instant since, String reason, Sinks.One<Boolean> outage) {

		static State up(Instant since) {
			return new State(true, since, "", Sinks.one());
		}

		static State down(Instant since, String reason) {
			return new State(false, since, reason, Sinks.one());
		}

	}

}
