package io.guestlist.service.deadletter;

import io.guestlist.service.health.DatabaseProbe;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The {@code deadLetters} health component: {@code DEGRADED} (HTTP 200: the service still answers,
 * but some events are not in the read model) while any letter waits, with the count per group.
 */
@Component
class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events wait in a dead-letter queue");

    private final DeadLetters deadLetters;
    private final DatabaseProbe database;

    DeadLettersHealthIndicator(DeadLetters deadLetters, DatabaseProbe database) {
        this.deadLetters = deadLetters;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!database.reachable()) {
            builder.unknown().withDetail("reason", "the database does not answer"); // the db component says DOWN
            return;
        }
        Map<String, Long> groups = deadLetters.countsByGroup();
        long count = groups.values().stream().mapToLong(Long::longValue).sum();
        (count == 0 ? builder.up() : builder.status(DEGRADED)).withDetail("count", count).withDetail("groups", groups);
    }
}
