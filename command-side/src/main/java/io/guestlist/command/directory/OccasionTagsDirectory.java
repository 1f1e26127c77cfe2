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
 * Which events' audience rules name which tag (cmd_occasion_tag), so that a renamed tag can be carried
 * over to them. In the command directory's subscribing group: written in the transaction that appends
 * the rules.
 */
@Component
@ProcessingGroup(CommandDirectoryProjection.GROUP)
class OccasionTagsDirectory {

    private final JdbcClient jdbc;

    OccasionTagsDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AudienceRulesSetEvent e) {
        AudienceRules rules = e.rules();
        Set<String> tags = new LinkedHashSet<>(rules.include().tags());
        tags.addAll(rules.exclude().tags());
        jdbc.sql("DELETE FROM cmd_occasion_tag WHERE occasion_id = ?").param(e.occasionId().value()).update();
        jdbc.sql("INSERT INTO cmd_occasion_tag (occasion_id, workspace_id, tag) SELECT ?, ?, t FROM unnest(?::varchar[]) AS x(t)")
                .params(e.occasionId().value(), e.workspaceId().value(), tags.toArray(String[]::new)).update();
    }
}
