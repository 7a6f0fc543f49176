package io.dyntables.deploy.observe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Puts the current trace into each command's metadata as W3C trace context
 * ({@code traceparent}, {@code tracestate}); the command bus copies it onto the events
 * the command emits (see {@link #KEYS}), so the projector's work joins the request's
 * trace.
 */
class TraceMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

	/** The metadata keys of the trace context. */
	static final String[] KEYS = { "traceparent", "tracestate" };

	private final Tracer tracer;

	private final Propagator propagator;

	TraceMetadata(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The span on the thread (the projector's, say), else the server span of the request
	 * this thread works for: requests carry their trace as a {@link RequestTrace}, not as
	 * an open span scope.
	 */
	private TraceContext current() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context != null) {
			return context;
		}
		RequestTrace request = RequestTraceAccessor.current();
		return (request != null) ? request.trace() : null;
	}

	@Override
	public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
			List<? extends CommandMessage<?>> messages) {
		return (index, command) -> {
			TraceContext context = current();
			if (context == null) {
				return command;
			}
			Map<String, String> trace = new HashMap<>();
			this.propagator.inject(context, trace, Map::put);
			trace.keySet().retainAll(List.of(KEYS));
			return trace.isEmpty() ? command : command.andMetaData(trace);
		};
	}

}
