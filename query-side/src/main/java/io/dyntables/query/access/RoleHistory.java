package io.dyntables.query.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dyntables.api.access.RoleEvents.RoleDeleted;
import io.dyntables.api.access.RoleEvents.RoleEvent;
import io.dyntables.api.access.RoleQueries.RoleView;
import io.dyntables.api.history.Audit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.stereotype.Component;

/**
 * A role's events as the event store holds them, with their time and audit: its history,
 * and the role as it was at any version or time.
 */
@Component
class RoleHistory {

	private final EventStore eventStore;

	RoleHistory(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	/**
	 * One recorded change of a role.
	 *
	 * @param event the event
	 * @param time when it was recorded
	 * @param audit who asked for it, under which request, why
	 */
	record Recorded(RoleEvent event, Instant time, Audit audit) {

		RoleView role() {
			return new RoleView(this.event.name(), this.event.version(), this.event instanceof RoleDeleted,
					this.event.grantsAfter(), this.time);
		}

	}

	/** Every event of the role, oldest first; empty for a role that never existed. */
	List<Recorded> all(String name) {
		List<Recorded> events = new ArrayList<>();
		DomainEventStream stream = this.eventStore.readEvents(name);
		while (stream.hasNext()) {
			DomainEventMessage<?> message = stream.next();
			if (message.getPayload() instanceof RoleEvent event) {
				events.add(new Recorded(event, message.getTimestamp(), Audit.of(message.getMetaData())));
			}
		}
		return events;
	}

	/**
	 * The role as it was after the version, or at the time (the last event recorded up to
	 * then); empty when it did not exist yet.
	 */
	Optional<RoleView> asOf(String name, Long version, Instant at) {
		RoleView role = null;
		for (Recorded recorded : all(name)) {
			if ((version != null && recorded.event().version() > version)
					|| (at != null && recorded.time().isAfter(at))) {
				break;
			}
			role = recorded.role();
		}
		return Optional.ofNullable(role);
	}

}
