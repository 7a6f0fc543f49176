package io.dyntables.command.access;

import java.util.List;
import java.util.Set;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RoleCommands.DeleteRole;
import io.dyntables.api.access.RoleCommands.SetRole;
import io.dyntables.api.access.RoleEvents.RoleCreated;
import io.dyntables.api.access.RoleEvents.RoleDeleted;
import io.dyntables.api.access.RoleEvents.RoleGrantsSet;
import io.dyntables.api.access.TableScope;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.security.Action;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessRoleTest {

	private static final Grant READ = new Grant(Set.of(Action.ROWS_READ), TableScope.named("sales_*"), null, null,
			"tenant = ${claim.tenant}");

	private static final Grant WRITE = new Grant(Set.of(Action.ROWS_WRITE), TableScope.tables(List.of(7L)), null,
			List.of("total"), null);

	private AggregateTestFixture<AccessRole> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(AccessRole.class);
	}

	@Test
	void settingANewRoleCreatesIt() {
		this.fixture.givenNoPriorActivity()
			.when(new SetRole("sales", List.of(READ), null))
			.expectEvents(new RoleCreated("sales", 1, List.of(READ)))
			.expectResultMessagePayload(1L);
	}

	@Test
	void settingOtherGrantsReplacesThem() {
		this.fixture.given(new RoleCreated("sales", 1, List.of(READ)))
			.when(new SetRole("sales", List.of(READ, WRITE), 1L))
			.expectEvents(new RoleGrantsSet("sales", 2, List.of(READ, WRITE)))
			.expectResultMessagePayload(2L);
	}

	@Test
	void settingTheSameGrantsChangesNothing() {
		this.fixture.given(new RoleCreated("sales", 1, List.of(READ)))
			.when(new SetRole("sales", List.of(READ), null))
			.expectNoEvents()
			.expectResultMessagePayload(1L);
	}

	@Test
	void refusesAStaleIfMatch() {
		this.fixture.given(new RoleCreated("sales", 1, List.of(READ)), new RoleGrantsSet("sales", 2, List.of(WRITE)))
			.when(new SetRole("sales", List.of(READ), 1L))
			.expectNoEvents()
			.expectException(RefusedException.class);
	}

	@Test
	void refusesAnInvalidName() {
		this.fixture.givenNoPriorActivity()
			.when(new SetRole("Sales Team", List.of(READ), null))
			.expectNoEvents()
			.expectException(RefusedException.class);
	}

	@Test
	void deletingEndsTheGrantsAndSettingAgainCreatesTheRoleAnew() {
		this.fixture.given(new RoleCreated("sales", 1, List.of(READ)))
			.when(new DeleteRole("sales", null))
			.expectEvents(new RoleDeleted("sales", 2));
		this.fixture.given(new RoleCreated("sales", 1, List.of(READ)), new RoleDeleted("sales", 2))
			.when(new SetRole("sales", List.of(READ), null))
			.expectEvents(new RoleCreated("sales", 3, List.of(READ)));
	}

	@Test
	void aDeletedRoleCannotBeDeletedAgain() {
		this.fixture.given(new RoleCreated("sales", 1, List.of(READ)), new RoleDeleted("sales", 2))
			.when(new DeleteRole("sales", null))
			.expectNoEvents()
			.expectException(RefusedException.class);
	}

}
