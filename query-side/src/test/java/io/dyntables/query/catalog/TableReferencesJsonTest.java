package io.dyntables.query.catalog;

import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference table's schema column: what is stored reads back as it was, and so do the
 * rows written before (by Jackson 2, as PostgreSQL's jsonb gives them back).
 */
class TableReferencesJsonTest {

	private static final TableSchema PEOPLE = new TableSchema(7, "People", "people_7",
			List.of(new FieldDefinition("name", FieldType.STRING, true, 50, null, null, "\"n/a\"", true),
					new FieldDefinition("price", FieldType.DECIMAL, false, null, 10, 2, "0.5", false)),
			4, false, 4, 5);

	private final TableReferences references = new TableReferences(null, JsonMapper.builder().build());

	@Test
	void aStoredSchemaReadsBackAsItWas() {
		assertThat(this.references.read(this.references.write(PEOPLE))).isEqualTo(PEOPLE);
	}

	@Test
	void readsRowsWrittenBefore() {
		String stored = """
				{"name": "People", "fields": [{"name": "name", "type": "STRING", "scale": null, "unique": true, \
				"required": true, "maxLength": 50, "precision": null, "defaultValue": "\\"n/a\\""}, {"name": "price", \
				"type": "DECIMAL", "scale": 2, "unique": false, "required": false, "maxLength": null, "precision": 10, \
				"defaultValue": "0.5"}], "deleted": false, "tableId": 7, "version": 4, "sequence": 5, \
				"columnSlots": 4, "physicalName": "people_7"}""";
		assertThat(this.references.read(stored)).isEqualTo(PEOPLE);
	}

}
