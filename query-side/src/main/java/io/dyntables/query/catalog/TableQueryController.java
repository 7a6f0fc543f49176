package io.dyntables.query.catalog;

import io.dyntables.api.roles.Roles;
import java.time.Instant;
import java.util.List;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.HistoryQueries.FindTableAsOf;
import io.dyntables.api.table.Queries.FindAllTables;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.table.TableResponse;
import io.dyntables.api.table.TableView;
import io.dyntables.query.Params;
import io.dyntables.query.QueryResults;
import io.dyntables.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads tables' schemas. */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@RequestMapping("/api/table")
@Tag(name = "Tables")
class TableQueryController {

	private final QueryGateway queries;

	private final TableVisibility visibility;

	TableQueryController(QueryGateway queries, TableVisibility visibility) {
		this.queries = queries;
		this.visibility = visibility;
	}

	@GetMapping
	@Operation(summary = "List all tables",
			description = "A JSON array of every table that is not deleted and whose schema the caller may read.")
	Mono<List<TableResponse>> all(@Parameter(hidden = true) Caller caller) {
		return this.visibility.listable(caller)
			.flatMap((listable) -> Mono
				.fromFuture(() -> this.queries.query(new FindAllTables(),
						ResponseTypes.multipleInstancesOf(TableView.class)))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapMany((views) -> Flux.fromIterable(views).filter(listable))
				.concatMap((view) -> this.visibility.shown(caller, view))
				.map(TableResponse::of)
				.collectList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a table's schema",
			description = "The ETag is the table's version; send it as If-Match to change the table safely. "
					+ "With 'version' (a number) or 'at' (an ISO-8601 time), the schema as it was then, "
					+ "deleted tables included. Fields the caller may not read rows of are left out.")
	Mono<ResponseEntity<TableResponse>> one(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String at, @Parameter(hidden = true) Caller caller) {
		Long asOfVersion = Params.number("version", version, 1, Long.MAX_VALUE);
		Instant asOf = Params.instant("at", at);
		if (asOfVersion != null && asOf != null) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/at", "give 'version' or 'at', not both");
		}
		if (asOfVersion != null || asOf != null) {
			return asOf(id, new FindTableAsOf(id, asOfVersion, asOf), caller);
		}
		return QueryResults.optional(this.queries, new FindTable(id), TableView.class)
			.filter((view) -> !view.deleted())
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)))
			.flatMap((view) -> this.visibility.shown(caller, view))
			.map((view) -> ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(TableResponse.of(view)));
	}

	private Mono<ResponseEntity<TableResponse>> asOf(long id, FindTableAsOf query, Caller caller) {
		return QueryResults.optional(this.queries, query, TableView.class)
			.switchIfEmpty(Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND, "",
					(query.version() != null) ? "table " + id + " has no version " + query.version()
							: "table " + id + " did not exist at " + query.at())))
			.flatMap((view) -> this.visibility.shown(caller, view))
			.map((view) -> ResponseEntity.ok().body(TableResponse.of(view)));
	}

}
