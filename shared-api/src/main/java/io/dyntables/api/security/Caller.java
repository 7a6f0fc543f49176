package io.dyntables.api.security;

import java.util.Map;
import java.util.Set;

/**
 * Who sends a request, as proven by its credential: the one value that authentication
 * hands to authorization and to the audit. Authentication makes it the principal of the
 * request's security context; every check of what a request may do, and the actor of
 * every event, start from it.
 *
 * @param principal the proven identity as recorded in history: {@code local} for a
 * loopback client in protected mode, {@code key:<prefix> (<name>)} for an API key,
 * {@code jwt:<issuer>#<subject>} for a bearer token
 * @param roles the names of the roles whose grants apply
 * @param attributes key or claim attributes a row filter may bind to (for example
 * {@code tenant})
 * @param unrestricted true when every action on every table is allowed without grants
 * (protected mode's loopback client, the bootstrap admin key)
 */
public record Caller(String principal, Set<String> roles, Map<String, String> attributes, boolean unrestricted) {

	/** The loopback client of protected mode, allowed everything. */
	public static final Caller LOCAL = new Caller("local", Set.of(), Map.of(), true);

	public Caller {
		roles = Set.copyOf(roles);
		attributes = Map.copyOf(attributes);
	}

}
