package io.guestlist.command.person;

import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.person.PersonContactChangedEvent;
import io.guestlist.kernel.person.PersonEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.util.Objects;

/**
 * For each aspect of a {@link Person}, the request or import run (the correlation id of its event)
 * that changed it last. An import's undo reverts an aspect only while the run's change still stands,
 * so it never overwrites later work (SPEC §4.4). An entity of the person: it sees every person event.
 */
class PersonLastChanges {

    private String name;
    private String unit;
    private String phone;
    private String contact;

    @EventSourcingHandler
    void on(PersonEvent e, @MetaDataValue(Attribution.CORRELATION_ID) String changedIn) {
        if (e instanceof PersonRenamedEvent) {
            name = changedIn;
        } else if (e instanceof PersonPhoneChangedEvent) {
            phone = changedIn;
        } else if (e instanceof PersonContactChangedEvent) {
            contact = changedIn;
        } else if (e instanceof PersonMovedEvent || e instanceof PersonRemovedEvent || e instanceof PersonReactivatedEvent) {
            unit = changedIn;
        } else {
            // Added or deleted: every aspect is new.
            name = changedIn;
            unit = changedIn;
            phone = changedIn;
            contact = changedIn;
        }
    }

    boolean nameIn(String correlationId) {
        return Objects.equals(name, correlationId);
    }

    boolean unitIn(String correlationId) {
        return Objects.equals(unit, correlationId);
    }

    boolean contactIn(String correlationId) {
        return Objects.equals(contact, correlationId);
    }

    boolean allIn(String correlationId) {
        return nameIn(correlationId) && unitIn(correlationId) && Objects.equals(phone, correlationId)
                && Objects.equals(contact, correlationId);
    }
}
