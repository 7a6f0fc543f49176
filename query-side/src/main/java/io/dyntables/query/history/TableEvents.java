package io.dyntables.query.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dyntables.api.history.Audit;
import io.dyntables.api.table.Events.TableEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.stereotype.Component;

/** A table's events as the event store holds them, with their time and audit. */
@Component
class TableEvents {

	private final EventStore eventStore;

	TableEvents(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	/**
	 * One recorded event.
	 *
	 * @param sequence its sequence number in the table's stream
	 * @param event the event
	 * @param time when it was recorded
	 * @param audit who, under which request, and why
	 */
	record Recorded(long sequence, TableEvent event, Instant time, Audit audit) {
	}

	/** The table's events from a sequence number on, at most {@code max}; blocking. */
	List<Recorded> read(long tableId, long fromSequence, int max) {
		List<Recorded> events = new ArrayList<>();
		DomainEventStream stream = this.eventStore.readEvents(Long.toString(tableId), Math.max(0, fromSequence));
		while (stream.hasNext() && events.size() < max) {
			DomainEventMessage<?> message = stream.next();
			if (message.getPayload() instanceof TableEvent event) {
				events.add(new Recorded(message.getSequenceNumber(), event, message.getTimestamp(),
						Audit.of(message.getMetaData())));
			}
		}
		return events;
	}

	/** Every event of the table; empty when the table is unknown. */
	List<Recorded> all(long tableId) {
		return read(tableId, 0, Integer.MAX_VALUE);
	}

	/** The sequence number of the table's last event, or -1 when unknown. */
	long lastSequence(long tableId) {
		return this.eventStore.lastSequenceNumberFor(Long.toString(tableId)).orElse(-1L);
	}

}
