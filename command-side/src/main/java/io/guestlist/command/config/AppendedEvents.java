package io.guestlist.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Names, in a command's result, every event its unit of work published, whatever the aggregate
 * (a merge moves its members: events of the people), so the answer's position can cover them all.
 * <p>
 * The events are noted as they are published, by the event store's {@link #recorder()}: Axon's
 * event dispatch interceptors would see them only when the root unit of work prepares its commit,
 * after the command's result is made. An event published in that phase (by a subscribing
 * processor's handler; none does) would not be named. The names are event identifiers, a list of
 * strings in the result's metadata: plain values, so they survive a distributed command bus.
 */
public final class AppendedEvents {

    public static final String IDENTIFIERS = "appendedEvents";

    private static final String RESOURCE = AppendedEvents.class.getName();

    private AppendedEvents() {
    }

    /** For the event store: notes each event published in a unit of work, in its root (so a nested command's events count too). */
    public static MessageMonitor<EventMessage<?>> recorder() {
        return event -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new ArrayList<String>())
                        .add(event.getIdentifier());
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }

    /** For the command bus: the result of a command that published events names them under {@link #IDENTIFIERS}. */
    static MessageHandlerInterceptor<CommandMessage<?>> naming() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            List<String> published = unitOfWork.root().getResource(RESOURCE);
            if (published == null || published.isEmpty()) {
                return result;
            }
            return GenericCommandResultMessage.asCommandResultMessage(result)
                    .andMetaData(MetaData.with(IDENTIFIERS, List.copyOf(published)));
        };
    }

    /** The identifiers of the events a command's result names; none when it published none. */
    public static List<String> in(Message<?> result) {
        return result.getMetaData().get(IDENTIFIERS) instanceof Collection<?> ids
                ? ids.stream().map(String::valueOf).toList()
                : List.of();
    }
}
