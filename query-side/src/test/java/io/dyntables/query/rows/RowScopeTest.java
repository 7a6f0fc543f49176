package io.dyntables.query.rows;

import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.access.RowLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fields of a row rule an insert gets filled in. */
class RowScopeTest {

	private static final TableSchema ORDERS = new TableSchema(
			7, "Orders", "orders_7", List.of(FieldDefinition.of("tenant", FieldType.STRING),
					FieldDefinition.of("region", FieldType.STRING), FieldDefinition.of("qty", FieldType.INTEGER)),
			1, false, 3, 0);

	private static Map<String, Object> inserted(Map<String, Object> row, List<Map<String, String>> writeRows) {
		return RowScope.of(ORDERS, new RowLimits(null, null, null, writeRows)).forInsert(row, "");
	}

	@Test
	void fillsInTheFieldsOfTheOneRule() {
		assertThat(inserted(Map.of("qty", 1), List.of(Map.of("tenant", "acme", "region", "eu"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("qty", 1, "tenant", "acme", "region", "eu"));
	}

	@Test
	void identicalRulesCountAsOne() {
		assertThat(inserted(Map.of("qty", 1), List.of(Map.of("tenant", "acme"), Map.of("tenant", "acme"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("qty", 1, "tenant", "acme"));
	}

	@Test
	void fillsInOnlyWhatEveryRuleBindsToTheSameValue() {
		assertThat(inserted(Map.of("qty", 1),
				List.of(Map.of("tenant", "acme", "region", "eu"), Map.of("tenant", "acme", "region", "us"),
						Map.of("tenant", "acme", "qty", "5"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("qty", 1, "tenant", "acme"));
	}

	@Test
	void rulesThatDisagreeFillInNothing() {
		assertThat(inserted(Map.of("qty", 1), List.of(Map.of("tenant", "acme"), Map.of("tenant", "other"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("qty", 1));
		assertThat(inserted(Map.of("qty", 1), List.of(Map.of("tenant", "acme"), Map.of())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("qty", 1));
	}

	@Test
	void aValueTheCallerGaveIsKept() {
		assertThat(inserted(Map.of("tenant", "other"), List.of(Map.of("tenant", "acme"), Map.of("tenant", "acme"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "other"));
	}

}
