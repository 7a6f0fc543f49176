package io.dyntables.deploy.security;

import java.util.List;

import io.dyntables.api.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * A proven {@link Caller} as Spring Security's authentication of a request: the caller is
 * its principal, and its name is the caller's principal (so
 * {@code ServerWebExchange.getPrincipal()} names who is recorded as the actor).
 * Authorization and the audit read the caller from here.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

	/** The role that allows administration until grants say more. */
	public static final String ADMIN_ROLE = "admin";

	private final Caller caller;

	public CallerAuthentication(Caller caller) {
		super(List.of());
		this.caller = caller;
		setAuthenticated(true);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return this.caller.principal();
	}

	/**
	 * The caller of the request being served, or empty outside an authenticated request.
	 */
	public static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(CallerAuthentication.class::isInstance)
			.map((authentication) -> ((CallerAuthentication) authentication).getPrincipal());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CallerAuthentication that && this.caller.equals(that.caller);
	}

	@Override
	public int hashCode() {
		return this.caller.hashCode();
	}

}
