package io.dyntables.api.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Events.TableRenamed;

/**
 * One event of each type, as a table's history would hold them in order: the fixtures the
 * event tests share.
 */
final class SampleEvents {

	static final FieldDefinition NAME = new FieldDefinition("name", FieldType.STRING, true, 50, null, null, "\"n/a\"",
			false);

	static final FieldDefinition PRICE = new FieldDefinition("price", FieldType.DECIMAL, false, null, 10, 2, "0.5",
			true);

	static final FieldDefinition AGE = FieldDefinition.of("age", FieldType.INTEGER);

	private SampleEvents() {
	}

	/**
	 * One event of each type (a type change in both modes), by fixture name, in an order
	 * that folds.
	 */
	static Map<String, TableEvent> named() {
		FieldDefinition ageAsText = FieldDefinition.of("age", FieldType.TEXT);
		FieldDefinition ageAsNumber = new FieldDefinition("age", FieldType.DECIMAL, true, null, 18, 2, null, false);
		Map<String, TableEvent> events = new LinkedHashMap<>();
		events.put("TableCreated", new TableCreated(7, 1, "Person", "person_7", List.of(NAME, PRICE)));
		events.put("FieldAdded", new FieldAdded(7, 2, AGE));
		events.put("FieldTypeChanged-strict", new FieldTypeChanged(7, 3, AGE, ageAsText, ConversionMode.STRICT, null));
		events.put("FieldTypeChanged-lenient",
				new FieldTypeChanged(7, 4, ageAsText, ageAsNumber, ConversionMode.LENIENT, "__v4_age"));
		events.put("FieldOptionsChanged", new FieldOptionsChanged(7, 5, PRICE,
				new FieldDefinition("price", FieldType.DECIMAL, true, null, 10, 2, null, false)));
		events.put("FieldRenamed", new FieldRenamed(7, 6, "name", "full_name"));
		events.put("FieldRemoved", new FieldRemoved(7, 7, ageAsNumber));
		events.put("TableRenamed", new TableRenamed(7, 8, "Person", "People"));
		events.put("TableDeleted", new TableDeleted(7, 9, "People"));
		return events;
	}

	static List<TableEvent> oneOfEach() {
		return List.copyOf(named().values());
	}

}
