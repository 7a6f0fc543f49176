package io.dyntables.deploy.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * How bearer tokens are told apart and checked without a database: the admin key, JWTs
 * (audience included), and a key that cannot be looked up because the database is away (a
 * failure to check, never "invalid").
 */
class BearerCredentialsTest {

	private static final String SECRET = "a-shared-secret-of-at-least-32-bytes-for-hs256";

	private static final SecuritySettings.Jwt JWT = new SecuritySettings.Jwt("https://id.example", "", SECRET, "roles",
			"dyntables");

	private final BearerCredentials credentials = new BearerCredentials(adminKey(), unreachableKeys(),
			JwtCallers.manager(JWT));

	@Test
	void theAdminKeyIsTheUnrestrictedAdmin() {
		StepVerifier.create(this.credentials.authenticate(bearer("0123456789abcdef-admin"))).assertNext((proven) -> {
			CallerAuthentication caller = (CallerAuthentication) proven;
			org.assertj.core.api.Assertions.assertThat(caller.getName()).isEqualTo("key:admin");
			org.assertj.core.api.Assertions.assertThat(caller.getPrincipal().unrestricted()).isTrue();
		}).verifyComplete();
	}

	@Test
	void jwtsMustNameTheIssuerAndTheAudience() {
		Instant later = Instant.now().plusSeconds(600);
		StepVerifier.create(this.credentials.authenticate(bearer(jwt("https://id.example", "dyntables", later))))
			.assertNext((proven) -> org.assertj.core.api.Assertions.assertThat(proven.getName())
				.isEqualTo("jwt:https://id.example#alice"))
			.verifyComplete();
		StepVerifier.create(this.credentials.authenticate(bearer(jwt("https://id.example", "another", later))))
			.expectError(InvalidBearerTokenException.class)
			.verify();
		StepVerifier.create(this.credentials.authenticate(bearer(jwt("https://other.example", "dyntables", later))))
			.expectError(InvalidBearerTokenException.class)
			.verify();
		StepVerifier.create(this.credentials.authenticate(bearer("eyJhbGciOiJub25lIn0.e30.")))
			.expectError(InvalidBearerTokenException.class)
			.verify();
		StepVerifier.create(this.credentials.authenticate(bearer("neither-a-key-nor-a-jwt")))
			.expectError(InvalidBearerTokenException.class)
			.verify();
	}

	@Test
	void aKeyThatCannotBeLookedUpIsAFailureToCheckNotAnInvalidKey() {
		StepVerifier.create(this.credentials.authenticate(bearer(ApiKeyFormat.generate())))
			.expectError(AuthenticationServiceException.class)
			.verify(Duration.ofSeconds(30));
		StepVerifier.create(this.credentials.authenticate(bearer("dt_short")))
			.expectError(InvalidBearerTokenException.class)
			.verify();
	}

	private static BearerTokenAuthenticationToken bearer(String token) {
		return new BearerTokenAuthenticationToken(token);
	}

	private static AdminKey adminKey() {
		return AdminKey.of(new SecuritySettings("0123456789abcdef-admin", "", JWT, new SecuritySettings.RateLimit(0, 0),
				List.of(), false, Duration.ofSeconds(5), Duration.ofSeconds(60)));
	}

	/** Keys in a database nobody listens for (port 1 on this machine). */
	private static KeyCallers unreachableKeys() {
		DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
		ApiKeys keys = new ApiKeys(new JdbcTemplate(nowhere), new DataSourceTransactionManager(nowhere),
				JsonMapper.builder().build());
		SecuritySettings settings = new SecuritySettings("", "", JWT, new SecuritySettings.RateLimit(0, 0), List.of(),
				false, Duration.ofSeconds(5), Duration.ofSeconds(60));
		return new KeyCallers(keys, new LastUsed(keys, settings), Clock.systemUTC(), settings);
	}

	private static String jwt(String issuer, String audience, Instant expires) {
		try {
			SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
					new JWTClaimsSet.Builder().issuer(issuer)
						.subject("alice")
						.audience(audience)
						.expirationTime(Date.from(expires))
						.build());
			token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
			return token.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
