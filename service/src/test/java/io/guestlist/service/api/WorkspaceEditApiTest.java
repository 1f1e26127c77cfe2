package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
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

/** {@code PATCH …/workspaces/{id}}: name, default region and sides (added, renamed with the units and audience rules following, removed unless used). */
class WorkspaceEditApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(WorkspaceEditApiTest.class, registry);
    }

    private Api api;
    private String workspace;
    private String base;
    private String sharmas;
    private String kapoors;
    private String vermas;

    @BeforeEach
    void aWorkspaceWithUnitsOnTwoSides() {
        api = api();
        GuestList guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        base = "/api/v1/workspaces/" + workspace;
        sharmas = unit("The Sharmas", "Bride");
        kapoors = unit("The Kapoors", "Bride");
        ok(api.patch("alice", base + "/units/" + kapoors, Map.of("status", "ARCHIVED")));
        vermas = unit("The Vermas", "Groom");
    }

    @Test
    void nameAndRegion_change() {
        long at = ok(api.patch("alice", base, Map.of("name", "Sharma-Kapoor Wedding", "defaultRegion", "gb")));
        JsonNode read = api.get("alice", base + "?after=" + at).body();
        assertThat(read.path("name").asText()).isEqualTo("Sharma-Kapoor Wedding");
        assertThat(read.path("defaultRegion").asText()).isEqualTo("GB");
    }

    @Test
    void aRenamedSide_isSetOnEveryUnitThatHadIt_attributedToTheOwner() {
        long at = ok(api.patch("alice", base, Map.of("sides", List.of("Bride's family", "Groom", "Both"),
                "renamedSides", Map.of("Bride", "Bride's family"))));

        assertThat(texts(api.get("alice", base + "?after=" + at).body().path("sides"))).containsExactly("Bride's family", "Groom", "Both");
        for (String unit : List.of(sharmas, kapoors)) {
            JsonNode read = api.get("alice", base + "/units/" + unit + "?after=" + at).body();
            assertThat(read.path("side").asText()).as(read.toString()).isEqualTo("Bride's family");
            JsonNode last = lastOf(api.get("alice", base + "/units/" + unit + "/history?size=100&after=" + at).body());
            assertThat(last.path("type").asText()).isEqualTo("UnitSideSet");
            assertThat(last.path("memberId").asText()).isEqualTo("alice");
        }
        assertThat(api.get("alice", base + "/units/" + vermas + "?after=" + at).body().path("side").asText()).isEqualTo("Groom");
        assertThat(api.get("alice", base + "/units?side=Bride%27s%20family&after=" + at).body().path("total").asLong()).isEqualTo(2);
        assertProblem(api.post("alice", base + "/units", Map.of("name", "Late", "side", "Bride")), 400, "validation");
        JsonNode feed = api.get("alice", base + "/audit?aggregateId=" + workspace + "&after=" + at).body();
        assertThat(feed.path("items").get(0).path("type").asText()).isEqualTo("WorkspaceSidesSet");

        Api.Response again = api.patch("alice", base, Map.of("sides", List.of("Bride's family", "Groom", "Both"),
                "renamedSides", Map.of("Bride", "Bride's family")));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
    }

    @Test
    void aRenamedSide_isCarriedOverToTheAudienceRulesThatNameIt_soEachAudienceKeepsItsUnits() {
        String iyers = unit("The Iyers", "Both");
        Occasions events = new Occasions(api, "alice", workspace);
        String mehndi = events.anEvent("Mehndi");
        String sangeet = events.anEvent("Sangeet");
        ok(events.setRules(mehndi, Map.of("include", Map.of("sides", List.of("Bride")))));
        long before = ok(events.setRules(sangeet, Map.of("include", Map.of("all", true), "exclude", Map.of("sides", List.of("Groom")))));
        assertThat(unitIds(events.audience(mehndi, before, "").body())).containsExactly(sharmas);
        assertThat(unitIds(events.audience(sangeet, before, "").body())).containsExactly(iyers, sharmas);

        long at = ok(api.patch("alice", base, Map.of("sides", List.of("Bride's family", "Groom's family", "Both"),
                "renamedSides", Map.of("Bride", "Bride's family", "Groom", "Groom's family"))));

        assertThat(unitIds(events.audience(mehndi, at, "").body())).as("the same units, now on the renamed side").containsExactly(sharmas);
        assertThat(unitIds(events.audience(sangeet, at, "").body())).as("the renamed excluded side still left out").containsExactly(iyers, sharmas);
        JsonNode rules = api.get("alice", events.events() + "/" + mehndi + "?after=" + at).body().path("rules");
        assertThat(texts(rules.path("include").path("sides"))).containsExactly("Bride's family");
        assertThat(texts(api.get("alice", events.events() + "/" + sangeet + "?after=" + at).body().path("rules").path("exclude").path("sides")))
                .containsExactly("Groom's family");
        JsonNode feed = api.get("alice", base + "/audit?aggregateId=" + mehndi + "&after=" + at).body().path("items");
        assertThat(feed.get(0).path("type").asText()).as(feed.toString()).isEqualTo("AudienceRulesSet");
        assertThat(feed.get(0).path("memberId").asText()).as("attributed to the owner who renamed").isEqualTo("alice");
    }

    @Test
    void aSideInUse_cannotBeRemoved_andNothingElseOfTheRequestChanges() {
        Api.Response refused = api.patch("alice", base, Map.of("name", "Renamed", "sides", List.of("Bride", "Both")));
        assertProblem(refused, 409, "side-in-use");
        assertThat(refused.body().path("side").asText()).as(refused.body().toString()).isEqualTo("Groom");
        assertThat(api.get("alice", base).body().path("name").asText()).isNotEqualTo("Renamed");

        long at = ok(api.patch("alice", base, Map.of("sides", List.of("Bride", "Groom", "Friends"))));
        assertThat(texts(api.get("alice", base + "?after=" + at).body().path("sides"))).containsExactly("Bride", "Groom", "Friends");
        assertProblem(api.patch("alice", base, Map.of("sides", List.of("Groom"))), 409, "side-in-use");
    }

    @Test
    void anEditor_aViewer_get403_aStrangerAndAnUnknownWorkspace_404_andAStaleIfMatch_412() {
        assertProblem(api.patch("eddie", base, Map.of("name", "X")), 403, "forbidden");
        assertProblem(api.patch("victor", base, Map.of("name", "X")), 403, "forbidden");
        assertProblem(api.patch("mallory", base, Map.of("name", "X")), 404, "not-found");
        assertProblem(api.patch("alice", "/api/v1/workspaces/" + UUID.randomUUID(), Map.of("name", "X")), 404, "not-found");
        assertProblem(api.send("alice", "PATCH", base, Map.of("name", "X"), Map.of("If-Match", "\"0\"")), 412, "precondition-failed");
    }

    private String unit(String name, String side) {
        Api.Response created = api.post("alice", base + "/units", Map.of("name", name, "side", side));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    private static JsonNode lastOf(JsonNode page) {
        JsonNode items = page.path("items");
        return items.get(items.size() - 1);
    }

    private static List<String> unitIds(JsonNode audience) {
        return StreamSupport.stream(audience.path("items").spliterator(), false).map(i -> i.path("unitId").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
