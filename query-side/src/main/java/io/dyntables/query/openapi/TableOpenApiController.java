package io.dyntables.query.openapi;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.HistoryQueries.FindTableAsOf;
import io.dyntables.api.roles.Roles;
import io.dyntables.api.table.Queries.FindAllTables;
import io.dyntables.api.table.Queries.FindTable;
import io.dyntables.api.security.Caller;
import io.dyntables.api.table.TableView;
import io.dyntables.query.QueryResults;
import io.dyntables.query.catalog.TableVisibility;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.OpenAPI;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each table's OpenAPI document, built on request from the table's current schema
 * (or its schema as of an earlier version, from the history), so the document follows
 * every schema change without a restart; and the index of those documents.
 */
@RestController
@ConditionalOnExpression(Roles.IF_QUERIES)
@Tag(name = "Tables")
class TableOpenApiController {

	private static final String VERSION = "version";

	private final QueryGateway queries;

	private final TableOpenApi documents;

	private final TableVisibility visibility;

	TableOpenApiController(QueryGateway queries, TableVisibility visibility,
			@Value("${dyntables.public-url:/}") String publicUrl,
			@Value("${dyntables.rows.max-page-size:1000}") int maxPageSize,
			@Value("${dyntables.rows.max-bulk-size:10000}") int maxBulkSize) {
		this.queries = queries;
		this.visibility = visibility;
		this.documents = new TableOpenApi(publicUrl, maxPageSize, maxBulkSize);
	}

	@GetMapping(path = "/api/table/{id}/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The OpenAPI document of a table's rows",
			description = "An OpenAPI 3.0.3 document of the row API typed by the table's schema: its fields' types, "
					+ "required fields, defaults, the filters each field takes. With 'version', the document of "
					+ "that earlier version of the schema. Generate a typed client from it. Fields the caller may "
					+ "not read rows of are left out.")
	Mono<ResponseEntity<String>> document(@PathVariable long id, @RequestParam(required = false) String version,
			@Parameter(hidden = true) Caller caller) {
		Long asOf = version(version);
		Mono<TableView> table = (asOf != null) ? asOf(id, asOf) : current(id);
		return table.flatMap((view) -> this.visibility.shown(caller, view))
			.map(this.documents::document)
			.map(TableOpenApiController::json)
			.map((json) -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json));
	}

	@GetMapping(path = "/api/openapi", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The index of the OpenAPI documents",
			description = "The service's document and, for every table that is not deleted, its own.")
	Mono<OpenApiIndex> index() {
		return Mono
			.fromFuture(
					() -> this.queries.query(new FindAllTables(), ResponseTypes.multipleInstancesOf(TableView.class)))
			.subscribeOn(Schedulers.boundedElastic())
			.map((views) -> new OpenApiIndex(OpenApiIndex.SERVICE_DOCUMENT,
					views.stream().map(OpenApiIndex.TableDocument::of).toList()));
	}

	private Mono<TableView> current(long id) {
		return QueryResults.optional(this.queries, new FindTable(id), TableView.class)
			.filter((view) -> !view.deleted())
			.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)));
	}

	/**
	 * The table as of a version; a version the table never had is refused naming the
	 * parameter, an unknown table as unknown.
	 */
	private Mono<TableView> asOf(long id, long version) {
		return QueryResults.optional(this.queries, new FindTableAsOf(id, version, null), TableView.class)
			.switchIfEmpty(Mono.defer(() -> QueryResults.optional(this.queries, new FindTable(id), TableView.class)
				.switchIfEmpty(Mono.error(() -> RefusedException.tableNotFound(id)))
				.flatMap((latest) -> Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND, "/query/" + VERSION,
						"table " + id + " has no version " + version + "; its versions are 1 to "
								+ latest.version())))))
			.flatMap((view) -> view.deleted() ? Mono.error(() -> new RefusedException(ErrorCode.NOT_FOUND,
					"/query/" + VERSION, "at version " + version + " table " + id + " is deleted")) : Mono.just(view));
	}

	/** The version asked for: absent, or a whole number from 1. */
	private static Long version(String version) {
		if (version == null) {
			return null;
		}
		if (!version.matches("[0-9]{1,18}") || Long.parseLong(version) < 1) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "/query/" + VERSION,
					"'version' must be a whole number from 1 (a version of the table's schema)");
		}
		return Long.parseLong(version);
	}

	private static String json(OpenAPI document) {
		try {
			return Json.mapper().writeValueAsString(document);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("the OpenAPI document could not be written", ex);
		}
	}

	/**
	 * Where the OpenAPI documents are.
	 *
	 * @param service the document of the whole service
	 * @param tables each table's document
	 */
	record OpenApiIndex(String service, List<TableDocument> tables) {

		static final String SERVICE_DOCUMENT = "/v3/api-docs";

		/**
		 * One table's document.
		 *
		 * @param id the table id
		 * @param name its label
		 * @param version its schema's version, the document's
		 * @param openapi the document's URL
		 */
		record TableDocument(long id, String name, long version, String openapi) {

			static TableDocument of(TableView view) {
				return new TableDocument(view.id(), view.name(), view.version(),
						"/api/table/" + view.id() + "/openapi.json");
			}

		}

	}

}
