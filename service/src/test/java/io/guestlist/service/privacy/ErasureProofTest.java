package io.guestlist.service.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proof of crypto-shredding: after an import, edits through the API and snapshots, an
 * erasure leaves the person's name, phones (as typed, E.164, national digits) and email nowhere in a
 * {@code pg_dump} of the whole database, in text or in the hex of a {@code bytea}; a rebuild from
 * the event store still equals the live read model; the audit feed still says who did what when.
 */
class ErasureProofTest extends ServiceTest {

    private static final String MEERA = "Meera Vashisht";
    private static final String MEERA_RENAMED = "Meera Vashisht-Rao";
    private static final String MEERA_EMAIL = "meera.vashisht@example.org";
    private static final String MEERA_PHONE = "+91 98111 44455";
    private static final String MEERA_NEW_PHONE = "098111 44466";
    private static final String ZUBIN = "Zubin Tarapore";
    private static final String ZUBIN_PHONE = "98111-44477";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ErasureProofTest.class, registry);
        registry.add("guestlist.operators", () -> "ops");
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ReadYourWrites readYourWrites;
    @Autowired
    private Snapshotter snapshotter;
    @Value("${spring.datasource.url}")
    private String databaseUrl;

    @Test
    void anErasedPerson_isNowhereInTheDatabase_yetReplayEqualsLive_andTheAuditKeepsWhoAndWhen() throws Exception {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        String base = "/api/v1/workspaces/" + workspace;
        String run = importCsv(api, base, """
                Name,Phone,Household,Side,Email,Notes
                %s,%s,Bride's Cousins,Bride,%s,Vegetarian
                Kabir Kept,+91 98111 55501,Bride's Cousins,Bride,kabir@example.org,
                Nobody Phoneless,,Groom's Friends,Groom,,
                """.formatted(MEERA, MEERA_PHONE, MEERA_EMAIL));
        String meera = personByName(api, base, run, MEERA);
        String unit = guests.aUnit("alice", workspace, "Walk-ins");
        String zubin = guests.addPerson("eddie", workspace, unit, ZUBIN, ZUBIN_PHONE).id();
        ok(api.patch("eddie", base + "/people/" + meera, Map.of("name", MEERA_RENAMED)));
        ok(api.patch("eddie", base + "/people/" + meera, Map.of("phone", MEERA_NEW_PHONE)));
        ok(api.patch("alice", base + "/people/" + zubin, Map.of("name", ZUBIN + " Jr")));
        snapshot("io.guestlist.command.person.Person", meera);
        snapshot("io.guestlist.command.person.Person", zubin);
        snapshot("io.guestlist.command.importrun.ImportRun", run);
        awaitCaughtUp();
        List<String> secrets = List.of("Vashisht", MEERA_EMAIL, MEERA_PHONE, "+919811144455", "9811144455", MEERA_NEW_PHONE, "+919811144466",
                "9811144466", "Tarapore", ZUBIN_PHONE, "+919811144477", "9811144477");
        String before = PgDump.of(databaseUrl);
        assertThat(secrets).as("the dump shows them before the erasure (the check can fail)").allSatisfy(s -> assertThat(appears(before, s)).as(s).isTrue());

        ok(api.post("alice", base + "/people/" + meera + "/erase", null));
        ok(api.post("alice", base + "/people/" + zubin + "/erase", null));
        awaitCaughtUp();

        String after = PgDump.of(databaseUrl);
        assertThat(secrets).allSatisfy(s -> assertThat(appears(after, s)).as(s + " in the dump after the erasure").isFalse());
        assertThat(appears(after, "Kabir Kept")).as("a person not erased is still there").isTrue();
        assertThat(appears(after, "Nobody Phoneless")).as("a row of no person keeps the run's key").isTrue();

        JsonNode rebuilt = awaitRebuild(api, api.post("ops", "/api/v1/operations/rebuild?projection=all", null).id());
        assertThat(rebuilt.path("equal").asBoolean()).as(rebuilt.toString()).isTrue();

        JsonNode audit = api.get("alice", base + "/audit?aggregateId=" + meera + "&size=50").body();
        assertThat(audit.path("items")).extracting(i -> i.path("type").asText())
                .contains("PersonAdded", "PersonRenamed", "PersonPhoneChanged", "PersonDeleted", "PersonErased");
        assertThat(audit.path("items")).allSatisfy(i -> {
            assertThat(i.path("memberId").asText()).isIn("alice", "eddie");
            assertThat(i.path("time").asText()).isNotBlank();
        });
        JsonNode renamed = find(audit.path("items"), "PersonRenamed");
        assertThat(renamed.path("memberId").asText()).isEqualTo("eddie");
        assertThat(renamed.path("data").path("name").isNull()).isTrue();
        assertThat(renamed.path("data").path("erased").asBoolean()).isTrue();
        JsonNode history = api.get("alice", base + "/people/" + meera + "/history").body();
        JsonNode added = find(history.path("items"), "PersonAdded");
        assertThat(added.path("data").path("name").isNull()).isTrue();
        assertThat(added.path("data").path("phone").isNull()).isTrue();
        assertThat(added.path("data").path("erased").asBoolean()).isTrue();
    }

    private String importCsv(Api api, String base, String csv) {
        Api.Response submitted = api.postBytes("alice", base + "/imports?channel=CSV", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        String run = submitted.id();
        await("import " + run).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(api.get("alice", base + "/imports/" + run).body().path("status").asText()));
        awaitCaughtUp();
        return run;
    }

    private static String personByName(Api api, String base, String run, String name) {
        JsonNode rows = api.get("alice", base + "/imports/" + run + "/rows?size=50").body();
        return StreamSupport.stream(rows.path("items").spliterator(), false)
                .filter(r -> name.equals(r.path("parsed").path("name").asText()))
                .map(r -> r.path("personId").asText()).findFirst().orElseThrow(() -> new AssertionError("no row of " + name + ": " + rows));
    }

    private void snapshot(String aggregateClass, String id) throws ClassNotFoundException {
        snapshotter.scheduleSnapshot(Class.forName(aggregateClass), id);
        await("a snapshot of " + id).atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id) > 0);
    }

    private void awaitCaughtUp() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await("caught up with position " + head).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> readYourWrites.caughtUp(head));
    }

    private static JsonNode awaitRebuild(Api api, String id) {
        return await("rebuild " + id).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("ops", "/api/v1/operations/rebuild/" + id).body(),
                        status -> !status.path("state").asText().matches("RUNNING|COMPARING"));
    }

    /** In text, or as the hex of a bytea column (how pg_dump writes event payloads). */
    private static boolean appears(String dump, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return dump.contains(secret) || dump.contains(HexFormat.of().formatHex(bytes));
    }

    private static JsonNode find(JsonNode items, String type) {
        return StreamSupport.stream(items.spliterator(), false).filter(i -> type.equals(i.path("type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + items));
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 299);
    }
}
