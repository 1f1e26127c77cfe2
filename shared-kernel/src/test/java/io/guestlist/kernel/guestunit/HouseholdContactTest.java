package io.guestlist.kernel.guestunit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HouseholdContact}: the chosen contact while a member, else the first member with a valid phone. */
class HouseholdContactTest {

    private record Member(UUID id, boolean validPhone) {
    }

    private static final Member NO_PHONE = new Member(UUID.randomUUID(), false);
    private static final Member FIRST = new Member(UUID.randomUUID(), true);
    private static final Member SECOND = new Member(UUID.randomUUID(), true);

    private static Member contact(UUID chosen, List<Member> members) {
        return HouseholdContact.of(chosen, members, Member::id, Member::validPhone).orElse(null);
    }

    @Test
    void theChosenContact_whileAMember_evenWithoutAValidPhone() {
        assertThat(contact(SECOND.id(), List.of(FIRST, SECOND))).isEqualTo(SECOND);
        assertThat(contact(NO_PHONE.id(), List.of(NO_PHONE, FIRST))).isEqualTo(NO_PHONE);
    }

    @Test
    void elseTheFirstMemberWithAValidPhone_orNobody() {
        assertThat(contact(UUID.randomUUID(), List.of(NO_PHONE, FIRST, SECOND))).isEqualTo(FIRST);
        assertThat(contact(null, List.of(NO_PHONE))).isNull();
        assertThat(contact(null, List.of())).isNull();
    }

    @Test
    void whyNotInviteable_inTheOrderTheSpecGivesIt() {
        assertThat(HouseholdContact.notInviteableReason("ACTIVE", 2, FIRST.id(), "+919811122233")).isNull();
        assertThat(HouseholdContact.notInviteableReason("ARCHIVED", 2, FIRST.id(), "+919811122233")).isEqualTo("ARCHIVED");
        assertThat(HouseholdContact.notInviteableReason("ACTIVE", 0, null, null)).isEqualTo("NO_MEMBERS");
        assertThat(HouseholdContact.notInviteableReason("ACTIVE", 1, null, null)).isEqualTo("NO_VALID_PHONE");
        assertThat(HouseholdContact.notInviteableReason("ACTIVE", 1, NO_PHONE.id(), null)).isEqualTo("NO_PRIMARY_CONTACT_PHONE");
    }
}
