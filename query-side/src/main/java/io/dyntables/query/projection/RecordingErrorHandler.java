package io.dyntables.query.projection;

import java.time.Clock;

import io.dyntables.api.table.Events.TableEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records the projector's failures, then rethrows them: the processor rolls back and
 * retries with backoff rather than skipping the event, and the table's status says
 * failed, with the error, until the event applies.
 */
@Component
public class RecordingErrorHandler implements ListenerInvocationErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(RecordingErrorHandler.class);

	private final ProjectionErrors errors;

	private final Clock clock;

	RecordingErrorHandler(ProjectionErrors errors, Clock clock) {
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
		if (event.getPayload() instanceof TableEvent tableEvent && event instanceof DomainEventMessage<?> domain) {
			try {
				this.errors.record(tableEvent.tableId(), domain.getSequenceNumber(),
						tableEvent.getClass().getSimpleName(), exception, this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Could not record the projection failure of table {}", tableEvent.tableId(), ex);
			}
		}
		throw exception;
	}

}
