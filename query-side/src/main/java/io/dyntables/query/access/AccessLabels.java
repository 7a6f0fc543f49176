package io.dyntables.query.access;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.TableLabels;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Checks the label a creation or a rename gives a table against the caller's schema:write
 * grants: a table created under a label pattern the caller may write falls under every
 * grant of that pattern, so its creator's roles reach it at once.
 */
@Component
class AccessLabels implements TableLabels {

	private final RoleGrants grants;

	AccessLabels(RoleGrants grants) {
		this.grants = grants;
	}

	@Override
	public void checkLabel(Caller caller, long tableId, String label) {
		if (caller.unrestricted()) {
			return;
		}
		if (!AccessPolicy.mayLabel(caller, this.grants.ofBlocking(caller), tableId, label)) {
			throw AccessGate.denied(caller, Action.SCHEMA_WRITE,
					"tables labelled '" + label.replaceAll("\\p{Cntrl}", "?") + "'",
					(tableId < 0) ? "/api/table" : "/api/table/" + tableId);
		}
	}

}
