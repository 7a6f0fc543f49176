package io.dyntables.command.domain;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field defaults are kept as JSON text; this reads them into the plain values
 * {@code FieldValues} checks, and writes them back. A plain rule, so it holds its own
 * mapper (Jackson 3, as the application's), set up to read exactly: fractions as
 * decimals, one value and nothing after it.
 */
public final class JsonLiterals {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonLiterals() {
	}

	public static Object parse(String json) {
		try {
			return MAPPER.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a JSON value", ex);
		}
	}

	/** The JSON text of a plain value. */
	public static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not writable as JSON", ex);
		}
	}

}
