package io.dyntables.query.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.table.TableView;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document of one table's rows at one version of its schema: each operation
 * of the row API with the table's own field types in its bodies, answers and filters, so
 * that a client generated from it is typed by the table. Written in OpenAPI 3.0.3, the
 * version code generators and validators support best. The paths name the table's id, so
 * a generated client needs no table argument.
 */
public final class TableOpenApi {

	static final String OPENAPI_VERSION = "3.0.3";

	private static final String JSON = "application/json";

	private static final String NDJSON = "application/x-ndjson";

	private static final String CSV = "text/csv";

	private static final String TAG = "Rows";

	private final String serverUrl;

	private final int maxPageSize;

	private final int maxBulkSize;

	/**
	 * @param serverUrl the server the document names
	 * @param maxPageSize the largest page of a listing
	 * @param maxBulkSize the most rows of a JSON array load
	 */
	public TableOpenApi(String serverUrl, int maxPageSize, int maxBulkSize) {
		this.serverUrl = serverUrl;
		this.maxPageSize = maxPageSize;
		this.maxBulkSize = maxBulkSize;
	}

	/** The document of the table at the version the view holds. */
	public OpenAPI document(TableView table) {
		Components components = new Components();
		RowSchemas.of(table).forEach(components::addSchemas);
		ProblemResponses.schemas().forEach(components::addSchemas);
		ProblemResponses.responses().forEach(components::addResponses);
		String base = "/api/table/" + table.id();
		Paths paths = new Paths();
		paths.addPathItem(base + "/row", new PathItem().post(insert()));
		paths.addPathItem(base + "/rows", new PathItem().get(list(table)).post(load(table)));
		paths.addPathItem(base + "/rows/{rowId}",
				new PathItem().addParametersItem(rowId()).get(read()).put(replace()).patch(patch()).delete(delete()));
		return new OpenAPI().openapi(OPENAPI_VERSION)
			.info(info(table))
			.servers(List.of(new Server().url(this.serverUrl)))
			.tags(List.of(new Tag().name(TAG).description("The rows of table " + table.id())))
			.paths(paths)
			.components(components);
	}

	private static Info info(TableView table) {
		return new Info().title("dyntables table " + table.id() + ": " + table.name())
			.version(String.valueOf(table.version()))
			.description("The rows of table " + table.id() + " (" + table.name() + "), typed by its schema at version "
					+ table.version() + " (the document's version). The document changes with the schema: read it "
					+ "again after a change; ?version=N gives the one of an earlier version. Values are checked "
					+ "strictly: \"12\" is not an integer.")
			.extensions(new TreeMap<>(
					Map.of("x-dyntables-table-id", table.id(), "x-dyntables-table-version", table.version(),
							"x-dyntables-fields", table.fields().stream().map(FieldDefinition::name).toList())));
	}

	private static Operation insert() {
		return operation("insertRow", "Add a row",
				"Answers 201 with the stored row, its id included, and its Location.")
			.requestBody(body(RowSchemas.NEW_ROW, JSON))
			.responses(withErrors(
					new ApiResponses().addApiResponse("201",
							new ApiResponse().description("The stored row")
								.addHeaderObject("Location", header("The row's URL"))
								.content(content(RowSchemas.ref(RowSchemas.ROW), JSON))),
					400, 404, 409, 410, 413, 415, 422, 503));
	}

