package io.guestlist.service.processing;

import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceInstance;
import io.guestlist.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A database whose processors an older version made with one segment each: they are split to the configured four, in place. */
class SegmentSplitTest {

    @Test
    void oneSegmentProcessorsOfAnExistingDatabase_areSplitToFour_andGoOnFromTheirTokens() {
        String url = TestDatabase.create(SegmentSplitTest.class);
        String workspace;
        long before;
        try (ServiceInstance old = ServiceInstance.start("old", url, Map.of(
                "axon.eventhandling.processors.guest-list.initial-segment-count", 1,
                "axon.eventhandling.processors.audit.initial-segment-count", 1))) {
            GuestList guests = new GuestList(old.api());
            workspace = guests.aWorkspaceOwnedBy("alice");
            String unit = guests.aUnit("alice", workspace, "The Bhatts");
            await().atMost(Duration.ofSeconds(30)).until(() -> unitProjected(old, unit));
            assertThat(SegmentOwners.allSegments(old, "guest-list")).containsExactly(0);
            before = position(old, "guest-list", 0);
        }

        try (ServiceInstance current = ServiceInstance.start("current", url)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(SegmentOwners.allSegments(current, "guest-list")).containsExactly(0, 1, 2, 3);
                assertThat(SegmentOwners.allSegments(current, "audit")).containsExactly(0, 1, 2, 3);
            });
            for (int segment = 0; segment < 4; segment++) {
                assertThat(position(current, "guest-list", segment)).as("segment %d's token", segment).isGreaterThanOrEqualTo(before);
            }
            String unit = new GuestList(current.api()).aUnit("alice", workspace, "The Joshis");
            await().atMost(Duration.ofSeconds(30)).until(() -> unitProjected(current, unit));
        }
    }

    private static boolean unitProjected(ServiceInstance instance, String unit) {
        return instance.jdbc().sql("SELECT count(*) FROM guest_units WHERE unit_id = ?").param(UUID.fromString(unit))
                .query(Long.class).single() == 1;
    }

    /** The global index a segment's token has reached, from the token's JSON. */
    private static long position(ServiceInstance instance, String processor, int segment) {
        String token = instance.jdbc().sql("SELECT convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = ? AND segment = ?")
                .param(processor).param(segment).query(String.class).single();
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)").matcher(token);
        assertThat(index.find()).as(token).isTrue();
        return Long.parseLong(index.group(1));
    }
}
