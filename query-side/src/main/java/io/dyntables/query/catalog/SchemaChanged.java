package io.dyntables.query.catalog;

/**
 * A schema change committed to the database, as every instance hears of it.
 *
 * @param tableId the table
 * @param sequence the sequence number of the applied event in the table's stream
 */
public record SchemaChanged(long tableId, long sequence) {

}
