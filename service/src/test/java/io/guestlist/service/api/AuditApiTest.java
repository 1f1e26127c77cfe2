package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** History from the event store and the audit feed: attribution on every event, filters, and workspaces kept apart. */
class AuditApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AuditApiTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private GuestList guests;
    private String workspace;
    private String base;

    @BeforeEach
    void aWorkspace() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        base = "/api/v1/workspaces/" + workspace;
    }

    @Test
    void unitHistory_isEveryEventOldestFirst_withAttributionAndData() {
        String unit = guests.aUnit("alice", workspace, "The Sharmas");
        long changed = api.patch("alice", base + "/units/" + unit, Map.of("name", "The Sharma Family", "tags", List.of("family"))).position();

        JsonNode history = api.get("alice", base + "/units/" + unit + "/history?after=" + changed).body();
        List<JsonNode> items = items(history);
        assertThat(items).as(history.toString()).extracting(i -> i.path("type").asText())
                .containsExactly("UnitCreated", "UnitTagsAdded", "UnitRenamed");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.path("memberId").asText()).isEqualTo("alice");
            assertThat(i.path("correlationId").asText()).isNotBlank();
            assertThat(i.path("time").asText()).isNotBlank();
        });
        assertThat(items).extracting(i -> i.path("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(items.get(2).path("data").path("name").asText()).isEqualTo("The Sharma Family");
        assertThat(history.path("total").asLong()).isEqualTo(3);

        JsonNode second = api.get("alice", base + "/units/" + unit + "/history?page=1&size=2").body();
        assertThat(items(second)).extracting(i -> i.path("type").asText()).containsExactly("UnitRenamed");
    }

    @Test
    void history_ofAnotherWorkspacesAggregate_orOfTheWrongKind_isNotFound() {
        String bobs = guests.aWorkspaceOwnedBy("bob");
        String bobsUnit = guests.aUnit("bob", bobs, "Bob's family");
        String unit = guests.aUnit("alice", workspace, "Ours");
        api.get("bob", "/api/v1/workspaces/" + bobs + "/audit?after=" + guests.addPerson("bob", bobs, bobsUnit, "Bob", null).position());

        assertProblem(api.get("alice", base + "/units/" + bobsUnit + "/history"), 404, "not-found");
        assertProblem(api.get("alice", "/api/v1/workspaces/" + bobs + "/units/" + bobsUnit + "/history"), 404, "not-found");
        assertProblem(api.get("alice", base + "/people/" + unit + "/history"), 404, "not-found");
        assertThat(api.get("bob", "/api/v1/workspaces/" + bobs + "/units/" + bobsUnit + "/history").status()).isEqualTo(200);
    }

    @Test
    void auditFeed_newestFirst_attributed_neverAnotherWorkspace_andFiltered() throws Exception {
        String bobs = guests.aWorkspaceOwnedBy("bob");
        String bobsUnit = guests.aUnit("bob", bobs, "Bob's family");
        guests.addMember("alice", workspace, "erin", "EDITOR");
        String unit = guests.aUnit("alice", workspace, "The Kapoors");
        Instant between = pause();
        guests.aUnit("erin", workspace, "The Iyers");
        long position = guests.addPerson("alice", workspace, unit, "Anita Kapoor", "098111 22233").position();

        JsonNode feed = api.get("alice", base + "/audit?after=" + position).body();
        List<JsonNode> items = items(feed);
        assertThat(items).extracting(i -> i.path("type").asText())
                .containsExactly("PersonAdded", "UnitCreated", "UnitCreated", "MemberAdded", "WorkspaceCreated");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.path("memberId").asText()).isIn("alice", "erin");
            assertThat(i.path("correlationId").asText()).isNotBlank();
            assertThat(i.path("aggregateId").asText()).isNotEqualTo(bobsUnit).isNotEqualTo(bobs);
        });
        assertThat(items).extracting(i -> i.path("position").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        assertThat(types("aggregateId=" + unit)).containsExactly("UnitCreated");
        assertThat(types("memberId=erin")).containsExactly("UnitCreated");
        assertThat(types("from=" + between)).containsExactly("PersonAdded", "UnitCreated");
        assertThat(types("to=" + between)).containsExactly("UnitCreated", "MemberAdded", "WorkspaceCreated");
        assertProblem(api.get("alice", base + "/audit?from=yesterday"), 400, "validation");
        assertProblem(api.get("bob", base + "/audit"), 404, "not-found");

        String run = importCsv("Name,Phone,Household,Side,Tags\nRavi Nair,09811100001,The Nairs,Bride,family\n");
        JsonNode byRun = awaitRun(run);
        assertThat(items(byRun)).extracting(i -> i.path("type").asText())
                .contains("ImportReceived", "ImportRowsRecorded", "ImportCompleted", "UnitCreated", "PersonAdded");
        assertThat(items(byRun)).allSatisfy(i -> assertThat(i.path("correlationId").asText().equals(run)
                || i.path("aggregateId").asText().equals(run)).isTrue());
        JsonNode rows = items(api.get("alice", base + "/imports/" + run + "/history").body()).stream()
                .filter(i -> i.path("type").asText().equals("ImportRowsRecorded")).findFirst().orElseThrow();
        assertThat(rows.path("data").path("rowCount").asInt()).isEqualTo(1);
        assertThat(rows.path("data").has("rows")).isFalse();
    }

    @Test
    void lagGauge_existsPerProcessor_andReachesZeroWhenIdle() throws Exception {
        long position = guests.addPerson("alice", workspace, guests.aUnit("alice", workspace, "Lag"), "Lag Person", null).position();
        api.get("alice", base + "/audit?after=" + position);
        for (String processor : List.of("guest-list", "imports", "audit")) {
            await(processor + " lag").atMost(Duration.ofSeconds(30)).until(() -> api.get("alice",
                    "/actuator/metrics/guestlist.projection.lag?tag=processor:" + processor).body()
                    .path("measurements").get(0).path("value").asDouble() == 0);
        }
    }

    private List<String> types(String query) {
        return items(api.get("alice", base + "/audit?" + query).body()).stream().map(i -> i.path("type").asText()).toList();
    }

    private JsonNode awaitRun(String run) {
        await("import " + run + " completed").atMost(Duration.ofSeconds(60)).until(() ->
                "COMPLETED".equals(api.get("alice", base + "/imports/" + run).body().path("status").asText()));
        return api.get("alice", base + "/audit?importRunId=" + run + "&after=" + maxPosition()).body();
    }

    /** The head of the event store: the run's last event is at or below it once the run completed. */
    private long maxPosition() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    private String importCsv(String csv) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/imports?channel=CSV"))
                .header("Authorization", "Bearer " + Api.tokenFor("alice")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new ObjectMapper().readTree(response.body()).path("id").asText();
    }

    /** An instant strictly between the events before and after it (event times are kept to the millisecond). */
    static Instant pause() {
        Instant earlier = Instant.now();
        Instant between = await().pollInterval(Duration.ofMillis(1)).until(Instant::now, t -> t.isAfter(earlier.plusMillis(1)));
        await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().isAfter(between.plusMillis(1)));
        return between;
    }

    static List<JsonNode> items(JsonNode page) {
        return new ArrayList<>(StreamSupport.stream(page.path("items").spliterator(), false).toList());
    }
}
