package io.dyntables.api.access;

import io.dyntables.api.security.Caller;

/**
 * Checks, where a command gives a table a label (a creation, a rename, a revert), that
 * the caller may write the schema of a table so labelled: grants on a label pattern apply
 * to every table whose label matches, so a label outside the caller's patterns would
 * create a table the caller cannot reach, or move one out of others' reach.
 */
public interface TableLabels {

	/**
	 * Refuses (with a {@code RefusedException}) a label the caller may not give a table.
	 * @param tableId the table's id, or -1 for a table yet to be created
	 * @param pointer the JSON pointer of what names the label, for the refusal
	 */
	void checkLabel(Caller caller, long tableId, String label, String pointer);

}
