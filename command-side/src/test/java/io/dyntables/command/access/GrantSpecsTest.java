package io.dyntables.command.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.TableScope;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantSpecsTest {

	@Test
	void readsEveryPartOfAGrant() {
		List<Grant> grants = GrantSpecs.parse(List.of(
				Map.of("actions", List.of("rows:read", "schema:read"), "tables", "sales_*", "readFields",
						List.of("region"), "rows", "tenant = ${claim.tenant}"),
				Map.of("actions", List.of("admin"), "tables", "*"),
				Map.of("actions", List.of("rows:write"), "tables", List.of(7, 9), "writeFields", List.of())));
		assertThat(grants).containsExactly(
				new Grant(Set.of(Action.ROWS_READ, Action.SCHEMA_READ), TableScope.named("sales_*"), List.of("region"),
						null, "tenant = ${claim.tenant}"),
				new Grant(Set.of(Action.ADMIN), TableScope.allTables(), null, null, null),
				new Grant(Set.of(Action.ROWS_WRITE), TableScope.tables(List.of(7L, 9L)), null, List.of(), null));
	}

	@Test
	void refusesWithAPointerToTheProblem() {
		refused(Map.of("actions", List.of("rows:delete"), "tables", "*"), "/grants/0/actions/0");
		refused(Map.of("actions", List.of(), "tables", "*"), "/grants/0/actions");
		refused(Map.of("actions", List.of("admin")), "/grants/0/tables");
		refused(Map.of("actions", List.of("admin"), "tables", List.of(0)), "/grants/0/tables/0");
		refused(Map.of("actions", List.of("admin"), "tables", List.of(1.5)), "/grants/0/tables/0");
		refused(Map.of("actions", List.of("admin"), "tables", "*", "rows", "tenant = 'a' OR 1=1"), "/grants/0/rows");
		refused(Map.of("actions", List.of("admin"), "tables", "*", "readFields", List.of("a b")),
				"/grants/0/readFields/0");
		refused(Map.of("actions", List.of("admin"), "tables", "*", "owner", "me"), "/grants/0/owner");
	}

	private static void refused(Map<String, Object> grant, String pointer) {
		assertThatThrownBy(() -> GrantSpecs.parse(List.of(grant))).isInstanceOfSatisfying(RefusedException.class,
				(refused) -> {
					assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_GRANT);
					assertThat(refused.refusals().get(0).pointer()).isEqualTo(pointer);
				});
	}

}
