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
        String workspace = aWorkspaceProjectedByB();
        long[] pickUps = pickUpsOnB(workspace);
        assertThat(median(pickUps)).as("pick-up times on B in ms: %s", Arrays.toString(pickUps)).isLessThan(100);
    }

    @Test
    void afterBsListeningConnectionIsCut_BListensAgain_andPicksUpAsFast() {
        String workspace = aWorkspaceProjectedByB();
        ServiceInstance b = instances.b();
        String listener = "guestlist-listener " + SegmentOwners.owner(b);
        Integer cut = b.jdbc().sql("SELECT pid FROM pg_stat_activity WHERE application_name = left(?, 63)").param(listener)
                .query(Integer.class).single();
        b.jdbc().sql("SELECT pg_terminate_backend(?)").param(cut).query(Boolean.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> b.jdbc()
                .sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = left(?, 63) AND pid <> ?")
                .param(listener).param(cut).query(Long.class).single() == 1);
        long[] pickUps = pickUpsOnB(workspace);
        assertThat(median(pickUps)).as("pick-up times on B in ms: %s", Arrays.toString(pickUps)).isLessThan(100);
    }

    /** A new workspace whose guest-list segment B holds, so B's processor projects its events. */
    private static String aWorkspaceProjectedByB() {
        Set<Integer> bSegments = SegmentOwners.awaitShared(instances.a(), instances.b(), "guest-list");
        GuestList guests = new GuestList(instances.a().api());
        String workspace = guests.aWorkspaceOwnedBy("alice");
        while (!bSegments.contains(guestListSegmentOf(workspace))) {
            workspace = guests.aWorkspaceOwnedBy("alice");
        }
        return workspace;
    }

    /** Creates units through A; for each, the ms from its 201 until its read-model row exists, sorted. */
    private static long[] pickUpsOnB(String workspace) {
        GuestList guests = new GuestList(instances.a().api());
        ServiceInstance b = instances.b();
        List<Long> pickUps = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            String unit = guests.aUnit("alice", workspace, "The Family " + i);
            long written = System.nanoTime();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> b.jdbc().sql("SELECT count(*) FROM guest_units WHERE unit_id = ?")
                            .param(UUID.fromString(unit)).query(Long.class).single() == 1);
            pickUps.add((System.nanoTime() - written) / 1_000_000);
        }
        return pickUps.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long median(long[] sorted) {
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The guest-list segment (of the 4 it starts with) that handles a workspace: its events are sequenced by the workspace id. */
    private static int guestListSegmentOf(String workspace) {
        return Arrays.stream(Segment.computeSegments(0, 1, 2, 3)).filter(s -> s.matches(workspace)).findFirst()
                .orElseThrow().getSegmentId();
    }
}
