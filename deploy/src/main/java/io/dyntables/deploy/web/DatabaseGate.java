package io.dyntables.deploy.web;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.deploy.database.DatabaseProbe;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Fails API requests fast while the database is unreachable: 503 with Retry-After at
 * once, instead of each request waiting for a connection that cannot come. A request
 * under way when the database stops answering is answered the same as soon as the
 * background check notices, rather than hanging until the database returns (the outcome
 * of a write cut so is unknown, as after any lost answer). Only the API is gated: health,
 * documentation and the rest answer as usual.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class DatabaseGate implements WebFilter {

	private static final String DETAIL = "the database is not reachable; retry shortly";

	private final DatabaseProbe probe;

	private final ProblemWriter problems;

	DatabaseGate(DatabaseProbe probe, ProblemWriter problems) {
		this.probe = probe;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		// the outage first: while the database is away, the request is never started
		return Mono.firstWithSignal(this.probe.outage(), chain.filter(exchange).thenReturn(false))
			.flatMap((away) -> away ? refuse(exchange) : Mono.empty());
	}

	private Mono<Void> refuse(ServerWebExchange exchange) {
		if (exchange.getResponse().isCommitted()) {
			// part of the answer is sent: end it as broken, never as complete
			return Mono.error(new RefusedException(ErrorCode.DATABASE_UNAVAILABLE, "", DETAIL));
		}
		return this.problems.write(exchange, ErrorCode.DATABASE_UNAVAILABLE, DETAIL, HttpHeaders.EMPTY);
	}

}
