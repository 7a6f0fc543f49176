package io.dyntables.query.projection;

import java.sql.SQLException;

import io.dyntables.api.history.ProjectionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionFailuresTest {

	@ParameterizedTest
	@CsvSource({ "55P03, LOCK_TIMEOUT", "40P01, LOCK_CONFLICT", "40001, LOCK_CONFLICT", "42703, SCHEMA_DRIFT",
			"42P01, SCHEMA_DRIFT", "42P07, SCHEMA_DRIFT", "42701, SCHEMA_DRIFT", "08006, DATABASE_UNAVAILABLE",
			"57P01, DATABASE_UNAVAILABLE", "53300, DATABASE_UNAVAILABLE", "23505, DDL_FAILED", "22003, DDL_FAILED",
			"57014, DDL_FAILED" })
	void namesTheProblemBySqlState(String sqlState, ProjectionProblem expected) {
		SQLException sql = new SQLException("ERROR: whatever the database said", sqlState);
		assertThat(ProjectionFailures.classify(new UncategorizedSQLException("running DDL", "ALTER TABLE x", sql)))
			.isEqualTo(expected);
	}

	@Test
	void theProjectorsOwnRefusalsKeepTheirProblem() {
		assertThat(ProjectionFailures.classify(new ProjectionFault(ProjectionProblem.READ_MODEL_OUT_OF_STEP, "no row")))
			.isEqualTo(ProjectionProblem.READ_MODEL_OUT_OF_STEP);
		assertThat(ProjectionFailures
			.classify(new IllegalStateException(new ProjectionFault(ProjectionProblem.SCHEMA_DRIFT, "exists"))))
			.isEqualTo(ProjectionProblem.SCHEMA_DRIFT);
	}

	@Test
	void noConnectionIsTheDatabaseAway() {
		assertThat(ProjectionFailures.classify(new CannotGetJdbcConnectionException("pool timed out")))
			.isEqualTo(ProjectionProblem.DATABASE_UNAVAILABLE);
	}

	@Test
	void anythingElseIsInternal() {
		assertThat(ProjectionFailures.classify(new NullPointerException())).isEqualTo(ProjectionProblem.INTERNAL);
		assertThat(ProjectionFailures.classify(new SQLException("no state"))).isEqualTo(ProjectionProblem.INTERNAL);
	}

	@Test
	void onlyLocksAndTheDatabaseAwayAreWaiting() {
		assertThat(ProjectionProblem.values()).filteredOn(ProjectionProblem::waiting)
			.containsExactlyInAnyOrder(ProjectionProblem.LOCK_TIMEOUT, ProjectionProblem.LOCK_CONFLICT,
					ProjectionProblem.DATABASE_UNAVAILABLE);
	}

	@Test
	void codesAreReadBack() {
		for (ProjectionProblem problem : ProjectionProblem.values()) {
			assertThat(ProjectionProblem.ofCode(problem.code())).isEqualTo(problem);
		}
		assertThat(ProjectionProblem.LOCK_TIMEOUT.code()).isEqualTo("lock-timeout");
		assertThat(ProjectionProblem.ofCode("from-a-newer-version")).isEqualTo(ProjectionProblem.INTERNAL);
	}

}
