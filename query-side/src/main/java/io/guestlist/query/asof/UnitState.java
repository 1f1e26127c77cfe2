package io.guestlist.query.asof;

import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A unit folded from its own events, as the guest-list projection would have written it: name,
 * side, tags, status and chosen primary contact, with who created and last changed it.
 */
public record UnitState(UUID id, String name, String side, SortedSet<String> tags, String status, UUID chosenContactId,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /**
     * The unit after {@code event}; {@code current} is null before its first event, and the answer is
     * null after a discard (an undone import's unit is gone from the read model, as before the import).
     */
    static UnitState fold(UnitState current, GuestUnitEvent event, Instant at, String by) {
        if (event instanceof UnitCreatedEvent e) {
            return new UnitState(e.unitId().value(), e.name(), e.side(), new TreeSet<>(e.tags()), "ACTIVE", null, at, by, at, by);
        }
        if (current == null || event instanceof UnitDiscardedEvent) {
            return null;
        }
        String name = current.name;
        String side = current.side;
        TreeSet<String> tags = new TreeSet<>(current.tags);
        String status = current.status;
        UUID contact = current.chosenContactId;
        if (event instanceof UnitRenamedEvent e) {
            name = e.name();
        } else if (event instanceof UnitSideSetEvent e) {
            side = e.side();
        } else if (event instanceof UnitTagsAddedEvent e) {
            tags.addAll(e.tags());
        } else if (event instanceof UnitTagsRemovedEvent e) {
            tags.removeAll(e.tags());
        } else if (event instanceof UnitArchivedEvent) {
            status = "ARCHIVED";
        } else if (event instanceof UnitRestoredEvent) {
            status = "ACTIVE";
        } else if (event instanceof PrimaryContactChosenEvent e) {
            contact = e.personId().value();
        } else {
            return current;
        }
        return new UnitState(current.id, name, side, tags, status, contact, current.createdAt, current.createdBy, at, by);
    }

    public Set<String> tagSet() {
        return tags;
    }
}
