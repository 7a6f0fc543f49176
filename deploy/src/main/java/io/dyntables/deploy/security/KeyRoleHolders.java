package io.dyntables.deploy.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dyntables.query.access.RoleHolders;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The API keys that held each role at a time, for the answer to who could do an action: a
 * key's roles are set when it is made, so the key store's times (created, revoked,
 * expires) say when it held them. Blocking JDBC: call off the event loop.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class KeyRoleHolders implements RoleHolders {

	private final ApiKeys keys;

	KeyRoleHolders(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public Map<String, List<KeyHolder>> keysByRole(Instant at) {
		Map<String, List<KeyHolder>> byRole = new TreeMap<>();
		this.keys.list()
			.stream()
			.filter((key) -> heldAt(key, at))
			.sorted(Comparator.comparing(ApiKey::prefix))
			.forEach((key) -> key.roles()
				.forEach((role) -> byRole.computeIfAbsent(role, (r) -> new ArrayList<>())
					.add(new KeyHolder(key.prefix(), key.name()))));
		return byRole;
	}

	private static boolean heldAt(ApiKey key, Instant at) {
		return !key.createdAt().isAfter(at) && (key.revokedAt() == null || key.revokedAt().isAfter(at))
				&& (key.expiresAt() == null || key.expiresAt().isAfter(at));
	}

}
