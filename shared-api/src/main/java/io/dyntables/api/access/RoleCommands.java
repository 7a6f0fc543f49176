package io.dyntables.api.access;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the {@code AccessRole} aggregate. A role's name is its identifier in
 * the event store; role names start with a letter, table ids are numbers, so the two
 * never meet.
 */
public final class RoleCommands {

	private RoleCommands() {
	}

	/**
	 * Make the role's grants exactly these, creating the role if it does not exist (or
	 * was deleted).
	 *
	 * @param expectedVersion the version the client read (If-Match), or null
	 */
	public record SetRole(@TargetAggregateIdentifier String name, List<Grant> grants, Long expectedVersion) {
	}

	/** Delete the role: its grants no longer apply to anyone. */
	public record DeleteRole(@TargetAggregateIdentifier String name, Long expectedVersion) {
	}

}
