package io.dyntables.query.rows;

import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs database work in a Reactor context of its own, empty. With automatic context
 * propagation Reactor restores the thread locals of the subscriber's context (a request's
 * ids in the logging context, its security context, its exchange) around every signal,
 * and the R2DBC driver hands each message it reads (every row) to its current statement's
 * subscriber with that statement's context: in the request's context, a row costs a
 * restore and a reset of every one of them. In an empty one there is nothing to restore;
 * the results cross into the request's context at its edge, as a stream does.
 */
final class EmptyContext {

	private EmptyContext() {
	}

	/** The work's value; cancelling the answer cancels the work. */
	static <T> Mono<T> mono(Mono<T> work) {
		return Mono.create((sink) -> sink.onCancel(work.subscribe(sink::success, sink::error, sink::success)));
	}

	/**
	 * The work's values, with the answer's demand passed on (an export of any size keeps
	 * its backpressure); cancelling the answer cancels the work.
	 */
	static <T> Flux<T> flux(Flux<T> work) {
		return Flux.create((sink) -> {
			BaseSubscriber<T> inner = new BaseSubscriber<>() {

				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					// nothing is asked for before the answer asks
				}

				@Override
				protected void hookOnNext(T value) {
					sink.next(value);
				}

				@Override
				protected void hookOnComplete() {
					sink.complete();
				}

				@Override
				protected void hookOnError(Throwable error) {
					sink.error(error);
				}

			};
			// subscribed first: a request before the subscription would be lost
			work.subscribe(inner);
			sink.onRequest(inner::request);
			sink.onDispose(inner::dispose);
		});
	}

}
