package io.dyntables.query.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who held roles at a time, as far as the service stores it: the API keys, kept outside
 * the query side. JWTs are never stored, so the subjects of tokens naming a role cannot
 * be listed.
 */
public interface RoleHolders {

	/**
	 * The API keys that held each role at the time (created by then, neither revoked nor
	 * expired yet), by role name.
	 */
	Map<String, List<KeyHolder>> keysByRole(Instant at);

	/**
	 * An API key, as lists show it.
	 *
	 * @param prefix the key's id
	 * @param name what the key is for
	 */
	record KeyHolder(String prefix, String name) {

	}

}
