package io.dyntables.query.rows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.access.RowLimits;
import io.dyntables.query.sql.RowSql.Operator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListingPlannerTest {

	private static final TableSchema PEOPLE = new TableSchema(
			7, "People", "people_7", List.of(FieldDefinition.of("name", FieldType.STRING),
					FieldDefinition.of("age", FieldType.INTEGER), FieldDefinition.of("score", FieldType.DECIMAL)),
			1, false, 4, 0);

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static ListingPlan parse(String... pairs) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.add(pairs[i], pairs[i + 1]);
		}
		return ListingPlanner.plan(ListingParser.parse(parameters, 1000), RowScope.of(PEOPLE, RowLimits.NONE), MAPPER);
	}

	private static void refused(String pointer, String... pairs) {
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> parse(pairs))
			.satisfies((ex) -> assertThat(ex.refusals().get(0).pointer()).isEqualTo(pointer));
	}

	@Test
	void parsesFiltersByTheFieldsType() {
		ListingPlan listing = parse("age", "in.(1,2)", "name", "like.a*%_", "score", "gte.1.50");
		assertThat(listing.query().filters()).extracting((filter) -> filter.operator())
			.containsExactly(Operator.IN, Operator.LIKE, Operator.GTE);
		assertThat(listing.query().filters().get(0).values()).containsExactly(1, 2);
		assertThat(listing.query().filters().get(1).values()).containsExactly("a%\\%\\_");
		// decimals cross as text, exactly as given
		assertThat(listing.query().filters().get(2).values()).containsExactly("1.50");
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
	void cursorRoundTripsTheSortValuesOfTheLastRow() {
		ListingPlan first = parse("order", "score.desc,name", "limit", "2");
		assertThat(first.query().sorts()).hasSize(3);
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("id", 42L);
		last.put("name", null);
		last.put("score", new BigDecimal("10.25"));
		String cursor = Cursor.after(last, first.order(), first.query().sorts(), MAPPER);
		ListingPlan next = parse("order", "score.desc,name", "limit", "2", "after", cursor);
		assertThat(next.query().after()).containsExactly("10.25", null, 42L);
		refused("/query/after", "order", "age", "after", cursor);
		refused("/query/after", "after", "%%%");
	}

	@Test
	void csvQuotesOnlyWhatRfc4180Needs() {
		assertThat(RowWriter.csvLine(java.util.Arrays.asList(1, "plain", "a,b", "say \"hi\"", "two\nlines", "", null)))
			.isEqualTo("1,plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\",\r\n");
	}

}
