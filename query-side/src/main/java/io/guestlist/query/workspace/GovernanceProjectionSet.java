package io.guestlist.query.workspace;

import io.guestlist.query.support.ProjectionSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Workspaces, members and sides, for a rebuild. */
@Component
class GovernanceProjectionSet implements ProjectionSet {

    @Override
    public String group() {
        return GovernanceProjection.GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("workspaces", "workspace_members", "sides");
    }

    @Override
    public List<Object> projections(JdbcTemplate jdbc) {
        return List.of(new GovernanceProjection(jdbc));
    }
}
