package io.dyntables.deploy.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An API key as listed: everything but the secret, which is never kept.
 *
 * @param prefix the key's id, the part after {@code dt_} up to the next underscore
 * @param principal who the key proves, as history records it
 * @param name what the key is for, as its creator said
 * @param roles the roles whose grants apply to the key
 * @param attributes values a row filter may bind to (for example {@code tenant})
 * @param createdBy the principal that created the key
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or null
 * @param revokedAt when it was revoked, or null
 * @param lastUsedAt about when it was last used (written at most about once a minute), or
 * null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(String prefix, String principal, String name, List<String> roles, Map<String, String> attributes,
		String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	/** The principal a key with this prefix and name proves. */
	static String principal(String prefix, String name) {
		return "key:" + prefix + " (" + name + ")";
	}

}
