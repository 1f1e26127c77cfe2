package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A unit's history tells of people joining and leaving it, interleaved with its own events, each marked with the person. */
class UnitHistoryApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(UnitHistoryApiTest.class, registry);
    }

    @Test
    void peopleJoiningAndLeaving_interleavedWithTheUnitsOwnEvents() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        String base = "/api/v1/workspaces/" + workspace;
        String sharmas = guests.aUnit("alice", workspace, "The Sharmas");
        String kapoors = guests.aUnit("alice", workspace, "The Kapoors");
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha", "+91 98111 22233").id();
        ok(api.patch("alice", base + "/units/" + sharmas, Map.of("name", "The Sharma Family")));
        String ravi = guests.addPerson("alice", workspace, sharmas, "Ravi", "+91 98111 22244").id();
        ok(api.patch("alice", base + "/people/" + ravi, Map.of("name", "Ravi S")));
        ok(api.post("alice", base + "/people/" + ravi + "/move", Map.of("unitId", kapoors)));
        ok(api.delete("alice", base + "/units/" + sharmas + "/members/" + asha));
        ok(api.post("alice", base + "/people/" + ravi + "/move", Map.of("unitId", sharmas)));
        guests.addPerson("alice", workspace, sharmas, "Asha", "+91 98111 22233");
        long last = ok(api.delete("alice", base + "/people/" + ravi));

        JsonNode history = api.get("victor", base + "/units/" + sharmas + "/history?size=100&after=" + last).body();
        assertThat(items(history, "type")).containsExactly("UnitCreated", "PersonAdded", "UnitRenamed", "PersonAdded",
                "PersonMoved", "PersonRemoved", "PersonMoved", "PersonReactivated", "PersonDeleted");
        assertThat(items(history, "personId")).containsExactly("", asha, "", ravi, ravi, asha, ravi, asha, ravi);
        assertThat(history.path("total").asLong()).isEqualTo(9);
        JsonNode positions = history.path("items");
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i).path("position").asLong()).isGreaterThan(positions.get(i - 1).path("position").asLong());
        }

        JsonNode secondPage = api.get("alice", base + "/units/" + sharmas + "/history?size=4&page=1").body();
        assertThat(items(secondPage, "type")).containsExactly("PersonMoved", "PersonRemoved", "PersonMoved", "PersonReactivated");

        JsonNode kapoorsHistory = api.get("alice", base + "/units/" + kapoors + "/history?size=100").body();
        assertThat(items(kapoorsHistory, "type")).containsExactly("UnitCreated", "PersonMoved", "PersonMoved");
        assertThat(items(kapoorsHistory, "personId")).containsExactly("", ravi, ravi);

        assertProblem(api.get("mallory", base + "/units/" + sharmas + "/history"), 404, "not-found");
        assertProblem(api.get("alice", base + "/units/" + UUID.randomUUID() + "/history"), 404, "not-found");
        assertProblem(api.get("alice", base + "/units/" + asha + "/history"), 404, "not-found");
    }

    private static List<String> items(JsonNode page, String field) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(i -> i.path(field).isNull() || i.path(field).isMissingNode() ? "" : i.path(field).asText()).toList();
    }
}
