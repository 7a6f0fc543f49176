package io.dyntables.deploy.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import io.dyntables.api.security.Caller;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * JWT bearer tokens, checked entirely by Spring Security's resource server (signature,
 * expiry and not-before, issuer, audience): this class only chooses where the signing
 * keys come from and turns a valid token into a {@link Caller}. The principal is
 * {@code jwt:<issuer>#<subject>}, the roles come from the configured claim (a list, or a
 * string of names separated by spaces or commas), and every string claim becomes an
 * attribute a row filter may bind to.
 */
final class JwtCallers {

	/** The shortest shared secret HS256 allows. */
	static final int MIN_HMAC_SECRET_BYTES = 32;

	private JwtCallers() {
	}

	/** The authentication manager of JWTs with these settings. */
	static JwtReactiveAuthenticationManager manager(SecuritySettings.Jwt settings) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder(settings));
		manager.setJwtAuthenticationConverter((jwt) -> Mono.just(authentication(jwt, settings.rolesClaim())));
		return manager;
	}

	static ReactiveJwtDecoder decoder(SecuritySettings.Jwt settings) {
		NimbusReactiveJwtDecoder decoder;
		if (!settings.hmacSecret().isBlank()) {
			byte[] secret = settings.hmacSecret().getBytes(StandardCharsets.UTF_8);
			if (secret.length < MIN_HMAC_SECRET_BYTES) {
				throw new IllegalStateException("DYNTABLES_JWT_HMAC_SECRET must be at least " + MIN_HMAC_SECRET_BYTES
						+ " bytes long (it signs HS256 tokens)");
			}
			decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
		}
		else if (!settings.jwkSetUri().isBlank()) {
			decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
				.jwsAlgorithms((algorithms) -> algorithms.addAll(ASYMMETRIC))
				.build();
		}
		else {
			// the issuer's discovery document names its key set; read on first use
			decoder = NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri())
				.jwsAlgorithms((algorithms) -> algorithms.addAll(ASYMMETRIC))
				.build();
		}
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (!settings.audience().isBlank()) {
			validators.add(new JwtAudienceValidator(settings.audience()));
		}
		OAuth2TokenValidator<Jwt> defaults = settings.issuerUri().isBlank() ? JwtValidators.createDefault()
				: JwtValidators.createDefaultWithIssuer(settings.issuerUri());
		validators.add(0, defaults);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
		return decoder;
	}

	private static final List<SignatureAlgorithm> ASYMMETRIC = List.of(SignatureAlgorithm.RS256,
			SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384,
			SignatureAlgorithm.ES512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);

	static AbstractAuthenticationToken authentication(Jwt jwt, String rolesClaim) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new InvalidBearerTokenException("invalid token");
		}
		String issuer = (jwt.getIssuer() != null) ? jwt.getIssuer().toString() : "";
		Map<String, String> attributes = new HashMap<>();
		jwt.getClaims().forEach((name, value) -> {
			if (value instanceof String text) {
				attributes.put(name, text);
			}
		});
		return new CallerAuthentication(
				new Caller("jwt:" + issuer + "#" + subject, roles(jwt.getClaims().get(rolesClaim)), attributes, false));
	}

	private static Set<String> roles(Object claim) {
		Set<String> roles = new HashSet<>();
		if (claim instanceof Collection<?> names) {
			names.forEach((name) -> {
				if (name instanceof String text && !text.isBlank()) {
					roles.add(text.strip());
				}
			});
		}
		else if (claim instanceof String names) {
			Arrays.stream(names.split("[\\s,]+")).filter((name) -> !name.isBlank()).forEach(roles::add);
		}
		return roles;
	}

}
