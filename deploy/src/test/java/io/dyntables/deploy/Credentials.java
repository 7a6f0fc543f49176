package io.dyntables.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials the authentication tests send: the settings of a service that accepts
 * an admin key and HS256 JWTs of one issuer, API keys created over the API, and signed
 * tokens (signed with a library, as an identity provider would).
 */
final class Credentials {

	static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

	static final String ISSUER = "https://issuer.test/realm";

	static final String HMAC_SECRET = "a-shared-secret-of-at-least-32-bytes-for-hs256";

	private Credentials() {
	}

	/** The arguments that make a service require credentials, with these settings. */
	static String[] securedArguments(String... more) {
		List<String> arguments = new java.util.ArrayList<>(
				List.of("--dyntables.security.admin-key=" + ADMIN_KEY, "--dyntables.security.jwt.issuer-uri=" + ISSUER,
						"--dyntables.security.jwt.hmac-secret=" + HMAC_SECRET));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

	/** Creates an API key as the admin and answers the created key's JSON. */
	static Map<String, Object> createKey(WebTestClient http, Map<String, Object> request) {
		return new Api(http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY)).build())
			.createKey(request);
	}

	static String bearer(String credential) {
		return "Bearer " + credential;
	}

	/** A JWT signed with the shared secret. */
	static String jwt(String issuer, String subject, Instant expires, Map<String, Object> claims) {
		return jwt(issuer, subject, expires, claims, HMAC_SECRET);
	}

	static String jwt(String issuer, String subject, Instant expires, Map<String, Object> claims, String secret) {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.issueTime(Date.from(expires.minus(Duration.ofHours(2))))
			.expirationTime(Date.from(expires));
		claims.forEach(set::claim);
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set.build());
		try {
			token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return token.serialize();
	}

	/**
	 * The status of a request, read as soon as the headers arrive (streaming answers
	 * never end), with the WWW-Authenticate header, or null.
	 */
	static Answer send(HttpClient client, String base, String method, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<java.io.InputStream> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (java.io.InputStream body = response.body()) {
				String text = (response.statusCode() == 401) ? new String(body.readAllBytes(), StandardCharsets.UTF_8)
						: "";
				return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
						text);
			}
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String challenge, String body) {

		void isRefusedWith(String challenge, String what) {
			assertThat(this.status).as("status of %s", what).isEqualTo(401);
			assertThat(this.challenge).as("WWW-Authenticate of %s", what).isEqualTo(challenge);
			assertThat(this.body).as("body of %s", what).contains("\"code\":\"unauthenticated\"");
		}

	}

}
