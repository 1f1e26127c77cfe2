package io.guestlist.service.processing;

import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceInstance;
import io.guestlist.service.support.TwoInstances;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event written through A is projected by B's processors within milliseconds: B is woken by the
 * event table's NOTIFY, not by its poll (which takes about a second when no notification comes).
 */
class CrossInstancePickUpTest {

    private static final int WRITES = 20;
    private static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(CrossInstancePickUpTest.class);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void aUnitCreatedThroughA_isProjectedByB_inUnder100ms_median() {
        ServiceInstance a = instances.a();
        ServiceInstance b = instances.b();
        Set<Integer> bSegments = SegmentOwners.awaitShared(a, b, "guest-list");
        GuestList guests = new GuestList(a.api());
        String workspace = guests.aWorkspaceOwnedBy("alice");
        while (!bSegments.contains(guestListSegmentOf(workspace))) {
            workspace = guests.aWorkspaceOwnedBy("alice");
        }

        List<Long> pickUps = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            String unit = guests.aUnit("alice", workspace, "The Family " + i);
            long written = System.nanoTime();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> b.jdbc().sql("SELECT count(*) FROM guest_units WHERE unit_id = ?")
                            .param(UUID.fromString(unit)).query(Long.class).single() == 1);
            pickUps.add((System.nanoTime() - written) / 1_000_000);
        }

        long[] sorted = pickUps.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = (sorted[WRITES / 2 - 1] + sorted[WRITES / 2]) / 2;
        assertThat(median).as("pick-up times on B in ms: %s", Arrays.toString(sorted)).isLessThan(100);
    }

    /** The guest-list segment (of the 4 it starts with) that handles a workspace: its events are sequenced by the workspace id. */
    private static int guestListSegmentOf(String workspace) {
        return Arrays.stream(Segment.computeSegments(0, 1, 2, 3)).filter(s -> s.matches(workspace)).findFirst()
                .orElseThrow().getSegmentId();
    }
}
