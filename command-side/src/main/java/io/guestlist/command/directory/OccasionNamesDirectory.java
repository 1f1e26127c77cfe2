package io.guestlist.command.directory;

import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events' audience rules name which side (cmd_occasion_side) and which tag (cmd_occasion_tag), so
 * that a renamed side or tag can be carried over to them. In the command directory's subscribing group:
 * written in the transaction that appends the rules.
 */
@Component
@ProcessingGroup(CommandDirectoryProjection.GROUP)
class OccasionNamesDirectory {

    private final JdbcClient jdbc;

    OccasionNamesDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AudienceRulesSetEvent e) {
        AudienceRules rules = e.rules();
        replace("cmd_occasion_side", "side", e, rules.include().sides(), rules.exclude().sides());
        replace("cmd_occasion_tag", "tag", e, rules.include().tags(), rules.exclude().tags());
    }

    private void replace(String table, String column, AudienceRulesSetEvent e, List<String> included, List<String> excluded) {
        Set<String> names = new LinkedHashSet<>(included);
        names.addAll(excluded);
        jdbc.sql("DELETE FROM " + table + " WHERE occasion_id = ?").param(e.occasionId().value()).update();
        jdbc.sql("INSERT INTO " + table + " (occasion_id, workspace_id, " + column + ") SELECT ?, ?, n FROM unnest(?::varchar[]) AS x(n)")
                .params(e.occasionId().value(), e.workspaceId().value(), names.toArray(String[]::new)).update();
    }
}
