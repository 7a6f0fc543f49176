package io.dyntables.api.table;

/**
 * Where a command waiting for the projection hears that a table's change was applied, by
 * whichever instance runs the projector: it then reads the table again at once instead of
 * at its next poll. The query side, which hears every applied change, implements it; the
 * command side only listens, and still polls in case a signal is lost.
 */
public interface AppliedChanges {

	/**
	 * Calls the listener each time a change of the table may have been applied: a change
	 * of that table was announced, or announcements may have been missed (the instance
	 * was not listening for a while). The listener runs on the thread that hears the
	 * announcements, so it must return at once and never block.
	 * @param tableId the table
	 * @param listener what to call
	 * @return what stops the calls
	 */
	Listening whenApplied(long tableId, Runnable listener);

	/** Listening that can be stopped. */
	@FunctionalInterface
	interface Listening extends AutoCloseable {

		@Override
		void close();

	}

}
