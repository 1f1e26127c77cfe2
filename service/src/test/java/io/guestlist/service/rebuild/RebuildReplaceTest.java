package io.guestlist.service.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code mode=replace} repairs a read model corrupted by hand: the live tables become equal to a
 * fresh replay, while queries answer and commands keep arriving, and what is written during the
 * swap is neither lost nor applied twice (a later check finds live and replay equal).
 */
class RebuildReplaceTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(RebuildReplaceTest.class, registry);
        registry.add("guestlist.operators", () -> "ops");
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void replace_repairsACorruptedGroup_whileQueriesAnswerAndWritesGoOn() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        String base = "/api/v1/workspaces/" + workspace;
        Occasions occasions = new Occasions(api, "alice", workspace);
        String run = api.postBytes("alice", base + "/imports?channel=CSV", "text/csv", csv(600).getBytes(StandardCharsets.UTF_8), Map.of()).id();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(api.get("alice", base + "/imports/" + run).body().path("status").asText()));
        String mehndi = occasions.anEvent("Mehndi");
        Occasions.ok(occasions.setRules(mehndi, Map.of("include", Map.of("sides", List.of("Bride")))));
        long settled = Occasions.ok(occasions.changeUnit(occasions.aUnit("Renamed", "Bride", List.of("vip")), Map.of("name", "Kept")));
        await("projected").atMost(Duration.ofSeconds(60)).until(() -> api.get("alice", base + "/units?after=" + settled).status() == 200);

        jdbc.update("DELETE FROM people WHERE name LIKE 'Guest 1%'");
        jdbc.update("DELETE FROM guest_units WHERE name LIKE 'Household 2%'");
        jdbc.update("UPDATE guest_units SET name = 'Tampered by hand' WHERE name = 'Kept'");
        assertThat(check(api).path("equal").asBoolean()).isFalse();

        assertProblem(api.post("ops", "/api/v1/operations/rebuild?projection=governance&mode=replace", null), 400, "validation");
        assertProblem(api.post("ops", "/api/v1/operations/rebuild?projection=guest-list&mode=fix", null), 400, "validation");
        Api.Response started = api.post("ops", "/api/v1/operations/rebuild?projection=guest-list&mode=replace", null);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong lastWrite = new AtomicLong();
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                int n = written.incrementAndGet();
                lastWrite.set(Occasions.ok(occasions.changeUnit(occasions.aUnit("During " + n, "Bride", List.of("new")),
                        Map.of("name", "Written during the replace " + n))));
            }
        });
        JsonNode status;
        try {
            do {
                for (String path : List.of(base + "/units?size=20", base + "/events/" + mehndi + "/audience",
                        base + "/people?phone=09822000300")) {
                    assertThat(api.get("alice", path).status()).as(path).isEqualTo(200);
                }
                status = api.get("ops", "/api/v1/operations/rebuild/" + started.id()).body();
            } while (status.path("state").asText().matches("RUNNING|COMPARING|REPLACING"));
        } finally {
            writing.set(false);
            writer.join();
        }

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("replaced").asBoolean()).as(status.toString()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class))
                .as("no batch parked (a deadlock with the swap would park its events)").isZero();
        assertThat(status.path("equal").asBoolean()).as("the corruption was found before the swap").isFalse();
        assertThat(api.get("alice", base + "/units?after=" + lastWrite.get() + "&q=Tampered").body().toString()).doesNotContain("Tampered");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM guest_units WHERE name LIKE 'Written during the replace %'", Long.class))
                .isEqualTo(written.get());
        JsonNode after = check(api);
        assertThat(after.path("equal").asBoolean()).as(after.toString()).isTrue();
        await("shadow schemas dropped").atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'rebuild_%'", Long.class) == 0);
    }

    private static JsonNode check(Api api) {
        String id = api.post("ops", "/api/v1/operations/rebuild?projection=guest-list&mode=check", null).id();
        return await("rebuild " + id).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("ops", "/api/v1/operations/rebuild/" + id).body(),
                        s -> !s.path("state").asText().matches("RUNNING|COMPARING|REPLACING"));
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("Name,Phone,Household,Side,Tags\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Guest ").append(i).append(",09822").append(String.format("%06d", i)).append(",Household ").append(i / 3)
                    .append(',').append(i % 2 == 0 ? "Bride" : "Groom").append(',').append(i % 5 == 0 ? "family" : "").append('\n');
        }
        return csv.toString();
    }
}
