package io.dyntables.api.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dyntables.api.access.RowRule.Condition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowRuleTest {

	@Test
	void parsesEqualitiesJoinedWithAnd() {
		RowRule rule = RowRule.parse("tenant = ${claim.tenant} and region='eu' AND level = -3 AND active = true");
		assertThat(rule.conditions()).containsExactly(new Condition("tenant", null, "tenant"),
				new Condition("region", "eu", null), new Condition("level", "-3", null),
				new Condition("active", "true", null));
	}

	@Test
	void quotedValuesKeepQuotesDoubled() {
		assertThat(RowRule.parse("name = 'it''s'").conditions().get(0).literal()).isEqualTo("it's");
	}

	@Test
	void bindsAttributesOfTheCaller() {
		RowRule rule = RowRule.parse("tenant = ${key.tenant} AND region = 'eu'");
		assertThat(rule.bind(Map.of("tenant", "acme"))).contains(Map.of("tenant", "acme", "region", "eu"));
	}

	@Test
	void aMissingAttributeMatchesNothing() {
		assertThat(RowRule.parse("tenant = ${claim.tenant}").bind(Map.of())).isEqualTo(Optional.empty());
	}

	@Test
	void refusesEverythingButEqualitiesAndAnd() {
		for (String hostile : List.of("tenant = 'a' OR 1 = 1", "tenant <> 'a'", "tenant = a",
				"tenant = 'a'; DROP TABLE x", "tenant = 'a' AND", "tenant = ${env.HOME}", "tenant = ${claim.tenant",
				"\"tenant\" = 'a'", "tenant = 'unclosed", "", "tenant = 'a' AND tenant = 'b'",
				"tenant = 'a' -- comment", "tenant = 'a\nb'", "tenant = (SELECT 1)")) {
			assertThatThrownBy(() -> RowRule.parse(hostile)).as(hostile).isInstanceOf(RowRule.InvalidRule.class);
		}
	}

}
