package io.dyntables.api.security;

/**
 * What a grant allows. Each route of the API needs exactly one action; a grant names the
 * actions it allows and the tables (and fields, and rows) they apply to.
 */
public enum Action {

	/** List tables, read a table's schema and its OpenAPI description. */
	SCHEMA_READ("schema:read"),

	/** Create, change, rename, delete and revert tables (dry runs included). */
	SCHEMA_WRITE("schema:write"),

	/** List, count, export and read rows. */
	ROWS_READ("rows:read"),

	/** Insert, update, delete, upsert and load rows. */
	ROWS_WRITE("rows:write"),

	/** Read a table's history, its schema as of a version, diffs and the DDL log. */
	HISTORY_READ("history:read"),

	/** Replay, keys, roles, drift repair and the projection's administration. */
	ADMIN("admin");

	private final String token;

	Action(String token) {
		this.token = token;
	}

	/** The action as written in grants and documentation, e.g. {@code rows:write}. */
	public String token() {
		return this.token;
	}

	/** The action a token names, or null when it names none. */
	public static Action of(String token) {
		for (Action action : values()) {
			if (action.token.equals(token)) {
				return action;
			}
		}
		return null;
	}

}
