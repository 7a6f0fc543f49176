package io.dyntables.query.access;

import java.util.function.Predicate;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableView;
import io.dyntables.query.catalog.TableVisibility;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** The tables a caller sees listed: those its grants allow schema:read on. */
@Component
class AccessVisibility implements TableVisibility {

	private final RoleGrants grants;

	AccessVisibility(RoleGrants grants) {
		this.grants = grants;
	}

	@Override
	public Mono<Predicate<TableView>> listable(Caller caller) {
		if (caller.unrestricted()) {
			return Mono.just((table) -> true);
		}
		return this.grants.of(caller)
			.map((granted) -> (table) -> AccessPolicy
				.decide(caller, granted, Action.SCHEMA_READ, table.id(), table.name())
				.allowed());
	}

}
