package io.dyntables.command.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dyntables.api.access.Grant;
import io.dyntables.api.access.RowRule;
import io.dyntables.api.access.TableScope;
import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.TableNames;
import io.dyntables.api.security.Action;

/**
 * Reads the grants of a role's request body, strictly: every problem is refused with 422
 * and a pointer to it ({@code /grants/0/rows}), so a grant is never stored that could not
 * be enforced as written. A row rule is parsed here, once, and never reaches SQL as text.
 */
final class GrantSpecs {

	private static final Set<String> MEMBERS = Set.of("actions", "tables", "readFields", "writeFields", "rows");

	/** The most grants one role holds. */
	static final int MAX_GRANTS = 100;

	private GrantSpecs() {
	}

	static List<Grant> parse(Object grants) {
		if (!(grants instanceof List<?> list)) {
			throw refused("/grants", "'grants' is an array of grants");
		}
		if (list.size() > MAX_GRANTS) {
			throw refused("/grants", "a role holds at most " + MAX_GRANTS + " grants");
		}
		List<Grant> parsed = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			parsed.add(grant(list.get(i), "/grants/" + i));
		}
		return parsed;
	}

	private static Grant grant(Object value, String at) {
		if (!(value instanceof Map<?, ?> grant)) {
			throw refused(at, "a grant is an object with actions and tables");
		}
		for (Object key : grant.keySet()) {
			if (!MEMBERS.contains(key)) {
				throw refused(Refusal.pointer(at, String.valueOf(key)),
						"unknown member '" + key + "'; allowed: " + MEMBERS);
			}
		}
		Set<Action> actions = actions(grant.get("actions"), at + "/actions");
		TableScope tables = tables(grant.get("tables"), at + "/tables");
		List<String> readFields = fields(grant.get("readFields"), at + "/readFields");
		List<String> writeFields = fields(grant.get("writeFields"), at + "/writeFields");
		String rows = rows(grant.get("rows"), at + "/rows");
		return new Grant(actions, tables, readFields, writeFields, rows);
	}

	private static Set<Action> actions(Object value, String at) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw refused(at, "'actions' is a non-empty array of: schema:read, schema:write, rows:read, rows:write, "
					+ "history:read, admin");
		}
		Set<Action> actions = new LinkedHashSet<>();
		for (int i = 0; i < list.size(); i++) {
			Action action = (list.get(i) instanceof String token) ? Action.of(token) : null;
			if (action == null) {
				throw refused(at + "/" + i, "unknown action; the actions are schema:read, schema:write, rows:read, "
						+ "rows:write, history:read, admin");
			}
			actions.add(action);
		}
		return actions;
	}

	private static TableScope tables(Object value, String at) {
		if (value instanceof String pattern) {
			if (pattern.equals("*")) {
				return TableScope.allTables();
			}
			TableNames.problem(pattern.replace("*", "x")).ifPresent((problem) -> {
				throw refused(at, "the pattern is no table label: " + problem);
			});
			return TableScope.named(pattern);
		}
		if (value instanceof List<?> list && !list.isEmpty() && list.size() <= 1000) {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				if (!(list.get(i) instanceof Number number) || number.longValue() < 1
						|| number.doubleValue() != number.longValue()) {
					throw refused(at + "/" + i, "a table id is a positive whole number");
				}
				ids.add(number.longValue());
			}
			return TableScope.tables(ids);
		}
		throw refused(at, "'tables' is \"*\" (every table), a label pattern (\"sales_*\") or an array of "
				+ "1 to 1000 table ids");
	}

	private static List<String> fields(Object value, String at) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list)) {
			throw refused(at, "an array of field names");
		}
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String name = (list.get(i) instanceof String text) ? text : null;
			if (name == null || (FieldNames.problem(name).isPresent() && !name.equals(FieldNames.ROW_ID))) {
				throw refused(at + "/" + i, "a field name");
			}
			fields.add(name);
		}
		return fields;
	}

	private static String rows(Object value, String at) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String rule)) {
			throw refused(at, "'rows' is a rule such as \"tenant = ${claim.tenant}\"");
		}
		try {
			RowRule.parse(rule);
		}
		catch (RowRule.InvalidRule ex) {
			throw refused(at, ex.getMessage());
		}
		return rule;
	}

	private static RefusedException refused(String at, String detail) {
		return new RefusedException(ErrorCode.INVALID_GRANT, at, detail);
	}

}
