package io.guestlist.query.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Wraps the event handlers of the streaming projections: within a processor's batch it tells
 * {@link SqlBatch} the group, and throws the failure {@link PoisonEvents} remembers for an event,
 * so that Axon's dead-letter queue parks the event instead of the batch failing again. An event a
 * handler fails on is parked too, so the batch drops the writes other handlers queued for it. A
 * dead letter's retry and a rebuild run the handlers untouched.
 */
@Component
public class PoisonEventGuard implements HandlerEnhancerDefinition {

    private final PoisonEvents poison;

    PoisonEventGuard(PoisonEvents poison) {
        this.poison = poison;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (original.annotationAttributes(EventHandler.class).isEmpty()) {
            return original;
        }
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !Projections.STREAMING.contains(group.value())) {
            return original;
        }
        return new Guarded<>(original, group.value());
    }

    private final class Guarded<T> extends WrappedMessageHandlingMember<T> {

        private final String group;

        private Guarded(MessageHandlingMember<T> delegate, String group) {
            super(delegate);
            this.group = group;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Optional<UnitOfWork<?>> unitOfWork = processorBatch();
            if (unitOfWork.isEmpty()) {
                return super.handle(message, target);
            }
            PoisonEvents.Batch batch = unitOfWork.get().getOrComputeResource(PoisonEvents.BATCH_RESOURCE,
                    key -> new PoisonEvents.Batch(poison, group));
            Optional<RuntimeException> failure = poison.take(group, message.getIdentifier());
            try {
                if (failure.isPresent()) {
                    throw failure.get();
                }
                return super.handle(message, target);
            } catch (Exception e) {
                batch.parked(message.getIdentifier());
                throw e;
            }
        }

        private static Optional<UnitOfWork<?>> processorBatch() {
            if (!CurrentUnitOfWork.isStarted()) {
                return Optional.empty();
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            return root instanceof BatchingUnitOfWork<?> ? Optional.of(root) : Optional.empty();
        }
    }
}
