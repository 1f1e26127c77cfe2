package io.guestlist.query.audience;

import io.guestlist.query.support.ProjectionSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Events of the celebration, overrides and audience bindings, for a rebuild. */
@Component
class AudienceProjectionSet implements ProjectionSet {

    @Override
    public String group() {
        return AudienceProjection.GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("occasions", "audience_overrides", "audience_members", "audience_totals");
    }

    @Override
    public List<Object> projections(JdbcTemplate jdbc) {
        AudienceTotals totals = new AudienceTotals(jdbc);
        return List.of(new AudienceProjection(jdbc, new AudienceBindings(jdbc, totals), totals));
    }

    /** The audience's pages and a unit's audiences; the bindings write by (event, unit). */
    @Override
    public List<String> queryIndexes() {
        return List.of("ix_audience_members_page", "ix_audience_members_unit");
    }

    /** The bindings and totals are recomputed from units, overrides and members. */
    @Override
    public boolean readsItsTables() {
        return true;
    }
}
