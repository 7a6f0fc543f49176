package io.dyntables.deploy.observe;

import io.micrometer.context.ContextRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the request's id (the {@code X-Request-Id} the response carries) and its trace and
 * span ids into the logging context of everything the request does, on whichever thread:
 * they travel in the Reactor context as a {@link RequestTrace}, which Micrometer's
 * context propagation restores for each signal. The request's observation itself is taken
 * out of the Reactor context of the work below this filter: restoring it opens its span's
 * scope, and Reactor restores for every signal, which for a page or an export is every
 * row. The observation still times and traces the request (the server adapter holds it),
 * and commands carry its trace from the {@link RequestTrace} ({@link TraceMetadata}). An
 * observation started below this filter finds no parent observation in the Reactor
 * context (none is started there today); its span can continue the request's trace from
 * {@link RequestTraceAccessor#current()}.
 */
class RequestLogContext implements WebFilter, Ordered {

	private static final String REQUEST_ID = "X-Request-Id";

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestTraceAccessor());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = exchange.getResponse().getHeaders().getFirst(REQUEST_ID);
		return chain.filter(exchange).contextWrite((context) -> {
			Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			return context.delete(ObservationThreadLocalAccessor.KEY)
				.put(RequestTraceAccessor.KEY, RequestTrace.of(requestId, observation));
		});
	}

	/** After the filter that settles the request id. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
