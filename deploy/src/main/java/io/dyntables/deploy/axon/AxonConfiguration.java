package io.dyntables.deploy.axon;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.dyntables.api.roles.Roles;
import io.dyntables.query.access.RoleProjector;
import io.dyntables.query.admin.NodeName;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC event store and token store in the
 * system schema, Axon's transactions as Spring's over the one DataSource (so the
 * projector's DDL, read model and token commit together). The projector's failing events
 * are parked, not skipped (see {@link DeadLetterConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

	/** How often an idle segment's claim is extended, and free segments looked for. */
	private static final Duration CLAIM_EXTENSION = Duration.ofMillis(500);

	@Bean
	TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
		return new SpringTransactionManager(transactionManager);
	}

	@Bean
	ConnectionProvider connectionProvider(DataSource dataSource) {
		return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
	}

	/**
	 * The event store as Axon's auto-configuration builds it, but for how it learns of
	 * events another instance appended: Axon hears at once of events appended in this
	 * JVM, and otherwise polls every fetch delay (1 s by default), which a command sent
	 * through another instance would wait for in full. Every append is announced, and
	 * instances that run the projector fetch at once when they hear of one (see
	 * {@link AppendedEventsChannel}); the poll stays, for an announcement that is lost.
	 */
	@Bean(name = "eventBus")
	@Qualifier("eventStore")
	AnnouncingEventStore eventStore(EventStorageEngine storageEngine,
			org.axonframework.config.Configuration configuration, JdbcTemplate jdbc, NodeName node,
			@Value("${dyntables.projection.fetch-delay:500ms}") Duration fetchDelay) {
		EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
			.storageEngine(storageEngine)
			.messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
			.spanFactory(configuration.getComponent(EventBusSpanFactory.class))
			.fetchDelay(fetchDelay.toMillis());
		return new AnnouncingEventStore(builder, jdbc, node.id());
	}

	@Bean
	@ConditionalOnExpression(Roles.IF_PROJECTOR)
	AppendedEventsChannel appendedEventsChannel(AnnouncingEventStore eventStore) {
		return new AppendedEventsChannel(eventStore);
	}

	@Bean
	EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
			@Qualifier("eventSerializer") Serializer eventSerializer, ConnectionProvider connectionProvider,
			TransactionManager transactionManager, Flyway migratedFirst) {
		return JdbcEventStorageEngine.builder()
			.snapshotSerializer(defaultSerializer)
			.eventSerializer(eventSerializer)
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.persistenceExceptionResolver(new SQLStateResolver("23505"))
			.dataType(byte[].class)
			.schema(EventSchema.builder()
				.eventTable("dyntables.domain_event_entry")
				.snapshotTable("dyntables.snapshot_event_entry")
				.globalIndexColumn("global_index")
				.timestampColumn("time_stamp")
				.eventIdentifierColumn("event_identifier")
				.aggregateIdentifierColumn("aggregate_identifier")
				.sequenceNumberColumn("sequence_number")
				.typeColumn("type")
				.payloadTypeColumn("payload_type")
				.payloadRevisionColumn("payload_revision")
				.payloadColumn("payload")
				.metaDataColumn("meta_data")
				.build())
			.build();
	}

	/**
	 * The token store. A claim not extended within the claim timeout lapses and another
	 * instance takes the segment over: the owner extends its claims at least every half
	 * second (see {@link #projectorSegments}), so only a dead or frozen owner loses them.
	 */
	@Bean
	TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer defaultSerializer, NodeName node,
			@Value("${dyntables.projection.claim-timeout:3s}") Duration claimTimeout, Flyway migratedFirst) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.nodeId(node.id())
			.claimTimeout(claimTimeout)
			.serializer(defaultSerializer)
			.schema(TokenSchema.builder()
				.setTokenTable("dyntables.token_entry")
				.setProcessorNameColumn("processor_name")
				.setSegmentColumn("segment")
				.setTokenColumn("token")
				.setTokenTypeColumn("token_type")
				.setTimestampColumn("timestamp")
				.setOwnerColumn("owner")
				.build())
			.build();
	}

	/**
	 * The projector applies up to this many events per transaction (and token update):
	 * one commit per event bounds a replay by the disk's flush rate. A batch takes only
	 * the events already there, so a live change is not delayed. An event that fails to
	 * apply is parked within the batch (see {@link DeadLetterConfiguration}); any other
	 * failure (the database away) rolls the whole batch back and it is retried.
	 * <p>
	 * The events are split into segments by table (the sequencing policy, see
	 * {@link DeadLetterConfiguration}), each processed by its own thread on whichever
	 * instance claims it; one instance alone processes them all. A new token store is
	 * made with the configured count; a smaller one is split up to it while running (see
	 * {@code SegmentBalancer}). Idle segments extend their claims every half second and
	 * free segments are looked for as often, well within the claim timeout. Instances
	 * without the projector role do not start it (it exists there for replays started
	 * from them).
	 */
	@Autowired
	void projectorSegments(EventProcessingConfigurer processing,
			@Value("${dyntables.projection.batch-size:100}") int batchSize,
			@Value("${dyntables.projection.segments:4}") int segments, @Value("${dyntables.roles:all}") String roles) {
		if (segments < 1) {
			throw new IllegalArgumentException("dyntables.projection.segments must be at least 1, not " + segments);
		}
		boolean projector = Roles.serves(roles, Roles.PROJECTOR);
		processing.registerTrackingEventProcessorConfiguration(TableProjector.PROCESSING_GROUP,
				(configuration) -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
					.andInitialSegmentsCount(segments)
					.andBatchSize(batchSize)
					.andEventAvailabilityTimeout(CLAIM_EXTENSION.toMillis(), TimeUnit.MILLISECONDS)
					.andTokenClaimInterval(CLAIM_EXTENSION.toMillis(), TimeUnit.MILLISECONDS)
					.andAutoStart(projector));
		// the roles' read model: one segment (roles are few), its failures retried, never
		// skipped
		processing
			.registerTrackingEventProcessorConfiguration(RoleProjector.PROCESSING_GROUP,
					(configuration) -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
						.andBatchSize(batchSize)
						.andEventAvailabilityTimeout(CLAIM_EXTENSION.toMillis(), TimeUnit.MILLISECONDS)
						.andTokenClaimInterval(CLAIM_EXTENSION.toMillis(), TimeUnit.MILLISECONDS)
						.andAutoStart(projector))
			.registerListenerInvocationErrorHandler(RoleProjector.PROCESSING_GROUP,
					(configuration) -> PropagatingErrorHandler.instance());
	}

}
