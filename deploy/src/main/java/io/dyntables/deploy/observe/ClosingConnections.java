package io.dyntables.deploy.observe;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Once the service is shutting down, every response says {@code Connection: close}, so a
 * client sends no further request on a kept-alive connection that is about to close: the
 * requests in flight are answered (the graceful shutdown waits for them), and no request
 * is left sent but unanswered on a connection the server then drops.
 */
class ClosingConnections implements WebFilter, ApplicationListener<ContextClosedEvent>, Ordered {

	private volatile boolean closing;

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.closing = true;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			if (this.closing) {
				exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
