package io.guestlist.service.deadletter;

import io.guestlist.query.support.Projections;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC dead-letter queue in the Flyway-owned {@code dead_letter_entry} table. Axon's
 * auto-configuration builds one queue per processing group whose
 * {@code axon.eventhandling.processors.<group>.dlq.enabled} is set (application.yml sets it for
 * every streaming group), with this schema and the Jackson serializers; here its invokers and
 * policy are set.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Every failure parks its event, its cause kept as PostgreSQL text can hold it. The invoker
     * remembers which sequences it parked, so an empty queue costs no query per event; a replay
     * clears the group's queue, as its reset handlers clear its tables, and parks afresh what
     * still fails.
     */
    @Bean
    public ConfigurerModule deadLetterInvokers() {
        return configurer -> {
            configurer.eventProcessing().registerDefaultDeadLetterPolicy(c -> DeadLetterConfig::park);
            Projections.STREAMING.forEach(group -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                    group, (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true)));
        };
    }

    /**
     * Parks with the innermost cause: the database's or the deserializer's own words, not the SQL
     * text or the framework's wrapping around them.
     */
    static EnqueueDecision<EventMessage<?>> park(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause == null) {
            return Decisions.enqueue();
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? null : root.getMessage().replace('\u0000', '\uFFFD');
        if (message != null && message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        }
        return Decisions.enqueue(new ThrowableCause(root.getClass().getName(), message));
    }
}
