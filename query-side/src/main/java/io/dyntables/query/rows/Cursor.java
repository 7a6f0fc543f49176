package io.dyntables.query.rows;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.schema.FieldValues;
import io.dyntables.api.table.TableSchema;
import io.dyntables.query.sql.RowSql.Sort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static io.dyntables.query.rows.ParameterRefusals.refused;

/**
 * A keyset cursor: the sort values of the last row of a page and the order they are of,
 * as base64url JSON. Opaque to clients; checked like any other input.
 */
final class Cursor {

	private Cursor() {
	}

	/** The cursor of the page after the given last row of a page. */
	static String after(Map<String, Object> lastRow, String order, List<Sort> sorts, JsonMapper mapper) {
		List<Object> values = new ArrayList<>();
		for (Sort sort : sorts) {
			values.add(lastRow.get(sort.column()));
		}
		Map<String, Object> cursor = new LinkedHashMap<>();
		cursor.put("o", order);
		cursor.put("k", values);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(cursor));
	}

	/**
	 * The cursor of a grouped listing's page starting at the given group: groups have no
	 * key of their own to continue after.
	 */
	static String at(long offset, String order, JsonMapper mapper) {
		Map<String, Object> cursor = new LinkedHashMap<>();
		cursor.put("o", order);
		cursor.put("n", offset);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(cursor));
	}

	/** The offset a grouped listing's cursor of this order holds. */
	static long offset(String text, String order, JsonMapper mapper) {
		Map<?, ?> cursor = cursor(text, order, mapper);
		if (!(cursor.get("n") instanceof Number offset) || offset.longValue() < 0
				|| !(offset instanceof Integer || offset instanceof Long)) {
			throw refused("after", "'after' is not a cursor this service gave");
		}
		return offset.longValue();
	}

	private static Map<?, ?> cursor(String text, String order, JsonMapper mapper) {
		Map<?, ?> cursor;
		try {
			cursor = mapper.readValue(Base64.getUrlDecoder().decode(text), Map.class);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw refused("after", "'after' is not a cursor this service gave");
		}
		if (!order.equals(cursor.get("o"))) {
			throw refused("after", "the cursor belongs to another order; keep 'order' as it was");
		}
		return cursor;
	}

	/** The sort values a cursor of this order holds, ready to bind. */
	static List<Object> read(TableSchema schema, String text, String order, List<Sort> sorts, JsonMapper mapper) {
		Map<?, ?> cursor = cursor(text, order, mapper);
		if (!(cursor.get("k") instanceof List<?> keys) || keys.size() != sorts.size()) {
			throw refused("after", "'after' is not a cursor this service gave");
		}
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < sorts.size(); i++) {
			String column = sorts.get(i).column();
			Object key = keys.get(i);
			if (key == null) {
				if (column.equals(FieldNames.ROW_ID)) {
					throw refused("after", "'after' is not a cursor this service gave");
				}
				values.add(null);
				continue;
			}
			FieldDefinition field = column.equals(FieldNames.ROW_ID)
					? FieldDefinition.of(FieldNames.ROW_ID, FieldType.BIGINT) : schema.field(column).orElseThrow();
			try {
				values.add(ListingPlanner.bindable(field.type(), FieldValues.coerce(field, key)));
			}
			catch (FieldValues.InvalidValue ex) {
				throw refused("after", "'after' is not a cursor this service gave");
			}
		}
		return values;
	}

}
