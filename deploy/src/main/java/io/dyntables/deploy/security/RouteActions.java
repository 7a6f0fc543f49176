package io.dyntables.deploy.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.dyntables.api.security.Action;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What each route of the service needs: nothing (the documentation and the probes), any
 * valid credential, or one {@link Action}. One table for everyone who decides by route:
 * authentication lets the public routes through and logs refused attempts at
 * schema-changing ones; authorization ({@link Authorization}) checks the action with the
 * caller's grants: on the table a path names ({@code /api/table/{id}...}), else on every
 * table. A test walks every route the running application maps and fails on one that has
 * no rule here.
 */
public final class RouteActions {

	/**
	 * A route's rule.
	 *
	 * @param method the HTTP method
	 * @param pattern the path pattern, as the controller maps it
	 * @param access what the route needs
	 * @param action the action it needs when {@code access} is {@link Access#ACTION}
	 */
	public record Rule(HttpMethod method, String pattern, Access access, Action action) {

		boolean matches(HttpMethod method, PathContainer path) {
			return this.method.equals(method) && parsed(this.pattern).matches(path);
		}

	}

	/** What a route needs. */
	public enum Access {

		/** Nothing: answered without a credential in every mode. */
		PUBLIC,

		/** A valid credential, whatever it allows. */
		AUTHENTICATED,

		/** A valid credential whose grants allow the rule's action. */
		ACTION

	}

	/**
	 * Paths answered without a credential (documentation, the console's page and assets,
	 * which hold no data and which a browser opens without a bearer header, and probes).
	 */
	public static final List<String> PUBLIC_PATHS = List.of("/", "/index.html", "/swagger", "/swagger-ui.html",
			"/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/webjars/**", "/favicon.ico",
			"/console", "/console/", "/console/**", "/actuator/health", "/actuator/health/**");

	/**
	 * The rules of every route that needs a credential; the first that matches a request
	 * applies, so a literal path comes before a pattern that would match it too.
	 */
	public static final List<Rule> RULES = List.of(
			// tables and their schemas
			action(HttpMethod.GET, "/api/table/events", Action.SCHEMA_READ),
			action(HttpMethod.GET, "/api/table", Action.SCHEMA_READ),
			action(HttpMethod.POST, "/api/table", Action.SCHEMA_WRITE),
			action(HttpMethod.GET, "/api/table/{id}", Action.SCHEMA_READ),
			action(HttpMethod.PUT, "/api/table/{id}", Action.SCHEMA_WRITE),
			action(HttpMethod.PATCH, "/api/table/{id}", Action.SCHEMA_WRITE),
			action(HttpMethod.DELETE, "/api/table/{id}", Action.SCHEMA_WRITE),
			action(HttpMethod.PATCH, "/api/table/{id}/fields/{field}", Action.SCHEMA_WRITE),
			action(HttpMethod.POST, "/api/table/{id}/revert", Action.SCHEMA_WRITE),
			action(HttpMethod.GET, "/api/table/{id}/status", Action.SCHEMA_READ),
			action(HttpMethod.GET, "/api/table/{id}/events", Action.SCHEMA_READ),
			action(HttpMethod.GET, "/api/table/{id}/openapi.json", Action.SCHEMA_READ),
			// the index of every table's document: schema:read on every table
			action(HttpMethod.GET, "/api/openapi", Action.SCHEMA_READ),
			// history
			action(HttpMethod.GET, "/api/table/{id}/history", Action.HISTORY_READ),
			action(HttpMethod.GET, "/api/table/{id}/diff", Action.HISTORY_READ),
			action(HttpMethod.GET, "/api/table/{id}/drift", Action.HISTORY_READ),
			// rows
			action(HttpMethod.POST, "/api/table/{id}/row", Action.ROWS_WRITE),
			action(HttpMethod.POST, "/api/table/{id}/rows", Action.ROWS_WRITE),
			action(HttpMethod.GET, "/api/table/{id}/rows", Action.ROWS_READ),
			action(HttpMethod.GET, "/api/table/{id}/rows/{rowId}", Action.ROWS_READ),
			action(HttpMethod.PUT, "/api/table/{id}/rows/{rowId}", Action.ROWS_WRITE),
			action(HttpMethod.PATCH, "/api/table/{id}/rows/{rowId}", Action.ROWS_WRITE),
			action(HttpMethod.DELETE, "/api/table/{id}/rows/{rowId}", Action.ROWS_WRITE),
			// administration
			action(HttpMethod.GET, "/api/admin/projection", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/replay", Action.ADMIN),
			action(HttpMethod.POST, "/api/admin/replay", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/drift", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/keys", Action.ADMIN),
			action(HttpMethod.POST, "/api/admin/keys", Action.ADMIN),
			action(HttpMethod.DELETE, "/api/admin/keys/{prefix}", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/roles", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/roles/{name}", Action.ADMIN),
			action(HttpMethod.PUT, "/api/admin/roles/{name}", Action.ADMIN),
			action(HttpMethod.DELETE, "/api/admin/roles/{name}", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/roles/{name}/history", Action.ADMIN),
			action(HttpMethod.GET, "/api/admin/access", Action.ADMIN),
			// operations
			action(HttpMethod.GET, "/actuator/prometheus", Action.ADMIN),
			new Rule(HttpMethod.GET, "/actuator", Access.AUTHENTICATED, null),
			new Rule(HttpMethod.GET, "/actuator/info", Access.AUTHENTICATED, null));

	private static final Map<String, PathPattern> PARSED = new ConcurrentHashMap<>();

	private RouteActions() {
	}

	/** The rule of a request, if a route that needs a credential has one. */
	public static Optional<Rule> of(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return RULES.stream().filter((rule) -> rule.matches(method, container)).findFirst();
	}

	/** Whether the path is answered without a credential. */
	public static boolean isPublic(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return PUBLIC_PATHS.stream().anyMatch((pattern) -> parsed(pattern).matches(container));
	}

	/** Whether the path is a health probe, answered to every client in every mode. */
	public static boolean isPublicProbe(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return parsed("/actuator/health/**").matches(container);
	}

	/** Whether the request would change a table's schema or administer the service. */
	public static boolean changesSchemaOrAdministers(HttpMethod method, String path) {
		return of(method, path).map(Rule::action)
			.filter((action) -> action == Action.SCHEMA_WRITE || action == Action.ADMIN)
			.isPresent();
	}

	private static Rule action(HttpMethod method, String pattern, Action action) {
		return new Rule(method, pattern, Access.ACTION, action);
	}

	private static PathPattern parsed(String pattern) {
		return PARSED.computeIfAbsent(pattern, PathPatternParser.defaultInstance::parse);
	}

}
