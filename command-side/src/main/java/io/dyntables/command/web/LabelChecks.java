package io.dyntables.command.web;

import java.util.List;

import io.dyntables.api.access.TableLabels;
import io.dyntables.api.history.SchemaDiff;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.Events.TableEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Refuses a label the caller may not give a table, wherever a command gives one: the
 * label a creation or a rename names, and the label a revert brings back (the table's
 * label at the version reverted to, read from the event store, where it can no longer
 * change). A grant on a label pattern reaches every table so labelled, so a caller may
 * give a table only labels its schema:write grants cover. The checks may read the grants
 * and the event store, so they run off the event loop; an unrestricted caller needs none.
 */
@Component
class LabelChecks {

	private final TableLabels labels;

	private final EventStore eventStore;

	LabelChecks(TableLabels labels, EventStore eventStore) {
		this.labels = labels;
		this.eventStore = eventStore;
	}

	/** Refuses the label, pointing at the member that names it. */
	Mono<Void> allowed(Caller caller, long tableId, String label, String pointer) {
		if (caller.unrestricted()) {
			return Mono.empty();
		}
		return Mono.<Void>fromRunnable(() -> this.labels.checkLabel(caller, tableId, label, pointer))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Refuses a revert to a version whose label the caller may not give the table,
	 * pointing at {@code to}. A version the table does not have is left to the command,
	 * which refuses it.
	 */
	Mono<Void> allowedAt(Caller caller, long tableId, long version) {
		if (caller.unrestricted()) {
			return Mono.empty();
		}
		return Mono.<Void>fromRunnable(() -> {
			List<TableEvent> history = this.eventStore.readEvents(Long.toString(tableId))
				.asStream()
				.map(EventMessage::getPayload)
				.filter(TableEvent.class::isInstance)
				.map(TableEvent.class::cast)
				.toList();
			if (!history.isEmpty() && history.get(history.size() - 1).version() >= version) {
				this.labels.checkLabel(caller, tableId, SchemaDiff.asOf(history, version).name(), "/to");
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
