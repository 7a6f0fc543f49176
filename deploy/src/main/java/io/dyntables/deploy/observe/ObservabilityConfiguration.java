package io.dyntables.deploy.observe;

import java.time.Duration;

import io.dyntables.query.admin.Replayer;
import io.dyntables.query.projection.TableProjector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.r2dbc.pool.ConnectionPool;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the service can be watched: metrics of the row pool and the projector, the request
 * id in every log line of a request, the trace carried from a request through its command
 * and events to the projector, an optional access log, and {@code Connection:
 * close} on the answers given while shutting down.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	RowPoolMetrics rowPoolMetrics(ConnectionPool rowPool) {
		return new RowPoolMetrics(rowPool, "dyntables-rows");
	}

	@Bean
	ProjectionMetrics projectionMetrics(EventProcessingConfiguration processing, EventStore eventStore,
			JdbcTemplate jdbc, Replayer replayer,
			@Value("${dyntables.metrics.projection-interval:5s}") Duration interval) {
		return new ProjectionMetrics(processing, eventStore, jdbc, replayer, interval);
	}

	@Bean
	RequestLogContext requestLogContext() {
		return new RequestLogContext();
	}

	@Bean
	ClosingConnections closingConnections(@Value("${dyntables.shutdown.drain:1s}") Duration drain) {
		return new ClosingConnections(drain);
	}

	/**
	 * Reactor Netty's access log (logger {@code reactor.netty.http.server.AccessLog}).
	 */
	@Bean
	NettyServerCustomizer accessLog(@Value("${dyntables.access-log:false}") boolean enabled) {
		// off: left as Reactor Netty's own setting says
		return (server) -> enabled ? server.accessLog(true) : server;
	}

	/** Commands carry the current trace; their events inherit it with the audit. */
	@Bean
	static CorrelationDataProvider traceCorrelation() {
		return new SimpleCorrelationDataProvider(TraceMetadata.KEYS);
	}

	@Autowired
	void traceCommands(CommandBus commandBus, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		commandBus.registerDispatchInterceptor(new TraceMetadata(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP)));
	}

	@Autowired
	void observeProjector(EventProcessingConfigurer processing, ObjectProvider<MeterRegistry> registry,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		processing.registerHandlerInterceptor(TableProjector.PROCESSING_GROUP,
				(configuration) -> new ProjectorObservation(TableProjector.PROCESSING_GROUP, registry.getObject(),
						tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP)));
	}

}
