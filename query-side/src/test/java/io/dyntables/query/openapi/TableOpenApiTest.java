package io.dyntables.query.openapi;

import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableView;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document of a table, built without a service: each field type's schema, required
 * and nullable fields, the filters each type takes, and the parts that depend on the
 * table (upserts only with a unique field, no filter for a field named like a listing
 * parameter).
 */
class TableOpenApiTest {

	private final TableOpenApi documents = new TableOpenApi("/", 1000, 10000);

	private static TableView table(FieldDefinition... fields) {
		return new TableView(7, "Things", "things_7", List.of(fields), 3, false, 4);
	}

	private static FieldDefinition optional(String name, FieldType type) {
		FieldDefinition field = FieldDefinition.of(name, type);
		return new FieldDefinition(name, type, false, field.maxLength(), field.precision(), field.scale(), null, false);
	}

	@SuppressWarnings("rawtypes")
	private static Map<String, Schema> newRow(OpenAPI document) {
		return document.getComponents().getSchemas().get(RowSchemas.NEW_ROW).getProperties();
	}

	private static List<Parameter> listing(OpenAPI document) {
		return document.getPaths().get("/api/table/7/rows").getGet().getParameters();
	}

	private static Parameter parameter(OpenAPI document, String name) {
		return listing(document).stream()
			.filter((parameter) -> parameter.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void mapsEveryFieldTypeToItsJsonSchema() {
		FieldType[] types = FieldType.values();
		FieldDefinition[] fields = new FieldDefinition[types.length];
		for (int i = 0; i < types.length; i++) {
			fields[i] = FieldDefinition.of("f_" + types[i].jsonName(), types[i]);
		}
		@SuppressWarnings("rawtypes")
		Map<String, Schema> properties = newRow(this.documents.document(table(fields)));
		assertThat(properties).hasSize(types.length);
		assertThat(properties.get("f_string").getMaxLength()).isEqualTo(200);
		assertThat(properties.get("f_text").getType()).isEqualTo("string");
		assertThat(properties.get("f_text").getMaxLength()).isNull();
		assertThat(properties.get("f_integer").getFormat()).isEqualTo("int32");
		assertThat(properties.get("f_integer").getMinimum()).isEqualByComparingTo("-2147483648");
		assertThat(properties.get("f_bigint").getFormat()).isEqualTo("int64");
		assertThat(properties.get("f_bigint").getMaximum()).isEqualByComparingTo("9223372036854775807");
		assertThat(properties.get("f_decimal").getType()).isEqualTo("number");
		assertThat(properties.get("f_decimal").getMaximum()).isEqualByComparingTo("1e16");
		assertThat(properties.get("f_float").getFormat()).isEqualTo("double");
		assertThat(properties.get("f_boolean").getType()).isEqualTo("boolean");
		assertThat(properties.get("f_date").getFormat()).isEqualTo("date");
		assertThat(properties.get("f_timestamp").getFormat()).isEqualTo("date-time");
		assertThat(properties.get("f_uuid").getFormat()).isEqualTo("uuid");
		assertThat(properties.get("f_json").getType()).isNull();
		properties.forEach((name, schema) -> assertThat(schema.getExtensions()).as(name)
			.containsEntry("x-dyntables-type", name.substring(2)));
	}

	@Test
	void requiresTheRequiredFieldsWithoutADefaultAndLetsTheOthersBeNull() {
		FieldDefinition withDefault = new FieldDefinition("status", FieldType.STRING, true, 20, null, null, "\"new\"",
				false);
		OpenAPI document = this.documents.document(
				table(FieldDefinition.of("title", FieldType.STRING), withDefault, optional("note", FieldType.TEXT)));
		assertThat(document.getComponents().getSchemas().get(RowSchemas.NEW_ROW).getRequired())
			.containsExactly("title");
		assertThat(newRow(document).get("status").getDefault()).hasToString("\"new\"");
		assertThat(newRow(document).get("status").getNullable()).isNull();
		assertThat(newRow(document).get("note").getNullable()).isTrue();
		assertThat(document.getComponents().getSchemas().get(RowSchemas.ROW_PATCH).getRequired()).isNull();
		assertThat(document.getComponents().getSchemas().get(RowSchemas.ROW).getRequired()).containsExactly("id");
	}

	@Test
	@SuppressWarnings("rawtypes")
	void keepsADecimalsDefaultAndScaleExact() {
		FieldDefinition price = new FieldDefinition("price", FieldType.DECIMAL, true, null, 6, 2, "1.50", false);
		FieldDefinition count = new FieldDefinition("count", FieldType.DECIMAL, true, null, 6, 0, null, false);
		Map<String, Schema> properties = newRow(this.documents.document(table(price, count)));
		assertThat(properties.get("price").getDefault()).hasToString("1.50");
		assertThat(properties.get("price").getMultipleOf()).isEqualByComparingTo("0.01");
		assertThat(properties.get("price").getMaximum()).isEqualByComparingTo("10000");
		assertThat(properties.get("count").getMultipleOf()).isNull();
		assertThat(properties.get("count").getMaximum()).isEqualByComparingTo("1000000");
	}

	@Test
	void filtersTakeTheOperatorsOfTheirFieldsType() {
		OpenAPI document = this.documents.document(
				table(FieldDefinition.of("name", FieldType.STRING), FieldDefinition.of("active", FieldType.BOOLEAN),
						FieldDefinition.of("data", FieldType.JSON), FieldDefinition.of("age", FieldType.INTEGER)));
		String name = parameter(document, "name").getSchema().getItems().getPattern();
		assertThat("ilike.*ann*").matches(name);
		assertThat("in.(a,\"b,c\")").matches(name);
		assertThat("is.true").doesNotMatch(name);
		assertThat("is.true").matches(parameter(document, "active").getSchema().getItems().getPattern());
		String age = parameter(document, "age").getSchema().getItems().getPattern();
		assertThat("gte.18").matches(age);
		assertThat("like.1*").doesNotMatch(age);
		assertThat("eq.1").doesNotMatch(parameter(document, "data").getSchema().getItems().getPattern());
		assertThat("not.is.null").matches(parameter(document, "data").getSchema().getItems().getPattern());
		assertThat("not.fts(english).fox & dog").matches(name);
		assertThat("wfts.fox").matches(name);
		assertThat("fts.1").doesNotMatch(age);
		assertThat("is.unknown").matches(parameter(document, "active").getSchema().getItems().getPattern());
		String select = parameter(document, "select").getSchema().getItems().getPattern();
		assertThat("age").matches(select);
		assertThat("count()").matches(select);
		assertThat("total:sum(age)").matches(select);
		assertThat("max(name)").matches(select);
		assertThat("sum(name)").doesNotMatch(select);
		assertThat("min(active)").doesNotMatch(select);
		assertThat("(age.lt.18,name.eq.x)").matches(parameter(document, "or").getSchema().getItems().getPattern());
		assertThat(parameter(document, "order").getSchema().getItems().getEnum()).contains("age.desc", "id.asc")
			.doesNotContain("data", "data.asc");
	}

	@Test
	void aFieldNamedLikeAListingParameterHasNoFilter() {
		OpenAPI document = this.documents.document(table(FieldDefinition.of("limit", FieldType.INTEGER)));
		assertThat(listing(document)).extracting(Parameter::getName)
			.containsExactly("select", "order", "limit", "after", "count", "format", "id", "or", "and", "not.or",
					"not.and");
		assertThat(parameter(document, "limit").getSchema().getMaximum()).isEqualByComparingTo("1000");
	}

	@Test
	void offersUpsertsOnlyOnUniqueFields() {
		FieldDefinition email = new FieldDefinition("email", FieldType.STRING, true, 200, null, null, null, true);
		assertThat(this.documents.document(table(email)).getPaths().get("/api/table/7/rows").getPost().getParameters())
			.singleElement()
			.satisfies((parameter) -> assertThat(parameter.getSchema().getEnum()).containsExactly("email"));
		assertThat(this.documents.document(table(FieldDefinition.of("name", FieldType.STRING)))
			.getPaths()
			.get("/api/table/7/rows")
			.getPost()
			.getParameters()).isNull();
	}

	@Test
	void answersEveryErrorAsProblemDetailsAndIsWrittenAsOpenApi30() throws Exception {
		OpenAPI document = this.documents.document(table(FieldDefinition.of("name", FieldType.STRING)));
		document.getPaths()
			.forEach((path, item) -> item.readOperations()
				.forEach((operation) -> operation.getResponses().forEach((status, response) -> {
					if (status.startsWith("4") || status.startsWith("5")) {
						assertThat(response.get$ref()).isEqualTo("#/components/responses/Problem" + status);
						assertThat(document.getComponents().getResponses()).containsKey("Problem" + status);
					}
				})));
		String json = Json.mapper().writeValueAsString(document);
		assertThat(json).startsWith("{\"openapi\":\"3.0.3\"").contains("\"nullable\"").doesNotContain("\"null\"");
	}

}
