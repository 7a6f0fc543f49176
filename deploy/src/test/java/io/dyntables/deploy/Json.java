package io.dyntables.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;

/** Response shapes the tests read, and the field types of a table response. */
final class Json {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private Json() {
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
