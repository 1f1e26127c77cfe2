package io.guestlist.query.guestlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The shapes the guest-list queries answer with. */
final class GuestListViews {

    private GuestListViews() {
    }

    record UnitSummary(UUID id, String name, String side, List<String> tags, String status, int memberCount,
                       String inviteTarget, boolean inviteable) {
    }

    record Member(UUID id, String name, String phone, String rawPhone, String phoneInvalidReason, String email, String notes,
                  Instant since) {
    }

    record UnitDetail(UUID id, String name, String side, List<String> tags, String status, List<Member> members,
                      UUID primaryContactId, String inviteTarget, boolean inviteable, String notInviteableReason,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    record MembershipView(UUID unitId, Instant since, Instant until) {
    }

    /** {@code inviteable}: a valid phone in an inviteable unit (SPEC's glossary). */
    record PersonView(UUID id, String name, String phone, String rawPhone, String phoneInvalidReason, boolean mobile,
                      String email, String notes, String status, UUID unitId, boolean inviteable, List<MembershipView> memberships,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }
}
