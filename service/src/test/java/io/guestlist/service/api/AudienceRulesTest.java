package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.guestlist.service.support.Occasions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * SPEC §5's membership rule over a table of cases, through the whole service and the real
 * database: each case is a new event over the same units, with its rules and overrides, and the
 * audience it must read back (name and reason, in name order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceRulesTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AudienceRulesTest.class, registry);
    }

    private Occasions events;
    private final Map<String, String> units = new HashMap<>();
    private long settled;

    /** Six households in a workspace of their own; Farooq is archived. */
    @BeforeAll
    void theHouseholds() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        events = new Occasions(api, "alice", workspace);
        units.put("Ananya", events.aUnit("Ananya", "Bride", List.of("family", "college")));
        units.put("Bose", events.aUnit("Bose", "Groom", List.of("family")));
        units.put("Chopra", events.aUnit("Chopra", "Bride", List.of("college")));
        units.put("Dutta", events.aUnit("Dutta", "Both", List.of()));
        units.put("Eapen", events.aUnit("Eapen", "Groom", List.of("family", "no-kids-event")));
        units.put("Farooq", events.aUnit("Farooq", "Bride", List.of("family")));
        settled = ok(events.changeUnit(units.get("Farooq"), Map.of("status", "ARCHIVED")));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("include by side", include("sides", List.of("Bride")), List.of(), "Ananya:RULE Chopra:RULE"),
                arguments("include by tags ANY", include("tags", List.of("family", "college")), List.of(),
                        "Ananya:RULE Bose:RULE Chopra:RULE Eapen:RULE"),
                arguments("include by tags ALL", include("tags", List.of("family", "college"), "tagMatch", "ALL"), List.of(), "Ananya:RULE"),
                arguments("side AND tags", include("sides", List.of("Groom"), "tags", List.of("family")), List.of(), "Bose:RULE Eapen:RULE"),
                arguments("all takes every active unit", include("all", true), List.of(),
                        "Ananya:RULE Bose:RULE Chopra:RULE Dutta:RULE Eapen:RULE"),
                arguments("all with a side is that side", include("all", true, "sides", List.of("Both")), List.of(), "Dutta:RULE"),
                arguments("include of nothing selects nothing", include("all", false), List.of(), ""),
                arguments("exclude by tag", rules(Map.of("all", true), Map.of("tags", List.of("no-kids-event"))), List.of(),
                        "Ananya:RULE Bose:RULE Chopra:RULE Dutta:RULE"),
                arguments("exclude by side", rules(Map.of("tags", List.of("family")), Map.of("sides", List.of("Groom"))), List.of(), "Ananya:RULE"),
                arguments("any exclude criterion excludes", rules(Map.of("all", true), Map.of("sides", List.of("Both"), "tags", List.of("college"))),
                        List.of(), "Bose:RULE Eapen:RULE"),
                arguments("force include of an archived unit stays out", include("tags", List.of("college")), List.of("Farooq=FORCE_INCLUDE"),
                        "Ananya:RULE Chopra:RULE"),
                arguments("force include beats no match", include("tags", List.of("college")), List.of("Dutta=FORCE_INCLUDE"),
                        "Ananya:RULE Chopra:RULE Dutta:FORCE_INCLUDE"),
                arguments("force include beats an exclude", rules(Map.of("all", true), Map.of("tags", List.of("no-kids-event"))),
                        List.of("Eapen=FORCE_INCLUDE"), "Ananya:RULE Bose:RULE Chopra:RULE Dutta:RULE Eapen:FORCE_INCLUDE"),
                arguments("force include of a matching unit says so", include("sides", List.of("Bride")), List.of("Ananya=FORCE_INCLUDE"),
                        "Ananya:FORCE_INCLUDE Chopra:RULE"),
                arguments("force exclude", include("all", true), List.of("Bose=FORCE_EXCLUDE"), "Ananya:RULE Chopra:RULE Dutta:RULE Eapen:RULE"),
                arguments("cleared override", include("all", true), List.of("Bose=FORCE_EXCLUDE", "Bose=CLEAR"),
                        "Ananya:RULE Bose:RULE Chopra:RULE Dutta:RULE Eapen:RULE"),
                arguments("later override replaces earlier", include("all", false), List.of("Bose=FORCE_EXCLUDE", "Bose=FORCE_INCLUDE"),
                        "Bose:FORCE_INCLUDE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void audienceFollowsTheRule(String name, Map<String, Object> rules, List<String> overrides, String expected) {
        String event = events.anEvent(name);
        long last = Math.max(settled, ok(events.setRules(event, rules)));
        for (String override : overrides) {
            String[] unitAndMode = override.split("=");
            String unit = units.get(unitAndMode[0]);
            last = ok("CLEAR".equals(unitAndMode[1]) ? events.clearOverride(event, unit) : events.override(event, unit, unitAndMode[1]));
        }
        assertThat(audience(events, event, last)).isEqualTo(expected);
    }

    @Test
    void unitThatChangesSideTagsOrStatus_movesInAndOutWithoutFurtherCommands() {
        Api api = api();
        Occasions events = new Occasions(api, "bob", new GuestList(api).aWorkspaceOwnedBy("bob"));
        String vip = events.anEvent("VIP dinner");
        String ghosh = events.aUnit("Ghosh", "Groom", List.of("college"));
        long last = ok(events.setRules(vip, rules(Map.of("tags", List.of("vip")), Map.of("sides", List.of("Bride")))));
        assertThat(audience(events, vip, last)).isEmpty();

        last = ok(events.changeUnit(ghosh, Map.of("tags", List.of("college", "vip"))));
        assertThat(audience(events, vip, last)).isEqualTo("Ghosh:RULE");

        last = ok(events.changeUnit(ghosh, Map.of("side", "Bride")));
        assertThat(audience(events, vip, last)).as("now excluded by side").isEmpty();

        last = ok(events.changeUnit(ghosh, Map.of("side", "Groom", "name", "Ghosh family")));
        assertThat(audience(events, vip, last)).isEqualTo("Ghosh family:RULE");

        last = ok(events.changeUnit(ghosh, Map.of("status", "ARCHIVED")));
        assertThat(audience(events, vip, last)).isEmpty();

        last = ok(events.changeUnit(ghosh, Map.of("status", "ACTIVE")));
        assertThat(audience(events, vip, last)).isEqualTo("Ghosh family:RULE");

        last = ok(events.changeUnit(ghosh, Map.of("tags", List.of("college"))));
        assertThat(audience(events, vip, last)).isEmpty();
    }

    /** The audience as "Name:REASON" in page order, separated by spaces. */
    private static String audience(Occasions events, String event, long after) {
        Api.Response response = events.audience(event, after, "size=500");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        StringBuilder out = new StringBuilder();
        for (JsonNode item : response.body().path("items")) {
            out.append(out.isEmpty() ? "" : " ").append(item.path("name").asText()).append(':').append(item.path("reason").asText());
        }
        return out.toString();
    }

    private static Map<String, Object> include(Object... keysAndValues) {
        Map<String, Object> include = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            include.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("include", include);
    }

    private static Map<String, Object> rules(Map<String, Object> include, Map<String, Object> exclude) {
        return Map.of("include", include, "exclude", exclude);
    }
}
