package io.guestlist.query.audience;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.query.asof.AsOfReader;
import io.guestlist.query.asof.OccasionState;
import io.guestlist.query.asof.UnitAsOf;
import io.guestlist.query.audience.AudienceViews.AudiencePage;
import io.guestlist.query.audience.AudienceViews.AudienceTotals;
import io.guestlist.query.audience.AudienceViews.AudienceUnit;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An event's audience as it stood at an instant: its rules and overrides then, over every unit of
 * the workspace then, judged by SPEC §5 in memory
 * ({@link io.guestlist.kernel.occasion.AudienceRules#reason}) the way {@link AudienceBindings} judges
 * in SQL; {@code AudienceFoldsAgreeTest} holds the two to the same answers. Same shape and order as the live page.
 */
@Component
class AudienceAsOf {

    private static final Comparator<AudienceUnit> BY_NAME = Comparator
            .comparing((AudienceUnit u) -> u.name().toLowerCase(Locale.ROOT)).thenComparing(u -> u.unitId().toString());

    private final AsOfReader reader;

    AudienceAsOf(AsOfReader reader) {
        this.reader = reader;
    }

    AudiencePage audience(UUID workspace, UUID occasionId, Instant at, boolean inviteableOnly, int page, int size) {
        OccasionState occasion = reader.occasion(workspace, occasionId, at).orElseThrow(() -> GuestlistException.notFound("Event"));
        List<AudienceUnit> all = new ArrayList<>();
        for (Map.Entry<UUID, UnitAsOf> entry : reader.units(workspace, at).entrySet()) {
            String reason = reason(occasion, entry.getValue());
            if (reason != null) {
                all.add(unit(entry.getValue(), reason));
            }
        }
        all.sort(BY_NAME);
        AudienceTotals totals = new AudienceTotals(all.size(), all.stream().filter(AudienceUnit::inviteable).count(),
                all.stream().mapToLong(AudienceUnit::memberCount).sum());
        List<AudienceUnit> kept = inviteableOnly ? all.stream().filter(AudienceUnit::inviteable).toList() : all;
        List<AudienceUnit> items = kept.stream().skip((long) page * size).limit(size).toList();
        return new AudiencePage(items, page, size, kept.size(), totals, null);
    }

    /** Why the unit is in the audience ({@code RULE} or {@code FORCE_INCLUDE}), or null when it is not. */
    static String reason(OccasionState occasion, UnitAsOf unit) {
        return occasion.rules().reason("ACTIVE".equals(unit.unit().status()), occasion.overrides().get(unit.unit().id()),
                unit.unit().side(), unit.unit().tags());
    }

    private static AudienceUnit unit(UnitAsOf unit, String reason) {
        return new AudienceUnit(unit.unit().id(), unit.unit().name(), unit.unit().side(), List.copyOf(unit.unit().tags()),
                unit.members().size(), unit.inviteTarget(), unit.inviteable(), reason, unit.notInviteableReason());
    }
}
