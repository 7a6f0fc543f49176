package io.dyntables.query.sql;

import java.util.Arrays;
import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.sql.RowSql.Aggregate;
import io.dyntables.query.sql.RowSql.Filter;
import io.dyntables.query.sql.RowSql.GroupSort;
import io.dyntables.query.sql.RowSql.Groups;
import io.dyntables.query.sql.RowSql.Junction;
import io.dyntables.query.sql.RowSql.Operator;
import io.dyntables.query.sql.RowSql.Output;
import io.dyntables.query.sql.RowSql.Query;
import io.dyntables.query.sql.RowSql.Sort;
import io.dyntables.query.sql.RowSql.Statement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RowSqlTest {

	private static final TableSchema PEOPLE = new TableSchema(
			7, "People", "people_7", List.of(FieldDefinition.of("name", FieldType.STRING),
					FieldDefinition.of("age", FieldType.INTEGER), FieldDefinition.of("data", FieldType.JSON)),
			1, false, 4, 0);

	@Test
	void bindsFilterValuesAsParametersNeverAsText() {
		Statement statement = RowSql.select(new Query(PEOPLE, List.of("id", "name"),
				List.of(new Filter("name", Operator.EQ, List.of("x' OR 1=1 --")),
						new Filter("age", Operator.IN, List.of(1, 2)),
						new Filter("age", Operator.IS_NOT_NULL, List.of())),
				List.of(new Sort("id", false)), null, 10));
		assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"name\" FROM \"dyntables_data\".\"people_7\" WHERE "
				+ "\"name\" = $1 AND \"age\" IN ($2, $3) AND \"age\" IS NOT NULL "
				+ "ORDER BY \"dyntables_data\".\"people_7\".\"id\" ASC LIMIT 10");
		assertThat(statement.parameters()).containsExactly("x' OR 1=1 --", 1, 2);
	}

	@Test
	void keysetTreatsNullsAsTheLargestValues() {
		Statement statement = RowSql.select(new Query(PEOPLE, List.of("id", "age"), List.of(),
				List.of(new Sort("age", true), new Sort("id", false)), Arrays.asList(null, 5L), 0));
		assertThat(statement.sql()).endsWith("WHERE ((\"age\" IS NOT NULL) OR (\"age\" IS NULL AND \"id\" > $1)) "
				+ "ORDER BY \"dyntables_data\".\"people_7\".\"age\" DESC, \"dyntables_data\".\"people_7\".\"id\" ASC");
		assertThat(statement.parameters()).containsExactly(5L);

		Statement ascending = RowSql.select(new Query(PEOPLE, List.of("id", "age"), List.of(),
				List.of(new Sort("age", false), new Sort("id", false)), List.of(30, 5L), 0));
		assertThat(ascending.sql())
			.contains("WHERE (((\"age\" > $1 OR \"age\" IS NULL)) OR (\"age\" = $2 AND \"id\" > $3))");
		assertThat(ascending.parameters()).containsExactly(30, 30, 5L);
	}

	@Test
	void bulkInsertCastsTextArraysToBaseTypesAndUpsertsOnTheConflictField() {
		String sql = RowSql.bulkInsert(PEOPLE, PEOPLE.fields(), "name");
		assertThat(sql).isEqualTo("INSERT INTO \"dyntables_data\".\"people_7\" (\"name\", \"age\", \"data\") "
				+ "SELECT u.c1, u.c2::integer, u.c3::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS u(c1, c2, c3) "
				+ "ON CONFLICT (\"name\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"age\" = EXCLUDED.\"age\", "
				+ "\"data\" = EXCLUDED.\"data\"");
	}

	@Test
	void datesTimestampsAndDecimalsCrossAsTextReadTheSameWhateverTheSession() {
		TableSchema events = new TableSchema(
				8, "Events", "events_8", List.of(FieldDefinition.of("day", FieldType.DATE),
						FieldDefinition.of("at", FieldType.TIMESTAMP), FieldDefinition.of("price", FieldType.DECIMAL)),
				1, false, 4, 0);
		assertThat(RowSql.insert(events, events.fields())).isEqualTo(
				"INSERT INTO \"dyntables_data\".\"events_8\" (\"day\", \"at\", \"price\") VALUES ($1::date, $2::timestamptz, $3::numeric) "
						+ "RETURNING \"id\", CASE WHEN isfinite(\"day\") THEN (\"day\" - DATE '1970-01-01')::text ELSE \"day\"::text END, "
						+ "CASE WHEN isfinite(\"at\") THEN ((\"at\" AT TIME ZONE 'UTC')::date - DATE '1970-01-01')::text || ' ' || "
						+ "extract(epoch FROM (\"at\" AT TIME ZONE 'UTC')::time)::text ELSE \"at\"::text END, \"price\"::text");
		Statement statement = RowSql.select(
				new Query(events, List.of("id", "at"), List.of(new Filter("day", Operator.GT, List.of("2026-11-30"))),
						List.of(new Sort("at", false), new Sort("id", false)), List.of("infinity", 3L), 1));
		assertThat(statement.sql()).startsWith("SELECT \"id\", CASE WHEN isfinite(\"at\")");
		assertThat(statement.sql().substring(statement.sql().lastIndexOf(" FROM")))
			.isEqualTo(" FROM \"dyntables_data\".\"events_8\" WHERE \"day\" > $1::date AND "
					+ "(((\"at\" > $2::timestamptz OR \"at\" IS NULL)) OR (\"at\" = $3::timestamptz AND \"id\" > $4)) "
					+ "ORDER BY \"dyntables_data\".\"events_8\".\"at\" ASC, \"dyntables_data\".\"events_8\".\"id\" ASC LIMIT 1");
	}

	@Test
	void refusesColumnsThatAreNotFieldNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> RowSql.select(new Query(PEOPLE,
				List.of("id", "name\"; DROP TABLE x; --"), List.of(), List.of(new Sort("id", false)), null, 0)));
	}

	@Test
	void scopesAreAnOrOfAndedEqualitiesWithBoundValues() {
		RowSql.Scope scope = new RowSql.Scope(PEOPLE,
				List.of(List.of(new Filter("name", Operator.EQ, List.of("acme' OR 'a'='a")),
						new Filter("age", Operator.EQ, List.of(3))),
						List.of(new Filter("name", Operator.EQ, List.of("b")))));
		Statement statement = RowSql
			.select(new Query(PEOPLE, List.of("id", "name"), List.of(new Filter("age", Operator.GT, List.of(1))),
					List.of(new Sort("id", false)), null, 10)
				.within(scope));
		assertThat(statement.sql()).isEqualTo("SELECT \"id\", \"name\" FROM \"dyntables_data\".\"people_7\" WHERE "
				+ "\"age\" > $1 AND ((\"name\" = $2 AND \"age\" = $3) OR (\"name\" = $4)) "
				+ "ORDER BY \"dyntables_data\".\"people_7\".\"id\" ASC LIMIT 10");
		assertThat(statement.parameters()).containsExactly(1, "acme' OR 'a'='a", 3, "b");
	}

	@Test
	void anEmptyScopeReachesNoRow() {
		RowSql.Scope none = new RowSql.Scope(PEOPLE, List.of());
		assertThat(RowSql.count(PEOPLE, List.of(), none).sql())
			.isEqualTo("SELECT count(*) FROM \"dyntables_data\".\"people_7\" WHERE FALSE");
		assertThat(RowSql.delete(PEOPLE, none).sql())
			.isEqualTo("DELETE FROM \"dyntables_data\".\"people_7\" WHERE \"id\" = $1 AND FALSE");
	}

	@Test
	void updatesNumberScopeValuesAfterTheRowId() {
		RowSql.Scope scope = new RowSql.Scope(PEOPLE, List.of(List.of(new Filter("name", Operator.EQ, List.of("a")))));
		Statement statement = RowSql.update(PEOPLE, List.of(FieldDefinition.of("age", FieldType.INTEGER)),
				List.of(scope, scope));
		assertThat(statement.sql())
			.startsWith("UPDATE \"dyntables_data\".\"people_7\" SET \"age\" = $1 WHERE \"id\" = $2 "
					+ "AND ((\"name\" = $3)) AND ((\"name\" = $4)) RETURNING ");
		assertThat(statement.parameters()).containsExactly("a", "a");
	}

	@Test
	void scopedUpsertsUpdateOnlyRowsInScope() {
		RowSql.Scope scope = new RowSql.Scope(PEOPLE, List.of(List.of(new Filter("age", Operator.EQ, List.of(3)))));
		Statement statement = RowSql.bulkInsert(PEOPLE, PEOPLE.fields().subList(0, 2), "name",
				PEOPLE.fields().subList(1, 2), scope);
		assertThat(statement.sql()).endsWith("ON CONFLICT (\"name\") DO UPDATE SET \"age\" = EXCLUDED.\"age\" "
				+ "WHERE ((\"dyntables_data\".\"people_7\".\"age\" = $3))");
		assertThat(statement.parameters()).containsExactly(3);
	}

	@Test
	void logicNestsInParenthesesWithNotAndBoundValues() {
		Statement statement = RowSql
			.select(new Query(
					PEOPLE, List.of("id"), List.of(
							new Junction(true, false,
									List.of(new Filter("age", Operator.LT, List.of(18)), new Junction(false, true,
											List.of(new Filter("name", Operator.EQ, List.of("x') OR TRUE --")),
													new Filter("age", Operator.IN, List.of(1, 2), true, null))))),
							new Filter("age", Operator.IS_NULL, List.of(), true, null)),
					List.of(new Sort("id", false)), null, 0));
		assertThat(statement.sql()).isEqualTo("SELECT \"id\" FROM \"dyntables_data\".\"people_7\" WHERE "
				+ "(\"age\" < $1 OR NOT (\"name\" = $2 AND NOT (\"age\" IN ($3, $4)))) AND NOT (\"age\" IS NULL) "
				+ "ORDER BY \"dyntables_data\".\"people_7\".\"id\" ASC");
		assertThat(statement.parameters()).containsExactly(18, "x') OR TRUE --", 1, 2);
	}

	@Test
	void fullTextSearchBindsTheLanguageAsARegconfigParameter() {
		Statement statement = RowSql.count(PEOPLE,
				List.of(new Filter("name", Operator.WFTS, List.of("cat -dog"), false, "english'; DROP TABLE x; --"),
						new Filter("name", Operator.FTS, List.of("cat & dog"))));
		assertThat(statement.sql()).isEqualTo("SELECT count(*) FROM \"dyntables_data\".\"people_7\" WHERE "
				+ "to_tsvector($1::regconfig, \"name\") @@ websearch_to_tsquery($1::regconfig, $2) "
				+ "AND to_tsvector(\"name\") @@ to_tsquery($3)");
		assertThat(statement.parameters()).containsExactly("english'; DROP TABLE x; --", "cat -dog", "cat & dog");
	}

	@Test
	void groupsByTheSelectedColumnsAndOrdersByTheAggregatesThemselves() {
		TableSchema sales = new TableSchema(
				9, "Sales", "sales_9", List.of(FieldDefinition.of("region", FieldType.STRING),
						FieldDefinition.of("day", FieldType.DATE), FieldDefinition.of("amount", FieldType.INTEGER)),
				1, false, 4, 0);
		Groups groups = new Groups(sales,
				List.of(new Output(null, "region"), new Output(Aggregate.COUNT, null),
						new Output(Aggregate.SUM, "amount"), new Output(Aggregate.MAX, "day")),
				List.of(new Filter("amount", Operator.GT, List.of(0))),
				List.of(new GroupSort(2, true), new GroupSort(0, false)), 10, 20, null);
		assertThat(groups.select().sql()).isEqualTo("SELECT \"region\", count(*), sum(\"amount\"), "
				+ "CASE WHEN isfinite(max(\"day\")) THEN (max(\"day\") - DATE '1970-01-01')::text ELSE max(\"day\")::text END "
				+ "FROM \"dyntables_data\".\"sales_9\" WHERE \"amount\" > $1 GROUP BY \"region\" "
				+ "ORDER BY sum(\"amount\") DESC, \"region\" ASC LIMIT 10 OFFSET 20");
		assertThat(groups.count().sql()).isEqualTo("SELECT count(*) FROM (SELECT count(*) FROM "
				+ "\"dyntables_data\".\"sales_9\" WHERE \"amount\" > $1 GROUP BY \"region\") AS g");
		assertThat(groups.limited(11).select().sql()).endsWith("LIMIT 11 OFFSET 20");
		assertThat(Aggregate.SUM.resultType(FieldType.INTEGER)).isEqualTo(FieldType.BIGINT);
		assertThat(Aggregate.AVG.resultType(FieldType.BIGINT)).isEqualTo(FieldType.DECIMAL);
		assertThat(Aggregate.SUM.takes(FieldType.STRING)).isFalse();
		assertThat(Aggregate.MIN.takes(FieldType.UUID)).isFalse();
		assertThat(Aggregate.MAX.takes(FieldType.TIMESTAMP)).isTrue();
	}

	@Test
	void everyKindOfConditionHasItsSql() {
		// a new kind of condition must be given SQL in RowSql.condition (and a plan)
		assertThat(RowSql.Condition.class.getPermittedSubclasses()).containsExactlyInAnyOrder(Filter.class,
				Junction.class);
	}

}
