package io.dyntables.api.table;

/** How existing values are converted when a field's type changes. */
public enum ConversionMode {

	/** Only changes every value survives exactly are allowed. */
	STRICT,
	/**
	 * Any change is allowed: values that cannot convert become null, and the original
	 * values are kept in a column of their own, named in the event.
	 */
	LENIENT

}
