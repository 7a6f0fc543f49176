package io.dyntables.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.dyntables.api.security.Action;
import io.dyntables.deploy.security.RouteActions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static io.dyntables.deploy.Credentials.ADMIN_KEY;
import static io.dyntables.deploy.Credentials.ISSUER;
import static io.dyntables.deploy.Credentials.bearer;
import static io.dyntables.deploy.Credentials.createKey;
import static io.dyntables.deploy.Credentials.jwt;
import static io.dyntables.deploy.Credentials.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service with credentials configured (an admin key, HS256 JWTs of one issuer, a low
 * rate limit, one CORS origin): every route needs a valid credential except the
 * documentation and the probes, and every kind of bad credential gets the same 401.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthenticationIT {

	private static final String ALLOWED_ORIGIN = "https://app.example";

	static ConfigurableApplicationContext service;

	static WebTestClient http;

	static String base;

	@BeforeAll
	static void start() {
		service = new SpringApplicationBuilder(DyntablesApplication.class).run(Credentials.securedArguments(
				"--server.port=0", "--dyntables.data-dir=target/it-data/auth-" + UUID.randomUUID(),
				"--dyntables.security.rate-limit.per-second=5", "--dyntables.security.rate-limit.burst=100",
				"--dyntables.security.cors-allowed-origins=" + ALLOWED_ORIGIN,
				"--dyntables.security.last-used-interval=200ms"));
		http = Instances.client(service);
		base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
	}

	@Test
	@Order(1)
	void historyRecordsTheKeysPrincipalAndXActorOnlyAsOnBehalfOf() {
		defineRole("writer", List.of(Map.of("actions", List.of("schema:write"), "tables", "Audited")));
		Map<String, Object> key = createKey(http, Map.of("name", "etl job", "roles", List.of("writer")));
		String secret = (String) key.get("key");
		Map<String, Object> table = http.post()
			.uri("/api/table")
			.header(HttpHeaders.AUTHORIZATION, bearer(secret))
			.header("X-Actor", "alice")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Audited", "fields", Map.of("a", "text")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		Map<String, Object> history = http.get()
			.uri("/api/table/{id}/history", table.get("id"))
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> entry = ((List<Map<String, Object>>) history.get("entries")).get(0);
		assertThat(entry).containsEntry("actor", "key:" + key.get("prefix") + " (etl job)")
			.containsEntry("onBehalfOf", "alice");
		assertThat(key.get("principal")).isEqualTo(entry.get("actor"));
	}

	@Test
	@Order(2)
	void jwtCallersCarryTheirIssuerSubjectRolesAndAttributes() {
		String admin = jwt(ISSUER, "carol", Instant.now().plusSeconds(600),
				Map.of("roles", List.of("admin"), "tenant", "t-7"));
		String reader = jwt(ISSUER, "dave", Instant.now().plusSeconds(600), Map.of("roles", "reader other"));
		defineRole("reader", List.of(Map.of("actions", List.of("history:read"), "tables", "*")));
		http.get()
			.uri("/api/admin/keys")
			.header(HttpHeaders.AUTHORIZATION, bearer(admin))
			.exchange()
			.expectStatus()
			.isOk();
		http.get()
			.uri("/api/admin/keys")
			.header(HttpHeaders.AUTHORIZATION, bearer(reader))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("forbidden");
		Map<String, Object> table = http.post()
			.uri("/api/table")
			.header(HttpHeaders.AUTHORIZATION, bearer(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "ByToken", "fields", Map.of("a", "text")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Json.MAP)
			.returnResult()
			.getResponseBody();
		http.get()
			.uri("/api/table/{id}/history", table.get("id"))
			.header(HttpHeaders.AUTHORIZATION, bearer(reader))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entries[0].actor")
			.isEqualTo("jwt:" + ISSUER + "#carol")
			.jsonPath("$.entries[0].onBehalfOf")
			.doesNotExist();
	}

	@Test
	@Order(3)
	void aKeyWithoutTheAdminRoleCannotAdministerNorReadMetrics() {
		String key = (String) createKey(http, Map.of("name", "reader")).get("key");
		for (String path : List.of("/api/admin/keys", "/api/admin/projection", "/actuator/prometheus")) {
			http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange().expectStatus().isForbidden();
		}
		http.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isOk();
		http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
	}

	@Test
	@Order(3)
	void aGrantOfAdminOnEveryTableReadsMetricsAsItAdministers() {
		defineRole("operator", List.of(Map.of("actions", List.of("admin"), "tables", "*")));
		defineRole("table-operator", List.of(Map.of("actions", List.of("admin"), "tables", "ops_*")));
		String operator = (String) createKey(http, Map.of("name", "operator", "roles", List.of("operator"))).get("key");
		String narrow = (String) createKey(http, Map.of("name", "narrow", "roles", List.of("table-operator")))
			.get("key");
		for (String path : List.of("/api/admin/projection", "/actuator/prometheus")) {
			http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(operator)).exchange().expectStatus().isOk();
			http.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, bearer(narrow))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	@Order(4)
	void revokedAndExpiredKeysAreRefusedAtOnce() throws InterruptedException {
		Map<String, Object> created = createKey(http, Map.of("name", "short lived"));
		String key = (String) created.get("key");
		http.get().uri("/api/table").header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange().expectStatus().isOk();
		http.delete()
			.uri("/api/admin/keys/{prefix}", created.get("prefix"))
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isNoContent();
		http.get()
			.uri("/api/table")
			.header(HttpHeaders.AUTHORIZATION, bearer(key))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dyntables\", error=\"invalid_token\"");
		http.delete()
			.uri("/api/admin/keys/{prefix}", "zzzzzzzz")
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isNotFound();

		String expiring = (String) createKey(http,
				Map.of("name", "expiring", "expiresAt", Instant.now().plusSeconds(1).toString()))
			.get("key");
		http.get()
			.uri("/api/table")
			.header(HttpHeaders.AUTHORIZATION, bearer(expiring))
			.exchange()
			.expectStatus()
			.isOk();
		Thread.sleep(1200);
		http.get()
			.uri("/api/table")
			.header(HttpHeaders.AUTHORIZATION, bearer(expiring))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	@Order(5)
	void keysAreListedWithoutSecretsAndTheirLastUseIsNoted() throws InterruptedException {
		Map<String, Object> created = createKey(http,
				Map.of("name", "listed", "roles", List.of("a", "b"), "attributes", Map.of("tenant", "t1")));
		String key = (String) created.get("key");
		assertThat(key).matches("dt_[a-z0-9]{8}_[A-Za-z0-9_-]{43}").startsWith("dt_" + created.get("prefix") + "_");
		http.get().uri("/api/table").header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange().expectStatus().isOk();
		Instant deadline = Instant.now().plusSeconds(10);
		Map<String, Object> listed;
		do {
			Thread.sleep(250);
			String body = http.get()
				.uri("/api/admin/keys")
				.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).doesNotContain(key.substring(12)).doesNotContain("\"key\"");
			listed = Json.list(body)
				.stream()
				.filter((one) -> created.get("prefix").equals(one.get("prefix")))
				.findFirst()
				.orElseThrow();
		}
		while (!listed.containsKey("lastUsedAt") && Instant.now().isBefore(deadline));
		assertThat(listed).containsKey("lastUsedAt")
			.containsEntry("name", "listed")
			.containsEntry("roles", List.of("a", "b"))
			.containsEntry("attributes", Map.of("tenant", "t1"))
			.containsEntry("createdBy", "key:admin");
		byte[] stored = service.getBean(JdbcTemplate.class)
			.queryForObject("SELECT key_hash FROM dyntables.api_key WHERE prefix = ?", byte[].class,
					created.get("prefix"));
		assertThat(stored).hasSize(32);
	}

	@Test
	@Order(6)
	void badKeyRequestsAreRefusedNamingTheField() {
		List<Map<String, Object>> bad = List.of(Map.of("roles", List.of("x")), Map.of("name", " "),
				Map.of("name", "n", "roles", List.of("has space")),
				Map.of("name", "n", "attributes", Map.of("bad name", "v")),
				Map.of("name", "n", "expiresAt", "2001-01-01T00:00:00Z"));
		List<String> pointers = List.of("/name", "/name", "/roles/0", "/attributes/bad name", "/expiresAt");
		for (int i = 0; i < bad.size(); i++) {
			http.post()
				.uri("/api/admin/keys")
				.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(bad.get(i))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo(pointers.get(i));
		}
		for (String body : List.of("{\"name\":\"n\",\"attributes\":{\"tenant\":null}}",
				"{\"name\":\"n\",\"roles\":[null]}", "{\"name\":\"n\",\"roles\":\"admin\"}",
				"{\"name\":\"n\",\"expiresAt\":\"tomorrow\"}", "[]", "not json")) {
			http.post()
				.uri("/api/admin/keys")
				.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(body).isBetween(400, 499));
		}
	}

	@Test
	@Order(7)
	void aCredentialOverItsRateLimitIsAnswered429WithRetryAfter() {
		String key = (String) createKey(http, Map.of("name", "busy")).get("key");
		String other = (String) createKey(http, Map.of("name", "calm")).get("key");
		// 400 requests at once: far more than the burst of 100 plus what 5/s refills
		// meanwhile. The refusals are judged among them: a request sent afterwards may
		// find
		// a token refilled while the burst was answered.
		HttpClient client = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/table"))
				.header(HttpHeaders.AUTHORIZATION, bearer(key))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
		List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).as("400 requests at once, 5/s with a burst of 100").contains(429).contains(200);
		assertThat(statuses).allMatch((status) -> status == 200 || status == 429);
		for (HttpResponse<String> refused : answers.stream().filter((answer) -> answer.statusCode() == 429).toList()) {
			assertThat(refused.headers().firstValue(HttpHeaders.RETRY_AFTER).map(Long::parseLong))
				.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 2L));
			assertThat(refused.body()).contains("\"code\":\"rate-limited\"");
		}
		// another credential has a bucket of its own
		http.get().uri("/api/table").header(HttpHeaders.AUTHORIZATION, bearer(other)).exchange().expectStatus().isOk();
	}

	@Test
	@Order(8)
	void corsPreflightsAreAnsweredForTheAllowedOriginOnly() {
		http.options()
			.uri("/api/table")
			.header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
		http.options()
			.uri("/api/table")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		http.get()
			.uri("/api/table")
			.header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
	}

	/**
	 * Every route the running service maps, each asked with no credential and with every
	 * kind of bad one (all 401 with the same challenge), then with the admin key (never
	 * 401 or 403). A route without a rule in {@link RouteActions} fails here. Each API
	 * route is also asked with a key whose grants lack its action (403 or 404) and with
	 * one whose grants hold only that action (never 401 or 403).
	 */
	@Test
	@Order(100)
	void everyRouteRefusesEveryBadCredentialAndAdmitsTheAdmin() {
		Set<Route> routes = routes();
		assertThat(routes).as("routes found").hasSizeGreaterThan(25);
		List<String> withoutRule = routes.stream()
			.filter((route) -> !RouteActions.isPublic(route.path())
					&& RouteActions.of(HttpMethod.valueOf(route.method()), route.path()).isEmpty())
			.map(Route::toString)
			.toList();
		assertThat(withoutRule).as("routes without a rule in RouteActions").isEmpty();

		Map<String, Object> revoked = createKey(http, Map.of("name", "revoked"));
		http.delete()
			.uri("/api/admin/keys/{prefix}", revoked.get("prefix"))
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isNoContent();
		Map<String, String> refusals = Map.of("a malformed credential", bearer("not a token!"), "a wrong key",
				bearer("dt_abcdefgh_" + "A".repeat(43)), "a wrong admin key", bearer(ADMIN_KEY + "x"), "a revoked key",
				bearer((String) revoked.get("key")), "an expired JWT",
				bearer(jwt(ISSUER, "erin", Instant.now().minusSeconds(3600), Map.of("roles", List.of("admin")))),
				"a JWT from another issuer", bearer(jwt("https://elsewhere.test", "erin",
						Instant.now().plusSeconds(600), Map.of("roles", List.of("admin")))),
				"a JWT signed with another secret",
				bearer(jwt(ISSUER, "erin", Instant.now().plusSeconds(600), Map.of(),
						"another-secret-of-at-least-32-bytes-long!!")),
				"basic authentication", "Basic YWRtaW46YWRtaW4=");
		HttpClient client = HttpClient.newHttpClient();
		List<String> failures = new ArrayList<>();
		// per action, a key whose grants allow only it, and one whose grants allow all
		// others, on every table
		Map<Action, String> withAction = new EnumMap<>(Action.class);
		Map<Action, String> withoutAction = new EnumMap<>(Action.class);
		for (Action action : Action.values()) {
			String name = action.token().replace(':', '-');
			defineRole("walk-only-" + name, List.of(Map.of("actions", List.of(action.token()), "tables", "*")));
			defineRole("walk-but-" + name, List.of(Map.of("actions",
					Arrays.stream(Action.values()).filter((other) -> other != action).map(Action::token).toList(),
					"tables", "*")));
			withAction.put(action,
					(String) createKey(http,
							Map.of("name", "walk with " + action.token(), "roles", List.of("walk-only-" + name)))
						.get("key"));
			withoutAction.put(action,
					(String) createKey(http,
							Map.of("name", "walk without " + action.token(), "roles", List.of("walk-but-" + name)))
						.get("key"));
		}
		for (Route route : routes) {
			if (RouteActions.isPublic(route.path())) {
				int status = send(client, base, route.method(), route.path(), null).status();
				if (status == 401 || status == 403) {
					failures.add(route + " is public but answered " + status);
				}
				continue;
			}
			check(failures, route, "no credential", send(client, base, route.method(), route.path(), null),
					"Bearer realm=\"dyntables\"");
			refusals.forEach((what, authorization) -> check(failures, route, what,
					send(client, base, route.method(), route.path(), authorization), what.equals("basic authentication")
							? "Bearer realm=\"dyntables\"" : "Bearer realm=\"dyntables\", error=\"invalid_token\""));
			checkGrants(failures, client, route, withAction, withoutAction);
			int allowed = send(client, base, route.method(), route.path(), bearer(ADMIN_KEY)).status();
			if (allowed == 401 || allowed == 403 || allowed >= 500) {
				failures.add(route + " with the admin key answered " + allowed);
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * An API route asked with a valid credential whose grants lack the route's action
	 * (refused: 403, or 404 where the table is not visible), then with one whose grants
	 * hold only that action (admitted: never 401 or 403). The list of tables is answered
	 * to everyone, with the tables their grants let them read.
	 */
	private static void checkGrants(List<String> failures, HttpClient client, Route route,
			Map<Action, String> withAction, Map<Action, String> withoutAction) {
		RouteActions.Rule rule = RouteActions.of(HttpMethod.valueOf(route.method()), route.path()).orElseThrow();
		if (rule.access() != RouteActions.Access.ACTION || !route.path().startsWith("/api/")
				|| (route.method().equals("GET") && route.pattern().equals("/api/table"))) {
			return;
		}
		int without = send(client, base, route.method(), route.path(), bearer(withoutAction.get(rule.action())))
			.status();
		if (without != 403 && without != 404) {
			failures.add(route + " without " + rule.action().token() + " answered " + without);
		}
		int with = send(client, base, route.method(), route.path(), bearer(withAction.get(rule.action()))).status();
		if (with == 401 || with == 403 || with >= 500) {
			failures.add(route + " with only " + rule.action().token() + " answered " + with);
		}
	}

	/** Creates or replaces a role as the admin. */
	private static void defineRole(String name, List<Map<String, Object>> grants) {
		http.put()
			.uri("/api/admin/roles/{name}", name)
			.header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("grants", grants))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static void check(List<String> failures, Route route, String what, Credentials.Answer answer,
			String challenge) {
		if (answer.status() != 401 || !challenge.equals(answer.challenge())
				|| !answer.body().contains("\"code\":\"unauthenticated\"")) {
			failures.add(route + " with " + what + " answered " + answer.status() + " " + answer.challenge());
		}
	}

	record Route(String method, String pattern, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	/**
	 * Every method and path pattern of every request mapping, with the variables filled.
	 */
	private static Set<Route> routes() {
		Set<Route> routes = new LinkedHashSet<>();
		for (RequestMappingInfoHandlerMapping mapping : service.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<String> methods = new LinkedHashSet<>();
				info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
				if (methods.isEmpty()) {
					methods.add("GET");
				}
				for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
					String path = pattern.getPatternString()
						.replaceAll("\\{\\*[^}]*\\}", "x")
						.replaceAll("\\{id[^}]*\\}", "1")
						.replaceAll("\\{rowId[^}]*\\}", "1")
						.replaceAll("\\{[^}]*\\}", "x")
						.replace("/**", "/x");
					methods.forEach((method) -> routes.add(new Route(method, pattern.getPatternString(), path)));
				}
			}
		}
		return routes;
	}

	@Test
	@Order(9)
	void documentationTheConsoleAndProbesNeedNoCredential() {
		for (String path : List.of("/", "/swagger-ui/index.html", "/v3/api-docs", "/console", "/console/",
				"/console/console.css", "/actuator/health/liveness", "/actuator/health/readiness")) {
			http.get().uri(path).exchange().expectStatus().isOk();
		}
		http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			.jsonPath("$.components.securitySchemes.bearer.scheme")
			.isEqualTo("bearer")
			.jsonPath("$.security[0].bearer")
			.exists();
		http.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dyntables\"");
	}

}
