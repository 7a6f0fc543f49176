package io.dyntables.deploy.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query parameters (table and row ids) are plain decimal
 * digits. Spring's own reading also takes {@code 0x10} and {@code #10} (as 16),
 * {@code +10} and {@code " 10"}, so one table would answer to many names; anything but
 * digits now answers 400 naming the parameter. (A custom editor, because Spring falls
 * back to its default editor when a converter refuses a value.)
 */
@ControllerAdvice(basePackages = "io.dyntables")
class PlainNumbers {

	private static final Pattern DECIMAL_DIGITS = Pattern.compile("[0-9]{1,19}");

	@InitBinder
	void plainDecimalDigits(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new WholeNumber(true));
		binder.registerCustomEditor(Long.class, new WholeNumber(false));
	}

	/** Reads a long from decimal digits only, refusing anything else. */
	private static final class WholeNumber extends PropertyEditorSupport {

		private final boolean required;

		WholeNumber(boolean required) {
			this.required = required;
		}

		@Override
		public void setAsText(String text) {
			if (text == null || text.isEmpty()) {
				if (this.required) {
					throw new IllegalArgumentException("a whole number is required");
				}
				setValue(null);
				return;
			}
			if (!DECIMAL_DIGITS.matcher(text).matches()) {
				throw new IllegalArgumentException("not a whole number in plain decimal digits");
			}
			setValue(Long.parseLong(text));
		}

	}

}
