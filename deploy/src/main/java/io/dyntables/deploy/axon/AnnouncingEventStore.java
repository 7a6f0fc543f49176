package io.dyntables.deploy.axon;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's embedded event store, which tells every instance of the events it appends, and
 * fetches at once what another instance announces. Axon fetches events appended in its
 * own JVM as soon as they commit, and those of another JVM only at its next poll (the
 * fetch delay): a command sent through an instance whose projector does not own the
 * table's segment would wait for that poll. The announcement is a {@code NOTIFY} on
 * {@value #CHANNEL} in the appending transaction, which PostgreSQL delivers when (and
 * only if) the append commits; {@link AppendedEventsChannel} hears it elsewhere.
 * <p>
 * Axon 4.13 offers no public way to wake the store's fetching: {@link #afterCommit}, the
 * hook through which the store learns that its own appends committed, is the one route to
 * it, so a committed append elsewhere is told through it too. The poll stays, for an
 * announcement that is lost.
 */
class AnnouncingEventStore extends EmbeddedEventStore {

	/** The channel appended events are announced on. */
	static final String CHANNEL = "dyntables_events";

	private final JdbcTemplate jdbc;

	private final String node;

	/**
	 * @param node this instance's name, the payload of its announcements, so that it can
	 * pass over its own
	 */
	AnnouncingEventStore(Builder builder, JdbcTemplate jdbc, String node) {
		super(builder);
		this.jdbc = jdbc;
		this.node = node;
	}

	/** Appends the events and announces them, in the appending transaction. */
	@Override
	protected void prepareCommit(List<? extends EventMessage<?>> events) {
		super.prepareCommit(events);
		this.jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, CHANNEL, this.node);
	}

	/**
	 * Tells the store that events were appended: it fetches them now if it was waiting
	 * for its next poll.
	 * @param announcer the name of the instance that appended them (this instance's own
	 * appends were fetched when they committed), or null when unknown (announcements may
	 * have been missed)
	 */
	void appended(String announcer) {
		if (!this.node.equals(announcer)) {
			afterCommit(List.of());
		}
	}

}