	private Operation load(TableView table) {
		ArraySchema rows = new ArraySchema();
		rows.items(RowSchemas.ref(RowSchemas.NEW_ROW));
		rows.maxItems(this.maxBulkSize);
		Operation load = operation("insertRows", "Add many rows",
				"A JSON array of rows, or NDJSON (one row per line, streamed), inserted all or none; refusals point "
						+ "at /<index>/<field>. With onConflict, a row whose value of that unique field exists "
						+ "updates that row.")
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(JSON, new MediaType().schema(rows))
					.addMediaType(NDJSON, new MediaType().schema(RowSchemas.ref(RowSchemas.NEW_ROW)))))
			.responses(withErrors(
					new ApiResponses().addApiResponse("201",
							new ApiResponse().description("How many rows were inserted or updated")
								.content(content(RowSchemas.ref(RowSchemas.INSERTED), JSON))),
					400, 404, 408, 409, 410, 413, 415, 422, 503));
		List<String> unique = table.fields()
			.stream()
			.filter(FieldDefinition::unique)
			.map(FieldDefinition::name)
			.toList();
		if (!unique.isEmpty()) {
			Schema<Object> names = new Schema<>().type("string");
			unique.forEach(names::addEnumItemObject);
			load.addParametersItem(new Parameter().in("query")
				.name("onConflict")
				.description("A unique field: a row whose value of it exists updates that row (an upsert)")
				.schema(names));
		}
		return load;
	}

	private Operation list(TableView table) {
		Operation list = operation("listRows", "List rows, or export them",
				"Without parameters, every row by id as a JSON array, streamed. With format=ndjson or format=csv "
						+ "(or the Accept header), an export of the same query, streamed in constant memory.");
		ListingParameters.of(table, this.maxPageSize).forEach(list::addParametersItem);
		Schema<Object> csv = new Schema<>().type("string").description("RFC 4180 CSV with a header row");
		return list
			.responses(
					withErrors(
							new ApiResponses().addApiResponse("200",
									new ApiResponse().description("The rows")
										.addHeaderObject("Link",
												header("rel=\"next\": the next page, when a limited page has one"))
										.addHeaderObject("X-Total-Count",
												new Header()
													.description("The number of rows the filters select, with count")
													.schema(new Schema<>().type("integer").format("int64")))
										.content(
												new Content()
													.addMediaType(JSON,
															new MediaType().schema(new ArraySchema()
																.items(RowSchemas.ref(RowSchemas.ROW))))
													.addMediaType(NDJSON,
															new MediaType().schema(RowSchemas.ref(RowSchemas.ROW)))
													.addMediaType(CSV, new MediaType().schema(csv)))),
							400, 404, 406, 409, 410, 503));
	}

	private static Operation read() {
		return operation("getRow", "Read a row", null)
			.responses(withErrors(new ApiResponses().addApiResponse("200", rowAnswer("The row")), 400, 404, 410, 503));
	}

	private static Operation replace() {
		return operation("replaceRow", "Replace a row",
				"The whole row, checked as an insert is: absent fields get their defaults or are refused when "
						+ "required.")
			.requestBody(body(RowSchemas.NEW_ROW, JSON))
			.responses(withErrors(new ApiResponses().addApiResponse("200", rowAnswer("The stored row")), 400, 404, 409,
					410, 413, 415, 422, 503));
	}

	private static Operation patch() {
		return operation("patchRow", "Change fields of a row", "Only the given fields are checked and changed.")
			.requestBody(body(RowSchemas.ROW_PATCH, JSON, "application/merge-patch+json"))
			.responses(withErrors(new ApiResponses().addApiResponse("200", rowAnswer("The stored row")), 400, 404, 409,
					410, 413, 415, 422, 503));
	}

	private static Operation delete() {
		return operation("deleteRow", "Delete a row", null)
			.responses(withErrors(new ApiResponses().addApiResponse("204", new ApiResponse().description("Deleted")),
					400, 404, 410, 503));
	}

	private static Parameter rowId() {
		return new Parameter().in("path")
			.name("rowId")
			.required(true)
			.description("The row's id")
			.schema(new Schema<>().type("integer").format("int64"));
	}

	private static Operation operation(String id, String summary, String description) {
		return new Operation().operationId(id).summary(summary).description(description).addTagsItem(TAG);
	}

	private static RequestBody body(String schema, String... mediaTypes) {
		Content content = new Content();
		for (String mediaType : mediaTypes) {
			content.addMediaType(mediaType, new MediaType().schema(RowSchemas.ref(schema)));
		}
		return new RequestBody().required(true).content(content);
	}

	private static ApiResponse rowAnswer(String description) {
		return new ApiResponse().description(description).content(content(RowSchemas.ref(RowSchemas.ROW), JSON));
	}

	private static Content content(Schema<?> schema, String mediaType) {
		return new Content().addMediaType(mediaType, new MediaType().schema(schema));
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new Schema<>().type("string"));
	}

	private static ApiResponses withErrors(ApiResponses success, int... statuses) {
		ProblemResponses.errors(statuses).forEach(success::addApiResponse);
		return success;
	}

}
