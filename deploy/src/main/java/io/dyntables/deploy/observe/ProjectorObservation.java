package io.dyntables.deploy.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dyntables.api.history.Audit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the projector does with each event, made visible: the event's request id in the
 * log lines of its handling, a span that continues the trace of the request that caused
 * the event (its W3C {@code traceparent} travels in the event's metadata), and
 * {@code dyntables.projection.events.applied} counted per segment once the projector's
 * transaction has committed.
 */
class ProjectorObservation implements MessageHandlerInterceptor<EventMessage<?>> {

	private static final Logger log = LoggerFactory.getLogger(ProjectorObservation.class);

	private final String segmentKey;

	private final MeterRegistry registry;

	private final Tracer tracer;

	private final Propagator propagator;

	private final Map<Object, Counter> applied = new ConcurrentHashMap<>();

	ProjectorObservation(String processor, MeterRegistry registry, Tracer tracer, Propagator propagator) {
		this.segmentKey = "Processor[" + processor + "]/SegmentId";
		this.registry = registry;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
		EventMessage<?> event = unitOfWork.getMessage();
		Object segment = segment(unitOfWork);
		Counter counter = this.applied.computeIfAbsent(segment, this::counter);
		unitOfWork.afterCommit((committed) -> counter.increment());
		Object requestId = event.getMetaData().get(Audit.REQUEST_ID);
		Span span = this.propagator.extract(event.getMetaData(), (metaData, key) -> text(metaData.get(key)))
			.name("project " + event.getPayloadType().getSimpleName())
			.kind(Span.Kind.CONSUMER)
			.tag("dyntables.segment", segment.toString())
			.tag("dyntables.table",
					(event instanceof DomainEventMessage<?> domain) ? domain.getAggregateIdentifier() : "")
			.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span);
				MDC.MDCCloseable mdc = (requestId != null)
						? MDC.putCloseable(RequestTraceAccessor.REQUEST_ID, requestId.toString()) : null) {
			log.debug("Projecting {} {}", event.getPayloadType().getSimpleName(), event.getIdentifier());
			return chain.proceed();
		}
		catch (Exception | Error ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private Object segment(UnitOfWork<?> unitOfWork) {
		Object segment = unitOfWork.resources().get(this.segmentKey);
		return (segment != null) ? segment : "unknown";
	}

	private Counter counter(Object segment) {
		return Counter.builder("dyntables.projection.events.applied")
			.description("Events the projector applied and committed")
			.tag("segment", segment.toString())
			.register(this.registry);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
