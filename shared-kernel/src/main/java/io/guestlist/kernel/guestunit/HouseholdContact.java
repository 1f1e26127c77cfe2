package io.guestlist.kernel.guestunit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which member a unit is invited through, and why a unit is not inviteable (SPEC §4.3), once for every
 * Java reader. The guest-list projection derives the contact in SQL, set-based over a batch of units
 * ({@code GuestListSql}); {@code HouseholdContactAgreeTest} holds the two equal.
 */
public final class HouseholdContact {

    private HouseholdContact() {
    }

    /**
     * The chosen primary contact while still a member, else the first member (in joining order) with a
     * valid phone; empty when there is neither.
     */
    public static <M> Optional<M> of(UUID chosen, List<M> membersInJoiningOrder, Function<M, UUID> id, Predicate<M> validPhone) {
        return membersInJoiningOrder.stream().filter(m -> id.apply(m).equals(chosen)).findFirst()
                .or(() -> membersInJoiningOrder.stream().filter(validPhone).findFirst());
    }

    /** An ACTIVE unit whose contact has a valid phone (the invite target) can be invited. */
    public static boolean inviteable(String status, String inviteTarget) {
        return "ACTIVE".equals(status) && inviteTarget != null;
    }

    /**
     * Why the unit cannot be invited, or null when it can: ARCHIVED, NO_MEMBERS, NO_VALID_PHONE (no member
     * has one, so there is no contact) or NO_PRIMARY_CONTACT_PHONE (the chosen contact has none).
     */
    public static String notInviteableReason(String status, int memberCount, UUID contactId, String inviteTarget) {
        if (inviteable(status, inviteTarget)) {
            return null;
        }
        if (!"ACTIVE".equals(status)) {
            return "ARCHIVED";
        }
        if (memberCount == 0) {
            return "NO_MEMBERS";
        }
        return contactId == null ? "NO_VALID_PHONE" : "NO_PRIMARY_CONTACT_PHONE";
    }
}
