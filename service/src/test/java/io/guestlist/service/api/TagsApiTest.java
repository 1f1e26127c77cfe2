package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET …/tags} counts the units that carry each tag; {@code POST …/tags/{tag}/rename} renames it on all of them. */
class TagsApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(TagsApiTest.class, registry);
    }

    private Api api;
    private String base;
    private String sharmas;
    private String kapoors;
    private String vermas;
    private long last;

    @BeforeEach
    void unitsWithTags() {
        api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        base = "/api/v1/workspaces/" + workspace;
        sharmas = unit("The Sharmas", "college", "vip");
        kapoors = unit("The Kapoors", "college");
        vermas = unit("The Vermas", "family", "friends");
        last = ok(api.patch("alice", base + "/units/" + kapoors, Map.of("status", "ARCHIVED")));
    }

    @Test
    void eachTag_withItsActiveAndArchivedUnits() {
        JsonNode tags = api.get("victor", base + "/tags?after=" + last).body().path("items");
        assertThat(tags.toString()).isEqualTo("""
                [{"tag":"college","units":1,"archivedUnits":1},{"tag":"family","units":1,"archivedUnits":0},\
                {"tag":"friends","units":1,"archivedUnits":0},{"tag":"vip","units":1,"archivedUnits":0}]""");
        assertProblem(api.get("mallory", base + "/tags"), 404, "not-found");
    }

    @Test
    void aRename_reachesEveryUnitThatCarriesTheTag_attributed() {
        Api.Response renamed = api.post("eddie", base + "/tags/college/rename", Map.of("to", "College friends"));
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(renamed.body().path("units").asInt()).isEqualTo(2);
        long at = renamed.position();

        for (String unit : List.of(sharmas, kapoors)) {
            JsonNode read = api.get("alice", base + "/units/" + unit + "?after=" + at).body();
            assertThat(read.path("tags").toString()).as(read.toString()).contains("College friends").doesNotContain("\"college\"");
            JsonNode history = api.get("alice", base + "/units/" + unit + "/history?size=100&after=" + at).body().path("items");
            JsonNode lastEvent = history.get(history.size() - 1);
            assertThat(lastEvent.path("type").asText()).isEqualTo("UnitTagsAdded");
            assertThat(lastEvent.path("memberId").asText()).isEqualTo("eddie");
        }
        JsonNode tags = api.get("alice", base + "/tags?after=" + at).body().path("items");
        assertThat(tags.get(0).path("tag").asText()).isEqualTo("College friends");
        assertThat(tags.get(0).path("units").asLong() + tags.get(0).path("archivedUnits").asLong()).isEqualTo(2);

        Api.Response merged = api.post("alice", base + "/tags/friends/rename", Map.of("to", "family"));
        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        assertThat(api.get("alice", base + "/units/" + vermas + "?after=" + merged.position()).body().path("tags").toString())
                .isEqualTo("[\"family\"]");
    }

    @Test
    void aRename_asAViewer_is403_asAStranger_is404_ofATagNoUnitCarries_is404_andToBlank_is400() {
        assertProblem(api.post("victor", base + "/tags/college/rename", Map.of("to", "x")), 403, "forbidden");
        assertProblem(api.post("mallory", base + "/tags/college/rename", Map.of("to", "x")), 404, "not-found");
        assertProblem(api.post("alice", "/api/v1/workspaces/" + UUID.randomUUID() + "/tags/college/rename", Map.of("to", "x")), 404, "not-found");
        assertProblem(api.post("alice", base + "/tags/nobody/rename", Map.of("to", "x")), 404, "not-found");
        assertProblem(api.post("alice", base + "/tags/college/rename", Map.of("to", " ")), 400, "validation");
    }

    private String unit(String name, String... tags) {
        Api.Response created = api.post("alice", base + "/units", Map.of("name", name, "tags", List.of(tags)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }
}
