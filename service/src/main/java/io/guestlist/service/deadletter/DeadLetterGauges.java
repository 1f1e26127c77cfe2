package io.guestlist.service.deadletter;

import io.guestlist.query.support.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code guestlist.dead_letters{group}}: how many events wait in each streaming group's dead-letter queue. */
@Component
class DeadLetterGauges {

    static final String METRIC = "guestlist.dead_letters";

    DeadLetterGauges(DeadLetters deadLetters, MeterRegistry registry) {
        for (String group : Projections.STREAMING) {
            Gauge.builder(METRIC, () -> deadLetters.count(group)).tag("group", group)
                    .description("events parked in the group's dead-letter queue").register(registry);
        }
    }
}
