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
}
