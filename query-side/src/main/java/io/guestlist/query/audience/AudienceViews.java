package io.guestlist.query.audience;

import io.guestlist.kernel.occasion.AudienceRules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shapes the event and audience queries answer with. */
final class AudienceViews {

    private AudienceViews() {
    }

    record OccasionSummary(UUID id, String name, String status, long audienceUnits,
                           Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    record OverrideView(UUID unitId, String unitName, String mode, Instant setAt, String setBy) {
    }

    record OccasionDetail(UUID id, String name, String status, AudienceRules rules, List<OverrideView> overrides,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    /**
     * A unit of an audience. {@code reason} says why it is in ({@code RULE} or {@code FORCE_INCLUDE});
     * {@code notInviteableReason} why it cannot be invited: {@code NO_MEMBERS}, {@code NO_VALID_PHONE}
     * (no member has a valid phone) or {@code NO_PRIMARY_CONTACT_PHONE} (the chosen contact has none).
     */
    record AudienceUnit(UUID unitId, String name, String side, List<String> tags, int memberCount, String inviteTarget,
                        boolean inviteable, String reason, String notInviteableReason) {
    }

    /** Of the whole audience, whatever the filter: its units, those that can be invited, and the people in them. */
    record AudienceTotals(long units, long inviteableUnits, long people) {
    }

    /**
     * A page of an audience: {@code total} counts what the filter keeps; {@code totals} describe the whole
     * audience; {@code next} is the cursor of the following page (null on the last).
     */
    record AudiencePage(List<AudienceUnit> items, int page, int size, long total, AudienceTotals totals, String next) {
    }
}
