package io.dyntables.api.history;

import java.util.HashMap;
import java.util.Map;

/**
 * Who asked for a change, under which request, and why: carried as metadata on the
 * command and copied by the command bus onto every event the command emits.
 *
 * @param actor who asked: the principal the request's credential proved (see
 * {@code Caller.principal()}), never a value the client merely stated
 * @param onBehalfOf on whose behalf the client says it acted ({@code X-Actor}), or null;
 * a note beside the actor, not proven
 * @param requestId the correlation id ({@code X-Request-Id}), generated when not given
 * @param reason why ({@code X-Change-Reason}), or null
 */
public record Audit(String actor, String onBehalfOf, String requestId, String reason) {

	/** Metadata key of the actor. */
	public static final String ACTOR = "actor";

	/** Metadata key of the stated "on behalf of" note. */
	public static final String ON_BEHALF_OF = "onBehalfOf";

	/** Metadata key of the correlation id. */
	public static final String REQUEST_ID = "requestId";

	/** Metadata key of the reason. */
	public static final String REASON = "reason";

	/** The actor when a request carries no proven principal. */
	public static final String ANONYMOUS = "anonymous";

	/** The metadata keys, for the correlation data provider that copies them. */
	public static final String[] KEYS = { ACTOR, ON_BEHALF_OF, REQUEST_ID, REASON };

	/** The audit as message metadata; a missing note or reason is left out. */
	public Map<String, Object> metaData() {
		Map<String, Object> metaData = new HashMap<>();
		metaData.put(ACTOR, this.actor);
		if (this.onBehalfOf != null) {
			metaData.put(ON_BEHALF_OF, this.onBehalfOf);
		}
		metaData.put(REQUEST_ID, this.requestId);
		if (this.reason != null) {
			metaData.put(REASON, this.reason);
		}
		return metaData;
	}

	/** The audit an event's metadata carries; absent keys are null. */
	public static Audit of(Map<String, ?> metaData) {
		return new Audit(text(metaData.get(ACTOR)), text(metaData.get(ON_BEHALF_OF)), text(metaData.get(REQUEST_ID)),
				text(metaData.get(REASON)));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
