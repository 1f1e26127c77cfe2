package io.guestlist.query.support;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events whose writes failed a processor's batch, remembered until the batch's next attempt.
 *
 * <p>Projections only queue their SQL; {@link SqlBatch} sends it as the batch commits, after Axon's
 * dead-letter queue has seen every handler return. So a write that PostgreSQL refuses fails the
 * whole batch, which the processor would retry for ever. Instead, {@link SqlBatch} finds which
 * events' writes fail and remembers them here, and on the retry {@link PoisonEventGuard} throws
 * each one's failure from its handler, where the dead-letter queue parks it with its sequence.
 */
@Component
public class PoisonEvents {

    /** The unit-of-work resource that tells {@link SqlBatch} which group a processor's batch belongs to. */
    static final String BATCH_RESOURCE = PoisonEvents.class.getName();

    private record Key(String group, String eventId) {
    }

    /**
     * What a processor's batch knows: its group, where to remember the events whose writes fail, and
     * the events its handlers failed on (parked by Axon), whose writes the batch must drop.
     */
    static final class Batch {

        private final PoisonEvents registry;
        private final String group;
        private final Set<String> parked = new HashSet<>();

        Batch(PoisonEvents registry, String group) {
            this.registry = registry;
            this.group = group;
        }

        void remember(Map<String, RuntimeException> failures) {
            failures.forEach((eventId, failure) -> registry.failures.put(new Key(group, eventId), failure));
        }

        void parked(String eventId) {
            parked.add(eventId);
        }

        boolean isParked(Message<?> event) {
            return event != null && parked.contains(event.getIdentifier());
        }
    }

    private final Map<Key, RuntimeException> failures = new ConcurrentHashMap<>();

    /** The failure remembered for the event in the group, forgotten as it is taken: it parks the event once. */
    Optional<RuntimeException> take(String group, String eventId) {
        return failures.isEmpty() ? Optional.empty() : Optional.ofNullable(failures.remove(new Key(group, eventId)));
    }

    static Optional<Batch> batchOf(UnitOfWork<?> unitOfWork) {
        return Optional.ofNullable(unitOfWork.getResource(BATCH_RESOURCE));
    }
}
