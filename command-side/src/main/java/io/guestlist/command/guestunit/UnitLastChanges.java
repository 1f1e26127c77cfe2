package io.guestlist.command.guestunit;

import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.kernel.guestunit.PrimaryContactChosenEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.meta.Attribution;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * For each aspect of a {@link GuestUnit}, the request or import run (the correlation id of its event)
 * that changed it last; for each tag the unit has, the one that added it (a removed tag is forgotten,
 * so an undo never takes away a tag that later work added again). An import's undo reverts an
 * aspect only while the run's change still stands, so it never overwrites later work (SPEC §4.4). An
 * entity of the unit: it sees every unit event.
 */
class UnitLastChanges {

    private String name;
    private String side;
    private String status;
    private String contact;
    private String tagSet;
    private Map<String, String> tags = new HashMap<>();

    @EventSourcingHandler
    void on(GuestUnitEvent e, @MetaDataValue(Attribution.CORRELATION_ID) String changedIn) {
        if (e instanceof UnitCreatedEvent created) {
            name = changedIn;
            side = changedIn;
            status = changedIn;
            contact = changedIn;
            tagSet = changedIn;
            created.tags().forEach(tag -> tags.put(tag, changedIn));
        } else if (e instanceof UnitRenamedEvent) {
            name = changedIn;
        } else if (e instanceof UnitSideSetEvent) {
            side = changedIn;
        } else if (e instanceof PrimaryContactChosenEvent) {
            contact = changedIn;
        } else if (e instanceof UnitTagsAddedEvent added) {
            tagSet = changedIn;
            added.tags().forEach(tag -> tags.put(tag, changedIn));
        } else if (e instanceof UnitTagsRemovedEvent removed) {
            tagSet = changedIn;
            removed.tags().forEach(tags::remove);
        } else {
            // Archived, restored, merged or discarded.
            status = changedIn;
        }
    }

    boolean sideIn(String correlationId) {
        return Objects.equals(side, correlationId);
    }

    boolean statusIn(String correlationId) {
        return Objects.equals(status, correlationId);
    }

    /** Whether the unit has this tag as that request or run added it. */
    boolean tagIn(String tag, String correlationId) {
        return tags.containsKey(tag) && Objects.equals(tags.get(tag), correlationId);
    }

    boolean allIn(String correlationId) {
        return Objects.equals(name, correlationId) && sideIn(correlationId) && statusIn(correlationId)
                && Objects.equals(contact, correlationId) && Objects.equals(tagSet, correlationId);
    }
}
