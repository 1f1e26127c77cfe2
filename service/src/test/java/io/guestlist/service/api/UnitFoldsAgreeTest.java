package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A unit is folded twice on the read side: by the guest-list projection into its table, and from
 * the event store for reads as of an instant. Every kind of unit event, sent through the API, must
 * leave the two equal: the live unit and the unit "as of now" are the same JSON after each step.
 */
class UnitFoldsAgreeTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(UnitFoldsAgreeTest.class, registry);
    }

    @Test
    void everyUnitEvent_leavesTheProjectedUnitEqualToTheUnitFoldedFromItsEvents() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        String base = "/api/v1/workspaces/" + workspace;
        Set<String> seen = new TreeSet<>();

        String sharmas = guests.aUnit("alice", workspace, "The Sharmas");
        agree(api, base, sharmas, guests.addPerson("alice", workspace, sharmas, "Anita", "098111 22233").position(), seen);
        String ravi = guests.addPerson("alice", workspace, sharmas, "Ravi", "098111 22244").id();
        agree(api, base, sharmas, api.patch("alice", base + "/units/" + sharmas,
                Map.of("name", "Sharma Family", "side", "Bride", "tags", List.of("family", "delhi"))).position(), seen);
        agree(api, base, sharmas, api.patch("alice", base + "/units/" + sharmas, Map.of("tags", List.of("family"))).position(), seen);
        agree(api, base, sharmas, api.put("alice", base + "/units/" + sharmas + "/primary-contact", Map.of("personId", ravi)).position(), seen);
        agree(api, base, sharmas, api.patch("alice", base + "/units/" + sharmas, Map.of("status", "ARCHIVED")).position(), seen);
        agree(api, base, sharmas, api.patch("alice", base + "/units/" + sharmas, Map.of("status", "ACTIVE")).position(), seen);

        String kapoors = guests.aUnit("alice", workspace, "The Kapoors");
        long merged = api.post("alice", base + "/units/" + kapoors + "/merge", Map.of("intoUnitId", sharmas)).position();
        agree(api, base, kapoors, merged, seen);
        agree(api, base, sharmas, merged, seen);

        String discarded = importedThenUndone(api, base);
        seen.addAll(eventTypes(api, base, discarded));
        assertProblem(api.get("alice", base + "/units/" + discarded), 404, "not-found");
        assertProblem(api.get("alice", base + "/units/" + discarded + "?asOf=" + Instant.now()), 404, "not-found");

        assertThat(seen).as("every kind of unit event went through both folds").containsAll(
                Arrays.stream(GuestUnitEvent.class.getPermittedSubclasses())
                        .map(c -> c.getSimpleName().replaceFirst("Event$", "")).toList());
    }

    /** The unit as projected equals the unit folded from the store as of now; records its event types. */
    private static void agree(Api api, String base, String unit, long after, Set<String> seen) {
        Api.Response live = api.get("alice", base + "/units/" + unit + "?after=" + after);
        assertThat(live.status()).as(live.body().toString()).isEqualTo(200);
        Api.Response folded = api.get("alice", base + "/units/" + unit + "?asOf=" + Instant.now() + "&after=" + after);
        assertThat(folded.status()).as(folded.body().toString()).isEqualTo(200);
        assertThat(folded.body()).isEqualTo(live.body());
        seen.addAll(eventTypes(api, base, unit));
    }

    private static List<String> eventTypes(Api api, String base, String unit) {
        JsonNode items = api.get("alice", base + "/units/" + unit + "/history?size=500").body().path("items");
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.path("type").asText()).toList();
    }

    /** A unit an import created, and whose undo discarded it. */
    static String importedThenUndone(Api api, String base) {
        Api.Response submitted = api.postBytes("alice", base + "/imports?channel=CSV", "text/csv",
                "Name,Phone,Household\nMeera Iyer,09811100077,The Iyers\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        String run = submitted.id();
        await("import " + run + " completed").atMost(Duration.ofSeconds(60)).until(() ->
                "COMPLETED".equals(api.get("alice", base + "/imports/" + run).body().path("status").asText()));
        JsonNode row = api.get("alice", base + "/imports/" + run + "/rows").body().path("items").get(0);
        String unit = row.path("unitId").asText();
        Api.Response undone = api.post("alice", base + "/imports/" + run + "/undo", null);
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        assertThat(api.get("alice", base + "/units?after=" + undone.position()).status()).isEqualTo(200);
        return unit;
    }
}
