package io.dyntables.query.access;

import java.util.List;
import java.util.Set;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.AccessPolicy.Decision;
import io.dyntables.api.access.Grant;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableSchema;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The limits a caller's grants put on one table's rows, from the grants in memory: what
 * the rows service enforces in the SQL it runs. A caller without a grant of rows:read
 * reads no field and no row (a write then answers the row id only).
 */
@Component
public class TableRowAccess {

	private final RoleGrants grants;

	TableRowAccess(RoleGrants grants) {
		this.grants = grants;
	}

	public Mono<RowLimits> limits(Caller caller, TableSchema schema) {
		if (caller.unrestricted()) {
			return Mono.just(RowLimits.NONE);
		}
		return this.grants.of(caller).map((granted) -> limits(caller, granted, schema));
	}

	static RowLimits limits(Caller caller, List<Grant> granted, TableSchema schema) {
		Decision read = AccessPolicy.decide(caller, granted, Action.ROWS_READ, schema.tableId(), schema.name());
		Decision write = AccessPolicy.decide(caller, granted, Action.ROWS_WRITE, schema.tableId(), schema.name());
		return new RowLimits(read.allowed() ? read.fields() : Set.of(), write.allowed() ? write.fields() : Set.of(),
				read.allowed() ? read.rows() : List.of(), write.allowed() ? write.rows() : List.of());
	}

}
