package io.guestlist.service.deadletter;

import io.guestlist.query.support.Projections;
import io.guestlist.query.support.TransientFailures;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Axon's JDBC dead-letter queue in the Flyway-owned {@code dead_letter_entry} table. Axon's
 * auto-configuration builds one queue per processing group whose
 * {@code axon.eventhandling.processors.<group>.dlq.enabled} is set (application.yml sets it for
 * every streaming group), with this schema and the Jackson serializers; here its invokers and
 * policy are set.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    private static final String TRANSIENT_FAILURE = DeadLetterConfig.class.getName() + ".transientFailure";

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
     *
     * <p>A transient cause ({@link TransientFailures}: a deadlock, a restart) is not the event's fault,
     * so in a processor's batch it parks nothing: the batch fails and the processor retries it after its
     * back-off. Told not to enqueue, Axon's invoker only logs and goes on, so the batch is made to fail
     * as it prepares its commit, as a failed {@code SqlBatch} flush fails it: the unit of work rolls back
     * its transaction, the projections' writes and the processor's token with it. From then on the batch
     * parks nothing (a later failure may follow from the first, as in an aborted transaction). A dead
     * letter's retry is no such batch: its letter stays, with the new cause.
     */
    static EnqueueDecision<EventMessage<?>> park(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause == null) {
            return Decisions.enqueue();
        }
        Optional<BatchingUnitOfWork<?>> batch = processorBatch();
        if (batch.isPresent() && (TransientFailures.isTransient(cause) || batch.get().resources().containsKey(TRANSIENT_FAILURE))) {
            failAtCommit(batch.get(), letter, cause);
            return Decisions.doNotEnqueue();
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

    private static Optional<BatchingUnitOfWork<?>> processorBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                ? Optional.of(batch) : Optional.empty();
    }

    private static void failAtCommit(BatchingUnitOfWork<?> batch, DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        batch.getOrComputeResource(TRANSIENT_FAILURE, key -> {
            batch.onPrepareCommit(u -> {
                throw new IllegalStateException("Transient failure handling event " + letter.message().getIdentifier()
                        + ": the batch is retried", cause);
            });
            return cause;
        });
    }
}
