package io.dyntables.api.history;

import java.util.HashMap;
import java.util.Map;

/**
 * Who asked for a change, under which request, and why: carried as metadata on the
 * command and copied by the command bus onto every event the command emits.
 *
 * @param actor who asked ({@code X-Actor}), {@code anonymous} when not said
 * @param requestId the correlation id ({@code X-Request-Id}), generated when not given
 * @param reason why ({@code X-Change-Reason}), or null
 */
public record Audit(String actor, String requestId, String reason) {

	/** Metadata key of the actor. */
	public static final String ACTOR = "actor";

	/** Metadata key of the correlation id. */
	public static final String REQUEST_ID = "requestId";

	/** Metadata key of the reason. */
	public static final String REASON = "reason";

	/** The actor when a request names none. */
	public static final String ANONYMOUS = "anonymous";

	/** The metadata keys, for the correlation data provider that copies them. */
	public static final String[] KEYS = { ACTOR, REQUEST_ID, REASON };

	/** The audit as message metadata; a missing reason is left out. */
	public Map<String, Object> metaData() {
		Map<String, Object> metaData = new HashMap<>();
		metaData.put(ACTOR, this.actor);
		metaData.put(REQUEST_ID, this.requestId);
		if (this.reason != null) {
			metaData.put(REASON, this.reason);
		}
		return metaData;
	}

	/** The audit an event's metadata carries; absent keys are null. */
	public static Audit of(Map<String, ?> metaData) {
		return new Audit(text(metaData.get(ACTOR)), text(metaData.get(REQUEST_ID)), text(metaData.get(REASON)));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
