package io.dyntables.api.access;

import io.dyntables.api.access.RouteActions.Target;
import io.dyntables.api.security.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteActionsTest {

	@Test
	void routesNeedTheirActions() {
		assertThat(RouteActions.of("GET", "/api/table").orElseThrow().target()).isEqualTo(Target.TABLE_LIST);
		assertThat(RouteActions.of("GET", "/api/table/events").orElseThrow().target()).isEqualTo(Target.EVERY_TABLE);
		assertThat(RouteActions.of("GET", "/api/table/7").orElseThrow().action()).isEqualTo(Action.SCHEMA_READ);
		assertThat(RouteActions.of("GET", "/api/table/7/rows").orElseThrow().action()).isEqualTo(Action.ROWS_READ);
		assertThat(RouteActions.of("PATCH", "/api/table/7/rows/3").orElseThrow().action()).isEqualTo(Action.ROWS_WRITE);
		assertThat(RouteActions.of("GET", "/api/table/7/history").orElseThrow().action())
			.isEqualTo(Action.HISTORY_READ);
		assertThat(RouteActions.of("PUT", "/api/admin/roles/sales").orElseThrow().action()).isEqualTo(Action.ADMIN);
	}

	@Test
	void unknownRoutesHaveNoAction() {
		assertThat(RouteActions.of("GET", "/api/table/7/rows/3/extra")).isEmpty();
		assertThat(RouteActions.of("TRACE", "/api/table/7")).isEmpty();
		assertThat(RouteActions.of("GET", "/api/tables")).isEmpty();
		assertThat(RouteActions.of("GET", "/api/table//rows")).isEmpty();
	}

}
