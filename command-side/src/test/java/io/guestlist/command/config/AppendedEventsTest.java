package io.guestlist.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's result names every event its unit of work published, a nested command's too, and keeps its own metadata. */
class AppendedEventsTest {

    private final SimpleEventBus events = SimpleEventBus.builder().messageMonitor(AppendedEvents.recorder()).build();
    private final SimpleCommandBus commands = SimpleCommandBus.builder().build();
    private final List<String> published = new ArrayList<>();

    AppendedEventsTest() {
        commands.registerHandlerInterceptor(AppendedEvents.naming());
        commands.subscribe("move", command -> {
            publish("moved");
            return null;
        });
        commands.subscribe("merge", command -> {
            publish("archived");
            send("move");
            publish("merged");
            return new GenericCommandResultMessage<>(new GenericMessage<>("kept", MetaData.with("aggregateVersion", 3L)));
        });
        commands.subscribe("nothing", command -> "unchanged");
    }

    @Test
    void theResult_namesEveryEventOfItsUnitOfWork_aNestedCommandsToo_andKeepsItsOwnMetadata() {
        CommandResultMessage<?> result = send("merge");

        assertThat(AppendedEvents.in(result)).containsExactlyElementsOf(published).hasSize(3);
        assertThat(result.getPayload()).isEqualTo("kept");
        assertThat(result.getMetaData()).containsEntry("aggregateVersion", 3L);
    }

    @Test
    void aCommandThatPublishedNothing_namesNothing() {
        CommandResultMessage<?> result = send("nothing");

        assertThat(AppendedEvents.in(result)).isEmpty();
        assertThat(result.getPayload()).isEqualTo("unchanged");
    }

    @Test
    void anEventPublishedOutsideAUnitOfWork_isNotedNowhere() {
        publish("outside");

        assertThat(AppendedEvents.in(send("nothing"))).isEmpty();
    }

    private void publish(String payload) {
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        published.add(event.getIdentifier());
        events.publish(event);
    }

    private CommandResultMessage<?> send(String name) {
        CommandMessage<?> command = new GenericCommandMessage<>(new GenericMessage<>(name), name);
        FutureCallback<Object, Object> result = new FutureCallback<>();
        commands.dispatch(command, result);
        return result.getResult();
    }
}
