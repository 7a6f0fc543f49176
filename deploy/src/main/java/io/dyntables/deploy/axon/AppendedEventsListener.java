package io.dyntables.deploy.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.dyntables.query.catalog.ListenerConnections;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Hears the events any instance appends ({@link AnnouncingEventStore} announces them when
 * the append commits) and has this instance's event store fetch them at once, so that the
 * projector's segments here apply another instance's events without waiting for the
 * store's next poll. Listens on a connection of its own, on a thread of its own; a lost
 * connection is opened again after a pause, and the store fetches once it listens again,
 * since announcements may have been missed meanwhile. Only instances that run the
 * projector listen.
 */
class AppendedEventsListener implements SmartLifecycle {

	/** How the listening connection names itself to PostgreSQL. */
	static final String APPLICATION_NAME = "dyntables event listener";

	private static final Logger log = LoggerFactory.getLogger(AppendedEventsListener.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration PAUSE = Duration.ofSeconds(1);

	private final ListenerConnections connections;

	private final AnnouncingEventStore eventStore;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	AppendedEventsListener(ListenerConnections connections, AnnouncingEventStore eventStore) {
		this.connections = connections;
		this.eventStore = eventStore;
	}

	@Override
	public synchronized void start() {
		if (this.thread == null) {
			this.running = true;
			this.thread = new Thread(this::listen, "dyntables-event-listener");
			this.thread.setDaemon(true);
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
		while (this.running) {
			try (Connection open = this.connections.open(APPLICATION_NAME)) {
				this.connection = open;
				try (Statement statement = open.createStatement()) {
					statement.execute("LISTEN " + AnnouncingEventStore.CHANNEL);
				}
				// events may have been appended while nobody listened
				this.eventStore.appended(null);
				PGConnection postgres = open.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = postgres.getNotifications((int) POLL.toMillis());
					if (received != null) {
						for (PGNotification notification : received) {
							this.eventStore.appended(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("The appended events listener lost its connection; listening again in {} ms: {}",
						PAUSE.toMillis(), ex.toString());
				try {
					Thread.sleep(PAUSE.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			finally {
				this.connection = null;
			}
		}
	}

	private void abort() {
		Connection open = this.connection;
		if (open != null) {
			try {
				open.abort(Runnable::run);
			}
			catch (SQLException | RuntimeException ex) {
				log.debug("Aborting the appended events listener's connection failed", ex);
			}
		}
	}

}
