package io.dyntables.api.roles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RolesTest {

	@Test
	void allServesEveryRole() {
		assertThat(Roles.serves("all", Roles.COMMANDS)).isTrue();
		assertThat(Roles.serves("all", Roles.PROJECTOR)).isTrue();
		assertThat(Roles.serves("all", Roles.ROWS)).isTrue();
		assertThat(Roles.serves("all", Roles.QUERIES)).isTrue();
	}

	@Test
	void aListServesItsRolesOnly() {
		assertThat(Roles.serves(" Rows ", Roles.ROWS)).isTrue();
		assertThat(Roles.serves("rows", Roles.PROJECTOR)).isFalse();
		assertThat(Roles.serves("commands,projector", Roles.PROJECTOR)).isTrue();
		assertThat(Roles.serves("commands,projector", Roles.QUERIES)).isFalse();
	}

	@Test
	void anUnknownOrEmptySettingStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse("rows,row"))
			.withMessageContaining("unknown role 'row'");
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse(" , ")).withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse(null));
	}

}
