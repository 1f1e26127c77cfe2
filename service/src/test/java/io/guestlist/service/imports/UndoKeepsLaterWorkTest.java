package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestlist.kernel.importrun.ImportUndoneEvent;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §4.4, undo never overwrites later work: what a later run or command changed again is left as
 * it is, its row is reported {@code kept_newer_change}, and the run counts those rows.
 */
class UndoKeepsLaterWorkTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(UndoKeepsLaterWorkTest.class, registry);
    }

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    private Api api;
    private GuestList guests;
    private String workspace;
    private String imports;

    @BeforeEach
    void aWorkspace() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        imports = "/api/v1/workspaces/" + workspace + "/imports";
    }

    @Test
    void twoImportsOfTheSamePerson_undoingTheFirst_keepsThePersonAsTheSecondLeftThem_andUndoingTheSecondCannotMoveThemBack() {
        String raos = guests.aUnit("alice", workspace, "Raos");
        guests.addPerson("alice", workspace, raos, "Nikhil Rao", "98765 43214");
        String firstCsv = "name,phone,household\nAsha,98765 43210,Sharmas\nRavi,98765 43211,Sharmas\n";
        String firstRun = completed(submit(firstCsv, "first-import"));
        JsonNode asha = personByPhone("98765 43210", latestPosition());
        String sharmas = asha.path("unitId").asText();
        // Nikhil is the group's first known person: the group, Asha with it, goes to his unit.
        String secondRun = completed(submit("name,phone,household\nNikhil Rao,98765 43214,Raos\nAsha Rao,98765 43210,Raos\n", null));
        JsonNode moved = person(asha.path("id").asText(), latestPosition());
        assertThat(moved.path("name").asText()).isEqualTo("Asha Rao");
        assertThat(moved.path("unitId").asText()).isEqualTo(raos);

        Api.Response undone = api.post("alice", imports + "/" + firstRun + "/undo", null);
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        long after = undone.position();

        JsonNode kept = person(asha.path("id").asText(), after);
        assertThat(kept.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(kept.path("name").asText()).isEqualTo("Asha Rao");
        assertThat(kept.path("unitId").asText()).isEqualTo(raos);
        assertThat(peopleByPhone("98765 43211", after)).as("Ravi, whom only the first import touched, is gone").isEmpty();
        assertThat(api.get("alice", "/api/v1/workspaces/" + workspace + "/units/" + sharmas + "?after=" + after).status())
                .as("the unit the first import made, left empty, is discarded").isEqualTo(404);
        JsonNode run = run(firstRun, after);
        assertThat(run.path("keptNewerChange").asInt()).isEqualTo(1);
        assertThat(undoOutcomes(firstRun)).containsExactly("kept_newer_change", null);
        assertThat(keptRowNumbers(firstRun)).containsExactly(1);
        assertThat(run(secondRun, after).path("keptNewerChange").asInt()).isZero();
        ReadModelInvariants.hold(jdbc, workspace);

        // Undoing the second run too: the name goes back, but the unit Asha came from is gone, so she stays.
        Api.Response secondUndone = api.post("alice", imports + "/" + secondRun + "/undo", null);
        assertThat(secondUndone.status()).as(secondUndone.body().toString()).isEqualTo(200);
        JsonNode afterBoth = person(asha.path("id").asText(), secondUndone.position());
        assertThat(afterBoth.path("name").asText()).isEqualTo("Asha");
        assertThat(afterBoth.path("unitId").asText()).isEqualTo(raos);
        assertThat(run(secondRun, secondUndone.position()).path("keptNewerChange").asInt()).isEqualTo(1);
        assertThat(undoOutcomes(secondRun)).containsExactly(null, "kept_newer_change");
        ReadModelInvariants.hold(jdbc, workspace);

        Api.Response replay = submit(firstCsv, "first-import");
        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(200);
        assertThat(replay.location()).isEqualTo(imports + "/" + firstRun);
        assertThat(withoutPosition(replay.body())).isEqualTo(run(firstRun, replay.position()));
    }

    @Test
    void aLaterManualRenameAndSideChange_areKept_whileTheRestOfTheRowIsReverted() {
        String friends = guests.aUnit("alice", workspace, "Friends");
        String meera = guests.addPerson("alice", workspace, friends, "Meera", "98765 43213").id();
        // Meera is the group's first known person: "Kapoors" goes to her unit, which gets a side and a tag.
        String runId = completed(submit("""
                name,phone,household,side,tags
                Meera Iyer,98765 43213,Kapoors,Groom,school
                Priya,98765 43220,,,
                """, null));
        JsonNode imported = unit(friends, latestPosition());
        assertThat(imported.path("side").asText()).isEqualTo("Groom");
        assertThat(texts(imported.path("tags"))).containsExactly("school");

        assertThat(api.patch("alice", "/api/v1/workspaces/" + workspace + "/people/" + meera, Map.of("name", "Meera K")).status())
                .isEqualTo(200);
        assertThat(api.patch("alice", "/api/v1/workspaces/" + workspace + "/units/" + friends, Map.of("side", "Bride")).status())
                .isEqualTo(200);

        Api.Response undone = api.post("alice", imports + "/" + runId + "/undo", null);
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        long after = undone.position();

        assertThat(person(meera, after).path("name").asText()).as("the later rename stands").isEqualTo("Meera K");
        JsonNode unit = unit(friends, after);
        assertThat(unit.path("side").asText()).as("the later side stands").isEqualTo("Bride");
        assertThat(texts(unit.path("tags"))).as("the tag only the import touched is taken back").isEmpty();
        assertThat(peopleByPhone("98765 43220", after)).as("the person the import created is gone").isEmpty();
        assertThat(run(runId, after).path("keptNewerChange").asInt()).isEqualTo(1);
        assertThat(undoOutcomes(runId)).containsExactly("kept_newer_change", null);
        ReadModelInvariants.hold(jdbc, workspace);
    }

    @Test
    void anUndoEventStoredBeforeTheCountersExisted_readsAsNoneKept() {
        String stored = "{\"runId\":\"" + UUID.randomUUID() + "\",\"workspaceId\":\"" + UUID.randomUUID() + "\"}";
        ImportUndoneEvent event = eventSerializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(StandardCharsets.UTF_8),
                byte[].class, ImportUndoneEvent.class.getName(), "1"));
        assertThat(event.keptNewerChange()).isZero();
        assertThat(event.keptNewerChangeRows()).isEmpty();
    }

    private Api.Response submit(String csv, String idempotencyKey) {
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return api.postBytes("alice", imports + "?channel=CSV", "text/csv", csv.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Waits until the submitted run is completed; its id. */
    private String completed(Api.Response submitted) {
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        String runId = submitted.id();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("alice", imports + "/" + runId).body().path("status").asText(), "COMPLETED"::equals);
        return runId;
    }

    private long latestPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private JsonNode run(String runId, long after) {
        return ok(api.get("alice", imports + "/" + runId + "?after=" + after));
    }

    private JsonNode person(String personId, long after) {
        return ok(api.get("alice", "/api/v1/workspaces/" + workspace + "/people/" + personId + "?after=" + after));
    }

    private JsonNode unit(String unitId, long after) {
        return ok(api.get("alice", "/api/v1/workspaces/" + workspace + "/units/" + unitId + "?after=" + after));
    }

    private JsonNode personByPhone(String phone, long after) {
        List<JsonNode> found = peopleByPhone(phone, after);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<JsonNode> peopleByPhone(String phone, long after) {
        JsonNode page = ok(api.get("alice", "/api/v1/workspaces/" + workspace + "/people?phone=" + phone.replace(" ", "%20")
                + "&after=" + after));
        List<JsonNode> people = new ArrayList<>();
        page.path("items").forEach(people::add);
        return people;
    }

    /** Each row's undo outcome, in row order (null where the undo reverted all it changed). */
    private List<String> undoOutcomes(String runId) {
        List<String> outcomes = new ArrayList<>();
        ok(api.get("alice", imports + "/" + runId + "/rows")).path("items")
                .forEach(row -> outcomes.add(row.path("undoOutcome").isNull() ? null : row.path("undoOutcome").asText()));
        return outcomes;
    }

    private List<Integer> keptRowNumbers(String runId) {
        List<Integer> rows = new ArrayList<>();
        ok(api.get("alice", imports + "/" + runId + "/rows?undoOutcome=kept_newer_change")).path("items")
                .forEach(row -> rows.add(row.path("rowNumber").asInt()));
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** The answer to a submission is the run as GET shows it, plus the position to read it back. */
    static JsonNode withoutPosition(JsonNode submissionBody) {
        ObjectNode run = submissionBody.deepCopy();
        assertThat(run.remove("position")).as("a submission's answer carries its position").isNotNull();
        return run;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }
}
