package io.dyntables.deploy.observe;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Shutting down without leaving a request in doubt. Once the service starts closing
 * (readiness already refuses traffic), every response says {@code Connection: close}, so
 * a client sends no further request on a kept-alive connection; for a drain period the
 * server still accepts and answers, so a client that sends on a kept-alive connection
 * then is answered (and told to reconnect) instead of meeting a closed connection. After
 * it, the graceful shutdown stops accepting, closes idle connections and waits for the
 * requests in flight.
 */
class ClosingConnections implements WebFilter, ApplicationListener<ContextClosedEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ClosingConnections.class);

	private final Duration drain;

	private volatile boolean closing;

	ClosingConnections(Duration drain) {
		this.drain = drain;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.closing = true;
		if (this.drain.isZero() || this.drain.isNegative()
				|| !(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		log.info("Shutting down: answering with Connection: close for {} ms before refusing connections",
				this.drain.toMillis());
		try {
			Thread.sleep(this.drain.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
