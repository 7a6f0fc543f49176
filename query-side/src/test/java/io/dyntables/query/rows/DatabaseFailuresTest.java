package io.dyntables.query.rows;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.sql.SchemaDdl;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.postgresql.message.backend.Field;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcException;
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
	void aRefusedTextSearchNamesItsParameterAndNothingElseDoes() {
		for (String state : new String[] { "42704", "42601" }) {
			assertThat(DatabaseErrors.readFailure(new R2dbcBadGrammarException("refused", state), "or"))
				.isInstanceOfSatisfying(RefusedException.class, (refused) -> {
					assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
					assertThat(refused.refusals().get(0).pointer()).isEqualTo("/query/or");
				});
			// without a text search, such a state is our own fault
			R2dbcException ours = new R2dbcBadGrammarException("ours", state);
			assertThat(DatabaseErrors.readFailure(ours, null)).isSameAs(ours);
		}
		assertThat(DatabaseErrors.readFailure(new R2dbcBadGrammarException("changed", "42703"), "t"))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_CHANGED));
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
	void missingRequiredValueNamesTheFieldByItsCheckOrColumn() {
		FieldDefinition longName = FieldDefinition.of("a_field_name_long_enough_that_its_unique_constraint_is_hashed",
				FieldType.INTEGER);
		TableSchema schema = TableSchema.fold(List
			.of(new TableCreated(7, 1, "T", "t_7", List.of(FieldDefinition.of("count", FieldType.INTEGER), longName))));
		String hashed = SchemaDdl.requiredConstraint(7, longName.name()).replace("\"", "");
		assertThat(hashed).startsWith("nn_7_h");
		assertThat(pointer(
				DatabaseErrors.writeFailure(schema, refused("23514", Field.FieldType.CONSTRAINT_NAME, "nn_7_count"))))
			.isEqualTo("/count");
		assertThat(
				pointer(DatabaseErrors.writeFailure(schema, refused("23514", Field.FieldType.CONSTRAINT_NAME, hashed))))
			.isEqualTo("/" + longName.name());
		assertThat(pointer(DatabaseErrors.writeFailure(schema, refused("23502", Field.FieldType.COLUMN_NAME, "count"))))
			.isEqualTo("/count");
		assertThat(DatabaseErrors.mayBeStale(refused("23514", Field.FieldType.CONSTRAINT_NAME, "nn_7_count"))).isTrue();
	}

	private static String pointer(Throwable error) {
		assertThat(error).isInstanceOf(RefusedException.class);
		RefusedException refused = (RefusedException) error;
		assertThat(refused.code()).isEqualTo(ErrorCode.MISSING_VALUE);
		return refused.refusals().get(0).pointer();
	}

	/** A refusal as the driver reports it, with the name PostgreSQL gives. */
	private static R2dbcException refused(String state, Field.FieldType named, String name) {
		ErrorDetails details = new ErrorDetails(List.of(new Field(Field.FieldType.CODE, state),
				new Field(Field.FieldType.MESSAGE, "refused"), new Field(named, name)));
		return new Refused(details);
	}

	private static final class Refused extends R2dbcDataIntegrityViolationException implements PostgresqlException {

		private final ErrorDetails details;

		Refused(ErrorDetails details) {
			super(details.getMessage(), details.getCode());
			this.details = details;
		}

		@Override
		public ErrorDetails getErrorDetails() {
			return this.details;
		}

	}

	@Test
	void otherFailuresStayOurs() {
		IllegalStateException bug = new IllegalStateException("bug");
		assertThat(DatabaseErrors.readFailure(bug)).isSameAs(bug);
	}

}
