package io.dyntables.query.rows;

import java.time.Duration;
import io.dyntables.api.roles.Roles;
import java.util.Map;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;

import io.dyntables.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Rows of a table. */
@RestController
@ConditionalOnExpression(Roles.IF_ROWS)
@RequestMapping("/api/table/{id}")
@Tag(name = "Rows", description = "Write and read rows of a table")
class RowController {

	private static final String ROW_EXAMPLE = """
			{"first_name": "Joe", "last_name": "Doe", "age": 16, "address": "Heaven Str 45"}""";

	private final SingleRows rows;

	private final RowLoads bulk;

	private final Listings listings;

	private final RowWriter writer;

	private final LoadLimiter loads;

	private final Duration streamRowTimeout;

	private final StallGuard stalls;

	private final int maxBulkSize;

	private final LoadBody bodies;

	private final RowMetrics metrics;

	RowController(SingleRows rows, RowLoads bulk, Listings listings, RowWriter writer, LoadLimiter loads,
			LoadBody bodies, RowMetrics metrics,
			@Value("${dyntables.rows.stream-row-timeout:30s}") Duration streamRowTimeout,
			@Value("${dyntables.rows.max-bulk-size:10000}") int maxBulkSize) {
		this.maxBulkSize = maxBulkSize;
		this.bodies = bodies;
		this.rows = rows;
		this.bulk = bulk;
		this.listings = listings;
		this.writer = writer;
		this.loads = loads;
		this.streamRowTimeout = streamRowTimeout;
		this.stalls = new StallGuard(streamRowTimeout);
		this.metrics = metrics;
	}

	@PostMapping("/row")
	@Operation(summary = "Add a row",
			description = "Values are checked strictly against the schema: \"12\" is not an integer. "
					+ "Answers 201 with the stored row and its id.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Person", value = ROW_EXAMPLE))))
	Mono<ResponseEntity<Map<String, Object>>> insert(@PathVariable long id, @RequestBody Map<String, Object> row,
			@Parameter(hidden = true) Caller caller) {
		return this.rows.insert(id, row, caller)
			.doOnNext((stored) -> this.metrics.inserted())
			.map((stored) -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.LOCATION, "/api/table/" + id + "/rows/" + stored.get("id"))
				.body(stored));
	}

	@GetMapping("/rows/{rowId}")
	@Operation(summary = "Read a row")
	Mono<Map<String, Object>> get(@PathVariable long id, @PathVariable long rowId,
			@Parameter(hidden = true) Caller caller) {
		return this.rows.get(id, rowId, caller);
	}

	@PutMapping(path = "/rows/{rowId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a row",
			description = "The whole row, checked as an insert is: absent fields get their defaults or are refused when required.")
	Mono<Map<String, Object>> replace(@PathVariable long id, @PathVariable long rowId,
			@RequestBody Map<String, Object> row, @Parameter(hidden = true) Caller caller) {
		return this.rows.replace(id, rowId, row, caller).doOnNext((stored) -> this.metrics.updated());
	}

	@PatchMapping(path = "/rows/{rowId}",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change fields of a row", description = "Only the given fields are checked and changed.")
	Mono<Map<String, Object>> patch(@PathVariable long id, @PathVariable long rowId,
			@RequestBody Map<String, Object> row, @Parameter(hidden = true) Caller caller) {
		return this.rows.patch(id, rowId, row, caller).doOnNext((stored) -> this.metrics.updated());
	}

	@DeleteMapping("/rows/{rowId}")
	@Operation(summary = "Delete a row")
	Mono<ResponseEntity<Void>> delete(@PathVariable long id, @PathVariable long rowId,
			@Parameter(hidden = true) Caller caller) {
		return this.rows.delete(id, rowId, caller)
			.then(Mono.fromRunnable(this.metrics::deleted))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@PostMapping(path = "/rows", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add many rows",
			description = "A JSON array of rows, inserted all or none; refusals point at /<index>/<field>. "
					+ "With onConflict=<unique field>, a row whose value of that field exists updates that row.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(type = "object")))))
	Mono<ResponseEntity<Map<String, Object>>> insertAll(@PathVariable long id, ServerWebExchange exchange,
			@RequestParam(required = false) String onConflict, @Parameter(hidden = true) Caller caller) {
		// read row by row: the body size limit applies to each row, and the array is
		// limited by its number of rows (one more than allowed is enough to refuse it)
		return this.bodies.rows(exchange.getRequest(), LoadBody.Shape.JSON_ARRAY)
			.take(this.maxBulkSize + 1L)
			.collectList()
			.flatMap((all) -> this.loads.run(() -> this.bulk.insertAll(id, all, onConflict, caller)))
			.doOnNext((count) -> this.metrics.loaded(false, count))
			.map(RowController::inserted);
	}

	@PostMapping(path = "/rows", consumes = MediaType.APPLICATION_NDJSON_VALUE)
	@Operation(summary = "Load a stream of rows",
			description = "One JSON object per line, streamed into the table in batches, all or none, in one transaction.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "object"))))
	Mono<ResponseEntity<Map<String, Object>>> insertStream(@PathVariable long id, ServerWebExchange exchange,
			@RequestParam(required = false) String onConflict, @Parameter(hidden = true) Caller caller) {
		Flux<Map<String, Object>> rows = this.bodies.rows(exchange.getRequest(), LoadBody.Shape.NDJSON);
		// a client that stops sending (or sends a line so slowly that it never ends)
		// must not hold the load's database connection
		Flux<Map<String, Object>> timely = this.stalls.guard(rows, () -> new RefusedException(ErrorCode.REQUEST_TIMEOUT,
				"", "no complete row arrived for " + this.streamRowTimeout.toSeconds() + " s; nothing was inserted"));
		return this.loads.run(() -> this.bulk.insertStream(id, timely, onConflict, caller))
			.doOnNext((count) -> this.metrics.loaded(true, count))
			.map(RowController::inserted);
	}

	private static ResponseEntity<Map<String, Object>> inserted(long count) {
		return ResponseEntity.status(201).body(Map.of("inserted", count));
	}

	@GetMapping("/rows")
	@Operation(summary = "List rows",
			description = "Without parameters, a JSON array of every row by id. Parameters: select (fields, or "
					+ "aggregates count(), sum(f), avg(f), min(f), max(f), alias:sum(f), grouped by the selected "
					+ "fields), order, limit, after (cursor from the Link header), count=exact|estimated "
					+ "(X-Total-Count), format=json|ndjson|csv (or the Accept header), filters field=op.value "
					+ "(eq, neq, gt, gte, lt, lte, in.(a,b), is.null, is.not_null, is.true, is.false, is.unknown, "
					+ "like, ilike, fts, plfts, phfts, wfts with an optional language: fts(english).fox; not. before "
					+ "any), and logic or=(a.eq.1,and(b.gt.2,c.is.null)), and=(...), not.or=(...), not.and=(...).")
	Mono<Void> list(@PathVariable long id, ServerWebExchange exchange, @Parameter(hidden = true) Caller caller) {
		return this.listings.list(id, exchange.getRequest().getQueryParams(), caller,
				(listed) -> this.writer.write(listed, exchange), () -> !exchange.getResponse().isCommitted());
	}

}
