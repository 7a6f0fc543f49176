package io.dyntables.deploy.observe;

import java.util.Objects;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Puts a request's {@link RequestTrace} on the thread that works for the request, as
 * Micrometer's context propagation asks: the ids into the logging context (MDC keys
 * {@code requestId}, {@code traceId}, {@code spanId}, the names Micrometer Tracing uses)
 * and the trace where a command's dispatch finds it ({@link #current()}).
 */
final class RequestTraceAccessor implements ThreadLocalAccessor<RequestTrace> {

	/** The Reactor context key of the request's {@link RequestTrace}. */
	static final String KEY = "dyntables.request-trace";

	static final String REQUEST_ID = "requestId";

	static final String TRACE_ID = "traceId";

	static final String SPAN_ID = "spanId";

	private static final ThreadLocal<RequestTrace> CURRENT = new ThreadLocal<>();

	/** The request trace on this thread, or null. */
	static RequestTrace current() {
		return CURRENT.get();
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public RequestTrace getValue() {
		return CURRENT.get();
	}

	@Override
	public void setValue(RequestTrace value) {
		CURRENT.set(value);
		put(REQUEST_ID, value.requestId());
		put(TRACE_ID, value.traceId());
		put(SPAN_ID, value.spanId());
	}

	@Override
	public void setValue() {
		if (CURRENT.get() == null) {
			return;
		}
		CURRENT.remove();
		MDC.remove(REQUEST_ID);
		MDC.remove(TRACE_ID);
		MDC.remove(SPAN_ID);
	}

	/**
	 * Writes a key of the logging context, only when it differs: Reactor restores the
	 * context for every signal, mostly within a restore of the same request (each row of
	 * a page or an export), and a write costs more than a read. Each key is checked, not
	 * the request as a whole: Micrometer Tracing's own MDC listener clears the trace ids
	 * whenever a span scope closes.
	 */
	private static void put(String key, String value) {
		if (Objects.equals(MDC.get(key), value)) {
			return;
		}
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
