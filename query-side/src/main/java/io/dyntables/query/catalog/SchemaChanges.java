package io.dyntables.query.catalog;

import io.dyntables.api.table.AppliedChanges;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The schema changes committed by any instance, in this instance: what the schema change
 * feed and anyone waiting for a change follow. The caches have dropped a change's table
 * before it is told here. When this instance may have missed changes (its listening
 * connection was lost, or a replay rebuilt the catalog), {@link #everything()} tells so
 * instead. A subscriber that cannot keep up misses changes rather than slowing the
 * others. Commands waiting for the projection hear here of their table's changes
 * ({@link AppliedChanges}).
 */
@Component
public class SchemaChanges implements AppliedChanges {

	private final Sinks.Many<SchemaChanged> changes = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Boolean> everything = Sinks.many().multicast().directBestEffort();

	/** Every change heard from now on. */
	public Flux<SchemaChanged> changes() {
		return this.changes.asFlux();
	}

	/** A signal each time any schema may have changed unheard. */
	public Flux<Boolean> everything() {
		return this.everything.asFlux();
	}

	@Override
	public Listening whenApplied(long tableId, Runnable listener) {
		Disposable listening = Flux.merge(changes().filter((change) -> change.tableId() == tableId), everything())
			.subscribe((signal) -> listener.run());
		return listening::dispose;
	}

	synchronized void changed(SchemaChanged change) {
		this.changes.tryEmitNext(change);
	}

	synchronized void everythingChanged() {
		this.everything.tryEmitNext(true);
	}

}
