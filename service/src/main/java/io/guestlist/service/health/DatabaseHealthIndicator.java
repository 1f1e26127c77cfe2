package io.guestlist.service.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component, in place of Boot's (management.health.db.enabled=false): what the
 * {@link DatabaseProbe} found last, answered at once, where Boot's would wait on the pool for every call.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final DatabaseProbe probe;

    DatabaseHealthIndicator(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DatabaseProbe.Finding finding = probe.finding();
        (finding.reachable() ? builder.up() : builder.down().withDetail("error", finding.error()))
                .withDetail("database", "PostgreSQL").withDetail("since", finding.since().toString());
    }
}
