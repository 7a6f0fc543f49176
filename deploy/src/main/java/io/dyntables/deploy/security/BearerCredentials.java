package io.dyntables.deploy.security;

import java.util.Map;
import java.util.Set;

import io.dyntables.api.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Proves who sends a bearer token, by its shape: the bootstrap admin key, an API key
 * ({@code dt_...}), or else a JWT when JWTs are configured. A token that proves nothing
 * fails the same way whatever was wrong with it, so the answer tells a prober nothing. A
 * credential that cannot be checked (the database or the issuer's key set unreachable)
 * fails as an {@link AuthenticationServiceException}, answered 503.
 */
final class BearerCredentials implements ReactiveAuthenticationManager {

	/** The principal the bootstrap admin key proves. */
	static final String ADMIN_PRINCIPAL = "key:admin";

	static final Caller ADMIN = new Caller(ADMIN_PRINCIPAL, Set.of(CallerAuthentication.ADMIN_ROLE), java.util.Map.of(),
			true);

	private final AdminKey adminKey;

	private final KeyCallers keys;

	private final ReactiveAuthenticationManager jwts;

	/**
	 * @param adminKey the bootstrap admin key (possibly none)
	 * @param keys the API keys
	 * @param jwts the manager of JWTs, or null when none are accepted
	 */
	BearerCredentials(AdminKey adminKey, KeyCallers keys, ReactiveAuthenticationManager jwts) {
		this.adminKey = adminKey;
		this.keys = keys;
		this.jwts = jwts;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return Mono.empty();
		}
		String token = bearer.getToken();
		if (this.adminKey.matches(token)) {
			return Mono.just(new CallerAuthentication(ADMIN));
		}
		if (ApiKeyFormat.looksLikeKey(token)) {
			return this.keys.caller(token)
				.<Authentication>map(CallerAuthentication::new)
				.switchIfEmpty(Mono.error(BearerCredentials::invalid))
				.onErrorMap((error) -> !(error instanceof AuthenticationException),
						(error) -> new AuthenticationServiceException("the key could not be looked up", error));
		}
		if (this.jwts != null) {
			// a token that fails a check is invalid; keys that cannot be fetched are our
			// fault
			return this.jwts.authenticate(authentication)
				.onErrorMap((error) -> !(error instanceof AuthenticationException), BearerCredentials::invalid);
		}
		return Mono.error(invalid());
	}

	private static InvalidBearerTokenException invalid() {
		return new InvalidBearerTokenException("invalid token");
	}

	private static InvalidBearerTokenException invalid(Throwable cause) {
		return new InvalidBearerTokenException("invalid token", cause);
	}

}
