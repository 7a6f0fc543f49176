package io.dyntables.api.table;

/**
 * The table version a command is based on.
 *
 * @param version the version the client saw
 * @param fromClient true when the client stated it (If-Match): a stale one answers 412;
 * false when the service read it just before sending: a stale one means a concurrent
 * change and answers 409
 */
public record ExpectedVersion(long version, boolean fromClient) {

	public static ExpectedVersion ifMatch(long version) {
		return new ExpectedVersion(version, true);
	}

	public static ExpectedVersion observed(long version) {
		return new ExpectedVersion(version, false);
	}

}
