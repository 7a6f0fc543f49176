package io.dyntables.deploy.security;

import java.time.Duration;
import java.util.List;

import io.dyntables.api.access.AccessPolicy;
import io.dyntables.api.security.Action;
import io.dyntables.deploy.web.ProblemWriter;
import io.dyntables.query.access.RoleGrants;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may call the service, with Spring Security for WebFlux. With a credential
 * configured (an admin key, or JWT settings) every request needs a valid bearer
 * credential except the documentation and the health probes; without one the service is
 * in {@link ProtectedMode}. A proven caller is the principal of the request's security
 * context as a {@link CallerAuthentication}. What it may do on the API is decided by its
 * grants ({@link Authorization}); the metrics, unless made public, need the action admin
 * on every table, as the administration routes do. Stateless: no session, no cookie, no
 * CSRF token (no credential is ever sent by a browser on its own).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecuritySettings.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class SecurityConfiguration {

	private static final String PROMETHEUS = "/actuator/prometheus";

	/**
	 * No observations of Spring Security's own: a request's trace is carried by its ids,
	 * not by an open observation (see the request log context), so the security chain's
	 * observations would start traces of their own around every handler, and a command's
	 * events would join those instead of the request's. They would also cost every row
	 * request several spans.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecuritySettings settings, KeyCallers keys,
			RoleGrants grants, ProblemWriter problems,
			@Value("${server.forward-headers-strategy:none}") String forwardHeaders) {
		AdminKey adminKey = AdminKey.of(settings);
		boolean protectedMode = !settings.credentialsConfigured();
		ReactiveAuthenticationManager jwts = settings.jwtConfigured() ? JwtCallers.manager(settings.jwt()) : null;
		BearerCredentials bearer = new BearerCredentials(adminKey, keys, jwts);
		Refusals refusals = new Refusals(problems, protectedMode ? ProtectedMode.DETAIL
				: "this request needs a credential: send Authorization: Bearer <API key or token>");
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// caching is the API's own business (ETags, If-Match)
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.oauth2ResourceServer((server) -> server.authenticationManagerResolver((exchange) -> Mono.just(bearer))
				.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals))
			.authorizeExchange((exchanges) -> {
				exchanges.pathMatchers(RouteActions.PUBLIC_PATHS.toArray(String[]::new)).permitAll();
				if (settings.metricsPublic()) {
					exchanges.pathMatchers(PROMETHEUS).permitAll();
				}
				// the API's routes, administration included, are authorized by grants
				exchanges.pathMatchers(PROMETHEUS).access(admin(grants));
				exchanges.anyExchange().authenticated();
			});
		if (protectedMode) {
			ProtectedMode mode = new ProtectedMode(refusals, !"none".equalsIgnoreCase(forwardHeaders.strip()));
			http.addFilterAt(mode.gate(), SecurityWebFiltersOrder.FIRST);
			http.addFilterAfter(mode.localCaller(), SecurityWebFiltersOrder.AUTHENTICATION);
		}
		else if (settings.rateLimit().perSecond() > 0) {
			http.addFilterAfter(new RateLimit(settings.rateLimit(), problems), SecurityWebFiltersOrder.AUTHORIZATION);
		}
		if (settings.corsAllowedOrigins().isEmpty()) {
			// no browser page elsewhere may call the API: no CORS answers at all
			http.cors(ServerHttpSecurity.CorsSpec::disable);
		}
		else {
			http.cors((cors) -> cors.configurationSource(cors(settings.corsAllowedOrigins())));
		}
		return http.build();
	}

	/**
	 * Allows a caller with the action admin on every table, as every administration route
	 * needs: unrestricted, with the admin role, or with a grant of admin on {@code *}.
	 */
	private static ReactiveAuthorizationManager<AuthorizationContext> admin(RoleGrants grants) {
		return (authentication, context) -> authentication.filter(CallerAuthentication.class::isInstance)
			.map((proven) -> ((CallerAuthentication) proven).getPrincipal())
			.flatMap((caller) -> grants.of(caller)
				.map((granted) -> AccessPolicy.allowedEverywhere(caller, granted, Action.ADMIN)))
			.<AuthorizationResult>map(AuthorizationDecision::new)
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	/**
	 * Browser pages of the allowed origins may call the API with a bearer credential
	 * (never with cookies); a preflight from another origin is refused with 403.
	 */
	private static CorsConfigurationSource cors(List<String> origins) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList());
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
				HttpHeaders.IF_MATCH, "X-Actor", "X-Request-Id", "X-Change-Reason"));
		configuration.setExposedHeaders(
				List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
