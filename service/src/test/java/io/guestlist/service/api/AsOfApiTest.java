package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static io.guestlist.service.api.AuditApiTest.pause;
import static org.assertj.core.api.Assertions.assertThat;

/** A unit as it stood at instants between commands, folded from the event store. */
class AsOfApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AsOfApiTest.class, registry);
    }

    @Test
    void aUnitRenamedAndAPersonMoved_readBackAsTheyWereAtEachInstant() throws Exception {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        String base = "/api/v1/workspaces/" + workspace;
        Instant beforeUnit = pause();
        String sharmas = guests.aUnit("alice", workspace, "The Sharmas");
        String anita = guests.addPerson("alice", workspace, sharmas, "Anita", "098111 22233").id();
        Instant created = pause();
        api.patch("alice", base + "/units/" + sharmas, Map.of("name", "Sharma Family", "side", "Bride"));
        Instant renamed = pause();
        String kapoors = guests.aUnit("alice", workspace, "The Kapoors");
        api.post("alice", base + "/people/" + anita + "/move", Map.of("unitId", kapoors));
        Instant moved = pause();
        Api.Response change = api.patch("alice", base + "/people/" + anita, Map.of("name", "Anita Kapoor"));
        assertThat(change.status()).as(change.body().toString()).isEqualTo(200);
        long last = change.position();
        Instant changed = pause();

        JsonNode atCreation = asOf(api, base, sharmas, created, last);
        assertThat(atCreation.path("name").asText()).isEqualTo("The Sharmas");
        assertThat(atCreation.path("side").isNull()).isTrue();
        assertThat(names(atCreation)).containsExactly("Anita");
        assertThat(atCreation.path("inviteTarget").asText()).isEqualTo("+919811122233");
        assertThat(atCreation.path("inviteable").asBoolean()).isTrue();

        JsonNode atRename = asOf(api, base, sharmas, renamed, last);
        assertThat(atRename.path("name").asText()).isEqualTo("Sharma Family");
        assertThat(atRename.path("side").asText()).isEqualTo("Bride");
        assertThat(names(atRename)).containsExactly("Anita");

        JsonNode afterMove = asOf(api, base, sharmas, moved, last);
        assertThat(names(afterMove)).isEmpty();
        assertThat(afterMove.path("notInviteableReason").asText()).isEqualTo("NO_MEMBERS");
        JsonNode kapoorsAfterMove = asOf(api, base, kapoors, moved, last);
        assertThat(names(kapoorsAfterMove)).containsExactly("Anita");
        assertThat(kapoorsAfterMove.path("members").get(0).path("phone").asText()).isEqualTo("+919811122233");

        JsonNode kapoorsNow = asOf(api, base, kapoors, changed, last);
        assertThat(names(kapoorsNow)).containsExactly("Anita Kapoor");
        assertThat(kapoorsNow.path("inviteTarget").asText()).isEqualTo("+919811122233");
        JsonNode live = api.get("alice", base + "/units/" + kapoors + "?after=" + last).body();
        assertThat(kapoorsNow).isEqualTo(live);

        assertProblem(api.get("alice", base + "/units/" + sharmas + "?asOf=" + beforeUnit), 404, "not-found");
        assertProblem(api.get("alice", base + "/units/" + sharmas + "?asOf=noon"), 400, "validation");
        String bobs = guests.aWorkspaceOwnedBy("bob");
        assertProblem(api.get("bob", "/api/v1/workspaces/" + bobs + "/units/" + sharmas + "?asOf=" + changed), 404, "not-found");
    }

    private static JsonNode asOf(Api api, String base, String unit, Instant at, long after) {
        Api.Response response = api.get("alice", base + "/units/" + unit + "?asOf=" + at + "&after=" + after);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> names(JsonNode unit) {
        return StreamSupport.stream(unit.path("members").spliterator(), false).map(m -> m.path("name").asText()).toList();
    }
}
