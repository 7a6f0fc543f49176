package io.dyntables.api.table;

import java.util.List;

import io.dyntables.api.schema.FieldDefinition;

/**
 * A table's schema as the read model holds it.
 *
 * @param id the table id
 * @param name its label
 * @param physicalName the database table's name, in the user schema
 * @param fields its fields, in order
 * @param version the version of the last applied change
 * @param deleted whether the table was deleted
 * @param lastSequence the sequence number of the last event applied, which tells whether
 * all of a version's events are
 */
public record TableView(long id, String name, String physicalName, List<FieldDefinition> fields, long version,
		boolean deleted, long lastSequence) {

}
