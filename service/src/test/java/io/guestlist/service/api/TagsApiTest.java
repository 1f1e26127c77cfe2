package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET …/tags} counts the units that carry each tag; {@code POST …/tags/{tag}/rename} renames it on all of them
 * and in the audience rules that name it.
 */
class TagsApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(TagsApiTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private String workspace;
    private String base;
    private String sharmas;
    private String kapoors;
    private String vermas;
    private long last;

    @BeforeEach
    void unitsWithTags() {
        api = api();
        GuestList guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
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
    void aRenamesAnswer_coversTheEventOfEveryUnitAndEventItRenamedIn_thoughItSentACommandToEach() {
        Occasions events = new Occasions(api, "alice", workspace);
        String sangeet = events.anEvent("Sangeet");
        ok(events.setRules(sangeet, Map.of("include", Map.of("tags", List.of("college")))));

        long renamed = ok(api.post("eddie", base + "/tags/college/rename", Map.of("to", "College friends")));

        for (String changed : List.of(sharmas, kapoors, sangeet)) {
            Long newest = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, changed);
            assertThat(renamed).as("the rename's event of %s", changed).isGreaterThanOrEqualTo(newest);
        }
    }

    @Test
    void aRename_isCarriedOverToTheAudienceRulesThatNameTheTag_soTheAudienceKeepsItsUnits() {
        Occasions events = new Occasions(api, "alice", workspace);
        String iyers = unit("The Iyers", "college");
        String sangeet = events.anEvent("Sangeet");
        String mehndi = events.anEvent("Mehndi");
        long before = ok(events.setRules(sangeet, Map.of("include", Map.of("tags", List.of("college")), "exclude", Map.of("tags", List.of("vip")))));
        before = Math.max(before, ok(events.setRules(mehndi, Map.of("include", Map.of("tags", List.of("family", "nobody-yet"))))));
        assertThat(unitIds(events.audience(sangeet, before, "").body())).as("college, not vip, active").containsExactly(iyers);
        assertThat(unitIds(events.audience(mehndi, before, "").body())).containsExactly(vermas);

        Api.Response college = api.post("eddie", base + "/tags/college/rename", Map.of("to", "College friends"));
        assertThat(college.status()).as(college.body().toString()).isEqualTo(200);
        assertThat(college.body().path("units").asInt()).isEqualTo(3);
        assertThat(college.body().path("events").asInt()).isEqualTo(1);
        Api.Response vip = api.post("eddie", base + "/tags/vip/rename", Map.of("to", "VIP"));
        assertThat(vip.status()).as(vip.body().toString()).isEqualTo(200);
        long at = Math.max(college.position(), vip.position());

        assertThat(unitIds(events.audience(sangeet, at, "").body())).as("the same units: the renamed include and exclude both followed")
                .containsExactly(iyers);
        JsonNode rules = api.get("alice", events.events() + "/" + sangeet + "?after=" + at).body().path("rules");
        assertThat(rules.path("include").path("tags").toString()).isEqualTo("[\"College friends\"]");
        assertThat(rules.path("exclude").path("tags").toString()).isEqualTo("[\"VIP\"]");
        JsonNode feed = api.get("alice", base + "/audit?aggregateId=" + sangeet + "&after=" + at).body().path("items");
        assertThat(feed.get(0).path("type").asText()).as(feed.toString()).isEqualTo("AudienceRulesSet");
        assertThat(feed.get(0).path("memberId").asText()).as("attributed to the member who renamed").isEqualTo("eddie");
        assertThat(unitIds(events.audience(mehndi, at, "").body())).as("rules not naming the renamed tags unchanged").containsExactly(vermas);

        Api.Response onlyInRules = api.post("alice", base + "/tags/nobody-yet/rename", Map.of("to", "later"));
        assertThat(onlyInRules.status()).as("a tag only rules name is still renamed there").isEqualTo(200);
        assertThat(onlyInRules.body().path("units").asInt()).isZero();
        assertThat(onlyInRules.body().path("events").asInt()).isEqualTo(1);
        assertThat(api.get("alice", events.events() + "/" + mehndi + "?after=" + onlyInRules.position()).body()
                .path("rules").path("include").path("tags").toString()).isEqualTo("[\"family\",\"later\"]");
    }

    @Test
    void aRename_asAViewer_is403_asAStranger_is404_ofATagNoUnitCarries_is404_andToBlank_is400() {
        assertProblem(api.post("victor", base + "/tags/college/rename", Map.of("to", "x")), 403, "forbidden");
        assertProblem(api.post("mallory", base + "/tags/college/rename", Map.of("to", "x")), 404, "not-found");
        assertProblem(api.post("alice", "/api/v1/workspaces/" + UUID.randomUUID() + "/tags/college/rename", Map.of("to", "x")), 404, "not-found");
        assertProblem(api.post("alice", base + "/tags/nobody/rename", Map.of("to", "x")), 404, "not-found");
        assertProblem(api.post("alice", base + "/tags/college/rename", Map.of("to", " ")), 400, "validation");
    }

    private static List<String> unitIds(JsonNode audience) {
        return StreamSupport.stream(audience.path("items").spliterator(), false).map(i -> i.path("unitId").asText()).toList();
    }

    private String unit(String name, String... tags) {
        Api.Response created = api.post("alice", base + "/units", Map.of("name", name, "tags", List.of(tags)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }
}
