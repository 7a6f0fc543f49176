package io.dyntables.query.access;

import io.dyntables.api.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * The proven caller of the request being handled: the {@link Caller} that authentication
 * made the principal of the request's security context.
 */
final class Callers {

	private Callers() {
	}

	/** The caller, or empty when the request carries none. */
	static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(Authentication::getPrincipal)
			.filter(Caller.class::isInstance)
			.cast(Caller.class);
	}

}
