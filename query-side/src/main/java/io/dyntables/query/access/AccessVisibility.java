package io.dyntables.query.access;

import java.util.List;
import java.util.function.Predicate;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.AccessPolicy.Decision;
import io.dyntables.api.access.Grant;
import io.dyntables.api.access.ShownFields;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.TableView;
import io.dyntables.query.catalog.SchemaCache;
import io.dyntables.query.catalog.TableVisibility;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What of the tables' schemas a caller is shown, from its grants: the tables it may
 * schema:read, and of their fields those its rows:read grants let it read, so that a
 * schema, a listing, an OpenAPI document, a history, a diff, a drift report or the change
 * feed tells no more of a table than its rows do. A caller that may change the table's
 * schema sees every field: a schema change names the fields the table keeps, and one
 * written from a partial schema would drop the others.
 */
@Component
class AccessVisibility implements TableVisibility {

	private final RoleGrants grants;

	private final SchemaCache schemas;

	AccessVisibility(RoleGrants grants, SchemaCache schemas) {
		this.grants = grants;
		this.schemas = schemas;
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

	@Override
	public Mono<ShownFields> fields(Caller caller, long tableId, String label) {
		if (caller.unrestricted()) {
			return Mono.just(ShownFields.ALL);
		}
		return this.grants.of(caller).flatMap((granted) -> {
			if (granted.stream().noneMatch(AccessVisibility::limitsReadFields)) {
				return Mono.just(ShownFields.ALL);
			}
			// patterns match the label now, whatever the table was called at the time
			return this.schemas.get(tableId)
				.map(TableSchema::name)
				.switchIfEmpty(Mono.justOrEmpty(label))
				.map((name) -> shown(caller, granted, tableId, name))
				.defaultIfEmpty(ShownFields.NONE);
		});
	}

	private static ShownFields shown(Caller caller, List<Grant> granted, long tableId, String label) {
		if (AccessPolicy.decide(caller, granted, Action.SCHEMA_WRITE, tableId, label).allowed()) {
			return ShownFields.ALL;
		}
		Decision reading = AccessPolicy.decide(caller, granted, Action.ROWS_READ, tableId, label);
		return (!reading.allowed() || reading.fields() == null) ? ShownFields.ALL : new ShownFields(reading.fields());
	}

	private static boolean limitsReadFields(Grant grant) {
		return grant.actions().contains(Action.ROWS_READ) && grant.readFields() != null;
	}

}
