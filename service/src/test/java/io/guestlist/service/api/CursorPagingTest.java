package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages: following {@code next} from the first page walks the whole list once, in the order
 * of one big page, for the unit list and for an audience, with names that sort equal when lowered.
 */
class CursorPagingTest extends ServiceTest {

    private static final List<String> NAMES = List.of("anna", "Anna", "ANNA", "Ärzte", "Bose", "bose", "Zoë", "zz", "Mehta", "ā", "10 Downing");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(CursorPagingTest.class, registry);
    }

    @Test
    void followingNext_walksTheUnitListAndAnAudienceOnce_inTheOrderOfOneBigPage() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        Occasions events = new Occasions(api, "alice", workspace);
        String base = "/api/v1/workspaces/" + workspace;
        String event = events.anEvent("Sangeet");
        NAMES.forEach(name -> events.aUnit(name, "Bride", List.of("family")));
        events.aUnit("Not invited", "Groom", List.of());
        long last = ok(events.setRules(event, Map.of("include", Map.of("sides", List.of("Bride")))));

        List<String> units = ids(api.get("alice", base + "/units?size=500&after=" + last).body());
        assertThat(units).hasSize(NAMES.size() + 1);
        assertThat(walk(cursor -> api.get("alice", base + "/units?size=3&side=Bride" + cursor).body()))
                .isEqualTo(ids(api.get("alice", base + "/units?size=500&side=Bride").body()))
                .hasSize(NAMES.size());
        assertThat(walk(cursor -> api.get("alice", base + "/units?size=2" + cursor).body())).isEqualTo(units);

        List<String> audience = ids(events.audience(event, last, "size=500").body());
        assertThat(audience).hasSize(NAMES.size());
        assertThat(walk(cursor -> events.audience(event, last, "size=4" + cursor).body())).isEqualTo(audience);
        assertThat(events.audience(event, last, "size=500").body().path("next").isNull()).as("the last page has no next").isTrue();

        assertProblem(api.get("alice", base + "/units?cursor=not-a-cursor"), 400, "validation");
        assertProblem(events.audience(event, last, "cursor=%25%25"), 400, "validation");
    }

    /** Every unit id of the list, page after page by {@code next}, starting with no cursor. */
    private static List<String> walk(Function<String, JsonNode> page) {
        List<String> seen = new ArrayList<>();
        JsonNode current = page.apply("");
        while (true) {
            seen.addAll(ids(current));
            if (current.path("next").isNull()) {
                return seen;
            }
            current = page.apply("&cursor=" + current.path("next").asText());
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.has("unitId") ? item.path("unitId").asText() : item.path("id").asText()));
        return ids;
    }
}
