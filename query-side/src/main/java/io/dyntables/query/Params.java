package io.dyntables.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;

/**
 * Strict reading of query parameters: anything that is not what the parameter takes
 * answers 400 naming the parameter.
 */
public final class Params {

	private static final int MAX_LENGTH = 64;

	private Params() {
	}

	/** A whole number from {@code min} to {@code max}, or null when absent. */
	public static Long number(String name, String value, long min, long max) {
		if (value == null) {
			return null;
		}
		try {
			long number = Long.parseLong(checked(name, value).strip());
			if (number < min || number > max) {
				throw refuse(name, "'" + name + "' must be from " + min + " to " + max);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw refuse(name, "'" + name + "' must be a whole number");
		}
	}

	/**
	 * An ISO-8601 instant with an offset ({@code 2026-11-26T10:15:30Z}), or null when
	 * absent.
	 */
	public static Instant instant(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(checked(name, value).strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw refuse(name, "'" + name + "' must be an ISO-8601 time with an offset, e.g. 2026-11-26T10:15:30Z");
		}
	}

	private static String checked(String name, String value) {
		if (value.length() > MAX_LENGTH) {
			throw refuse(name, "'" + name + "' is too long");
		}
		return value;
	}

	private static RefusedException refuse(String name, String detail) {
		return new RefusedException(ErrorCode.INVALID_PARAMETER, "/" + name, detail);
	}

}
