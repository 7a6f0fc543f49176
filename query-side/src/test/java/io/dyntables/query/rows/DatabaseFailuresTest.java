package io.dyntables.query.rows;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

	@Test
	void statementTimeoutIsATimeoutRefusalEvenWhenTranslatedBySpring() {
		Throwable canceled = new QueryTimeoutException("canceled",
				new R2dbcTimeoutException("canceling statement due to statement timeout", "57014"));
		assertThat(RowService.readFailure(canceled)).isInstanceOfSatisfying(RefusedException.class,
				(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.TIMEOUT));
		assertThat(RowService.readFailure(new R2dbcNonTransientResourceException("canceled", "57014")))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.TIMEOUT));
	}

	@Test
	void changedTableShapeIsASchemaChangedRefusal() {
		assertThat(RowService
			.readFailure(new R2dbcBadGrammarException("cached plan must not change result type", "0A000")))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_CHANGED));
		assertThat(RowService.readFailure(new R2dbcBadGrammarException("column does not exist", "42703")))
			.isInstanceOf(RefusedException.class);
	}

	@Test
	void otherFailuresStayOurs() {
		IllegalStateException bug = new IllegalStateException("bug");
		assertThat(RowService.readFailure(bug)).isSameAs(bug);
	}

}
