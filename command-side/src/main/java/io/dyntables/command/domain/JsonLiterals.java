package io.dyntables.command.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Field defaults are kept as JSON text; this reads them into the plain values
 * {@code FieldValues} checks, and writes them back.
 */
public final class JsonLiterals {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private JsonLiterals() {
	}

	public static Object parse(String json) {
		try {
			return MAPPER.readValue(json, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not a JSON value", ex);
		}
	}

	/** The JSON text of a plain value. */
	public static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not writable as JSON", ex);
		}
	}

}
