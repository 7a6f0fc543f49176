package io.dyntables.query.access;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.access.TableLabels;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Caller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Checks the label a creation, a rename or a revert gives a table against the caller's
 * schema:write grants: a table created under a label pattern the caller may write falls
 * under every grant of that pattern, so its creator's roles reach it at once.
 */
@Component
class AccessLabels implements TableLabels {

	private static final Logger log = LoggerFactory.getLogger(AccessLabels.class);

	private final RoleGrants grants;

	AccessLabels(RoleGrants grants) {
		this.grants = grants;
	}

	@Override
	public void checkLabel(Caller caller, long tableId, String label, String pointer) {
		if (caller.unrestricted()) {
			return;
		}
		if (!AccessPolicy.mayLabel(caller, this.grants.ofBlocking(caller), tableId, label)) {
			String shown = label.replaceAll("\\p{Cntrl}", "?");
			log.warn("Denied schema:write on tables labelled '{}' to {}", shown, caller.principal());
			throw new RefusedException(ErrorCode.FORBIDDEN, pointer, "this needs schema:write on tables labelled '"
					+ shown + "', which the caller's roles do not grant");
		}
	}

}
