package io.dyntables.deploy.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import javax.sql.DataSource;

import io.dyntables.query.projection.TableProjector;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC event store and token store in the
 * system schema, Axon's transactions as Spring's over the one DataSource (so the
 * projector's DDL, read model and token commit together). The projector's failing events
 * are parked, not skipped (see {@link DeadLetterConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

	@Bean
	TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
		return new SpringTransactionManager(transactionManager);
	}

	@Bean
	ConnectionProvider connectionProvider(DataSource dataSource) {
		return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
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

	@Bean
	TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer defaultSerializer, Flyway migratedFirst) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.nodeId(nodeId())
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
	 * This instance's name in the token store's claims: process and host, made unique, so
	 * two instances (even two in one JVM) never take each other's claims for their own.
	 */
	private static String nodeId() {
		return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The projector applies up to this many events per transaction (and token update):
	 * one commit per event bounds a replay by the disk's flush rate. A batch takes only
	 * the events already there, so a live change is not delayed. An event that fails to
	 * apply is parked within the batch (see {@link DeadLetterConfiguration}); any other
	 * failure (the database away) rolls the whole batch back and it is retried.
	 */
	@Autowired
	void projectorBatches(EventProcessingConfigurer processing,
			@Value("${dyntables.projection.batch-size:100}") int batchSize) {
		processing.registerTrackingEventProcessorConfiguration(TableProjector.PROCESSING_GROUP,
				(configuration) -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
					.andBatchSize(batchSize));
	}

}
