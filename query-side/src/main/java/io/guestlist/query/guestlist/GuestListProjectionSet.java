package io.guestlist.query.guestlist;

import io.guestlist.query.audience.AudienceTotals;
import io.guestlist.query.support.ProjectionSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Units, people and memberships, for a rebuild. */
@Component
class GuestListProjectionSet implements ProjectionSet {

    @Override
    public String group() {
        return GuestListSql.GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("guest_units", "tags", "unit_tags", "people", "identities", "memberships");
    }

    @Override
    public List<Object> projections(JdbcTemplate jdbc) {
        GuestListSql sql = new GuestListSql(jdbc, new AudienceTotals(jdbc));
        return List.of(new GuestUnitProjection(jdbc, sql), new PeopleProjection(jdbc, sql));
    }

    /** The unit list's orders and filters, and people by raw phone; the derivations probe units by id. */
    @Override
    public List<String> queryIndexes() {
        return List.of("ix_guest_units_workspace_name", "ix_guest_units_inviteable_name", "ix_guest_units_side_name",
                "ix_guest_units_list_filters", "ix_guest_units_status_name", "ix_people_workspace_phone_raw");
    }

    /** A unit's contact and member count are derived from its memberships and people. */
    @Override
    public boolean readsItsTables() {
        return true;
    }
}
