package io.guestlist.query.asof;

import io.guestlist.kernel.occasion.AudienceOverrideClearedEvent;
import io.guestlist.kernel.occasion.AudienceOverrideSetEvent;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import io.guestlist.kernel.occasion.OccasionArchivedEvent;
import io.guestlist.kernel.occasion.OccasionCreatedEvent;
import io.guestlist.kernel.occasion.OccasionEvent;
import io.guestlist.kernel.occasion.OccasionRenamedEvent;
import io.guestlist.kernel.occasion.OverrideMode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An event of the celebration folded from its events: name, status, rules and overrides. */
public record OccasionState(UUID id, String name, String status, AudienceRules rules, Map<UUID, OverrideMode> overrides) {

    static OccasionState fold(OccasionState current, OccasionEvent event) {
        if (event instanceof OccasionCreatedEvent e) {
            return new OccasionState(e.occasionId().value(), e.name(), "ACTIVE", AudienceRules.NOBODY, Map.of());
        }
        if (current == null) {
            return null;
        }
        Map<UUID, OverrideMode> overrides = new HashMap<>(current.overrides);
        String name = current.name;
        String status = current.status;
        AudienceRules rules = current.rules;
        if (event instanceof OccasionRenamedEvent e) {
            name = e.name();
        } else if (event instanceof OccasionArchivedEvent) {
            status = "ARCHIVED";
        } else if (event instanceof AudienceRulesSetEvent e) {
            rules = e.rules();
        } else if (event instanceof AudienceOverrideSetEvent e) {
            overrides.put(e.unitId().value(), e.mode());
        } else if (event instanceof AudienceOverrideClearedEvent e) {
            overrides.remove(e.unitId().value());
        }
        return new OccasionState(current.id, name, status, rules, Map.copyOf(overrides));
    }
}
