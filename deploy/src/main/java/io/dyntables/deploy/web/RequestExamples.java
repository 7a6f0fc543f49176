package io.dyntables.deploy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * An example for every request body of the service's OpenAPI document that its controller
 * does not give one (creating a table, changing its schema and adding a row have theirs):
 * the table and rows of the README's tour, so that "try it out" sends a request that
 * works on it. The request bodies are checked for examples by a test, so a new one
 * without fails it.
 */
class RequestExamples implements OpenApiCustomizer {

	/** The examples by operation ({@code METHOD path}) and media type. */
	private static final Map<String, Map<String, Object>> EXAMPLES = examples();

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Map<String, Object> examples = EXAMPLES.get(method + " " + path);
			if (examples != null) {
				add(operation, examples);
			}
		}));
	}

	private static void add(Operation operation, Map<String, Object> examples) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		operation.getRequestBody().getContent().forEach((type, media) -> {
			if (!given(media) && examples.containsKey(type)) {
				media.setExample(examples.get(type));
			}
		});
	}

	private static boolean given(MediaType media) {
		return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
	}

	private static Map<String, Map<String, Object>> examples() {
		String json = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
		Map<String, Map<String, Object>> examples = new LinkedHashMap<>();
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("first_name", "Joe");
		person.put("last_name", "Doe");
		person.put("age", 16);
		person.put("address", "Heaven Str 45");
		examples.put(key(PathItem.HttpMethod.PATCH, "/api/table/{id}"), Map.of(json, Map.of("name", "People")));
		examples.put(key(PathItem.HttpMethod.PATCH, "/api/table/{id}/fields/{field}"),
				Map.of(json, Map.of("name", "street")));
		examples.put(key(PathItem.HttpMethod.PUT, "/api/table/{id}/rows/{rowId}"), Map.of(json, person));
		Map<String, Object> patch = Map.of("age", 18);
		examples.put(key(PathItem.HttpMethod.PATCH, "/api/table/{id}/rows/{rowId}"),
				Map.of(json, patch, "application/merge-patch+json", patch));
		examples.put(key(PathItem.HttpMethod.POST, "/api/table/{id}/rows"),
				Map.of(json,
						List.of(Map.of("first_name", "Ann", "last_name", "Roe", "age", 30, "address", "Elm St 1"),
								Map.of("first_name", "Bob", "last_name", "Roe", "age", 31, "address", "Elm St 1")),
						org.springframework.http.MediaType.APPLICATION_NDJSON_VALUE, """
								{"first_name": "Cy", "last_name": "Poe", "age": 40, "address": "Oak St 2"}
								{"first_name": "Di", "last_name": "Poe", "age": 41, "address": "Oak St 2"}
								"""));
		Map<String, Object> grant = new LinkedHashMap<>();
		grant.put("actions", List.of("schema:read", "rows:read", "rows:write"));
		grant.put("tables", "sales_*");
		grant.put("readFields", List.of("region", "total", "tenant"));
		grant.put("writeFields", List.of("total"));
		grant.put("rows", "tenant = ${claim.tenant}");
		Map<String, Object> apiKey = new LinkedHashMap<>();
		apiKey.put("name", "etl job");
		apiKey.put("roles", List.of("writer"));
		apiKey.put("attributes", Map.of("tenant", "acme"));
		apiKey.put("expiresAt", "2027-01-01T00:00:00Z");
		examples.put(key(PathItem.HttpMethod.POST, "/api/admin/keys"), Map.of(json, apiKey));
		examples.put(key(PathItem.HttpMethod.PUT, "/api/admin/roles/{name}"),
				Map.of(json, Map.of("grants", List.of(grant))));
		return examples;
	}

	private static String key(PathItem.HttpMethod method, String path) {
		return method + " " + path;
	}

}
