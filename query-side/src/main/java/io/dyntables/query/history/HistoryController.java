package io.dyntables.query.history;

import io.dyntables.api.roles.Roles;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.HistoryQueries;
import io.dyntables.api.history.HistoryQueries.FetchProjectionStatus;
import io.dyntables.api.history.HistoryQueries.FetchSchemaDiff;
import io.dyntables.api.history.HistoryQueries.FetchSchemaHistory;
import io.dyntables.api.history.ProjectionStatus;
import io.dyntables.api.history.SchemaDiff;
import io.dyntables.api.history.SchemaHistory;
import io.dyntables.query.Params;
import io.dyntables.query.QueryResults;
import io.dyntables.query.catalog.TableVisibility;
import io.dyntables.api.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A table's history and the differences between its versions, as far as the caller may
 * read the table's fields.
 */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@RequestMapping("/api/table")
@Tag(name = "History", description = "Every schema change, who made it, and the DDL it ran")
class HistoryController {

	private static final int DEFAULT_LIMIT = 100;

	private final QueryGateway queries;

	private final TableVisibility visibility;

	HistoryController(QueryGateway queries, TableVisibility visibility) {
		this.queries = queries;
		this.visibility = visibility;
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Read a table's history",
			description = "Oldest first, paged: 'limit' entries (1 to 500, default 100) after the sequence number "
					+ "'after'; 'nextAfter' in the answer reads the next page. A change that names fields the "
					+ "caller may not read is told without them, as a HiddenChange, without its DDL and reason.")
	Mono<SchemaHistory> history(@PathVariable long id, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String after, @Parameter(hidden = true) Caller caller) {
		Long given = Params.number("limit", limit, 1, HistoryQueries.MAX_PAGE);
		int size = (given != null) ? given.intValue() : DEFAULT_LIMIT;
		Long from = Params.number("after", after, -1, Long.MAX_VALUE - 1);
		return this.visibility.fields(caller, id, null)
			.map((shown) -> new FetchSchemaHistory(id, (from != null) ? from : -1, size, shown))
			.flatMap((query) -> QueryResults.optional(this.queries, query, SchemaHistory.class))
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)));
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "Compare two versions of a table",
			description = "Fields added, removed, renamed, retyped and with changed options from version 'from' "
					+ "to version 'to' (either order). Only the fields the caller may read are compared.")
	Mono<SchemaDiff> diff(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @Parameter(hidden = true) Caller caller) {
		Long fromVersion = Params.number("from", from, 1, Long.MAX_VALUE);
		Long toVersion = Params.number("to", to, 1, Long.MAX_VALUE);
		if (fromVersion == null || toVersion == null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, (fromVersion == null) ? "/from" : "/to",
					"'from' and 'to' are required: the versions to compare");
		}
		return this.visibility.fields(caller, id, null)
			.map((shown) -> new FetchSchemaDiff(id, fromVersion, toVersion, shown))
			.flatMap((query) -> QueryResults.optional(this.queries, query, SchemaDiff.class))
			.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND, "",
					"table " + id + " does not exist or has no version " + Math.max(fromVersion, toVersion))));
	}

	@GetMapping("/{id}/status")
	@Operation(summary = "Is the table's latest change applied?",
			description = "applied; pending (on its way, or waiting for a lock, with a code); failed (with a code "
					+ "and a sentence, retried with backoff until it applies).")
	Mono<ProjectionStatus> status(@PathVariable long id) {
		return QueryResults.optional(this.queries, new FetchProjectionStatus(id), ProjectionStatus.class)
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)));
	}

}
