package io.dyntables.api.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.access.AccessPolicy.Decision;
import io.dyntables.api.access.AccessPolicy.Verdict;
import io.dyntables.api.security.Action;
import io.dyntables.api.security.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

	private static final Caller ACME = new Caller("key:ab12 (acme)", Set.of("sales"), Map.of("tenant", "acme"), false);

	private static final Grant READ_SALES = new Grant(Set.of(Action.SCHEMA_READ, Action.ROWS_READ),
			TableScope.named("sales_*"), List.of("region", "total"), null, "tenant = ${claim.tenant}");

	@Test
	void tablesNoGrantAppliesToAreInvisible() {
		assertThat(AccessPolicy.decide(ACME, List.of(READ_SALES), Action.ROWS_READ, 3, "hr_people").verdict())
			.isEqualTo(Verdict.INVISIBLE);
		assertThat(AccessPolicy.decide(ACME, List.of(), Action.SCHEMA_READ, 3, "sales_eu").verdict())
			.isEqualTo(Verdict.INVISIBLE);
	}

	@Test
	void visibleTablesWithoutTheActionAreForbidden() {
		assertThat(AccessPolicy.decide(ACME, List.of(READ_SALES), Action.ROWS_WRITE, 3, "sales_eu").verdict())
			.isEqualTo(Verdict.FORBIDDEN);
	}

	@Test
	void allowedActionsCarryFieldsAndBoundRows() {
		Decision decision = AccessPolicy.decide(ACME, List.of(READ_SALES), Action.ROWS_READ, 3, "sales_eu");
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.fields()).containsExactlyInAnyOrder("region", "total");
		assertThat(decision.rows()).containsExactly(Map.of("tenant", "acme"));
	}

	@Test
	void grantsAddUpAndAGrantWithoutLimitsLiftsThem() {
		Grant all = new Grant(Set.of(Action.ROWS_READ), TableScope.tables(List.of(3L)), null, null, null);
		Decision decision = AccessPolicy.decide(ACME, List.of(READ_SALES, all), Action.ROWS_READ, 3, "sales_eu");
		assertThat(decision.unlimited()).isTrue();
	}

	@Test
	void aCallerWithoutTheAttributeReachesNoRows() {
		Caller anonymous = new Caller("jwt:x#y", Set.of("sales"), Map.of(), false);
		Decision decision = AccessPolicy.decide(anonymous, List.of(READ_SALES), Action.ROWS_READ, 3, "sales_eu");
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.rows()).isEmpty();
	}

	@Test
	void unrestrictedCallersMayDoEverything() {
		assertThat(AccessPolicy.decide(Caller.LOCAL, List.of(), Action.ADMIN, 3, "x").unlimited()).isTrue();
		assertThat(AccessPolicy.allowedEverywhere(Caller.LOCAL, List.of(), Action.ADMIN)).isTrue();
	}

	@Test
	void everyTableNeedsAGrantOnAllTablesWithoutLimits() {
		Grant adminOnSales = new Grant(Set.of(Action.ADMIN), TableScope.named("sales_*"), null, null, null);
		Grant admin = new Grant(Set.of(Action.ADMIN), TableScope.allTables(), null, null, null);
		assertThat(AccessPolicy.allowedEverywhere(ACME, List.of(adminOnSales), Action.ADMIN)).isFalse();
		assertThat(AccessPolicy.allowedEverywhere(ACME, List.of(admin), Action.ADMIN)).isTrue();
	}

	@Test
	void aNewTableMayBeLabelledUnderAWritablePatternOnly() {
		Grant write = new Grant(Set.of(Action.SCHEMA_WRITE), TableScope.named("sales_*"), null, null, null);
		assertThat(AccessPolicy.mayLabel(ACME, List.of(write), -1, "sales_new")).isTrue();
		assertThat(AccessPolicy.mayLabel(ACME, List.of(write), -1, "hr_new")).isFalse();
		assertThat(AccessPolicy.mayLabel(ACME, List.of(READ_SALES), -1, "sales_new")).isFalse();
	}

}
