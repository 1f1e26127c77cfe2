package io.guestlist.command.directory;

import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which events' audience rules name which side (cmd_occasion_side), so that a renamed side can be
 * carried over to them. In the command directory's subscribing group: written in the transaction that
 * appends the rules.
 */
@Component
@ProcessingGroup(CommandDirectoryProjection.GROUP)
class OccasionSidesDirectory {

    private final JdbcClient jdbc;

    OccasionSidesDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AudienceRulesSetEvent e) {
        AudienceRules rules = e.rules();
        Set<String> sides = new LinkedHashSet<>(rules.include().sides());
        sides.addAll(rules.exclude().sides());
        jdbc.sql("DELETE FROM cmd_occasion_side WHERE occasion_id = ?").param(e.occasionId().value()).update();
        jdbc.sql("INSERT INTO cmd_occasion_side (occasion_id, workspace_id, side) SELECT ?, ?, s FROM unnest(?::varchar[]) AS x(s)")
                .params(e.occasionId().value(), e.workspaceId().value(), sides.toArray(String[]::new)).update();
    }
}
