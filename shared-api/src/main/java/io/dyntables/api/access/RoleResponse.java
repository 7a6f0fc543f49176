package io.dyntables.api.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.security.Action;

/**
 * A role as the API answers it, its grants written as they are given.
 *
 * @param name the role
 * @param version the version of its last change (its ETag)
 * @param deleted whether it was deleted (only in history and as-of answers)
 * @param grants the grants, each as a JSON object
 * @param updatedAt when it last changed, or null
 */
public record RoleResponse(String name, long version, boolean deleted, List<Map<String, Object>> grants,
		Instant updatedAt) {

	public static RoleResponse of(RoleQueries.RoleView view) {
		return new RoleResponse(view.name(), view.version(), view.deleted(), written(view.grants()), view.updatedAt());
	}

	/** The grants as a request gives them. */
	public static List<Map<String, Object>> written(List<Grant> grants) {
		return grants.stream().map(RoleResponse::written).toList();
	}

	private static Map<String, Object> written(Grant grant) {
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("actions", grant.actions().stream().sorted().map(Action::token).toList());
		written.put("tables", grant.tables().written());
		if (grant.readFields() != null) {
			written.put("readFields", grant.readFields());
		}
		if (grant.writeFields() != null) {
			written.put("writeFields", grant.writeFields());
		}
		if (grant.rows() != null) {
			written.put("rows", grant.rows());
		}
		return written;
	}

}
