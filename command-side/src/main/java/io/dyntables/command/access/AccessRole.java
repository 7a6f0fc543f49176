package io.dyntables.command.access;

import java.util.List;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleCommands.DeleteRole;
import io.dyntables.api.access.RoleCommands.SetRole;
import io.dyntables.api.access.RoleEvents.RoleCreated;
import io.dyntables.api.access.RoleEvents.RoleDeleted;
import io.dyntables.api.access.RoleEvents.RoleGrantsSet;
import io.dyntables.api.access.RoleNames;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A role and its grants as a consistency boundary, event-sourced like a table: every
 * change of who may do what is an event with its actor, so the history answers who could
 * do what at any time. The grants were checked (actions, scopes, row rules) before the
 * command was sent; the role checks its name and its version.
 */
@Aggregate
class AccessRole {

	@AggregateIdentifier
	private String name;

	/** The version of the last event, 0 before the first. */
	private long version;

	private boolean deleted;

	private List<Grant> grants = List.of();

	AccessRole() {
		// for Axon
	}

	@CommandHandler
	@CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
	long handle(SetRole command) {
		RoleNames.problem(command.name()).ifPresent((problem) -> {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/name", problem);
		});
		if (RoleNames.ADMIN.equals(command.name())) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/name", "the admin role is built in");
		}
		checkVersion(command.expectedVersion());
		if (this.name == null || this.deleted) {
			apply(new RoleCreated(command.name(), this.version + 1, command.grants()));
		}
		else if (!this.grants.equals(command.grants())) {
			apply(new RoleGrantsSet(command.name(), this.version + 1, command.grants()));
		}
		return this.version;
	}

	@CommandHandler
	long handle(DeleteRole command) {
		if (this.deleted) {
			throw new RefusedException(ErrorCode.NOT_FOUND, "", "no role named " + command.name());
		}
		checkVersion(command.expectedVersion());
		apply(new RoleDeleted(command.name(), this.version + 1));
		return this.version;
	}

	private void checkVersion(Long expected) {
		if (expected != null && expected != this.version) {
			throw new RefusedException(ErrorCode.PRECONDITION_FAILED, "",
					"If-Match names version " + expected + ", the role is at version " + this.version);
		}
	}

	@EventSourcingHandler
	void on(RoleCreated event) {
		this.name = event.name();
		this.version = event.version();
		this.deleted = false;
		this.grants = event.grants();
	}

	@EventSourcingHandler
	void on(RoleGrantsSet event) {
		this.version = event.version();
		this.grants = event.grants();
	}

	@EventSourcingHandler
	void on(RoleDeleted event) {
		this.version = event.version();
		this.deleted = true;
		this.grants = List.of();
	}

}
