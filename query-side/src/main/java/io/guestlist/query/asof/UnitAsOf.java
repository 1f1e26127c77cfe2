package io.guestlist.query.asof;

import io.guestlist.kernel.guestunit.HouseholdContact;

import java.util.List;
import java.util.UUID;

/**
 * A unit and its members as they stood at an instant, with what the read model derives from them by
 * {@link HouseholdContact}: the contact, its phone as the invite target, and whether the unit is inviteable.
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
        return HouseholdContact.inviteable(unit.status(), inviteTarget());
    }

    public String notInviteableReason() {
        return HouseholdContact.notInviteableReason(unit.status(), members.size(), contactId(), inviteTarget());
    }

    private PersonState contact() {
        return HouseholdContact.of(unit.chosenContactId(), members, PersonState::id, m -> m.phone() != null && m.phone().isValid())
                .orElse(null);
    }
}
