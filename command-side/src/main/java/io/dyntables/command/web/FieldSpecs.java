package io.dyntables.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.command.domain.JsonLiterals;

/**
 * Reads the {@code fields} member of a request: each field is a type name (the original
 * shorthand, {@code "age": "integer"}) or an object with options ({@code "age": {"type":
 * "integer", "required": false}}). Only the shape is checked here; names and option
 * ranges are the schema rules' business.
 */
final class FieldSpecs {

	private static final Set<String> OPTIONS = Set.of("type", "required", "unique", "default", "maxLength", "precision",
			"scale");

	private FieldSpecs() {
	}

	static List<FieldDefinition> parse(Object fields) {
		if (!(fields instanceof Map<?, ?> map)) {
			throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "/fields",
					"'fields' must be an object of field name to type, e.g. {\"age\": \"integer\"}");
		}
		List<Refusal> refusals = new ArrayList<>();
		List<FieldDefinition> result = new ArrayList<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String name = (String) entry.getKey();
			String pointer = Refusal.pointer("/fields", name);
			try {
				result.add(field(name, entry.getValue(), pointer));
			}
			catch (RefusedException ex) {
				refusals.addAll(ex.refusals());
			}
		}
		if (!refusals.isEmpty()) {
			throw new RefusedException(refusals);
		}
		return result;
	}

	private static FieldDefinition field(String name, Object spec, String pointer) {
		if (spec instanceof String typeName) {
			return FieldDefinition.of(name, type(name, typeName, pointer));
		}
		if (!(spec instanceof Map<?, ?> options)) {
			throw refuse(pointer, "'" + name + "' must be a type name or an object with a \"type\"");
		}
		for (Object key : options.keySet()) {
			if (!OPTIONS.contains(key)) {
				throw refuse(pointer + "/" + key, "'" + name + "': unknown option '" + key + "'; known: " + OPTIONS);
			}
		}
		if (!(options.get("type") instanceof String typeName)) {
			throw refuse(pointer + "/type", "'" + name + "' needs a \"type\"; known types: " + FieldType.knownNames());
		}
		FieldType type = type(name, typeName, pointer + "/type");
		FieldDefinition defaults = FieldDefinition.of(name, type);
		boolean required = flag(options, "required", name, pointer).orElse(defaults.required());
		boolean unique = flag(options, "unique", name, pointer).orElse(false);
		Integer maxLength = number(options, "maxLength", name, pointer).orElse(defaults.maxLength());
		Integer precision = number(options, "precision", name, pointer).orElse(defaults.precision());
		Integer scale = number(options, "scale", name, pointer).orElse(defaults.scale());
		Object defaultValue = options.get("default");
		String defaultJson = (defaultValue != null) ? JsonLiterals.write(defaultValue) : null;
		return new FieldDefinition(name, type, required, maxLength, precision, scale, defaultJson, unique);
	}

	private static FieldType type(String name, String typeName, String pointer) {
		return FieldType.fromJsonName(typeName)
			.orElseThrow(() -> refuse(pointer,
					"'" + name + "': unknown type '" + typeName + "'; known types: " + FieldType.knownNames()));
	}

	private static Optional<Boolean> flag(Map<?, ?> options, String key, String name, String pointer) {
		Object value = options.get(key);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Boolean bool) {
			return Optional.of(bool);
		}
		throw refuse(pointer + "/" + key, "'" + name + "': " + key + " must be true or false");
	}

	private static Optional<Integer> number(Map<?, ?> options, String key, String name, String pointer) {
		Object value = options.get(key);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Integer number) {
			return Optional.of(number);
		}
		throw refuse(pointer + "/" + key, "'" + name + "': " + key + " must be a whole number");
	}

	private static RefusedException refuse(String pointer, String detail) {
		return new RefusedException(ErrorCode.INVALID_FIELD_DEFINITION, pointer, detail);
	}

}
