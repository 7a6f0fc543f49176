package io.dyntables.api.access;

import java.time.Instant;
import java.util.List;

/** The queries about roles, answered from the role read model. */
public final class RoleQueries {

	private RoleQueries() {
	}

	/** One role, deleted ones included: answers an optional {@link RoleView}. */
	public record FindRole(String name) {
	}

	/**
	 * A role as the read model holds it.
	 *
	 * @param name the role
	 * @param version the version of its last event
	 * @param deleted whether it was deleted
	 * @param grants its grants (none once deleted)
	 * @param updatedAt when its last event was recorded
	 */
	public record RoleView(String name, long version, boolean deleted, List<Grant> grants, Instant updatedAt) {

		public RoleView {
			grants = List.copyOf(grants);
		}

	}

}
