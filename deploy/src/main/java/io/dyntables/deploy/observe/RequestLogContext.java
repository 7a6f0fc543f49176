package io.dyntables.deploy.observe;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the request's id (the {@code X-Request-Id} the response carries) into the logging
 * context ({@code requestId} in the MDC) of everything the request does: it travels in
 * the Reactor context, and Micrometer's context propagation restores it on whichever
 * thread works for the request. The trace and span ids get there the same way, from the
 * request's observation.
 */
class RequestLogContext implements WebFilter, Ordered {

	/** The MDC key, and the Reactor context key, of the request id. */
	static final String MDC_KEY = "requestId";

	private static final String REQUEST_ID = "X-Request-Id";

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(MDC_KEY, () -> MDC.get(MDC_KEY), (value) -> MDC.put(MDC_KEY, value),
					() -> MDC.remove(MDC_KEY));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = exchange.getResponse().getHeaders().getFirst(REQUEST_ID);
		if (requestId == null) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).contextWrite((context) -> context.put(MDC_KEY, requestId));
	}

	/** After the filter that settles the request id. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
