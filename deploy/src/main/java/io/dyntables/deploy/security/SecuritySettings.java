package io.dyntables.deploy.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of authentication and of the abuse limits ({@code dyntables.security.*},
 * each from a {@code DYNTABLES_*} environment variable, see {@code .env_example}).
 *
 * @param adminKey the bootstrap admin key, or empty
 * @param adminKeyFile a file holding the bootstrap admin key, or empty
 * @param jwt bearer tokens
 * @param rateLimit requests per credential
 * @param corsAllowedOrigins origins whose browser pages may call the API; none by default
 * @param metricsPublic whether {@code /actuator/prometheus} answers without a credential
 * @param keyCacheTtl how long a resolved API key is trusted without reading it again (the
 * fallback when a revocation announcement is lost)
 * @param lastUsedInterval how often the last-used times of keys are written
 */
@ConfigurationProperties("dyntables.security")
public record SecuritySettings(@DefaultValue("") String adminKey, @DefaultValue("") String adminKeyFile,
		@DefaultValue Jwt jwt, @DefaultValue RateLimit rateLimit, @DefaultValue("") List<String> corsAllowedOrigins,
		@DefaultValue("false") boolean metricsPublic, @DefaultValue("5s") Duration keyCacheTtl,
		@DefaultValue("60s") Duration lastUsedInterval) {

	/**
	 * Whether JWTs are accepted: an issuer, a key set or a shared secret is configured.
	 */
	public boolean jwtConfigured() {
		return !this.jwt.issuerUri().isBlank() || !this.jwt.jwkSetUri().isBlank() || !this.jwt.hmacSecret().isBlank();
	}

	/**
	 * Whether any credential is configured; without one the service is in protected mode.
	 */
	public boolean credentialsConfigured() {
		return !this.adminKey.isBlank() || !this.adminKeyFile.isBlank() || jwtConfigured();
	}

	/**
	 * JWT bearer tokens.
	 *
	 * @param issuerUri the issuer: tokens must name it ({@code iss}); its discovery
	 * document gives the key set unless one is configured
	 * @param jwkSetUri where the signing keys are published
	 * @param hmacSecret a shared HS256 secret (at least 32 bytes), for tests and small
	 * setups
	 * @param rolesClaim the claim listing the caller's roles
	 * @param audience when set, tokens must name it in {@code aud}
	 */
	public record Jwt(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri,
			@DefaultValue("") String hmacSecret, @DefaultValue("roles") String rolesClaim,
			@DefaultValue("") String audience) {
	}

	/**
	 * The per-credential request rate limit of each instance (never applied in protected
	 * mode).
	 *
	 * @param perSecond requests per second each credential may send on average; 0 turns
	 * the limit off
	 * @param burst requests a credential may send at once after a pause (0: twice the
	 * rate)
	 */
	public record RateLimit(@DefaultValue("1000") long perSecond, @DefaultValue("0") long burst) {

		public long capacity() {
			return (this.burst > 0) ? this.burst : 2 * this.perSecond;
		}

	}

}
