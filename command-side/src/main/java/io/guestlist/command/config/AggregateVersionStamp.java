package io.guestlist.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.Aggregate;

import javax.annotation.Nonnull;

/**
 * Answers a command on an existing aggregate with the aggregate's version once the handler is done
 * (its last sequence number, counting the events just applied), in the result's metadata under
 * {@link #VERSION}. Read inside the aggregate's own scope, it is exactly what this command leaves,
 * whatever another writer does after the commit. The payload stays the handler's.
 */
public class AggregateVersionStamp implements HandlerEnhancerDefinition {

    public static final String VERSION = "aggregateVersion";

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(CommandMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                Object result = super.handle(message, target);
                Long version = target == null ? null : currentAggregateVersion();
                if (version == null || result instanceof Message<?>) {
                    return result;
                }
                return new GenericCommandResultMessage<>(new GenericMessage<>(result, MetaData.with(VERSION, version)));
            }
        };
    }

    private static Long currentAggregateVersion() {
        try {
            return Scope.getCurrentScope() instanceof Aggregate<?> aggregate ? aggregate.version() : null;
        } catch (IllegalStateException noScope) {
            return null;
        }
    }
}
