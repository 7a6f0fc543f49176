package io.dyntables.deploy.security;

import java.net.InetSocketAddress;
import java.util.Locale;

import io.dyntables.api.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Protected mode, when no credential is configured: like Redis, the service then serves
 * only clients on this machine. Whether a client is local is judged by the connection's
 * remote address alone: {@code X-Forwarded-For} and {@code Forwarded} change it only when
 * forwarded-header handling is turned on ({@code DYNTABLES_FORWARD_HEADERS}), and while
 * it is off, a local connection that names a client in them ({@code X-Forwarded-For},
 * {@code X-Real-IP}, {@code Forwarded: for=...}) is a proxy relaying someone else and is
 * refused too. The health probes answer everyone. A local request without a bearer token
 * is the unrestricted {@link Caller#LOCAL}; one with a token is checked like any other.
 */
final class ProtectedMode {

	static final String DETAIL = "this service runs in protected mode: no credential is configured, so it serves "
			+ "only clients on its own machine. To accept other clients, set DYNTABLES_ADMIN_KEY (or "
			+ "DYNTABLES_ADMIN_KEY_FILE, or the DYNTABLES_JWT_* settings) and send Authorization: Bearer <key>";

	/** Headers a proxy names the client it relays in. */
	private static final String[] CLIENT_HEADERS = { "X-Forwarded-For", "X-Real-IP" };

	private final Refusals refusals;

	private final boolean forwardedHeadersTrusted;

	ProtectedMode(Refusals refusals, boolean forwardedHeadersTrusted) {
		this.refusals = refusals;
		this.forwardedHeadersTrusted = forwardedHeadersTrusted;
	}

	/**
	 * Refuses every request that does not come from this machine, before any credential
	 * is read.
	 */
	WebFilter gate() {
		return (exchange, chain) -> {
			if (local(exchange.getRequest()) || RouteActions.isPublicProbe(exchange.getRequest().getPath().value())) {
				return chain.filter(exchange);
			}
			Refusals.logIfSensitive(exchange, "from another machine in protected mode");
			return this.refusals.unauthorized(exchange, Refusals.REALM, DETAIL);
		};
	}

	/** Makes a local request without a credential the unrestricted local caller. */
	WebFilter localCaller() {
		return this::localCaller;
	}

	private Mono<Void> localCaller(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.filter((context) -> context.getAuthentication() != null)
			.hasElement()
			.flatMap((authenticated) -> (authenticated || !local(exchange.getRequest())) ? chain.filter(exchange)
					: chain.filter(exchange)
						.contextWrite(ReactiveSecurityContextHolder
							.withAuthentication(new CallerAuthentication(Caller.LOCAL))));
	}

	boolean local(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
			return false;
		}
		if (!this.forwardedHeadersTrusted) {
			HttpHeaders headers = request.getHeaders();
			for (String header : CLIENT_HEADERS) {
				if (headers.containsHeader(header)) {
					return false;
				}
			}
			for (String forwarded : headers.getOrEmpty("Forwarded")) {
				if (forwarded.toLowerCase(Locale.ROOT).contains("for=")) {
					return false;
				}
			}
		}
		return true;
	}

}
