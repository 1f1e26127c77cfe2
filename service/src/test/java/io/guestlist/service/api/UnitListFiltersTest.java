package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.guestlist.service.support.Occasions.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit list's {@code side}, {@code tag} and {@code q} filters, alone and together: {@code q} is a
 * substring of the name in any case, taken literally (its {@code %} and {@code _} too), whether it is
 * shorter than a trigram or not; {@code tag} follows additions, removals and renames; {@code total}
 * counts what the pages list.
 */
class UnitListFiltersTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(UnitListFiltersTest.class, registry);
    }

    @Test
    void sideTagAndQ_findTheUnitsTheyName_andTheTagFollowsItsChanges() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        Occasions steps = new Occasions(api, "alice", workspace);
        String base = "/api/v1/workspaces/" + workspace + "/units?size=500";
        steps.aUnit("The Sharmas", "Bride", List.of("family", "vip"));
        steps.aUnit("Sharma 50%", "Groom", List.of("family"));
        String underscore = steps.aUnit("The Shar_mas", "Groom", List.of("work"));
        steps.aUnit("Bose", "Groom", List.of("family", "college"));
        long last = ok(steps.changeUnit(underscore, Map.of("tags", List.of("work", "family"))));
        api.get("alice", base + "&after=" + last);

        assertThat(names(api, base + "&q=SHAR")).containsExactly("Sharma 50%", "The Shar_mas", "The Sharmas");
        assertThat(names(api, base + "&q=sh")).as("shorter than a trigram").containsExactly("Sharma 50%", "The Shar_mas", "The Sharmas");
        assertThat(names(api, base + "&q=" + encoded("_ma"))).as("_ taken literally").containsExactly("The Shar_mas");
        assertThat(names(api, base + "&q=" + encoded("%"))).as("% taken literally").containsExactly("Sharma 50%");
        assertThat(names(api, base + "&q=" + encoded("50%"))).containsExactly("Sharma 50%");
        assertThat(names(api, base + "&side=Groom&tag=family&q=sh")).containsExactly("Sharma 50%", "The Shar_mas");
        assertThat(names(api, base + "&side=Groom&tag=family&q=shar")).containsExactly("Sharma 50%", "The Shar_mas");
        assertThat(names(api, base + "&side=Groom&tag=family")).containsExactly("Bose", "Sharma 50%", "The Shar_mas");
        assertThat(names(api, base + "&tag=vip")).containsExactly("The Sharmas");

        Api.Response renamed = api.post("alice", "/api/v1/workspaces/" + workspace + "/tags/family/rename", Map.of("to", "family & friends"));
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        last = Math.max(renamed.position(), ok(steps.changeUnit(underscore, Map.of("tags", List.of("work")))));
        api.get("alice", base + "&after=" + last);

        assertThat(names(api, base + "&tag=family")).isEmpty();
        assertThat(names(api, base + "&side=Groom&tag=" + encoded("family & friends") + "&q=s")).containsExactly("Bose", "Sharma 50%");
        JsonNode bose = api.get("alice", base + "&q=bose").body().path("items").get(0);
        assertThat(bose.path("tags").toString()).isEqualTo("[\"college\",\"family & friends\"]");
    }

    /** The names of one page, after checking that {@code total} counts them. */
    private static List<String> names(Api api, String path) {
        JsonNode page = api.get("alice", path).body();
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asText()));
        assertThat(page.path("total").asLong()).as(path).isEqualTo(names.size());
        return names;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
