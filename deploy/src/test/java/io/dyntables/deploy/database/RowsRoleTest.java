package io.dyntables.deploy.database;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name and password of the role the service makes for rows: the same for every
 * instance of one database user, different for another, and within PostgreSQL's limits.
 */
class RowsRoleTest {

	@Test
	void passwordIsDerivedFromTheServicesOwnAlone() {
		String password = RowsRole.derivedPassword("the service's password");
		assertThat(RowsRole.derivedPassword("the service's password")).isEqualTo(password);
		assertThat(RowsRole.derivedPassword("another password")).isNotEqualTo(password);
		assertThat(password).matches("[A-Za-z0-9_-]{43}").doesNotContain("service");
	}

	@Test
	void roleIsNamedAfterTheServicesUser() {
		assertThat(RowsRole.managedName("dyntables")).isEqualTo("dyntables_rows");
		assertThat(RowsRole.managedName("postgres")).isEqualTo("postgres_rows");
	}

	@Test
	void longUserNamesGiveADistinctNameThatPostgresKeepsWhole() {
		String longest = "u".repeat(63);
		String name = RowsRole.managedName(longest);
		assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
		assertThat(name).startsWith("dyntables_rows_").isNotEqualTo(RowsRole.managedName("v".repeat(63)));
		String multibyte = "ü".repeat(30);
		assertThat(RowsRole.managedName(multibyte).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
	}

}
