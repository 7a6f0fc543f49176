package io.dyntables.query.rows;

import java.time.Duration;
import java.util.List;

import io.dyntables.api.error.RefusedException;
import io.dyntables.query.rows.ListingRequest.Comparison;
import io.dyntables.query.rows.ListingRequest.Logic;
import io.dyntables.query.rows.ListingRequest.Selected;
import io.dyntables.query.sql.RowSql.Aggregate;
import io.dyntables.query.sql.RowSql.Operator;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The query parameters of a listing read without any table. */
class ListingParserTest {

	private static ListingRequest parse(String... pairs) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.add(pairs[i], pairs[i + 1]);
		}
		return ListingParser.parse(parameters, 1000);
	}

	private static void refused(String pointer, String detail, String... pairs) {
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> parse(pairs)).satisfies((ex) -> {
			assertThat(ex.refusals().get(0).pointer()).isEqualTo(pointer);
			assertThat(ex.refusals().get(0).detail()).contains(detail);
		});
	}

	@Test
	void readsNestedLogicWithNegationsAndQuotedValues() {
		ListingRequest request = parse("not.or", "(age.lt.18,and(name.eq.\"a,b)\",age.not.in.(1,\"2,3\")),"
				+ "not.or(name.is.null,name.fts(english).cat))");
		Logic or = (Logic) request.where().get(0);
		assertThat(or.any()).isTrue();
		assertThat(or.negated()).isTrue();
		assertThat(or.parameter()).isEqualTo("not.or");
		assertThat(or.conditions()).hasSize(3);
		assertThat(or.conditions().get(0))
			.isEqualTo(new Comparison("not.or", "age", false, Operator.LT, null, List.of("18")));
		Logic and = (Logic) or.conditions().get(1);
		assertThat(and.any()).isFalse();
		assertThat(and.conditions()).containsExactly(
				new Comparison("not.or", "name", false, Operator.EQ, null, List.of("a,b)")),
				new Comparison("not.or", "age", true, Operator.IN, null, List.of("1", "2,3")));
		Logic inner = (Logic) or.conditions().get(2);
		assertThat(inner.negated()).isTrue();
		assertThat(inner.conditions()).containsExactly(
				new Comparison("not.or", "name", false, Operator.IS_NULL, null, List.of()),
				new Comparison("not.or", "name", false, Operator.FTS, "english", List.of("cat")));
	}

	@Test
	void readsNotAndEveryIsBeforeAnyOperator() {
		assertThat(parse("age", "not.eq.5").where())
			.containsExactly(new Comparison("age", "age", true, Operator.EQ, null, List.of("5")));
		assertThat(parse("a", "is.null", "b", "not.is.null", "c", "is.not_null", "d", "is.notnull", "e", "is.unknown",
				"f", "is.true", "g", "is.false")
			.where()).extracting((condition) -> ((Comparison) condition).operator())
			.containsExactly(Operator.IS_NULL, Operator.IS_NULL, Operator.IS_NOT_NULL, Operator.IS_NOT_NULL,
					Operator.IS_UNKNOWN, Operator.IS_TRUE, Operator.IS_FALSE);
		assertThat(parse("t", "wfts(simple).\"cat\" -dog", "u", "plfts.a b", "v", "phfts.a b").where())
			.extracting((condition) -> ((Comparison) condition).operator())
			.containsExactly(Operator.WFTS, Operator.PLFTS, Operator.PHFTS);
		// outside logic, a value is taken as it is, quotes and all
		assertThat(((Comparison) parse("t", "wfts(simple).\"cat\" -dog").where().get(0)).values())
			.containsExactly("\"cat\" -dog");
	}

	@Test
	void aFieldNamedOrIsStillFilteredOn() {
		assertThat(parse("or", "eq.5").where())
			.containsExactly(new Comparison("or", "or", false, Operator.EQ, null, List.of("5")));
	}

	@Test
	void readsAggregatesWithAliases() {
		assertThat(parse("select", "region, count(),total:sum(amount),max( day )").select()).containsExactly(
				new Selected(null, null, "region"), new Selected(null, Aggregate.COUNT, null),
				new Selected("total", Aggregate.SUM, "amount"), new Selected(null, Aggregate.MAX, "day"));
		refused("/query/select", "unknown aggregate", "select", "median(x)");
		refused("/query/select", "takes a field", "select", "sum()");
		refused("/query/select", "an alias names an aggregate", "select", "a:name");
		refused("/query/select", "an alias is a name", "select", "a b:sum(x)");
	}

	@Test
	void refusesMalformedLogicNamingTheParameter() {
		refused("/query/not.or", "in parentheses", "not.or", "x");
		refused("/query/or", "does not close", "or", "(a.eq.1");
		refused("/query/or", "after its closing", "or", "(a.eq.1)x");
		refused("/query/or", "empty condition", "or", "(a.eq.1,)");
		refused("/query/or", "empty condition", "or", "()");
		refused("/query/or", "double quote", "or", "(a.eq.\"x)");
		refused("/query/and", "field.operator.value", "and", "(a)");
		refused("/query/and", "unknown operator", "and", "(a.between.1)");
		refused("/query/or", "double quote", "or", "(a.eq.\"x\\\")");
		refused("/query/or", "ends at its closing", "or", "(a.eq.\"x\"y)");
		refused("/query/t", "only fts", "t", "eq(english).x");
		refused("/query/t", "text search configuration", "t", "fts(english';drop).x");
		refused("/query/t", "text search configuration", "t", "fts().x");
		refused("/query/t", "in parentheses after", "t", "fts(english.x");
		refused("/query/a", "'is' takes", "a", "is.maybe");
	}

	@Test
	void boundsDepthConditionsAndValuesQuickly() {
		String deep = "(" + "or(".repeat(999) + "a.eq.1" + ")".repeat(1000);
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> refused("/query/or", "more than 16 levels deep", "or", deep));
		String sixteen = "(" + "and(".repeat(15) + "a.eq.1" + ")".repeat(16);
		assertThat(parse("or", sixteen).where()).hasSize(1);
		refused("/query/or", "more than 16 levels deep", "or", "(" + "and(".repeat(16) + "a.eq.1" + ")".repeat(17));

		StringBuilder many = new StringBuilder("(");
		for (int i = 0; i < 201; i++) {
			many.append(i > 0 ? "," : "").append("a.eq.").append(i);
		}
		refused("/query/or", "at most 200 conditions", "or", many.append(")").toString());

		String items = "(" + "1,".repeat(9999) + "1)";
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> refused("/query/a", "from 1 to 1000 values", "a", "in." + items));
		String thousand = "in.(" + "1,".repeat(999) + "1)";
		String[] pairs = new String[12];
		for (int i = 0; i < 6; i++) {
			pairs[2 * i] = "f" + i;
			pairs[2 * i + 1] = thousand;
		}
		refused("/query/f5", "at most 5000 values", pairs);
	}

}
