package io.dyntables.query.feed;

import io.dyntables.api.history.SchemaChange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The schema changes this instance's projector commits, to every live subscriber; a
 * subscriber that cannot keep up misses changes rather than slowing the projector.
 */
@Component
public class SchemaChangeFeed {

	private final Sinks.Many<SchemaChange> sink = Sinks.many().multicast().directBestEffort();

	/** Called once the change is committed. */
	public synchronized void publish(SchemaChange change) {
		this.sink.tryEmitNext(change);
	}

	public Flux<SchemaChange> changes() {
		return this.sink.asFlux();
	}

}
