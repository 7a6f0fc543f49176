package io.dyntables.deploy.observe;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * What the work of a request needs to know of it on whichever thread does that work: its
 * request id and the trace context of its server span (each may be null). Log lines take
 * the ids from it, commands the trace. It travels in the Reactor context in place of the
 * request's observation, because putting the observation on a thread opens its span's
 * scope, which costs far more than three strings in the logging context, and Reactor puts
 * it there on every signal, once for each row the database sends.
 *
 * @param requestId the request's id ({@code X-Request-Id})
 * @param trace the trace context of the request's server span
 */
record RequestTrace(String requestId, TraceContext trace) {

	/**
	 * The request's id and the trace context of the observation's span, if it has one.
	 */
	static RequestTrace of(String requestId, Observation observation) {
		return new RequestTrace(requestId, traceOf(observation));
	}

	private static TraceContext traceOf(Observation observation) {
		if (observation == null || observation.isNoop()) {
			return null;
		}
		TracingObservationHandler.TracingContext tracing = observation.getContextView()
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		return (span != null) ? span.context() : null;
	}

	String traceId() {
		return (this.trace != null) ? this.trace.traceId() : null;
	}

	String spanId() {
		return (this.trace != null) ? this.trace.spanId() : null;
	}

}
