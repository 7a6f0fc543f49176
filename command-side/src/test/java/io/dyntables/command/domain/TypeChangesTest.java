package io.dyntables.command.domain;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented compatibility matrix, row by row. */
class TypeChangesTest {

	@ParameterizedTest(name = "{0} -> {1}: widening={2}")
	@CsvSource({
			// from, to, widening
			"integer, bigint, true", "integer, float, true", "integer, text, true", "integer, string(11), true",
			"integer, string(10), false", "integer, decimal(12-2), true", "integer, decimal(11-2), false",
			"bigint, integer, false", "bigint, float, false", "bigint, decimal(19-0), true", "bigint, string(20), true",
			"bigint, text, true", "string(200), text, true", "string(200), string(300), true",
			"string(200), string(100), false", "string(200), integer, false", "text, string(200), false",
			"text, json, false", "boolean, string(5), true", "boolean, string(4), false", "boolean, integer, false",
			"boolean, text, true", "decimal(10-2), decimal(12-2), true", "decimal(10-2), decimal(12-4), true",
			"decimal(10-2), decimal(10-3), false", "decimal(10-2), decimal(9-1), false", "decimal(10-2), float, false",
			"decimal(10-2), string(12), true", "decimal(10-2), text, true", "float, text, true",
			"float, integer, false", "float, decimal(18-2), false", "date, timestamp, true", "date, text, true",
			"timestamp, date, false", "timestamp, text, true", "uuid, text, true", "uuid, string(36), true",
			"uuid, string(35), false", "json, text, true", "json, string(200), false", "text, uuid, false",
			"string(36), uuid, false" })
	void followsTheMatrix(String from, String to, boolean widening) {
		assertThat(TypeChanges.isWidening(field(from), field(to))).isEqualTo(widening);
	}

	/** {@code string(20)}, {@code decimal(10-2)} or a plain type name. */
	static FieldDefinition field(String spec) {
		String name = spec.contains("(") ? spec.substring(0, spec.indexOf('(')) : spec;
		FieldType type = FieldType.fromJsonName(name).orElseThrow();
		if (!spec.contains("(")) {
			return FieldDefinition.of("f", type);
		}
		String[] size = spec.substring(spec.indexOf('(') + 1, spec.length() - 1).split("-");
		if (type == FieldType.STRING) {
			return new FieldDefinition("f", type, true, Integer.parseInt(size[0]), null, null, null, false);
		}
		return new FieldDefinition("f", type, true, null, Integer.parseInt(size[0]), Integer.parseInt(size[1]), null,
				false);
	}

}
