package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static io.guestlist.service.support.Occasions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild of every projection on a populated database equals the live read model, which answers throughout. */
class RebuildApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(RebuildApiTest.class, registry);
        registry.add("guestlist.operators", () -> "ops, root");
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildOfAll_equalsTheLiveReadModel_whileQueriesKeepAnswering() throws Exception {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        String base = "/api/v1/workspaces/" + workspace;
        Occasions events = new Occasions(api, "alice", workspace);
        String run = importCsv(base, csv(1500));
        String mehndi = events.anEvent("Mehndi");
        ok(events.setRules(mehndi, Map.of("include", Map.of("sides", List.of("Bride"), "tags", List.of("family", "vip")),
                "exclude", Map.of("tags", List.of("work")))));
        String unit = events.aUnit("Walk-in", "Groom", List.of("vip"));
        String person = guests.addPerson("alice", workspace, unit, "Walk In", "098111 99999").id();
        ok(events.override(mehndi, unit, "FORCE_INCLUDE"));
        String other = events.aUnit("Other", "Bride", List.of());
        api.post("alice", base + "/people/" + person + "/move", Map.of("unitId", other));
        awaitCompleted(api, base, run);

        assertProblem(api.post("alice", "/api/v1/operations/rebuild?projection=all", null), 403, "forbidden");
        assertProblem(api.post("ops", "/api/v1/operations/rebuild?projection=nonsense", null), 400, "validation");

        Api.Response started = api.post("ops", "/api/v1/operations/rebuild?projection=all", null);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        int answered = 0;
        JsonNode status;
        do {
            for (String path : List.of(base + "/units?size=20", base + "/events/" + mehndi + "/audience", base + "/audit")) {
                Api.Response response = api.get("alice", path);
                assertThat(response.status()).as(path).isEqualTo(200);
                answered++;
            }
            status = api.get("root", "/api/v1/operations/rebuild/" + started.id()).body();
        } while (status.path("state").asText().matches("RUNNING|COMPARING"));

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("equal").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("groups")).hasSize(4);
        assertThat(status.path("differences")).hasSize(16);
        assertThat(status.path("eventsDone").asLong()).isEqualTo(status.path("eventsTotal").asLong()).isGreaterThan(1000);
        assertThat(answered).isPositive();

        JsonNode ceiling = awaitDone(api, api.post("ops", "/api/v1/operations/rebuild?projection=none", null).id());
        assertThat(ceiling.path("state").asText()).isEqualTo("DONE");
        assertThat(ceiling.path("eventsDone").asLong()).isEqualTo(status.path("eventsTotal").asLong());
    }

    @Test
    void aRebuildOfOneGroup_findsADifferenceInTheLiveTables() throws Exception {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        long position = new Occasions(api, "alice", workspace).changeUnit(
                new Occasions(api, "alice", workspace).aUnit("Tampered", "Bride", List.of()), Map.of("name", "Renamed")).position();
        api.get("alice", "/api/v1/workspaces/" + workspace + "/units?after=" + position);
        jdbc.update("UPDATE guest_units SET name = 'Tampered by hand' WHERE name = 'Renamed'");
        JsonNode status;
        try {
            status = awaitDone(api, api.post("ops", "/api/v1/operations/rebuild?projection=guest-list", null).id());
        } finally {
            jdbc.update("UPDATE guest_units SET name = 'Renamed' WHERE name = 'Tampered by hand'");
        }
        assertThat(status.path("equal").asBoolean()).as(status.toString()).isFalse();
        JsonNode units = List.copyOf(status.path("differences").findParents("table")).stream()
                .filter(d -> d.path("table").asText().equals("guest_units")).findFirst().orElseThrow();
        assertThat(units.path("onlyInRebuilt").asLong()).isEqualTo(1);
        assertThat(units.path("onlyInLive").asLong()).isEqualTo(1);
    }

    private static JsonNode awaitDone(Api api, String id) {
        return await("rebuild " + id + " finished").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("ops", "/api/v1/operations/rebuild/" + id).body(),
                        status -> !status.path("state").asText().matches("RUNNING|COMPARING"));
    }

    private static void awaitCompleted(Api api, String base, String run) {
        await("import " + run + " completed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(api.get("alice", base + "/imports/" + run).body().path("status").asText()));
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("Name,Phone,Household,Side,Tags\n");
        String[] sides = {"Bride", "Groom", "Both"};
        String[] tags = {"family", "vip|family", "work", ""};
        for (int i = 0; i < rows; i++) {
            csv.append("Guest ").append(i).append(',').append(i % 17 == 0 ? "" : "09811" + String.format("%06d", i)).append(',')
                    .append("Household ").append(i / 3).append(',').append(sides[(i / 3) % 3]).append(',')
                    .append(tags[(i / 3) % 4]).append('\n');
        }
        return csv.toString();
    }

    private String importCsv(String base, String csv) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/imports?channel=CSV"))
                .header("Authorization", "Bearer " + Api.tokenFor("alice")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new ObjectMapper().readTree(response.body()).path("id").asText();
    }
}
