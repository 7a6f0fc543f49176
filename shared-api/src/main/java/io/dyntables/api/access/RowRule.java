package io.dyntables.api.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grant's row rule: equalities of fields to values, AND-ed, such as {@code tenant =
 * ${claim.tenant} AND region = 'eu'}. A value is a quoted text ({@code 'it''s'}), a
 * number, {@code true} or {@code false}, or an attribute of the caller:
 * {@code ${claim.name}} (a JWT claim) or {@code ${key.name}} (an API key attribute), both
 * read from the caller's attributes. The rule is parsed when the grant is made; it is
 * never SQL: its values become bind parameters of an equality per field.
 *
 * @param conditions the equalities, at least one
 */
public record RowRule(List<Condition> conditions) {

	private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private static final Pattern ATTRIBUTE = Pattern.compile("\\$\\{(claim|key)\\.([A-Za-z_][A-Za-z0-9_.:-]{0,99})}");

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

	private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

	private static final Pattern BARE_VALUE = Pattern.compile("-?[A-Za-z0-9_.]+");

	private static final int MAX_CONDITIONS = 16;

	/** Rules already parsed, by text: a permission check parses none. */
	private static final Map<String, RowRule> PARSED = new ConcurrentHashMap<>();

	private static final int MAX_PARSED = 10_000;

	public RowRule {
		conditions = List.copyOf(conditions);
	}

	/**
	 * One equality: the field equals the literal, or the caller's attribute.
	 *
	 * @param field the field's name
	 * @param literal the value as text, or null
	 * @param attribute the caller attribute, or null
	 */
	public record Condition(String field, String literal, String attribute) {

	}

	/** A rule that cannot be parsed: what is wrong with it. */
	public static final class InvalidRule extends IllegalArgumentException {

		InvalidRule(String message) {
			super(message);
		}

	}

	/**
	 * Parses a rule.
	 * @throws InvalidRule saying what is wrong
	 */
	public static RowRule parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidRule("a row rule reads field = value, AND-ed, for example tenant = ${claim.tenant}");
		}
		List<Condition> conditions = new ArrayList<>();
		Cursor cursor = new Cursor(text);
		while (true) {
			cursor.skipSpaces();
			String field = cursor.take(FIELD, "a field name");
			cursor.skipSpaces();
			cursor.expect('=');
			cursor.skipSpaces();
			conditions.add(value(field, cursor));
			if (conditions.size() > MAX_CONDITIONS) {
				throw new InvalidRule("a row rule has at most " + MAX_CONDITIONS + " conditions");
			}
			cursor.skipSpaces();
			if (cursor.atEnd()) {
				break;
			}
			String and = cursor.take(WORD, "AND");
			if (!and.toUpperCase(Locale.ROOT).equals("AND")) {
				throw new InvalidRule("conditions are joined with AND only, not '" + and + "'");
			}
		}
		Map<String, Condition> byField = new LinkedHashMap<>();
		for (Condition condition : conditions) {
			if (byField.put(condition.field(), condition) != null) {
				throw new InvalidRule("the row rule names '" + condition.field() + "' twice");
			}
		}
		return new RowRule(conditions);
	}

	/** The rule of a text that was checked when it was granted, parsed once. */
	public static RowRule of(String text) {
		RowRule rule = PARSED.get(text);
		if (rule == null) {
			rule = parse(text);
			if (PARSED.size() >= MAX_PARSED) {
				PARSED.clear();
			}
			PARSED.put(text, rule);
		}
		return rule;
	}

	private static Condition value(String field, Cursor cursor) {
		if (cursor.startsWith("${")) {
			Matcher attribute = cursor.match(ATTRIBUTE);
			if (attribute == null) {
				throw new InvalidRule("an attribute reads ${claim.name} or ${key.name}");
			}
			return new Condition(field, null, attribute.group(2));
		}
		if (cursor.startsWith("'")) {
			return new Condition(field, cursor.quoted(), null);
		}
		String word = cursor.take(BARE_VALUE, "a value");
		if (word.equals("true") || word.equals("false") || NUMBER.matcher(word).matches()) {
			return new Condition(field, word, null);
		}
		throw new InvalidRule("'" + word + "' is no value: quote texts ('eu'), or name an attribute (${claim.x})");
	}

	/**
	 * The field values a caller with these attributes is held to, or empty when the
	 * caller lacks an attribute the rule needs (and so matches no row).
	 */
	public Optional<Map<String, String>> bind(Map<String, String> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Condition condition : this.conditions) {
			String value = (condition.attribute() != null) ? attributes.get(condition.attribute())
					: condition.literal();
			if (value == null) {
				return Optional.empty();
			}
			values.put(condition.field(), value);
		}
		return Optional.of(values);
	}

	/** Reads a rule left to right. */
	private static final class Cursor {

		private final String text;

		private int at;

		Cursor(String text) {
			this.text = text;
		}

		boolean atEnd() {
			return this.at >= this.text.length();
		}

		boolean startsWith(String prefix) {
			return this.text.startsWith(prefix, this.at);
		}

		void skipSpaces() {
			while (!atEnd() && this.text.charAt(this.at) == ' ') {
				this.at++;
			}
		}

		void expect(char c) {
			if (atEnd() || this.text.charAt(this.at) != c) {
				throw new InvalidRule("expected '" + c + "' at character " + (this.at + 1) + "; only = is allowed");
			}
			this.at++;
		}

		Matcher match(Pattern pattern) {
			Matcher matcher = pattern.matcher(this.text).region(this.at, this.text.length());
			if (!matcher.lookingAt()) {
				return null;
			}
			this.at = matcher.end();
			return matcher;
		}

		String take(Pattern pattern, String what) {
			Matcher matcher = match(pattern);
			if (matcher == null) {
				throw new InvalidRule("expected " + what + " at character " + (this.at + 1));
			}
			return matcher.group();
		}

		/** A text in single quotes, {@code ''} standing for one quote. */
		String quoted() {
			StringBuilder value = new StringBuilder();
			this.at++;
			while (!atEnd()) {
				char c = this.text.charAt(this.at++);
				if (c == '\'') {
					if (startsWith("'")) {
						value.append('\'');
						this.at++;
						continue;
					}
					return value.toString();
				}
				if (Character.isISOControl(c)) {
					throw new InvalidRule("a quoted value must not contain control characters");
				}
				value.append(c);
			}
			throw new InvalidRule("a quoted value is not closed");
		}

	}

}
