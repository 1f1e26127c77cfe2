package io.guestlist.service.processing;

import io.guestlist.service.support.ServiceInstance;
import io.guestlist.service.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances split the segments of the segmented processors through the token claims; when one
 * stops, or dies, the other takes all of them within 15 s. One story in order: shared, handed
 * over at a clean stop, then taken from an instance that died (its claims and its roster beat
 * left as a dead process leaves them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentSharingTest {

    private static final List<String> SEGMENTED = List.of("guest-list", "audit");
    private static final Duration HAND_OVER = Duration.ofSeconds(15);
    private static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(SegmentSharingTest.class);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    @Order(1)
    void twoInstances_eachClaimHalfOfEverySegmentedProcessor() {
        for (String processor : SEGMENTED) {
            SegmentOwners.awaitShared(instances.a(), instances.b(), processor);
            assertThat(SegmentOwners.allSegments(instances.a(), processor)).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    @Order(2)
    void whenBStops_AClaimsAllSegmentsWithin15s() {
        ServiceInstance a = instances.a();
        instances.b().close();
        long stopped = System.nanoTime();
        awaitAllHeldBy(a);
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(HAND_OVER);
    }

    @Test
    @Order(3)
    void whenAnInstanceDies_itsSegmentsAreClaimedWithin15s() {
        ServiceInstance a = instances.a();
        String dead = "a-dead-instance";
        long died = System.nanoTime();
        for (String processor : SEGMENTED) {
            a.jdbc().sql("INSERT INTO instance_roster (instance_id, processor_name, beat_at) VALUES (?, ?, now())")
                    .param(dead).param(processor).update();
            a.jdbc().sql("UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ? AND segment IN (2, 3)")
                    .param(dead).param(Instant.now().toString()).param(processor).update();
        }
        awaitAllHeldBy(a);
        assertThat(Duration.ofNanos(System.nanoTime() - died)).isLessThan(HAND_OVER);
    }

    private static void awaitAllHeldBy(ServiceInstance a) {
        await().atMost(HAND_OVER.plusSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String processor : SEGMENTED) {
                assertThat(SegmentOwners.segmentsOf(a, processor)).as(processor).containsExactlyInAnyOrder(0, 1, 2, 3);
            }
        });
    }
}
