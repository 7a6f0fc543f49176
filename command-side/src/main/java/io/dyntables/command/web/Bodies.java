package io.dyntables.command.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.table.ConversionMode;

/**
 * Strict reading of request parts: unknown body members and wrong JSON types are refused,
 * as are If-Match headers and conversion modes that name nothing.
 */
final class Bodies {

	private Bodies() {
	}

	static void allowOnly(Map<String, Object> body, Set<String> members) {
		for (String key : body.keySet()) {
			if (!members.contains(key)) {
				throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + key,
						"unknown member '" + key + "'; allowed: " + members);
			}
		}
	}

	static String requiredString(Map<String, Object> body, String member) {
		String value = optionalString(body, member);
		if (value == null) {
			throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + member, "'" + member + "' is required");
		}
		return value;
	}

	static String optionalString(Map<String, Object> body, String member) {
		Object value = body.get(member);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + member, "'" + member + "' must be a string");
	}

	static Object required(Map<String, Object> body, String member) {
		Object value = body.get(member);
		if (value == null) {
			throw new RefusedException(ErrorCode.MALFORMED_REQUEST, "/" + member, "'" + member + "' is required");
		}
		return value;
	}

	/**
	 * The version an If-Match header names ({@code "3"}, {@code W/"3"} or {@code 3}), or
	 * null.
	 */
	static Long ifMatch(String header) {
		if (header == null || header.isBlank() || header.trim().equals("*")) {
			return null;
		}
		String tag = header.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new RefusedException(ErrorCode.INVALID_PARAMETER, "",
					"If-Match must name one table version, as the ETag gives it (\"3\")");
		}
	}

	/**
	 * The conversion a {@code convert} member (or, for a revert, parameter) names: strict
	 * when absent; refused with {@code code} when it names none.
	 */
	static ConversionMode conversion(String convert, ErrorCode code) {
		if (convert == null) {
			return ConversionMode.STRICT;
		}
		try {
			return ConversionMode.valueOf(convert.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedException(code, "/convert", "'convert' is \"strict\" (the default) or \"lenient\"");
		}
	}

}
