package io.guestlist.service.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceInstance;
import io.guestlist.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replace run by one instance while the other holds some of the group's segments and both take
 * writes: the tokens it locks hold back the other instance's batches too, so afterwards live equals
 * a fresh replay.
 */
class ReplaceOnTwoInstancesTest {

    private static final Map<String, Object> OPERATORS = Map.of("guestlist.operators", "ops");

    @Test
    void replaceOnA_whileBHoldsSegmentsAndBothTakeWrites_leavesLiveEqualToAReplay() {
        String url = TestDatabase.create(ReplaceOnTwoInstancesTest.class);
        try (ServiceInstance a = ServiceInstance.start("a", url, OPERATORS); ServiceInstance b = ServiceInstance.start("b", url, OPERATORS)) {
            await("both instances hold guest-list segments").atMost(Duration.ofSeconds(60)).until(() -> a.jdbc()
                    .sql("SELECT count(DISTINCT owner) FROM token_entry WHERE processor_name = 'guest-list'").query(Long.class).single() == 2);
            // Four workspaces, so the writes spread over the segments (a workspace's events share one).
            List<String> workspaces = IntStream.range(0, 4).mapToObj(i -> new GuestList(a.api()).aWorkspaceOwnedBy("alice")).toList();
            List<Occasions> writers = IntStream.range(0, 4)
                    .mapToObj(i -> new Occasions((i % 2 == 0 ? a : b).api(), "alice", workspaces.get(i))).toList();
            for (int i = 0; i < 20; i++) {
                writers.get(i % 4).aUnit("Before " + i, "Bride", List.of("old"));
            }
            String units = "/api/v1/workspaces/" + workspaces.get(3) + "/units";
            await("projected").atMost(Duration.ofSeconds(60)).until(() ->
                    a.api().get("alice", units + "?size=50").body().toString().contains("Before 19"));
            a.jdbc().sql("DELETE FROM guest_units WHERE name LIKE 'Before 1%'").update();

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    int n = written.incrementAndGet();
                    writers.get(n % 4).aUnit("During " + n, "Groom", List.of("new"));
                }
            });
            JsonNode status;
            try {
                String id = a.api().post("ops", "/api/v1/operations/rebuild?projection=guest-list&mode=replace", null).id();
                do {
                    assertThat(b.api().get("alice", units + "?size=20").status()).isEqualTo(200);
                    status = b.api().get("ops", "/api/v1/operations/rebuild/" + id).body();
                } while (!status.path("state").asText().matches("DONE|FAILED"));
            } finally {
                writing.set(false);
                writer.join();
            }
            assertThat(status.path("replaced").asBoolean()).as(status.toString()).isTrue();
            assertThat(a.jdbc().sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single())
                    .as("no batch parked (a deadlock with the swap would park its events)").isZero();
            await("every unit written is projected once").atMost(Duration.ofSeconds(60)).until(() -> a.jdbc()
                    .sql("SELECT count(*) FROM guest_units WHERE name LIKE 'During %'").query(Long.class).single() == written.get());
            String check = b.api().post("ops", "/api/v1/operations/rebuild?projection=guest-list", null).id();
            JsonNode after = await("check").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> a.api().get("ops", "/api/v1/operations/rebuild/" + check).body(),
                            s -> s.path("state").asText().matches("DONE|FAILED"));
            assertThat(after.path("equal").asBoolean()).as(after.toString()).isTrue();
        }
    }
}
