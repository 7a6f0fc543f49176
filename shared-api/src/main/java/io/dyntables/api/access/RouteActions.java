package io.dyntables.api.access;

import java.util.List;
import java.util.Optional;

import io.dyntables.api.security.Action;

/**
 * The action every API route needs: the one table of routes, which enforcement and the
 * tests that walk every route both read. A route not listed here is refused to every
 * caller that is not unrestricted.
 */
public final class RouteActions {

	/** How a route's table is decided. */
	public enum Target {

		/** The table whose id is the path's {@code {id}}. */
		TABLE,

		/** The list of tables: answered with the tables the caller may read. */
		TABLE_LIST,

		/** A new table: the label in the body decides, checked where it is read. */
		NEW_TABLE,

		/** No single table: the action must be granted on every table, without limits. */
		EVERY_TABLE

	}

	/**
	 * One route.
	 *
	 * @param method the HTTP method
	 * @param path the path, {@code {name}} standing for one segment and a final
	 * {@code **} for any rest
	 * @param action the action it needs
	 * @param target how its table is decided
	 */
	public record Route(String method, String path, Action action, Target target) {

		/** Whether the request's method and path are this route's. */
		public boolean matches(String requestMethod, String requestPath) {
			if (!this.method.equals(requestMethod)) {
				return false;
			}
			String[] pattern = this.path.split("/", -1);
			String[] actual = requestPath.split("/", -1);
			for (int i = 0; i < pattern.length; i++) {
				if (pattern[i].equals("**") && i == pattern.length - 1) {
					return true;
				}
				if (i >= actual.length) {
					return false;
				}
				boolean variable = pattern[i].startsWith("{") && pattern[i].endsWith("}");
				if (variable ? actual[i].isEmpty() : !pattern[i].equals(actual[i])) {
					return false;
				}
			}
			return pattern.length == actual.length;
		}

	}

	/** Every route of the API, most specific first. */
	public static final List<Route> ROUTES = List.of(
			// tables and their schemas
			new Route("GET", "/api/table", Action.SCHEMA_READ, Target.TABLE_LIST),
			new Route("POST", "/api/table", Action.SCHEMA_WRITE, Target.NEW_TABLE),
			new Route("GET", "/api/table/events", Action.SCHEMA_READ, Target.EVERY_TABLE),
			new Route("GET", "/api/table/{id}", Action.SCHEMA_READ, Target.TABLE),
			new Route("PUT", "/api/table/{id}", Action.SCHEMA_WRITE, Target.TABLE),
			new Route("PATCH", "/api/table/{id}", Action.SCHEMA_WRITE, Target.TABLE),
			new Route("DELETE", "/api/table/{id}", Action.SCHEMA_WRITE, Target.TABLE),
			new Route("PATCH", "/api/table/{id}/fields/{field}", Action.SCHEMA_WRITE, Target.TABLE),
			new Route("POST", "/api/table/{id}/revert", Action.SCHEMA_WRITE, Target.TABLE),
			new Route("GET", "/api/table/{id}/status", Action.SCHEMA_READ, Target.TABLE),
			new Route("GET", "/api/table/{id}/openapi", Action.SCHEMA_READ, Target.TABLE),
			// history
			new Route("GET", "/api/table/{id}/history", Action.HISTORY_READ, Target.TABLE),
			new Route("GET", "/api/table/{id}/diff", Action.HISTORY_READ, Target.TABLE),
			new Route("GET", "/api/table/{id}/events", Action.HISTORY_READ, Target.TABLE),
			// rows
			new Route("GET", "/api/table/{id}/rows", Action.ROWS_READ, Target.TABLE),
			new Route("GET", "/api/table/{id}/rows/{rowId}", Action.ROWS_READ, Target.TABLE),
			new Route("POST", "/api/table/{id}/row", Action.ROWS_WRITE, Target.TABLE),
			new Route("POST", "/api/table/{id}/rows", Action.ROWS_WRITE, Target.TABLE),
			new Route("PUT", "/api/table/{id}/rows/{rowId}", Action.ROWS_WRITE, Target.TABLE),
			new Route("PATCH", "/api/table/{id}/rows/{rowId}", Action.ROWS_WRITE, Target.TABLE),
			new Route("DELETE", "/api/table/{id}/rows/{rowId}", Action.ROWS_WRITE, Target.TABLE),
			// administration
			new Route("GET", "/api/table/{id}/drift", Action.ADMIN, Target.TABLE),
			new Route("GET", "/api/admin/**", Action.ADMIN, Target.EVERY_TABLE),
			new Route("POST", "/api/admin/**", Action.ADMIN, Target.EVERY_TABLE),
			new Route("PUT", "/api/admin/**", Action.ADMIN, Target.EVERY_TABLE),
			new Route("DELETE", "/api/admin/**", Action.ADMIN, Target.EVERY_TABLE));

	private RouteActions() {
	}

	/** The route of a request, if the API has one. */
	public static Optional<Route> of(String method, String path) {
		return ROUTES.stream().filter((route) -> route.matches(method, path)).findFirst();
	}

	/** Whether the path is the API's, where every route needs an action. */
	public static boolean isApi(String path) {
		return path.equals("/api") || path.startsWith("/api/");
	}

}
