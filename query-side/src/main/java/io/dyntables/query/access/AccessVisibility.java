package io.dyntables.query.access;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.AccessPolicy.Decision;
import io.dyntables.api.access.Grant;
import io.dyntables.api.schema.FieldDefinition;
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
 * schema, a listing or an OpenAPI document tells no more of a table than its rows do. A
 * caller that may change the table's schema sees every field: a schema change names the
 * fields the table keeps, and one written from a partial schema would drop the others.
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
	public Mono<TableView> shown(Caller caller, TableView view) {
		if (caller.unrestricted()) {
			return Mono.just(view);
		}
		return this.grants.of(caller).flatMap((granted) -> {
			if (granted.stream().noneMatch(AccessVisibility::limitsReadFields)) {
				return Mono.just(view);
			}
			// patterns match the label now, whatever the table was called at this version
			return this.schemas.get(view.id())
				.map(TableSchema::name)
				.defaultIfEmpty(view.name())
				.map((label) -> AccessPolicy.decide(caller, granted, Action.SCHEMA_WRITE, view.id(), label).allowed()
						? view : withoutHidden(view,
								AccessPolicy.decide(caller, granted, Action.ROWS_READ, view.id(), label)));
		});
	}

	private static boolean limitsReadFields(Grant grant) {
		return grant.actions().contains(Action.ROWS_READ) && grant.readFields() != null;
	}

	private static TableView withoutHidden(TableView view, Decision reading) {
		if (!reading.allowed() || reading.fields() == null) {
			return view;
		}
		Set<String> readable = reading.fields();
		List<FieldDefinition> shown = view.fields()
			.stream()
			.filter((field) -> readable.contains(field.name()))
			.toList();
		return new TableView(view.id(), view.name(), view.physicalName(), shown, view.version(), view.deleted(),
				view.lastSequence());
	}

}
