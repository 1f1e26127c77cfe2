package io.guestlist.query.asof;

import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonContactChangedEvent;
import io.guestlist.kernel.person.PersonDeletedEvent;
import io.guestlist.kernel.person.PersonEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.person.PersonPhoneChangedEvent;
import io.guestlist.kernel.person.PersonReactivatedEvent;
import io.guestlist.kernel.person.PersonRemovedEvent;
import io.guestlist.kernel.person.PersonRenamedEvent;
import io.guestlist.kernel.phone.Phone;

import java.time.Instant;
import java.util.UUID;

/**
 * A person folded from their events: name, phone, email, notes, and the unit they belonged to with the position
 * and time that membership began ({@code unitId} null once removed or deleted).
 */
public record PersonState(UUID id, String name, Phone phone, String email, String notes, UUID unitId, long sincePosition, Instant since) {

    static PersonState fold(PersonState current, PersonEvent event, long position, Instant at) {
        if (event instanceof PersonAddedEvent e) {
            return new PersonState(e.personId().value(), e.name(), e.phone(), e.email(), e.notes(), e.unitId().value(), position, at);
        }
        if (current == null) {
            return null;
        }
        if (event instanceof PersonRenamedEvent e) {
            return new PersonState(current.id, e.name(), current.phone, current.email, current.notes, current.unitId, current.sincePosition, current.since);
        }
        if (event instanceof PersonPhoneChangedEvent e) {
            return new PersonState(current.id, current.name, e.phone(), current.email, current.notes, current.unitId, current.sincePosition, current.since);
        }
        if (event instanceof PersonContactChangedEvent e) {
            return new PersonState(current.id, current.name, current.phone, e.email(), e.notes(), current.unitId, current.sincePosition, current.since);
        }
        if (event instanceof PersonMovedEvent e) {
            return current.joined(e.toUnitId().value(), position, at);
        }
        if (event instanceof PersonReactivatedEvent e) {
            return current.joined(e.unitId().value(), position, at);
        }
        if (event instanceof PersonRemovedEvent || event instanceof PersonDeletedEvent) {
            return current.joined(null, position, at);
        }
        return current;
    }

    private PersonState joined(UUID unit, long position, Instant at) {
        return new PersonState(id, name, phone, email, notes, unit, position, at);
    }
}
