package io.dyntables.query.access;

import java.util.Optional;

import io.dyntables.api.access.RoleQueries.FindRole;
import io.dyntables.api.access.RoleQueries.RoleView;
import org.axonframework.queryhandling.QueryHandler;

import org.springframework.stereotype.Component;

/**
 * Answers the role queries from the read model. A role command waits on this for its
 * change; reading it drops this instance's grants, so the next check after the command's
 * answer sees the change even before the announcement comes round.
 */
@Component
class RoleQueryHandlers {

	private final RoleStore store;

	private final RoleGrants grants;

	RoleQueryHandlers(RoleStore store, RoleGrants grants) {
		this.store = store;
		this.grants = grants;
	}

	@QueryHandler
	Optional<RoleView> handle(FindRole query) {
		Optional<RoleView> role = this.store.find(query.name());
		this.grants.invalidate();
		return role;
	}

}
