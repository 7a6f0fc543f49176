package io.dyntables.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Typed queries from the web layer: answered off the event loop (the handlers read with
 * JDBC), an absent answer being an empty Mono.
 */
public final class QueryResults {

	private QueryResults() {
	}

	/** The answer to a query whose handler answers an Optional of the type. */
	public static <T> Mono<T> optional(QueryGateway queries, Object query, Class<T> type) {
		return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(type)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty);
	}

}
