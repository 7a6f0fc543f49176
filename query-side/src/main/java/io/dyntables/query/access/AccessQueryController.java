package io.dyntables.query.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleQueries.RoleView;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.HistoryQueries.FindTableAsOf;
import io.dyntables.api.roles.Roles;
import io.dyntables.api.security.Action;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.table.TableView;
import io.dyntables.query.Params;
import io.dyntables.query.QueryResults;
import io.dyntables.query.access.RoleHolders.KeyHolder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers "which roles could do this action on this table at that time" from the role
 * events and the table's label at that time (patterns match labels), with the API keys
 * that held those roles then. Callers are given roles by their API key or token (tokens
 * are not stored, so their holders cannot be listed); beyond the roles, unrestricted
 * callers (the admin key, the loopback client of protected mode) can do everything.
 */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@RequestMapping("/api/admin/access")
@Tag(name = "Access")
class AccessQueryController {

	private final RoleStore store;

	private final RoleHistory history;

	private final QueryGateway queries;

	private final RoleHolders holders;

	/** Without a key store in this instance, no key is listed. */
	AccessQueryController(RoleStore store, RoleHistory history, QueryGateway queries,
			ObjectProvider<RoleHolders> holders) {
		this.store = store;
		this.history = history;
		this.queries = queries;
		this.holders = holders.getIfAvailable(() -> (at) -> Map.of());
	}

	@GetMapping
	@Operation(summary = "Who could do an action on a table",
			description = "action (schema:read, ..., admin), table (an id), at (an ISO-8601 time, now when absent). "
					+ "Answers the roles whose grants allowed it then, with the fields and row rules they were "
					+ "held to and the API keys that held them then.")
	Mono<Map<String, Object>> whoCould(@RequestParam(required = false) String action,
			@RequestParam(required = false) String table, @RequestParam(required = false) String at) {
		Action asked = Action.of(action);
		if (asked == null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/query/action",
					"'action' is one of schema:read, schema:write, rows:read, rows:write, history:read, admin");
		}
		Long tableId = Params.number("table", table, 1, Long.MAX_VALUE);
		if (tableId == null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/query/table", "'table' (a table id) is required");
		}
		Instant when = Params.instant("at", at);
		Mono<TableView> tableThen = (when != null)
				? QueryResults.optional(this.queries, new FindTableAsOf(tableId, null, when), TableView.class)
				: QueryResults.optional(this.queries, new FindTable(tableId), TableView.class);
		return tableThen
			.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.TABLE_NOT_FOUND, "/query/table",
					"table " + tableId + ((when != null) ? " did not exist at " + when : " does not exist"))))
			.flatMap((view) -> Mono.fromCallable(() -> answer(asked, view, when))
				.subscribeOn(Schedulers.boundedElastic()));
	}

	private Map<String, Object> answer(Action action, TableView table, Instant at) {
		Instant when = (at != null) ? at : Instant.now();
		Map<String, List<KeyHolder>> keys = this.holders.keysByRole(when);
		List<Map<String, Object>> roles = new ArrayList<>();
		roles.add(builtInAdmin(keys));
		for (RoleView current : this.store.all()) {
			Optional<RoleView> then = (at != null) ? this.history.asOf(current.name(), null, at) : Optional.of(current);
			then.filter((role) -> !role.deleted()).ifPresent((role) -> {
				Map<String, Object> allowed = allowed(role, action, table);
				if (allowed != null) {
					allowed.put("keys", keys.getOrDefault(role.name(), List.of()));
					roles.add(allowed);
				}
			});
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("action", action.token());
		answer.put("table", table.id());
		answer.put("label", table.name());
		answer.put("at", when);
		answer.put("roles", roles);
		answer.put("tokens", "JWTs are not stored, so their subjects cannot be listed: any valid token whose roles "
				+ "claim names one of these roles could do it");
		answer.put("unrestricted",
				"the admin key and loopback clients in protected mode could do every action on every table");
		return answer;
	}

	/** The built-in role, which allows every action on every table. */
	private static Map<String, Object> builtInAdmin(Map<String, List<KeyHolder>> keys) {
		Map<String, Object> admin = new LinkedHashMap<>();
		admin.put("role", RoleGrants.ADMIN_ROLE);
		admin.put("builtIn", true);
		admin.put("fields", "*");
		admin.put("rows", "*");
		admin.put("keys", keys.getOrDefault(RoleGrants.ADMIN_ROLE, List.of()));
		return admin;
	}

	/** What the role's grants allowed of the action on the table, or null for nothing. */
	private static Map<String, Object> allowed(RoleView role, Action action, TableView table) {
		Set<String> fields = new LinkedHashSet<>();
		boolean allFields = false;
		List<String> rows = new ArrayList<>();
		boolean allRows = false;
		boolean any = false;
		for (Grant grant : role.grants()) {
			if (!grant.allows(action, table.id(), table.name())) {
				continue;
			}
			any = true;
			List<String> reached = (action == Action.ROWS_READ) ? grant.readFields()
					: (action == Action.ROWS_WRITE) ? grant.writeFields() : null;
			if (reached == null) {
				allFields = true;
			}
			else {
				fields.addAll(reached);
			}
			if (grant.rows() == null) {
				allRows = true;
			}
			else {
				rows.add(grant.rows());
			}
		}
		if (!any) {
			return null;
		}
		Map<String, Object> allowed = new LinkedHashMap<>();
		allowed.put("role", role.name());
		allowed.put("version", role.version());
		allowed.put("fields", allFields ? "*" : List.copyOf(fields));
		allowed.put("rows", allRows ? "*" : rows);
		return allowed;
	}

}
