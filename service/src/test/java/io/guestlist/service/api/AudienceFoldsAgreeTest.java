package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.kernel.guestunit.GuestUnitEvent;
import io.guestlist.kernel.occasion.OccasionEvent;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.Occasions.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audience rule is judged twice: in SQL by the audience projection, set-based over the units and
 * events a batch touched, and in Java by {@code AudienceRules.reason} over units and events folded
 * from the store for reads as of an instant. After every kind of event and unit event (rules set
 * directly and by side and tag renames, overrides set and cleared, units that change side, tags,
 * name and status, merge or are discarded by an import's undo), the live audience and the audience
 * as of now are the same page, inviteable units alone too.
 */
class AudienceFoldsAgreeTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AudienceFoldsAgreeTest.class, registry);
    }

    private Occasions events;
    private String mehndi;
    private final Set<String> audiences = new TreeSet<>();
    private final Set<String> reasons = new TreeSet<>();

    @Test
    void everyEventAndUnitEvent_leavesTheLiveAudienceEqualToTheAudienceFoldedFromEvents() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        String base = "/api/v1/workspaces/" + workspace;
        events = new Occasions(api, "alice", workspace);
        String ananya = events.aUnit("Ananya", "Bride", List.of("family", "college"));
        String bose = events.aUnit("bose", "Groom", List.of("family"));
        String chopra = events.aUnit("Chopra", "Bride", List.of("college"));
        String dutta = events.aUnit("Dutta", null, List.of());
        ok(guests.addPerson("alice", workspace, ananya, "Ananya", "098111 00001"));
        Api.Response created = api.post("alice", events.events(), Map.of("name", "Mehndi"));
        mehndi = created.id();
        agree(ok(created));

        agree(ok(events.setRules(mehndi, Map.of("include", Map.of("sides", List.of("Bride")), "exclude", Map.of("tags", List.of("college"))))));
        agree(ok(events.setRules(mehndi, Map.of("include", Map.of("tags", List.of("family", "college"), "tagMatch", "ALL")))));
        agree(ok(events.setRules(mehndi, Map.of("include", Map.of("tags", List.of("family", "college")), "exclude", Map.of("sides", List.of("Groom"))))));
        agree(ok(events.override(mehndi, chopra, "FORCE_EXCLUDE")));
        agree(ok(events.override(mehndi, bose, "FORCE_INCLUDE")));
        agree(ok(events.clearOverride(mehndi, chopra)));
        agree(ok(events.changeUnit(dutta, Map.of("side", "Bride", "tags", List.of("family")))));
        agree(ok(events.changeUnit(dutta, Map.of("name", "Aaron Dutta", "tags", List.of()))));
        String aaron = api.post("alice", base + "/units/" + dutta + "/members", Map.of("name", "Aaron", "phone", "098111 00002")).id();
        agree(ok(api.put("alice", base + "/units/" + dutta + "/primary-contact", Map.of("personId", aaron))));
        agree(ok(events.changeUnit(ananya, Map.of("status", "ARCHIVED"))));
        agree(ok(events.changeUnit(ananya, Map.of("status", "ACTIVE"))));
        agree(ok(api.post("alice", base + "/tags/family/rename", Map.of("to", "Family"))));
        agree(ok(events.setRules(mehndi, Map.of("include", Map.of("sides", List.of("Bride")), "exclude", Map.of("tags", List.of("Family"))))));
        agree(ok(api.patch("alice", base, Map.of("sides", List.of("Bride's family", "Groom", "Both"), "renamedSides", Map.of("Bride", "Bride's family")))));
        agree(ok(api.post("alice", base + "/units/" + chopra + "/merge", Map.of("intoUnitId", bose))));
        agree(ok(events.setRules(mehndi, Map.of("include", Map.of("all", true)))));
        UnitFoldsAgreeTest.importedThenUndone(api, base);
        agree(0); // the undo was read after already, in the same processing group as audiences
        agree(ok(api.patch("alice", events.events() + "/" + mehndi, Map.of("name", "Mehndi night"))));
        long last = ok(api.patch("alice", events.events() + "/" + mehndi, Map.of("status", "ARCHIVED")));
        agree(last);

        assertThat(audiences).as("the audience changed along the way").hasSizeGreaterThan(5);
        assertThat(reasons).containsExactly("FORCE_INCLUDE", "RULE");
        JsonNode feed = api.get("alice", base + "/audit?size=500&after=" + last).body().path("items");
        Set<String> seen = new TreeSet<>(StreamSupport.stream(feed.spliterator(), false).map(i -> i.path("type").asText()).toList());
        assertThat(seen).as("every kind of event and unit event went through both").containsAll(
                Stream.of(OccasionEvent.class, GuestUnitEvent.class).flatMap(t -> Stream.of(t.getPermittedSubclasses()))
                        .map(c -> c.getSimpleName().replaceFirst("Event$", "")).toList());
    }

    /** The audience page, all of it and its inviteable units alone, live and as of now, is the same. */
    private void agree(long after) {
        for (String query : List.of("", "inviteable=true")) {
            Api.Response live = events.audience(mehndi, after, query);
            assertThat(live.status()).as(live.body().toString()).isEqualTo(200);
            Api.Response folded = events.audience(mehndi, after, "asOf=" + Instant.now() + (query.isEmpty() ? "" : "&" + query));
            assertThat(folded.status()).as(folded.body().toString()).isEqualTo(200);
            assertThat(folded.body()).as("as of now, " + query).isEqualTo(live.body());
            audiences.add(live.body().path("items").findValuesAsText("unitId").toString());
            live.body().path("items").forEach(unit -> reasons.add(unit.path("reason").asText()));
        }
    }
}
