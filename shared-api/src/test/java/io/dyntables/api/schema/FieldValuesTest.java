package io.dyntables.api.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict JSON types: what a client sends is what is stored, or it is refused. */
class FieldValuesTest {

	@Test
	void integerIsStrict() throws Exception {
		FieldDefinition field = FieldDefinition.of("n", FieldType.INTEGER);
		assertThat(FieldValues.coerce(field, 16)).isEqualTo(16);
		assertThat(FieldValues.coerce(field, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
		refused(field, "12");
		refused(field, new BigDecimal("1.9"));
		refused(field, new BigDecimal("1.0"));
		refused(field, 2147483648L);
		refused(field, true);
		refused(field, new BigInteger("99999999999999999999999"));
	}

	@Test
	void textIsReadAsStrictlyAsJson() throws Exception {
		assertThat(FieldValues.fromText(FieldType.INTEGER, "-16")).isEqualTo(-16);
		assertThat(FieldValues.fromText(FieldType.BIGINT, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
		assertThat(FieldValues.fromText(FieldType.DECIMAL, "1.505")).isEqualTo(new BigDecimal("1.505"));
		assertThat(FieldValues.fromText(FieldType.DECIMAL, "NaN")).isEqualTo(FieldValues.Special.NAN);
		assertThat(FieldValues.fromText(FieldType.FLOAT, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(FieldValues.fromText(FieldType.BOOLEAN, "true")).isEqualTo(true);
		assertThat(FieldValues.fromText(FieldType.DATE, "infinity")).isEqualTo(FieldValues.Special.INFINITY);
		for (String text : new String[] { "12.0", "0x10", "2147483648", " 1", "" }) {
			assertThatExceptionOfType(FieldValues.InvalidValue.class)
				.isThrownBy(() -> FieldValues.fromText(FieldType.INTEGER, text));
		}
		assertThatExceptionOfType(FieldValues.InvalidValue.class)
			.isThrownBy(() -> FieldValues.fromText(FieldType.BOOLEAN, "yes"));
		assertThatExceptionOfType(FieldValues.InvalidValue.class)
			.isThrownBy(() -> FieldValues.fromText(FieldType.TEXT, "a\u0000"));
		assertThatExceptionOfType(FieldValues.InvalidValue.class)
			.isThrownBy(() -> FieldValues.fromText(FieldType.JSON, "{}"));
		assertThatExceptionOfType(FieldValues.InvalidValue.class)
			.isThrownBy(() -> FieldValues.fromText(FieldType.FLOAT, "1e999"));
	}

	@Test
	void bigintTakesWholeNumbersInRange() throws Exception {
		FieldDefinition field = FieldDefinition.of("n", FieldType.BIGINT);
		assertThat(FieldValues.coerce(field, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
		refused(field, new BigInteger("9223372036854775808"));
	}

	@Test
	void stringCountsCharactersNotBytesAndRefusesNul() throws Exception {
		FieldDefinition field = new FieldDefinition("s", FieldType.STRING, true, 3, null, null, null, false);
		assertThat(FieldValues.coerce(field, "äöü")).isEqualTo("äöü");
		assertThat(FieldValues.coerce(field, "😀😀😀")).isEqualTo("😀😀😀");
		refused(field, "abcd");
		refused(field, "a\u0000");
		refused(field, "\ud800");
		refused(field, 12);
	}

	@Test
	void booleanIsOnlyTrueOrFalse() throws Exception {
		FieldDefinition field = FieldDefinition.of("b", FieldType.BOOLEAN);
		assertThat(FieldValues.coerce(field, true)).isEqualTo(true);
		refused(field, "true");
		refused(field, 1);
		refused(field, "yes");
	}

	@Test
	void decimalRespectsPrecisionAndScale() throws Exception {
		FieldDefinition field = new FieldDefinition("d", FieldType.DECIMAL, true, null, 5, 2, null, false);
		assertThat(FieldValues.coerce(field, new BigDecimal("123.45"))).isEqualTo(new BigDecimal("123.45"));
		assertThat(FieldValues.coerce(field, new BigDecimal("1.500"))).isEqualTo(new BigDecimal("1.50"));
		assertThat(FieldValues.coerce(field, 7)).isEqualTo(new BigDecimal("7.00"));
		assertThat(FieldValues.coerce(field, new BigDecimal("0e-999999999"))).isEqualTo(new BigDecimal("0.00"));
		assertThat(FieldValues.coerce(field, new BigDecimal("-999.99"))).isEqualTo(new BigDecimal("-999.99"));
		assertThat(FieldValues.coerce(field, "NaN")).isEqualTo(FieldValues.Special.NAN);
		refused(field, new BigDecimal("1.234"));
		refused(field, new BigDecimal("1234.5"));
		refused(field, new BigDecimal("1000"));
		refused(field, new BigDecimal("1e999999999"));
		refused(field, new BigDecimal("1e-999999999"));
		refused(field, "1.2");
		refused(field, "Infinity");
	}

	@Test
	void floatTakesDoublesAndRefusesOverflowAndUnderflow() throws Exception {
		FieldDefinition field = FieldDefinition.of("f", FieldType.FLOAT);
		assertThat(FieldValues.coerce(field, new BigDecimal("1.5"))).isEqualTo(1.5);
		assertThat(FieldValues.coerce(field, new BigDecimal("1.7976931348623157e308"))).isEqualTo(Double.MAX_VALUE);
		assertThat(FieldValues.coerce(field, new BigDecimal("4.9e-324"))).isEqualTo(Double.MIN_VALUE);
		assertThat(FieldValues.coerce(field, new BigDecimal("0e-400"))).isEqualTo(0.0);
		assertThat(FieldValues.coerce(field, "NaN")).isEqualTo(Double.NaN);
		assertThat(FieldValues.coerce(field, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
		refused(field, new BigDecimal("1e400"));
		refused(field, new BigDecimal("-1.8e308"));
		refused(field, new BigDecimal("1e-400"));
		refused(field, new BigDecimal("-2e-324"));
		refused(field, new BigDecimal("1e999999999"));
		refused(field, "1.5");
		refused(field, "nan");
	}

	@Test
	void datesAreThoseOfPostgresql() throws Exception {
		FieldDefinition field = FieldDefinition.of("d", FieldType.DATE);
		assertThat(FieldValues.coerce(field, "-4713-11-24")).isEqualTo(LocalDate.of(-4713, 11, 24));
		assertThat(FieldValues.coerce(field, "+5874897-12-31")).isEqualTo(LocalDate.of(5874897, 12, 31));
		assertThat(FieldValues.coerce(field, "infinity")).isEqualTo(FieldValues.Special.INFINITY);
		assertThat(FieldValues.coerce(field, "-infinity")).isEqualTo(FieldValues.Special.MINUS_INFINITY);
		refused(field, "-4713-11-23");
		refused(field, "-4714-01-01");
		refused(field, "+5874898-01-01");
		refused(field, "+999999999-12-31");
		refused(field, "Infinity");
	}

	@Test
	void timestampsAreThoseOfPostgresqlToTheMicrosecond() throws Exception {
		FieldDefinition field = FieldDefinition.of("t", FieldType.TIMESTAMP);
		assertThat(FieldValues.coerce(field, "-4713-11-24T00:00:00Z"))
			.isEqualTo(OffsetDateTime.parse("-4713-11-24T00:00:00Z"));
		assertThat(FieldValues.coerce(field, "+294276-12-31T23:59:59.999999Z"))
			.isEqualTo(OffsetDateTime.parse("+294276-12-31T23:59:59.999999Z"));
		assertThat(FieldValues.coerce(field, "-infinity")).isEqualTo(FieldValues.Special.MINUS_INFINITY);
		refused(field, "-4713-11-23T23:59:59.999999Z");
		refused(field, "-4713-11-24T00:00:00+00:01");
		refused(field, "-4714-11-23T00:00:00Z");
		refused(field, "+294277-01-01T00:00:00Z");
		refused(field, "+294276-12-31T23:59:59.999999-00:01");
		refused(field, "2026-11-26T10:15:30.1234567Z");
	}

	@Test
	void jsonNumbersStayInTheRangeTheyCanBeWrittenAndStoredIn() throws Exception {
		FieldDefinition field = FieldDefinition.of("j", FieldType.JSON);
		assertThat(FieldValues.coerce(field, new BigDecimal("1e999"))).isEqualTo(new BigDecimal("1e999"));
		assertThat(FieldValues.coerce(field, new BigDecimal("-1e-999"))).isEqualTo(new BigDecimal("-1e-999"));
		assertThat(FieldValues.coerce(field, new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.5"));
		refused(field, new BigDecimal("1e1000"));
		refused(field, new BigDecimal("1e-1000"));
		refused(field, new BigDecimal("0e-1000"));
		refused(field, new BigDecimal("1e999999999"));
		refused(field, Map.of("a", List.of(new BigDecimal("1e-999999999"))));
	}

	@Test
	void datesTimestampsAndUuidsUseTheirIsoForms() throws Exception {
		assertThat(FieldValues.coerce(FieldDefinition.of("d", FieldType.DATE), "2026-11-26"))
			.isEqualTo(LocalDate.of(2026, 11, 26));
		refused(FieldDefinition.of("d", FieldType.DATE), "26.11.2026");
		refused(FieldDefinition.of("d", FieldType.DATE), "2026-02-30");
		assertThat(FieldValues.coerce(FieldDefinition.of("t", FieldType.TIMESTAMP), "2026-11-26T10:15:30+01:00"))
			.isEqualTo(OffsetDateTime.parse("2026-11-26T10:15:30+01:00"));
		refused(FieldDefinition.of("t", FieldType.TIMESTAMP), "2026-11-26T10:15:30");
		UUID uuid = UUID.randomUUID();
		assertThat(FieldValues.coerce(FieldDefinition.of("u", FieldType.UUID), uuid.toString())).isEqualTo(uuid);
		refused(FieldDefinition.of("u", FieldType.UUID), "1-1-1-1-1");
	}

	@Test
	void jsonTakesAnyValueWithoutNul() throws Exception {
		FieldDefinition field = FieldDefinition.of("j", FieldType.JSON);
		Map<String, Object> nested = Map.of("a", List.of(1, "x", Map.of("b", true)));
		assertThat(FieldValues.coerce(field, nested)).isEqualTo(nested);
		refused(field, Map.of("a", "b\u0000"));
		refused(field, Map.of("a\u0000", 1));
	}

	private static void refused(FieldDefinition field, Object value) {
		assertThatThrownBy(() -> FieldValues.coerce(field, value)).isInstanceOf(FieldValues.InvalidValue.class);
	}

}
