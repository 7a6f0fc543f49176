package io.dyntables.api.table;

/**
 * What a command expects of the table it changes: either the version the client stated,
 * or the table's last event as the event store held it when the request arrived.
 *
 * @param number the table version the client stated (If-Match) when {@code fromClient},
 * else the sequence number of the table's last event in the event store
 * @param fromClient true when the client stated it: another version answers 412; false
 * when the service read the event store just before sending: another last event means a
 * change committed in between, which answers 409
 */
public record ExpectedVersion(long number, boolean fromClient) {

	public static ExpectedVersion ifMatch(long version) {
		return new ExpectedVersion(version, true);
	}

	public static ExpectedVersion lastEvent(long sequence) {
		return new ExpectedVersion(sequence, false);
	}

}
