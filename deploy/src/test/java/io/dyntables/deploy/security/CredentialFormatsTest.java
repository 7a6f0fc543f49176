package io.dyntables.deploy.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.dyntables.api.security.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The shapes of credentials: API keys, the admin key, and the caller a JWT becomes. */
class CredentialFormatsTest {

	@TempDir
	Path dir;

	@Test
	void generatedKeysAreWellFormedDistinctAndFoundByTheirPrefix() {
		Set<String> prefixes = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String key = ApiKeyFormat.generate();
			assertThat(ApiKeyFormat.wellFormed(key)).as(key).isTrue();
			assertThat(ApiKeyFormat.looksLikeKey(key)).isTrue();
			assertThat(key).startsWith("dt_" + ApiKeyFormat.prefix(key) + "_");
			prefixes.add(ApiKeyFormat.prefix(key));
			assertThat(ApiKeyFormat.matches(key, ApiKeyFormat.hash(key))).isTrue();
			assertThat(ApiKeyFormat.matches(key + "x", ApiKeyFormat.hash(key))).isFalse();
		}
		assertThat(prefixes).hasSize(1000);
	}

	@Test
	void malformedKeysAreNotWellFormed() {
		String key = ApiKeyFormat.generate();
		for (String bad : List.of("dt_", key.substring(0, key.length() - 1), key + "A", key.replace("dt_", "DT_"),
				"dt_ABCDEFGH_" + key.substring(12), "dt_abcdefgh-" + key.substring(12))) {
			assertThat(ApiKeyFormat.wellFormed(bad)).as(bad).isFalse();
		}
	}

	@Test
	void theAdminKeyMustBeLongAndOfBearerTokenCharacters() throws Exception {
		assertThat(AdminKey.of(settings("", "")).configured()).isFalse();
		assertThat(AdminKey.of(settings("0123456789abcdef", "")).matches("0123456789abcdef")).isTrue();
		assertThat(AdminKey.of(settings("0123456789abcdef", "")).matches("0123456789abcdeF")).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> AdminKey.of(settings("short", "")));
		assertThatIllegalStateException().isThrownBy(() -> AdminKey.of(settings("0123456789 abcdef", "")));
		Path file = Files.writeString(this.dir.resolve("key"), "from-a-file-0123456789\n");
		assertThat(AdminKey.of(settings("", file.toString())).matches("from-a-file-0123456789")).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> AdminKey.of(settings("0123456789abcdef", file.toString())));
		assertThatIllegalStateException()
			.isThrownBy(() -> AdminKey.of(settings("", this.dir.resolve("missing").toString())));
	}

	@Test
	void aJwtBecomesACallerWithItsIssuerSubjectRolesAndStringClaims() {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "HS256")
			.issuer("https://id.example")
			.subject("alice")
			.claim("roles", List.of("reader", "writer"))
			.claim("tenant", "t-1")
			.claim("level", 3)
			.issuedAt(Instant.now())
			.build();
		Caller caller = ((CallerAuthentication) JwtCallers.authentication(jwt, "roles")).getPrincipal();
		assertThat(caller.principal()).isEqualTo("jwt:https://id.example#alice");
		assertThat(caller.roles()).containsExactlyInAnyOrder("reader", "writer");
		assertThat(caller.attributes()).containsEntry("tenant", "t-1").doesNotContainKey("level");
		assertThat(caller.unrestricted()).isFalse();

		Jwt spaced = Jwt.withTokenValue("t").header("alg", "HS256").subject("bob").claim("scope", "a b,c").build();
		assertThat(((CallerAuthentication) JwtCallers.authentication(spaced, "scope")).getPrincipal().roles())
			.containsExactlyInAnyOrder("a", "b", "c");
	}

	private static SecuritySettings settings(String adminKey, String adminKeyFile) {
		return new SecuritySettings(adminKey, adminKeyFile, new SecuritySettings.Jwt("", "", "", "roles", ""),
				new SecuritySettings.RateLimit(0, 0), List.of(), false, java.time.Duration.ofSeconds(5),
				java.time.Duration.ofSeconds(60));
	}

}
