package io.dyntables.command.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonLiteralsTest {

	@Test
	void readsFractionsAsDecimalsAndWholeNumbersExactly() {
		assertThat(JsonLiterals.parse("1.10")).isEqualTo(new BigDecimal("1.10"));
		assertThat(JsonLiterals.parse("1e3")).isEqualTo(new BigDecimal("1E+3"));
		assertThat(JsonLiterals.parse("7")).isEqualTo(7);
		assertThat(JsonLiterals.parse("12345678901")).isEqualTo(12345678901L);
		assertThat(JsonLiterals.parse("123456789012345678901234"))
			.isEqualTo(new BigInteger("123456789012345678901234"));
	}

	@Test
	void readsTextsBooleansNullsArraysAndObjects() {
		assertThat(JsonLiterals.parse("\"n/a\"")).isEqualTo("n/a");
		assertThat(JsonLiterals.parse("true")).isEqualTo(true);
		assertThat(JsonLiterals.parse("null")).isNull();
		assertThat(JsonLiterals.parse("[1, \"a\"]")).isEqualTo(List.of(1, "a"));
		assertThat(JsonLiterals.parse("{\"b\": 1, \"a\": {\"c\": null}}"))
			.isEqualTo(Map.of("b", 1, "a", java.util.Collections.singletonMap("c", null)));
	}

	@Test
	void refusesWhatIsNotOneJsonValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonLiterals.parse("1 2"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonLiterals.parse("{\"a\": 1} x"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonLiterals.parse("'single'"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonLiterals.parse("{"));
	}

	@Test
	void writesValuesAsTheirJsonText() {
		assertThat(JsonLiterals.write("n/a")).isEqualTo("\"n/a\"");
		assertThat(JsonLiterals.write(new BigDecimal("1E+3"))).isEqualTo("1E+3");
		assertThat(JsonLiterals.write(new BigDecimal("0.10"))).isEqualTo("0.10");
		assertThat(JsonLiterals.write(List.of(1, true))).isEqualTo("[1,true]");
		Map<String, Object> ordered = new java.util.LinkedHashMap<>();
		ordered.put("b", 1);
		ordered.put("a", "x");
		assertThat(JsonLiterals.write(ordered)).isEqualTo("{\"b\":1,\"a\":\"x\"}");
	}

	@Test
	void writtenTextReadsBackAsTheSameValue() {
		for (String json : List.of("0.5", "\"x\"", "[1,2.5,\"y\"]", "{\"k\":[true,null]}", "-9223372036854775809")) {
			assertThat(JsonLiterals.write(JsonLiterals.parse(json))).isEqualTo(json);
		}
	}

}
