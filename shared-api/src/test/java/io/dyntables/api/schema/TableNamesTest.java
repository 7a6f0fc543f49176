package io.dyntables.api.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableNamesTest {

	@Test
	void physicalNameIsASafeIdentifierWhateverTheLabel() {
		assertThat(TableNames.physicalName("Person", 1)).isEqualTo("person_1");
		assertThat(TableNames.physicalName("Ünïcode & \"quotes\"; DROP TABLE x", 7))
			.isEqualTo("n_code_quotes_drop_table_x_7");
		assertThat(TableNames.physicalName("123", 2)).isEqualTo("t_123_2");
		assertThat(TableNames.physicalName("😀", 3)).isEqualTo("t_3");
		assertThat(TableNames.physicalName("x".repeat(500), 9_223_372_036_854_775_807L)).hasSizeLessThanOrEqualTo(63)
			.matches("[a-z][a-z0-9_]*");
	}

	@Test
	void labelsMayBeAnyReadableText() {
		assertThat(TableNames.problem("Person")).isEmpty();
		assertThat(TableNames.problem("Ünïcode 😀")).isEmpty();
		assertThat(TableNames.problem(" ")).isPresent();
		assertThat(TableNames.problem("a\u0000b")).isPresent();
		assertThat(TableNames.problem("x".repeat(201))).isPresent();
		assertThat(TableNames.problem("\ud800")).isPresent();
		assertThat(TableNames.problem("a\udc00b")).isPresent();
		assertThat(TableNames.problem("\ud83d\ude00")).isEmpty();
	}

}
