package io.guestlist.query.asof;

import java.util.List;
import java.util.UUID;

/**
 * A unit and its members as they stood at an instant, with what the read model derives from them
 * (SPEC §4.3): the contact is the chosen primary contact while a member, else the first member
 * (in order of joining) with a valid phone; the invite target is the contact's phone.
 */
public record UnitAsOf(UnitState unit, List<PersonState> members) {

    public UUID contactId() {
        return contact() == null ? null : contact().id();
    }

    public String inviteTarget() {
        PersonState contact = contact();
        return contact == null || contact.phone() == null ? null : contact.phone().e164();
    }

    public boolean inviteable() {
        return "ACTIVE".equals(unit.status()) && inviteTarget() != null;
    }

    private PersonState contact() {
        return members.stream().filter(m -> m.id().equals(unit.chosenContactId())).findFirst()
                .orElseGet(() -> members.stream().filter(m -> m.phone() != null && m.phone().isValid()).findFirst().orElse(null));
    }
}
