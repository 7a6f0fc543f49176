package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.access.RowLimits;
import io.dyntables.query.sql.RowSql;
import io.dyntables.query.sql.RowSql.Filter;
import io.dyntables.query.sql.RowSql.Groups;
import io.dyntables.query.sql.RowSql.Junction;
import io.dyntables.query.sql.RowSql.Operator;
import io.dyntables.query.sql.RowSql.Query;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Listings resolved against a table as a caller may see it. */
class ListingPlannerTest {

	private static final TableSchema PEOPLE = new TableSchema(7, "People", "people_7",
			List.of(FieldDefinition.of("name", FieldType.STRING), FieldDefinition.of("age", FieldType.INTEGER),
					FieldDefinition.of("score", FieldType.DECIMAL), FieldDefinition.of("active", FieldType.BOOLEAN),
					FieldDefinition.of("born", FieldType.DATE), FieldDefinition.of("data", FieldType.JSON),
					FieldDefinition.of("secret", FieldType.TEXT)),
			1, false, 4, 0);

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static ListingPlan parse(String... pairs) {
		return plan(RowScope.of(PEOPLE, RowLimits.NONE), pairs);
	}

	private static ListingPlan plan(RowScope scope, String... pairs) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.add(pairs[i], pairs[i + 1]);
		}
		return ListingPlanner.plan(ListingParser.parse(parameters, 1000), scope, MAPPER);
	}

	private static Query query(ListingPlan plan) {
		return (Query) plan.selection();
	}

	private static void refused(String pointer, String... pairs) {
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> parse(pairs))
			.satisfies((ex) -> assertThat(ex.refusals().get(0).pointer()).isEqualTo(pointer));
	}

	@Test
	void parsesFiltersByTheFieldsType() {
		ListingPlan listing = parse("age", "in.(1,2)", "name", "like.a*%_", "score", "gte.1.50");
		assertThat(query(listing).filters()).extracting((filter) -> ((Filter) filter).operator())
			.containsExactly(Operator.IN, Operator.LIKE, Operator.GTE);
		assertThat(((Filter) query(listing).filters().get(0)).values()).containsExactly(1, 2);
		assertThat(((Filter) query(listing).filters().get(1)).values()).containsExactly("a%\\%\\_");
		// decimals cross as text, exactly as given
		assertThat(((Filter) query(listing).filters().get(2)).values()).containsExactly("1.50");
	}

	@Test
	void refusesValuesOutOfTheFieldsTypeNamingTheParameter() {
		refused("/query/age", "age", "eq.2147483648");
		refused("/query/age", "age", "eq.12.0");
		refused("/query/age", "age", "in.()");
		refused("/query/name", "name", "eq.a\u0000");
		refused("/query/nope", "nope", "eq.1");
		refused("/query/limit", "limit", "1001");
		refused("/query/limit", "limit", "-5");
		refused("/query/limit", "limit", "9223372036854775808");
		refused("/query/limit", "limit", "-9223372036854775809");
		refused("/query/limit", "limit", "0x10");
		refused("/query/order", "order", "age.up");
		refused("/query/select", "select", "name,name");
	}

	@Test
	void plansLogicWithValuesInTheirFieldsTypes() {
		ListingPlan listing = parse("or", "(age.lt.18,not.and(score.gt.1.5,active.is.true),born.eq.2020-01-31)");
		Junction or = (Junction) query(listing).filters().get(0);
		assertThat(or.any()).isTrue();
		assertThat(or.conditions().get(0)).isEqualTo(new Filter("age", Operator.LT, List.of(18)));
		Junction and = (Junction) or.conditions().get(1);
		assertThat(and.negated()).isTrue();
		assertThat(and.conditions()).containsExactly(new Filter("score", Operator.GT, List.of("1.5")),
				new Filter("active", Operator.IS_TRUE, List.of()));
		assertThat(or.conditions().get(2)).isEqualTo(new Filter("born", Operator.EQ, List.of("2020-01-31")));
		assertThat(query(parse("name", "not.fts(english).cat")).filters())
			.containsExactly(new Filter("name", Operator.FTS, List.of("cat"), true, "english"));
	}

	@Test
	void refusesOperatorsTheFieldsTypeDoesNotTakeInsideLogicToo() {
		refused("/query/or", "or", "(age.fts.x,name.eq.a)");
		refused("/query/or", "or", "(nope.eq.1)");
		refused("/query/or", "or", "(age.eq.x)");
		refused("/query/and", "and", "(or(age.is.true))");
		refused("/query/age", "age", "is.unknown");
		refused("/query/data", "data", "not.eq.1");
		refused("/query/score", "score", "wfts.x");
		refused("/query/not.or", "not.or", "(name.like.a\u0000)");
	}

	@Test
	void aFieldTheCallerMayNotReadIsNoFieldAndRowRulesBoundEveryOr() {
		RowLimits limits = new RowLimits(Set.of("name", "age"), null, List.of(Map.of("name", "acme")), null);
		RowScope scope = RowScope.of(PEOPLE, limits);
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> plan(scope, "or", "(age.lt.18,secret.eq.x)"))
			.satisfies((ex) -> assertThat(ex.refusals().get(0).pointer()).isEqualTo("/query/or"));
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> plan(scope, "select", "max(secret)"));
		RowSql.Statement statement = plan(scope, "or", "(age.lt.18,age.gt.65)").selection().select();
		assertThat(statement.sql()).contains("WHERE (\"age\" < $1 OR \"age\" > $2) AND ((\"name\" = $3))");
		RowSql.Statement grouped = plan(scope, "select", "count()", "or", "(age.lt.18,age.gt.65)").selection().select();
		assertThat(grouped.sql()).contains("WHERE (\"age\" < $1 OR \"age\" > $2) AND ((\"name\" = $3))");
	}

	@Test
	void plansAggregatesAsGroupsOfTheSelectedFields() {
		ListingPlan listing = parse("select", "active,n:count(),sum(age),avg(score),min(born),max(name)", "order",
				"n.desc", "limit", "2");
		Groups groups = (Groups) listing.selection();
		assertThat(listing.output()).containsExactly("active", "n", "sum", "avg", "min", "max");
		assertThat(listing.types()).containsExactly(FieldType.BOOLEAN, FieldType.BIGINT, FieldType.BIGINT,
				FieldType.DECIMAL, FieldType.DATE, FieldType.STRING);
		assertThat(groups.sorts()).containsExactly(new RowSql.GroupSort(1, true), new RowSql.GroupSort(0, false));
		String next = listing.next().after(Map.of());
		ListingPlan second = parse("select", "active,n:count(),sum(age),avg(score),min(born),max(name)", "order",
				"n.desc", "limit", "2", "after", next);
		assertThat(((Groups) second.selection()).offset()).isEqualTo(2);
		// a cursor of another select, or of rows, is refused
		refused("/query/after", "select", "active,count()", "order", "count.desc", "after", next);
		refused("/query/after", "after",
				Cursor.after(Map.of("id", 1L), "id.asc", List.of(new RowSql.Sort("id", false)), MAPPER), "select",
				"count()");
	}

	@Test
	void refusesAggregatesTheFieldsTypeDoesNotTake() {
		refused("/query/select", "select", "sum(name)");
		refused("/query/select", "select", "avg(born)");
		refused("/query/select", "select", "min(active)");
		refused("/query/select", "select", "max(data)");
		refused("/query/select", "select", "data,count()");
		refused("/query/select", "select", "sum(nope)");
		refused("/query/select", "select", "count(),count()");
		refused("/query/select", "select", "age,age:count()");
		refused("/query/order", "select", "age,count()", "order", "name");
		refused("/query/order", "select", "age,count()", "order", "count,count.desc");
	}

	@Test
	void cursorRoundTripsTheSortValuesOfTheLastRow() {
		ListingPlan first = parse("order", "score.desc,name", "limit", "2");
		assertThat(query(first).sorts()).hasSize(3);
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("id", 42L);
		last.put("name", null);
		last.put("score", new BigDecimal("10.25"));
		String cursor = first.next().after(last);
		ListingPlan next = parse("order", "score.desc,name", "limit", "2", "after", cursor);
		assertThat(query(next).after()).containsExactly("10.25", null, 42L);
		refused("/query/after", "order", "age", "after", cursor);
		refused("/query/after", "after", "%%%");
	}

	@Test
	void everyKindOfConditionIsPlanned() {
		// a new kind of condition must be planned in ListingPlanner.condition
		assertThat(ListingRequest.Condition.class.getPermittedSubclasses())
			.containsExactlyInAnyOrder(ListingRequest.Comparison.class, ListingRequest.Logic.class);
	}

	@Test
	void csvQuotesOnlyWhatRfc4180Needs() {
		assertThat(RowWriter.csvLine(java.util.Arrays.asList(1, "plain", "a,b", "say \"hi\"", "two\nlines", "", null)))
			.isEqualTo("1,plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\",\r\n");
	}

}
