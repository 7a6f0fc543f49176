package io.dyntables.api.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableScopeTest {

	@Test
	void patternsMatchLabelsWithStarsForAnyRun() {
		TableScope sales = TableScope.named("sales_*");
		assertThat(sales.covers(1, "sales_eu")).isTrue();
		assertThat(sales.covers(1, "sales_")).isTrue();
		assertThat(sales.covers(1, "Sales_eu")).isFalse();
		assertThat(sales.covers(1, "presales_eu")).isFalse();
		assertThat(TableScope.named("*_2026_*").covers(1, "sales_2026_q1")).isTrue();
		assertThat(TableScope.named("a*a").covers(1, "a")).isFalse();
		assertThat(TableScope.named("a*a").covers(1, "aa")).isTrue();
		assertThat(TableScope.named("exact").covers(1, "exact")).isTrue();
		assertThat(TableScope.named("exact").covers(1, "exactly")).isFalse();
	}

	@Test
	void patternCharactersOtherThanStarAreThemselves() {
		assertThat(TableScope.named("a.c").covers(1, "abc")).isFalse();
		assertThat(TableScope.named("a.c").covers(1, "a.c")).isTrue();
		assertThat(TableScope.named("[a]*").covers(1, "[a]x")).isTrue();
	}

	@Test
	void idsAndAll() {
		assertThat(TableScope.tables(List.of(7L, 9L)).covers(9, "x")).isTrue();
		assertThat(TableScope.tables(List.of(7L, 9L)).covers(8, "x")).isFalse();
		assertThat(TableScope.named("*").covers(8, "anything")).isTrue();
	}

}
