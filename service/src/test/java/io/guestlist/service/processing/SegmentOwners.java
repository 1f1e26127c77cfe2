package io.guestlist.service.processing;

import io.guestlist.service.support.ServiceInstance;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who holds which segment of a processor, as the token store records the claims. */
final class SegmentOwners {

    private SegmentOwners() {
    }

    static Set<Integer> segmentsOf(ServiceInstance instance, String processor) {
        return instance.jdbc().sql("SELECT segment FROM token_entry WHERE processor_name = ? AND owner = ?")
                .param(processor).param(owner(instance)).query(Integer.class).set();
    }

    static List<Integer> allSegments(ServiceInstance instance, String processor) {
        return instance.jdbc().sql("SELECT segment FROM token_entry WHERE processor_name = ? ORDER BY segment")
                .param(processor).query(Integer.class).list();
    }

    static String owner(ServiceInstance instance) {
        return instance.bean(InstanceRoster.class).instanceId();
    }

    /** Waits until A and B hold half of the processor's 4 segments each; returns B's. */
    static Set<Integer> awaitShared(ServiceInstance a, ServiceInstance b, String processor) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(segmentsOf(a, processor)).as("A's segments of %s", processor).hasSize(2);
            assertThat(segmentsOf(b, processor)).as("B's segments of %s", processor).hasSize(2);
        });
        return segmentsOf(b, processor).stream().collect(Collectors.toSet());
    }
}
