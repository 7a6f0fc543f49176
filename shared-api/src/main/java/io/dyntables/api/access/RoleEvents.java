package io.dyntables.api.access;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The events of the {@code AccessRole} aggregate: the history of who may do what. Every
 * event names the role version it produces.
 */
public final class RoleEvents {

	private RoleEvents() {
	}

	/** What every role event has. */
	public sealed interface RoleEvent permits RoleCreated, RoleGrantsSet, RoleDeleted {

		String name();

		long version();

		/** The role's grants after the event (none once deleted). */
		List<Grant> grantsAfter();

	}

	@Revision("1")
	public record RoleCreated(String name, long version, List<Grant> grants) implements RoleEvent {

		public RoleCreated {
			grants = List.copyOf(grants);
		}

		@Override
		public List<Grant> grantsAfter() {
			return this.grants;
		}

	}

	@Revision("1")
	public record RoleGrantsSet(String name, long version, List<Grant> grants) implements RoleEvent {

		public RoleGrantsSet {
			grants = List.copyOf(grants);
		}

		@Override
		public List<Grant> grantsAfter() {
			return this.grants;
		}

	}

	@Revision("1")
	public record RoleDeleted(String name, long version) implements RoleEvent {

		@Override
		public List<Grant> grantsAfter() {
			return List.of();
		}

	}

}
