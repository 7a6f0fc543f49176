package io.dyntables.query.rows;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.Events.TableCreated;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
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
		assertThat(DatabaseErrors.readFailure(canceled)).isInstanceOfSatisfying(RefusedException.class,
				(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.TIMEOUT));
		assertThat(DatabaseErrors.readFailure(new R2dbcNonTransientResourceException("canceled", "57014")))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.TIMEOUT));
	}

	@Test
	void changedTableShapeIsASchemaChangedRefusal() {
		assertThat(DatabaseErrors
			.readFailure(new R2dbcBadGrammarException("cached plan must not change result type", "0A000")))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_CHANGED));
		assertThat(DatabaseErrors.readFailure(new R2dbcBadGrammarException("column does not exist", "42703")))
			.isInstanceOf(RefusedException.class);
	}

	@Test
	void onlyTheStatesOfAChangedTableAreSchemaChanges() {
		for (String state : new String[] { "42703", "42P01", "0A000", "42804", "42883" }) {
			assertThat(DatabaseErrors.isStaleSchema(new R2dbcBadGrammarException("changed", state))).as(state).isTrue();
		}
		for (String state : new String[] { "22008", "22003", "22P02", "22021", "23505", "42601", "57014" }) {
			assertThat(DatabaseErrors.isStaleSchema(new R2dbcBadGrammarException("not changed", state))).as(state)
				.isFalse();
		}
	}

	@Test
	void dataExceptionsAreValueErrorsNeverSchemaChanges() {
		TableSchema schema = TableSchema
			.fold(List.of(new TableCreated(1, 1, "T", "t_1", List.of(FieldDefinition.of("ts", FieldType.TIMESTAMP)))));
		for (String state : new String[] { "22008", "22003", "22007", "22P02", "22P05", "22021" }) {
			R2dbcDataIntegrityViolationException refused = new R2dbcDataIntegrityViolationException("out of range",
					state);
			assertThat(DatabaseErrors.writeFailure(schema, refused)).as(state)
				.isInstanceOfSatisfying(RefusedException.class,
						(r) -> assertThat(r.code()).isEqualTo(ErrorCode.INVALID_VALUE));
			assertThat(DatabaseErrors.readFailure(refused)).as(state)
				.isInstanceOfSatisfying(RefusedException.class,
						(r) -> assertThat(r.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
			assertThat(DatabaseErrors.mayBeStale(refused)).isTrue();
		}
	}

	@Test
	void otherFailuresStayOurs() {
		IllegalStateException bug = new IllegalStateException("bug");
		assertThat(DatabaseErrors.readFailure(bug)).isSameAs(bug);
	}

}
