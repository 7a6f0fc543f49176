package io.dyntables.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table's OpenAPI document: typed by the table's schema, valid by swagger-parser,
 * following every schema change without a restart, the earlier versions' documents read
 * from the history; bad versions and unknown tables answered as problems. And the
 * service's own document: described, versioned, its tags in order, an example for every
 * request body.
 */
@DyntablesIT
class TableOpenApiIT {

	@Autowired
	WebTestClient http;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.http);
	}

	private long everyTypeTable() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", Map.of("type", "string", "maxLength", 80));
		fields.put("note", Map.of("type", "text", "required", false));
		fields.put("age", Map.of("type", "integer", "default", 18));
		fields.put("big", Map.of("type", "bigint", "required", false));
		fields.put("price", Map.of("type", "decimal", "precision", 8, "scale", 2, "required", false));
		fields.put("ratio", Map.of("type", "float", "required", false));
		fields.put("active", Map.of("type", "boolean", "required", false));
		fields.put("born", Map.of("type", "date", "required", false));
		fields.put("seen", Map.of("type", "timestamp", "required", false));
		fields.put("key", Map.of("type", "uuid", "required", false, "unique", true));
		fields.put("data", Map.of("type", "json", "required", false));
		fields.put("limit", Map.of("type", "integer", "required", false));
		return this.api.createTable("Every type", fields);
	}

	private String documentText(String uri) {
		return this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The document, parsed and checked by swagger-parser: no message at all. */
	private static OpenAPI valid(String text) {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult parsed = new OpenAPIParser().readContents(text, null, options);
		assertThat(parsed.getMessages()).as("validation messages").isEmpty();
		assertThat(parsed.getOpenAPI()).isNotNull();
		return parsed.getOpenAPI();
	}

	private OpenAPI tableDocument(long id, String query) {
		return valid(documentText("/api/table/" + id + "/openapi.json" + query));
	}

	@SuppressWarnings("rawtypes")
	private static Map<String, Schema> properties(OpenAPI document, String schema) {
		return document.getComponents().getSchemas().get(schema).getProperties();
	}

	private static List<String> parameterNames(OpenAPI document, long id) {
		List<String> names = new ArrayList<>();
		for (Parameter parameter : document.getPaths().get("/api/table/" + id + "/rows").getGet().getParameters()) {
			names.add(parameter.getName());
		}
		return names;
	}

	@Test
	@SuppressWarnings("rawtypes")
	void describesEveryFieldTypeWithItsRangeFormatAndOptions() {
		long id = everyTypeTable();
		OpenAPI document = tableDocument(id, "");
		assertThat(document.getOpenapi()).isEqualTo("3.0.3");
		assertThat(document.getInfo().getVersion()).isEqualTo("1");
		Map<String, Schema> fields = properties(document, "NewRow");
		assertThat(fields.get("name").getType()).isEqualTo("string");
		assertThat(fields.get("name").getMaxLength()).isEqualTo(80);
		assertThat(fields.get("name").getNullable()).isNull();
		assertThat(fields.get("note").getNullable()).isTrue();
		assertThat(fields.get("age").getFormat()).isEqualTo("int32");
		assertThat(fields.get("age").getMaximum()).isEqualByComparingTo("2147483647");
		assertThat(fields.get("age").getDefault()).hasToString("18");
		assertThat(fields.get("big").getFormat()).isEqualTo("int64");
		assertThat(fields.get("big").getMinimum()).isEqualByComparingTo(String.valueOf(Long.MIN_VALUE));
		assertThat(fields.get("price").getType()).isEqualTo("number");
		assertThat(fields.get("price").getMaximum()).isEqualByComparingTo("1000000");
		assertThat(fields.get("price").getExclusiveMaximum()).isTrue();
		assertThat(fields.get("price").getMultipleOf()).isEqualByComparingTo("0.01");
		assertThat(fields.get("ratio").getFormat()).isEqualTo("double");
		assertThat(fields.get("active").getType()).isEqualTo("boolean");
		assertThat(fields.get("born").getFormat()).isEqualTo("date");
		assertThat(fields.get("seen").getFormat()).isEqualTo("date-time");
		assertThat(fields.get("key").getFormat()).isEqualTo("uuid");
		assertThat(fields.get("key").getDescription()).contains("Unique");
		assertThat(fields.get("data").getType()).isNull();
		// required: without a default; age has one
		assertThat(document.getComponents().getSchemas().get("NewRow").getRequired()).containsExactly("name");
		assertThat(document.getComponents().getSchemas().get("Row").getRequired()).containsExactly("id");
		assertThat(properties(document, "Row").get("name").getNullable()).isTrue();
		// the listing: paging, order, select, format, a filter per field but for one
		// named as a parameter
		List<String> parameters = parameterNames(document, id);
		assertThat(parameters).startsWith("select", "order", "limit", "after", "count", "format", "id");
		assertThat(parameters).contains("name", "data", "born").doesNotHaveDuplicates();
		Parameter data = document.getPaths()
			.get("/api/table/" + id + "/rows")
			.getGet()
			.getParameters()
			.stream()
			.filter((parameter) -> parameter.getName().equals("data"))
			.findFirst()
			.orElseThrow();
		assertThat(data.getSchema().getItems().getPattern()).isEqualTo("^(not\\.)?(is\\.(null|not_null|notnull))$");
		assertThat(data.getExplode()).isTrue();
		assertThat(
				document.getPaths().get("/api/table/" + id + "/rows").getGet().getResponses().get("200").getContent())
			.containsOnlyKeys("application/json", "application/x-ndjson", "text/csv");
		assertThat(document.getPaths().get("/api/table/" + id + "/rows").getPost().getParameters())
			.extracting(Parameter::getName)
			.containsExactly("onConflict");
		assertThat(document.getPaths().get("/api/table/" + id + "/row").getPost().getResponses()).containsKeys("201",
				"400", "404", "410", "422", "503");
		assertThat(document.getComponents().getResponses().get("Problem422").getContent())
			.containsOnlyKeys("application/problem+json");
	}

	@Test
	void followsSchemaChangesAndKeepsEarlierVersions() {
		long id = this.api.createTable("Person", Map.of("first_name", "string", "age", "integer"));
		assertThat(properties(tableDocument(id, ""), "NewRow")).containsOnlyKeys("first_name", "age");
		this.api.changeSchema(id,
				Map.of("fields", Map.of("first_name", "string", "age", "integer", "married", "boolean")));
		OpenAPI current = tableDocument(id, "");
		assertThat(current.getInfo().getVersion()).isEqualTo("2");
		assertThat(properties(current, "NewRow")).containsOnlyKeys("first_name", "age", "married");
		assertThat(properties(current, "NewRow").get("married").getType()).isEqualTo("boolean");
		assertThat(parameterNames(current, id)).contains("married");
		OpenAPI first = tableDocument(id, "?version=1");
		assertThat(first.getInfo().getVersion()).isEqualTo("1");
		assertThat(properties(first, "NewRow")).containsOnlyKeys("first_name", "age");
		assertThat(parameterNames(first, id)).doesNotContain("married");
		assertThat(properties(tableDocument(id, "?version=2"), "NewRow")).containsKey("married");
	}

	@Test
	void refusesUnknownTablesAndVersionsNamingTheParameter() {
		long id = this.api.createTable("Versions", Map.of("title", "string"));
		Api.refused(this.http.get().uri("/api/table/987654321/openapi.json").exchange(), 404, "table-not-found");
		Api.refused(this.http.get().uri("/api/table/987654321/openapi.json?version=1").exchange(), 404,
				"table-not-found");
		Api.refused(this.http.get().uri("/api/table/{id}/openapi.json?version=2", id).exchange(), 404, "not-found")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/query/version");
		for (String version : new String[] { "0", "-1", "abc", "1.0", "99999999999999999999", "" }) {
			Api.refused(this.http.get().uri("/api/table/{id}/openapi.json?version={v}", id, version).exchange(), 400,
					"invalid-parameter")
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/query/version");
		}
		Api.refused(this.http.get().uri("/api/table/x/openapi.json").exchange(), 400, "invalid-parameter")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/path/id");
		this.http.delete().uri("/api/table/{id}", id).exchange().expectStatus().isNoContent();
		Api.refused(this.http.get().uri("/api/table/{id}/openapi.json", id).exchange(), 404, "table-not-found");
		Api.refused(this.http.get().uri("/api/table/{id}/openapi.json?version=2", id).exchange(), 404, "not-found")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/query/version");
		// the history still has the schema before the deletion
		assertThat(properties(tableDocument(id, "?version=1"), "NewRow")).containsOnlyKeys("title");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theIndexNamesEachTablesDocument() {
		long id = this.api.createTable("Indexed", Map.of("title", "string"));
		Map<String, Object> index = this.api.get("/api/openapi");
		assertThat(index.get("service")).isEqualTo("/v3/api-docs");
		List<Map<String, Object>> tables = (List<Map<String, Object>>) index.get("tables");
		Map<String, Object> entry = tables.stream()
			.filter((table) -> ((Number) table.get("id")).longValue() == id)
			.findFirst()
			.orElseThrow();
		assertThat(entry).containsEntry("name", "Indexed").containsEntry("version", 1);
		tableDocument(id, "");
		assertThat(documentText((String) entry.get("openapi"))).contains("\"x-dyntables-table-id\":" + id);
	}

	@Test
	void theServiceDocumentIsDescribedAndEveryRequestBodyHasAnExample() {
		OpenAPI document = valid(documentText("/v3/api-docs"));
		assertThat(document.getInfo().getTitle()).isEqualTo("dyntables");
		assertThat(document.getInfo().getVersion()).isNotBlank().isNotEqualTo("development");
		assertThat(document.getInfo().getDescription()).contains("/api/table/{id}/openapi.json");
		assertThat(document.getInfo().getLicense().getName()).isNotBlank();
		assertThat(document.getInfo().getContact().getName()).isNotBlank();
		assertThat(document.getTags()).extracting("name").startsWith("Tables", "Rows", "History", "Administration");
		List<String> bodies = new ArrayList<>();
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getRequestBody() != null) {
				operation.getRequestBody().getContent().forEach((type, media) -> {
					bodies.add(method + " " + path + " " + type);
					boolean example = media.getExample() != null
							|| (media.getExamples() != null && !media.getExamples().isEmpty());
					assertThat(example).as("an example for " + method + " " + path + " " + type).isTrue();
				});
			}
		}));
		assertThat(bodies).contains("POST /api/table application/json",
				"POST /api/table/{id}/rows application/x-ndjson",
				"PATCH /api/table/{id}/rows/{rowId} application/json");
		assertThat(document.getPaths()).containsKeys("/api/table/{id}/openapi.json", "/api/openapi");
	}

}
