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
		assertThat(FieldValues.coerce(field, new BigDecimal("1.500"))).isEqualTo(new BigDecimal("1.500"));
		assertThat(FieldValues.coerce(field, 7)).isEqualTo(new BigDecimal("7"));
		refused(field, new BigDecimal("1.234"));
		refused(field, new BigDecimal("1234.5"));
		refused(field, "1.2");
	}

	@Test
	void floatTakesFiniteNumbers() throws Exception {
		FieldDefinition field = FieldDefinition.of("f", FieldType.FLOAT);
		assertThat(FieldValues.coerce(field, new BigDecimal("1.5"))).isEqualTo(1.5);
		refused(field, new BigDecimal("1e400"));
		refused(field, "1.5");
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
