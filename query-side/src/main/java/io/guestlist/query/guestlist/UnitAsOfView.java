package io.guestlist.query.guestlist;

import io.guestlist.kernel.phone.Phone;
import io.guestlist.query.asof.PersonState;
import io.guestlist.query.asof.UnitAsOf;
import io.guestlist.query.asof.UnitState;
import io.guestlist.query.guestlist.GuestListViews.Member;
import io.guestlist.query.guestlist.GuestListViews.UnitDetail;

import java.util.ArrayList;
import java.util.List;

/** A unit as of an instant in the same shape as the live unit read, so a client reads both alike. */
final class UnitAsOfView {

    private UnitAsOfView() {
    }

    static UnitDetail detail(UnitAsOf asOf) {
        UnitState unit = asOf.unit();
        List<Member> members = asOf.members().stream().map(UnitAsOfView::member).toList();
        return new UnitDetail(unit.id(), unit.name(), unit.side(), new ArrayList<>(unit.tags()), unit.status(), members,
                asOf.contactId(), asOf.inviteTarget(), asOf.inviteable(), asOf.notInviteableReason(),
                unit.createdAt(), unit.createdBy(), unit.updatedAt(), unit.updatedBy());
    }

    private static Member member(PersonState person) {
        Phone phone = person.phone();
        return new Member(person.id(), person.name(), phone == null ? null : phone.e164(), phone == null ? null : phone.raw(),
                phone == null ? null : phone.reason(), person.email(), person.notes(), person.since());
    }
}
