package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.dyntables.api.schema.FieldType;
import io.dyntables.api.schema.FieldValues.Special;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTextTest {

	@Test
	void datesBeforeYearOneAreBcYearsAndLargeYearsHaveNoSign() {
		assertThat(PostgresText.write(LocalDate.of(2026, 11, 30))).isEqualTo("2026-11-30");
		assertThat(PostgresText.write(LocalDate.of(-4713, 11, 24))).isEqualTo("4714-11-24 BC");
		assertThat(PostgresText.write(LocalDate.of(0, 1, 1))).isEqualTo("0001-01-01 BC");
		assertThat(PostgresText.write(LocalDate.of(5874897, 12, 31))).isEqualTo("5874897-12-31");
		assertThat(PostgresText.write(Special.MINUS_INFINITY)).isEqualTo("-infinity");
	}

	@Test
	void timestampsAreWrittenInUtcToTheMicrosecond() {
		assertThat(PostgresText.write(OffsetDateTime.parse("2026-11-30T12:00:00.5+01:00")))
			.isEqualTo("2026-11-30 11:00:00.500000+00");
		assertThat(PostgresText.write(OffsetDateTime.parse("-4713-11-24T00:00:00Z")))
			.isEqualTo("4714-11-24 00:00:00.000000+00 BC");
		assertThat(PostgresText.write(new BigDecimal("1E+3"))).isEqualTo("1000");
	}

	@Test
	void readsWhatTheReadExpressionsGive() {
		assertThat(PostgresText.read(FieldType.DATE, "0")).isEqualTo("1970-01-01");
		assertThat(PostgresText.read(FieldType.DATE, "-2440588")).isEqualTo("-4713-11-24");
		assertThat(PostgresText.read(FieldType.DATE, "2145042905")).isEqualTo("+5874897-12-31");
		assertThat(PostgresText.read(FieldType.DATE, "infinity")).isEqualTo("infinity");
		assertThat(PostgresText.read(FieldType.TIMESTAMP, "-1 86399.999999")).isEqualTo("1969-12-31T23:59:59.999999Z");
		assertThat(PostgresText.read(FieldType.TIMESTAMP, "106751 0.000000")).isEqualTo("2262-04-11T00:00:00Z");
		assertThat(PostgresText.read(FieldType.TIMESTAMP, "-infinity")).isEqualTo("-infinity");
		assertThat(PostgresText.read(FieldType.DECIMAL, "1.50")).isEqualTo(new BigDecimal("1.50"));
		assertThat(PostgresText.read(FieldType.DECIMAL, "NaN")).isEqualTo("NaN");
	}

	@Test
	void aTextThatIsNoValueOfItsTypeIsAnsweredAsGiven() {
		assertThat(JsonValues.toJson(FieldType.TIMESTAMP, "not a time")).isEqualTo("not a time");
	}

}
