package io.guestlist.service.deadletter;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter policy in Axon's own dead-lettering invoker, driven as a processor drives it: one
 * batch in one unit of work, whose commit stands for storing the processor's token.
 */
class DeadLetterPolicyTest {

    private static final RuntimeException DEADLOCK =
            new DeadlockLoserDataAccessException("projecting", new SQLException("deadlock detected", "40P01"));
    private static final RuntimeException DATA_ERROR =
            new DataIntegrityViolationException("projecting", new SQLException("violates check constraint", "23514"));

    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final List<String> handled = new ArrayList<>();
    private final DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
            .eventHandlers(new Projection())
            .queue(queue)
            .enqueuePolicy(DeadLetterConfig::park)
            .transactionManager(NoTransactionManager.INSTANCE)
            .build();

    @Test
    void aTransientFailure_parksNothing_andTheBatchRollsBack() {
        failures.put("deadlocked", DEADLOCK);
        failures.put("broken after it", DATA_ERROR);

        Batch batch = inOneBatch("deadlocked", "broken after it", "fine");

        assertThat(batch.result().isExceptional()).isTrue();
        assertThat(batch.result().exceptionResult()).hasRootCauseMessage("deadlock detected");
        assertThat(batch.committed()).isFalse();
        assertThat(handled).as("the invoker goes on with the batch").contains("fine");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aDataError_isParked_andTheBatchCommits() {
        failures.put("broken", DATA_ERROR);

        Batch batch = inOneBatch("broken", "fine");

        assertThat(batch.committed()).isTrue();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aTransientFailure_whileADeadLetterIsRetried_keepsTheLetter() {
        failures.put("broken", DATA_ERROR);
        inOneBatch("broken");
        failures.put("broken", DEADLOCK);

        assertThat(invoker.process(letter -> true)).isFalse();

        assertThat(queue.size()).isEqualTo(1);
    }

    private record Batch(ResultMessage<?> result, boolean committed) {
    }

    private Batch inOneBatch(String... payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String payload : payloads) {
            events.add(GenericEventMessage.asEventMessage(payload));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        boolean[] committed = {false};
        unitOfWork.onCommit(u -> committed[0] = true);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        return new Batch(result, committed[0]);
    }

    private final class Projection {

        @EventHandler
        void on(String payload) {
            if (failures.containsKey(payload)) {
                throw failures.get(payload);
            }
            handled.add(payload);
        }
    }
}
