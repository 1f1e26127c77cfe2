package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.guestlist.service.api.AuditApiTest.pause;
import static io.guestlist.service.support.Occasions.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's audience as of an instant equals the live audience as it was read at that instant:
 * the in-memory rule (as of) and the SQL rule (live) agree over mixed rules, overrides, archived
 * units and units that change side and tags.
 */
class AudienceAsOfApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AudienceAsOfApiTest.class, registry);
    }

    @Test
    void audienceAsOfEachInstant_equalsTheLiveAudienceReadThen() throws Exception {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        Occasions events = new Occasions(api, "alice", workspace);
        String ananya = events.aUnit("Ananya", "Bride", List.of("family", "college"));
        String bose = events.aUnit("bose", "Groom", List.of("family"));
        String chopra = events.aUnit("Chopra", "Bride", List.of("college"));
        events.aUnit("Dutta", "Both", List.of());
        events.aUnit("Eapen", "Groom", List.of("family", "no-kids-event"));
        String farooq = events.aUnit("Farooq", "Bride", List.of("family"));
        guests.addPerson("alice", workspace, ananya, "Ananya", "098111 00001");
        guests.addPerson("alice", workspace, bose, "Bose", null);
        String mehndi = events.anEvent("Mehndi");
        String sangeet = events.anEvent("Sangeet");
        ok(events.changeUnit(farooq, Map.of("status", "ARCHIVED")));

        Map<Instant, Map<String, JsonNode>> seen = new LinkedHashMap<>();
        List<Map<String, Object>> steps = List.of(
                Map.of("rules", Map.of("include", Map.of("sides", List.of("Bride")), "exclude", Map.of("tags", List.of("college"))),
                        "sangeet", Map.of("include", Map.of("all", true), "exclude", Map.of("sides", List.of("Groom")))),
                Map.of("rules", Map.of("include", Map.of("tags", List.of("family", "college"), "tagMatch", "ALL"))),
                Map.of("rules", Map.of("include", Map.of("tags", List.of("family", "college"), "tagMatch", "ANY"),
                        "exclude", Map.of("tags", List.of("no-kids-event")))),
                Map.of("override", List.of(chopra, "FORCE_EXCLUDE"), "overrideFarooq", List.of(farooq, "FORCE_INCLUDE")),
                Map.of("unit", Map.of("tags", List.of("vip"), "side", "Groom")),
                Map.of("clear", chopra));
        for (Map<String, Object> step : steps) {
            long position = apply(events, mehndi, sangeet, chopra, farooq, step);
            Map<String, JsonNode> live = new LinkedHashMap<>();
            for (String event : List.of(mehndi, sangeet)) {
                live.put(event, events.audience(event, position, "").body());
                live.put(event + "?inviteable", events.audience(event, position, "inviteable=true").body());
            }
            seen.put(pause(), live);
        }
        long settled = ok(events.changeUnit(ananya, Map.of("name", "Ananya R")));
        seen.forEach((at, live) -> live.forEach((key, page) -> {
            String[] parts = key.split("\\?");
            String query = "asOf=" + at + (parts.length > 1 ? "&inviteable=true" : "");
            JsonNode then = events.audience(parts[0], settled, query).body();
            assertThat(then).as(key + " at " + at).isEqualTo(page);
        }));
        assertThat(seen.values().stream().mapToLong(l -> l.get(mehndi).path("total").asLong()).distinct().count()).isGreaterThan(2);
    }

    /** A unit without a side once made {@code AudienceRules.matches} throw, so any include rule answered 500. */
    @Test
    void aUnitWithoutASide_isJudgedAsOfAnInstant_asTheLiveAudienceJudgesIt() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("bea");
        Occasions events = new Occasions(api, "bea", workspace);
        events.aUnit("No side, family", null, List.of("family"));
        events.aUnit("No side, no tags", null, List.of());
        events.aUnit("Bride, family", "Bride", List.of("family"));
        String haldi = events.anEvent("Haldi");
        for (Object rules : List.of(
                Map.of("include", Map.of("sides", List.of("Bride"))),
                Map.of("include", Map.of("tags", List.of("family"))),
                Map.of("include", Map.of("all", true), "exclude", Map.of("sides", List.of("Groom"))),
                Map.of("include", Map.of("sides", List.of("Bride"), "tags", List.of("family"), "tagMatch", "ALL")))) {
            long position = ok(events.setRules(haldi, rules));
            Api.Response live = events.audience(haldi, position, "");
            Api.Response then = events.audience(haldi, position, "asOf=" + Instant.now());
            assertThat(then.status()).as(rules + ": " + then.body()).isEqualTo(200);
            assertThat(then.body()).as(rules.toString()).isEqualTo(live.body());
        }
    }

    private static long apply(Occasions events, String mehndi, String sangeet, String chopra, String farooq,
                              Map<String, Object> step) {
        long position = 0;
        if (step.containsKey("rules")) {
            position = ok(events.setRules(mehndi, step.get("rules")));
        }
        if (step.containsKey("sangeet")) {
            position = ok(events.setRules(sangeet, step.get("sangeet")));
        }
        if (step.containsKey("override")) {
            ok(events.override(mehndi, chopra, "FORCE_EXCLUDE"));
            position = ok(events.override(mehndi, farooq, "FORCE_INCLUDE"));
        }
        if (step.containsKey("unit")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> change = (Map<String, Object>) step.get("unit");
            position = ok(events.changeUnit(chopra, change));
        }
        if (step.containsKey("clear")) {
            position = ok(events.clearOverride(mehndi, chopra));
        }
        return position;
    }
}
