package io.dyntables.deploy.observe;

import java.util.List;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
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
		ContextRegistry registry = ContextRegistry.getInstance();
		registry.registerThreadLocalAccessor(new RequestTraceAccessor());
		// Spring Security's accessors put the security context and the exchange on the
		// thread for code that reads them from thread locals; the service reads both from
		// the Reactor context only, and each registered accessor is set and reset around
		// every signal of every request
		for (ThreadLocalAccessor<?> accessor : List.copyOf(registry.getThreadLocalAccessors())) {
			if (accessor.getClass().getName().startsWith("org.springframework.security.")) {
				registry.removeThreadLocalAccessor(accessor.key());
			}
		}
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
