package io.dyntables.query.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dyntables.query.DaemonThreads;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears every schema change any instance's projector commits: the projector announces
 * each one on the {@value #CHANNEL} channel in its transaction (PostgreSQL delivers it at
 * commit, so nothing uncommitted is announced), and this listens on a connection of its
 * own, on a thread of its own. Each change drops the table from the schema cache and is
 * then told in {@link SchemaChanges}. A lost connection is opened again, waiting longer
 * after each failure; since changes may have been missed meanwhile, every cached schema
 * is dropped when it is open again. The {@link OtherChannel}s are heard on the same
 * connection.
 */
@Component
public class SchemaChangeListener implements SmartLifecycle {

	/** The channel schema changes are announced on. */
	public static final String CHANNEL = "dyntables_schema";

	/**
	 * The payload announcing that every schema may have changed (a replay rebuilt the
	 * catalog).
	 */
	public static final String EVERYTHING = "*";

	/** How the listening connection names itself to PostgreSQL. */
	public static final String APPLICATION_NAME = "dyntables schema listener";

	private static final Logger log = LoggerFactory.getLogger(SchemaChangeListener.class);

	private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_]+");

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final ListenerConnections connections;

	private final SchemaCache cache;

	private final SchemaChanges changes;

	private final Map<String, OtherChannel> others;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	SchemaChangeListener(ListenerConnections connections, SchemaCache cache, SchemaChanges changes,
			ObjectProvider<OtherChannel> others) {
		this.connections = connections;
		this.cache = cache;
		this.changes = changes;
		List<OtherChannel> channels = others.orderedStream().toList();
		for (OtherChannel other : channels) {
			if (!CHANNEL_NAME.matcher(other.channel()).matches() || CHANNEL.equals(other.channel())) {
				throw new IllegalArgumentException("Not a channel name to listen on: " + other.channel());
			}
		}
		this.others = channels.stream().collect(Collectors.toMap(OtherChannel::channel, Function.identity()));
	}

	/** The announcement of a change, for {@code pg_notify}'s payload. */
	public static String payload(long tableId, long sequence) {
		return tableId + ":" + sequence;
	}

	@Override
	public synchronized void start() {
		if (this.thread == null) {
			this.running = true;
			this.thread = DaemonThreads.named("dyntables-schema-listener").newThread(this::listen);
			this.thread.start();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Thread listening = this.thread;
		this.thread = null;
		if (listening != null) {
			listening.interrupt();
			abort();
			try {
				listening.join(POLL.toMillis() * 4);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Listens until stopped, opening the connection again whenever it is lost. */
	private void listen() {
		Duration backoff = FIRST_BACKOFF;
		while (this.running) {
			try (Connection open = this.connections.open(APPLICATION_NAME)) {
				this.connection = open;
				try (Statement statement = open.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
					for (String other : this.others.keySet()) {
						statement.execute("LISTEN " + other);
					}
				}
				// changes may have been committed while nobody listened
				everythingChanged();
				backoff = FIRST_BACKOFF;
				PGConnection postgres = open.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = postgres.getNotifications((int) POLL.toMillis());
					if (received != null) {
						for (PGNotification notification : received) {
							OtherChannel other = this.others.get(notification.getName());
							if (other != null) {
								other.heard(notification.getParameter());
							}
							else {
								heard(notification.getParameter());
							}
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("The schema change listener lost its connection; listening again in {} ms: {}",
						backoff.toMillis(), ex.toString());
				// what was cached may be stale by the time the connection is back
				everythingChanged();
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
			finally {
				this.connection = null;
			}
		}
	}

	private void heard(String payload) {
		if (EVERYTHING.equals(payload)) {
			everySchemaChanged();
			return;
		}
		int colon = payload.indexOf(':');
		try {
			SchemaChanged change = new SchemaChanged(Long.parseLong(payload.substring(0, colon)),
					Long.parseLong(payload.substring(colon + 1)));
			this.cache.changed(change.tableId(), change.sequence());
			this.changes.changed(change);
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring a schema change announcement that is not <table id>:<sequence>: {}", payload);
		}
	}

	private void everythingChanged() {
		everySchemaChanged();
		this.others.values().forEach(OtherChannel::mayHaveMissed);
	}

	private void everySchemaChanged() {
		this.cache.clear();
		this.changes.everythingChanged();
	}

	private void abort() {
		Connection open = this.connection;
		if (open != null) {
			try {
				open.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException ex) {
				log.debug("Aborting the schema listener's connection failed", ex);
			}
		}
	}

}
