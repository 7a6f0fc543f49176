package io.dyntables.deploy.axon;

import io.dyntables.query.catalog.OtherChannel;
import io.dyntables.query.catalog.SchemaChangeListener;

/**
 * Hears the events any instance appends ({@link AnnouncingEventStore} announces them when
 * the append commits) and has this instance's event store fetch them at once, so that the
 * projector's segments here apply another instance's events without waiting for the
 * store's next poll. Heard on the {@link SchemaChangeListener}'s connection, so it costs
 * no connection of its own; when announcements may have been missed (the connection was
 * lost, or is new) the store fetches anyway. Only instances that run the projector
 * listen.
 */
class AppendedEventsChannel implements OtherChannel {

	private final AnnouncingEventStore eventStore;

	AppendedEventsChannel(AnnouncingEventStore eventStore) {
		this.eventStore = eventStore;
	}

	@Override
	public String channel() {
		return AnnouncingEventStore.CHANNEL;
	}

	@Override
	public void heard(String payload) {
		this.eventStore.appended(payload);
	}

	@Override
	public void mayHaveMissed() {
		this.eventStore.appended(null);
	}

}
