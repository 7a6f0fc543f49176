package io.dyntables.query.access;

import java.time.Instant;

import io.dyntables.api.access.RoleEvents.RoleDeleted;
import io.dyntables.api.access.RoleEvents.RoleEvent;
import io.dyntables.api.access.RoleQueries.RoleView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the role events into the role read model, in the transaction that moves its
 * tracking token, and announces each change on {@value RoleGrants#CHANNEL} (delivered at
 * commit), so that every instance reloads its grants. Idempotent: an event older than the
 * stored role is skipped.
 */
@Component
@ProcessingGroup(RoleProjector.PROCESSING_GROUP)
public class RoleProjector {

	public static final String PROCESSING_GROUP = "role-projection";

	private final RoleStore store;

	private final JdbcTemplate jdbc;

	private final RoleGrants grants;

	RoleProjector(RoleStore store, JdbcTemplate jdbc, RoleGrants grants) {
		this.store = store;
		this.jdbc = jdbc;
		this.grants = grants;
	}

	@EventHandler
	void on(RoleEvent event, @Timestamp Instant time) {
		this.store
			.save(new RoleView(event.name(), event.version(), event instanceof RoleDeleted, event.grantsAfter(), time));
		announce(event.name());
	}

	@ResetHandler
	void reset() {
		this.store.clear();
		announce("*");
	}

	private void announce(String payload) {
		this.jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, RoleGrants.CHANNEL, payload);
		// this instance need not wait for the announcement to come round
		if (CurrentUnitOfWork.isStarted()) {
			CurrentUnitOfWork.get().afterCommit((unitOfWork) -> this.grants.invalidate());
		}
		else {
			this.grants.invalidate();
		}
	}

}
