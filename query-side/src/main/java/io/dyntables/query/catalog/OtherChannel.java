package io.dyntables.query.catalog;

/**
 * Another channel whose announcements the schema change listener hears on its connection,
 * so that every instance hears them without a second connection: for example the
 * revocation of an API key. A bean of this type is picked up by the listener.
 */
public interface OtherChannel {

	/** The channel's name: lower-case letters and underscores only. */
	String channel();

	/** One announcement on the channel, with its payload. */
	void heard(String payload);

	/**
	 * Announcements may have been missed (the connection was lost, or is new): whatever
	 * was kept because of them may be stale.
	 */
	void mayHaveMissed();

}
