package io.dyntables.query.rows;

import java.util.Locale;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;

/**
 * Refusals of a query parameter, pointing at it ({@code /query/<name>}), and the client's
 * text as a refusal may show it.
 */
final class ParameterRefusals {

	private ParameterRefusals() {
	}

	/** A 400 naming the parameter. */
	static RefusedException refused(String parameter, String detail) {
		return new RefusedException(ErrorCode.INVALID_PARAMETER, pointer(parameter), detail);
	}

	/** The JSON pointer of a query parameter. */
	static String pointer(String parameter) {
		return "/query/" + parameter.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * A client's text as it can be shown in a message: control characters escaped,
	 * bounded.
	 */
	static String printable(String text) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < text.length() && shown.length() < 80; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
				shown.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				shown.append(c);
			}
		}
		return shown.toString();
	}

}
