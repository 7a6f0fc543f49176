package io.dyntables.deploy.security;

import java.net.InetSocketAddress;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.deploy.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The answers to a request without a valid credential (401) or whose credential does not
 * allow it (403), as Problem Details. A 401 carries {@code WWW-Authenticate} as RFC 6750
 * asks: {@code Bearer realm="dyntables"} when no credential came, with
 * {@code error="invalid_token"} when one came and proved nothing; neither says what was
 * wrong with it. A credential that could not be checked (what it is checked against was
 * unreachable) is answered 503 with Retry-After. Refused attempts at schema changes and
 * administration are logged.
 */
final class Refusals implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	static final String REALM = "Bearer realm=\"dyntables\"";

	static final String INVALID = REALM + ", error=\"invalid_token\"";

	private static final Logger log = LoggerFactory.getLogger(Refusals.class);

	private final ProblemWriter problems;

	private final String missingDetail;

	/**
	 * @param problems writes the answers
	 * @param missingDetail what a request without a credential is told
	 */
	Refusals(ProblemWriter problems, String missingDetail) {
		this.problems = problems;
		this.missingDetail = missingDetail;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
		if (refused instanceof AuthenticationServiceException) {
			log.warn("A credential could not be checked on {}: {}", exchange.getRequest().getPath().value(),
					(refused.getCause() != null) ? refused.getCause().toString() : refused.toString());
			return this.problems.write(exchange, ErrorCode.AUTHENTICATION_UNAVAILABLE,
					"the credential could not be checked just now; retry shortly", HttpHeaders.EMPTY);
		}
		boolean missing = refused instanceof AuthenticationCredentialsNotFoundException;
		logIfSensitive(exchange, missing ? "without a credential" : "with an invalid credential");
		return unauthorized(exchange, missing ? REALM : INVALID,
				missing ? this.missingDetail : "the credential is not valid");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.write(exchange, ErrorCode.FORBIDDEN, "the credential does not allow this request",
				HttpHeaders.EMPTY);
	}

	Mono<Void> unauthorized(ServerWebExchange exchange, String challenge, String detail) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		return this.problems.write(exchange, ErrorCode.UNAUTHENTICATED, detail, headers);
	}

	static void logIfSensitive(ServerWebExchange exchange, String how) {
		if (exchange.getRequest().getMethod() != null && RouteActions
			.changesSchemaOrAdministers(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value())) {
			InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
			log.warn("Refused {} {} {} from {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), how,
					(remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown");
		}
	}

}
