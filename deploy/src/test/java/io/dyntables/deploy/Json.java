package io.dyntables.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

/** Response shapes the tests read, the field types of a table response, and JSON text. */
final class Json {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/** A value as JSON text, for bodies written by hand (NDJSON lines). */
	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** A JSON array of objects, from its text. */
	static List<Map<String, Object>> list(String text) {
		return MAPPER.readValue(text, new TypeReference<List<Map<String, Object>>>() {
		});
	}

	/** A JSON object read from text. */
	static Map<String, Object> map(String json) {
		return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	/** Field name to type name, from a table response. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> types(Map<String, Object> table) {
		Map<String, Object> types = new LinkedHashMap<>();
		((Map<String, Map<String, Object>>) table.get("fields"))
			.forEach((name, field) -> types.put(name, field.get("type")));
		return types;
	}

}
