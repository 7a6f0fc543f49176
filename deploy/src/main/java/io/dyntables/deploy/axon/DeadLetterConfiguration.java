package io.dyntables.deploy.axon;

import io.dyntables.query.projection.ParkingPolicy;
import io.dyntables.query.projection.TableProjector;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;

/**
 * The projector's sequenced dead-letter queue, in the system schema: an event that fails
 * to apply is parked with its table's later events behind it (the sequence is the table),
 * the other tables' events go on in order, and the parked ones are retried with backoff
 * ({@link ParkingPolicy}) until they apply. A reset (replay) empties the queue, since it
 * rebuilds everything.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
		.deadLetterTable("dyntables.dead_letter_entry")
		.deadLetterIdentifierColumn("dead_letter_id")
		.processingGroupColumn("processing_group")
		.sequenceIdentifierColumn("sequence_identifier")
		.sequenceIndexColumn("sequence_index")
		.messageTypeColumn("message_type")
		.eventIdentifierColumn("event_identifier")
		.timestampColumn("time_stamp")
		.payloadTypeColumn("payload_type")
		.payloadRevisionColumn("payload_revision")
		.payloadColumn("payload")
		.metaDataColumn("meta_data")
		.aggregateTypeColumn("aggregate_type")
		.aggregateIdentifierColumn("aggregate_identifier")
		.sequenceNumberColumn("sequence_number")
		.tokenTypeColumn("token_type")
		.tokenColumn("token")
		.enqueuedAtColumn("enqueued_at")
		.lastTouchedColumn("last_touched")
		.processingStartedColumn("processing_started")
		.causeTypeColumn("cause_type")
		.causeMessageColumn("cause_message")
		.diagnosticsColumn("diagnostics")
		.build();

	@Autowired
	void projectorParksFailingEvents(EventProcessingConfigurer processing, ConnectionProvider connectionProvider,
			TransactionManager transactionManager, Serializer defaultSerializer,
			@Qualifier("eventSerializer") Serializer eventSerializer, ParkingPolicy parkingPolicy) {
		String group = TableProjector.PROCESSING_GROUP;
		processing.registerSequencingPolicy(group, (configuration) -> SequentialPerAggregatePolicy.instance())
			.registerDeadLetterQueue(group,
					(configuration) -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
						.processingGroup(group)
						.connectionProvider(connectionProvider)
						.transactionManager(transactionManager)
						.schema(SCHEMA)
						.statementFactory(new DeadLetterStatements(SCHEMA, defaultSerializer, eventSerializer))
						.genericSerializer(defaultSerializer)
						.eventSerializer(eventSerializer)
						// never full: an event is parked, never dropped
						.maxSequences(Integer.MAX_VALUE)
						.maxSequenceSize(Integer.MAX_VALUE)
						.build())
			.registerDeadLetterPolicy(group, (configuration) -> parkingPolicy)
			.registerDeadLetteringEventHandlerInvokerConfiguration(group,
					(configuration, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
	}

}
