package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs through the API: the corpora, the phone oracle, concurrent runs, idempotency, undo and limits. */
class ImportRunsTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ImportRunsTest.class, registry);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Rows the oracle parsed without a region (ZZ, null) are read by the importer with the workspace's
     * default region, as SPEC §2.4 says, so an invalid one may be a valid number there: only rows with
     * a real region are held to "invalid never inviteable".
     */
    private static final java.util.Set<String> REGIONS = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions();

    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private GuestList guests;
    private String workspace;
    private Imports imports;

    @BeforeEach
    void aWorkspace() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        imports = new Imports(api, "alice", workspace, this::lastPosition);
    }

    // corpora

    @Test
    void everyCsvAndVCardOfTheCorpora_isAnsweredWithoutServerError_andItsRunFinishes() throws IOException {
        Path corpora = Corpora.root();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpora)) {
            files = walk.filter(Files::isRegularFile).filter(f -> name(f).endsWith(".csv") || name(f).endsWith(".vcf")
                    || name(f).endsWith(".vcard")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(90);
        Map<Path, String> accepted = new LinkedHashMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (Path file : files) {
            boolean csv = name(file).endsWith(".csv");
            Api.Response response = imports.submit(csv ? "CSV" : "CONTACTS", "", csv ? "text/csv" : "text/vcard", Files.readAllBytes(file), null);
            if (response.status() >= 500) {
                serverErrors.add(corpora.relativize(file) + " -> " + response.status() + " " + response.body());
            } else if (response.status() == 202) {
                accepted.put(file, response.id());
            } else {
                assertThat(response.status()).as(file + " " + response.body()).isBetween(400, 499);
                assertThat(response.contentType()).as(file.toString()).startsWith("application/problem+json");
            }
        }
        assertThat(serverErrors).isEmpty();
        assertThat(accepted).hasSizeGreaterThan(files.size() / 2);
        accepted.forEach((file, run) -> {
            JsonNode finished = imports.awaitFinished(run, Duration.ofSeconds(60));
            assertThat(finished.path("status").asText()).as(file.toString()).isIn("COMPLETED", "FAILED");
            if (finished.path("status").asText().equals("COMPLETED")) {
                assertThat(finished.path("processedRows").asInt()).as(file.toString()).isEqualTo(finished.path("totalRows").asInt());
            }
        });
        ReadModelInvariants.hold(jdbc, workspace);
    }

    // the libphonenumber oracle, through the importer

    @Test
    void oracleRows_validOnesParsedToTheirE164_invalidOnesNeverInviteable() throws IOException {
        List<String> lines = Files.readAllLines(Corpora.root().resolve("libphonenumber-derived-oracle/results-summary.tsv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0).split("\t")).startsWith("input", "default_region", "result(E.164 | ERROR)", "ext", "valid");
        List<String[]> oracle = lines.stream().skip(1).map(l -> l.split("\t", -1)).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < oracle.size(); i++) {
            String[] cells = oracle.get(i);
            Map<String, String> row = new HashMap<>();
            row.put("name", "Oracle " + (i + 1));
            row.put("phone", cells[0]);
            row.put("country", cells[1]);
            rows.add(row);
        }
        Api.Response submitted = imports.submit("MANUAL", "", "application/json", JSON.writeValueAsBytes(rows), null);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        JsonNode run = imports.awaitFinished(submitted.id(), Duration.ofSeconds(60));
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        List<JsonNode> results = imports.rows(submitted.id());
        assertThat(results).hasSize(oracle.size());
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < oracle.size(); i++) {
            String[] cells = oracle.get(i);
            JsonNode result = results.get(i);
            String key = cells[0] + "|" + cells[1];
            if (cells[4].equals("True")) {
                valid++;
                if (!cells[2].equals(result.path("parsed").path("phone").asText(null))) {
                    disagreements.add(key + " -> expected " + cells[2] + ", got " + result.path("parsed"));
                }
            } else if (REGIONS.contains(cells[1]) && result.path("inviteable").asBoolean()) {
                disagreements.add(key + " is invalid in the oracle but inviteable as " + result.path("parsed").path("phone"));
            }
        }
        assertThat(valid).isGreaterThan(700);
        assertThat(disagreements).isEmpty();
    }

    // concurrency

    @Test
    void twoConcurrentImportsOfTheSameThousandPhones_giveExactlyThousandPeople() {
        StringBuilder csv = new StringBuilder("name,phone,household\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("Guest ").append(i).append(",+9191").append(String.format("%08d", i)).append(",Family ").append(i / 4).append('\n');
        }
        byte[] payload = csv.toString().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> imports.submit("CSV", "", "text/csv", payload, "first"));
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() -> imports.submit("CSV", "", "text/csv", payload, null));
        List<JsonNode> runs = Stream.of(first.join(), second.join()).map(response -> {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
            return imports.awaitFinished(response.id(), Duration.ofSeconds(90));
        }).toList();
        assertThat(runs).allSatisfy(run -> assertThat(run.path("status").asText()).isEqualTo("COMPLETED"));
        assertThat(runs.get(0).path("counters").path("created").asInt() + runs.get(1).path("counters").path("created").asInt())
                .isEqualTo(1000);
        UUID ws = UUID.fromString(workspace);
        assertThat(jdbc.sql("SELECT count(*) FROM identities WHERE workspace_id = ?").param(ws).query(Integer.class).single()).isEqualTo(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM people WHERE workspace_id = ?").param(ws).query(Integer.class).single()).isEqualTo(1000);
        assertThat(api.get("alice", "/api/v1/workspaces/" + workspace + "/people?phone=%2B919100000999").body().path("items").size()).isEqualTo(1);
        ReadModelInvariants.hold(jdbc, workspace);
    }

    // idempotency

    @Test
    void sameKeySamePayload_sameRunNothingAgain_sameKeyOtherPayload_conflict() {
        byte[] payload = "name,phone\nAsha,98765 43210\nRavi,98765 43211\n".getBytes(StandardCharsets.UTF_8);
        Api.Response first = imports.submit("CSV", "", "text/csv", payload, "guests-v1");
        assertThat(first.status()).isEqualTo(202);
        JsonNode finished = imports.awaitFinished(first.id(), Duration.ofSeconds(30));
        assertThat(fieldNames(UndoKeepsLaterWorkTest.withoutPosition(first.body())))
                .as("the 202 answer is the run in the shape GET gives it").isEqualTo(fieldNames(finished));
        long events = eventCount();

        Api.Response again = imports.submit("CSV", "", "text/csv", payload, "guests-v1");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.location()).isEqualTo(imports.path() + "/" + first.id());
        // SPEC §4.4: the run itself, exactly as GET shows it once the read model has its newest event.
        JsonNode shown = api.get("alice", again.location() + "?after=" + again.position()).body();
        assertThat(UndoKeepsLaterWorkTest.withoutPosition(again.body())).isEqualTo(shown);
        assertThat(shown.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(shown.path("counters").path("created").asInt()).isEqualTo(2);
        await("no event written by the repeat").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> eventCount() == events);
        assertThat(runCount()).isEqualTo(1);

        Api.Response other = imports.submit("CSV", "", "text/csv", "name,phone\nAsha,98765 43219\n".getBytes(StandardCharsets.UTF_8), "guests-v1");
        assertProblem(other, 409, "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(runCount()).isEqualTo(1);
    }

    @Test
    void samePayloadTwiceWithoutKey_twoRuns_theSecondUnchanged() {
        String csv = "name,phone,household\nAsha,98765 43210,Sharmas\nRavi,98765 43211,Sharmas\nNo Phone,,\nBad,123,\nMeena,98765 43212,\n";
        JsonNode first = imports.importCsv(csv, "");
        JsonNode second = imports.importCsv(csv, "");
        assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
        assertThat(imports.rows(first.path("id").asText())).extracting(r -> r.path("outcome").asText())
                .containsExactly("created", "created", "skipped_no_phone", "warning_malformed_phone", "created");
        assertThat(imports.rows(second.path("id").asText())).extracting(r -> r.path("outcome").asText())
                .containsExactly("unchanged", "unchanged", "skipped_no_phone", "warning_malformed_phone", "unchanged");
    }

    // undo

    @Test
    void ownerUndoesARun_readModelAsBefore_historyShowsBoth_editorForbidden_twiceConflict() {
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        String sharmas = guests.aUnit("alice", workspace, "Sharmas");
        guests.addPerson("alice", workspace, sharmas, "Asha Sharma", "98765 43210");
        guests.addPerson("alice", workspace, sharmas, "Ravi Sharma", "98765 43211");
        String friends = guests.aUnit("alice", workspace, "Friends");
        String meera = guests.addPerson("alice", workspace, friends, "Meera", "98765 43213").id();
        String raos = guests.aUnit("alice", workspace, "Raos");
        String nikhil = guests.addPerson("alice", workspace, raos, "Nikhil", "98765 43214").id();
        assertThat(api.patch("alice", "/api/v1/workspaces/" + workspace + "/units/" + friends, Map.of("tags", List.of("college"), "side", "Bride"))
                .status()).isEqualTo(200);
        assertThat(api.patch("alice", "/api/v1/workspaces/" + workspace + "/units/" + friends, Map.of("status", "ARCHIVED")).status()).isEqualTo(200);
        assertThat(api.delete("alice", "/api/v1/workspaces/" + workspace + "/units/" + raos + "/members/" + nikhil).status()).isEqualTo(200);
        imports.settle();
        Map<String, List<String>> before = dump();
        // Asha is the first known person of "New Home": the group goes to the Sharmas' unit. Meera is the first known person of "Kapoors": Ravi moves to her (archived, restored) unit.

        JsonNode run = imports.importCsv("""
                name,phone,household,side,tags
                Asha S,98765 43210,New Home,Groom,vip
                Priya,98765 43220,New Home,,family
                Meera Iyer,98765 43213,Kapoors,Groom,school
                Nikhil,98765 43214,,,
                Ravi Sharma,98765 43211,Kapoors,,vip
                Solo,98765 43223,,,
                """, "");
        String runId = run.path("id").asText();
        assertThat(imports.rows(runId)).extracting(r -> r.path("outcome").asText())
                .containsExactly("updated", "created", "reactivated", "reactivated", "updated", "created");
        assertThat(dump()).isNotEqualTo(before);

        assertProblem(api.post("eddie", imports.path() + "/" + runId + "/undo", null), 403, "forbidden");
        Api.Response undone = api.post("alice", imports.path() + "/" + runId + "/undo", null);
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        imports.settle();
        assertThat(dump()).isEqualTo(before);
        ReadModelInvariants.hold(jdbc, workspace);
        JsonNode afterUndo = imports.run(runId);
        assertThat(afterUndo.path("undoneBy").asText()).isEqualTo("alice");
        assertThat(afterUndo.path("undoneAt").isNull()).isFalse();

        List<String> runHistory = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(runId).query(String.class).list();
        assertThat(runHistory.get(0)).endsWith("ImportReceivedEvent");
        assertThat(runHistory).anyMatch(t -> t.endsWith("ImportRowsRecordedEvent"));
        assertThat(runHistory.get(runHistory.size() - 1)).endsWith("ImportUndoneEvent");
        String priya = imports.rows(runId).get(1).path("personId").asText();
        List<String> priyaHistory = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(priya).query(String.class).list();
        assertThat(priyaHistory).hasSizeGreaterThanOrEqualTo(2);
        assertThat(priyaHistory.get(priyaHistory.size() - 1)).endsWith("PersonDeletedEvent");
        List<String> meeraHistory = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(meera).query(String.class).list();
        assertThat(meeraHistory).as("Meera's rename and its reversal").filteredOn(t -> t.endsWith("PersonRenamedEvent")).hasSize(2);

        assertProblem(api.post("alice", imports.path() + "/" + runId + "/undo", null), 409, "state-conflict");
    }

    /** The current state of the workspace's guest list: what undo must restore (no history rows, no timestamps). */
    private Map<String, List<String>> dump() {
        UUID ws = UUID.fromString(workspace);
        Map<String, List<String>> dump = new LinkedHashMap<>();
        dump.put("units", jdbc.sql("""
                SELECT concat_ws('|', unit_id, name, side, status, chosen_contact_id, contact_id, invite_target, member_count)
                  FROM guest_units WHERE workspace_id = ? ORDER BY unit_id""").param(ws).query(String.class).list());
        dump.put("people", jdbc.sql("""
                SELECT concat_ws('|', person_id, name, phone_e164, phone_raw, status, unit_id)
                  FROM people WHERE workspace_id = ? ORDER BY person_id""").param(ws).query(String.class).list());
        dump.put("identities", jdbc.sql("SELECT phone_e164 || '|' || person_id FROM identities WHERE workspace_id = ? ORDER BY 1")
                .param(ws).query(String.class).list());
        dump.put("active memberships", jdbc.sql("SELECT person_id || '|' || unit_id FROM memberships WHERE workspace_id = ? AND until IS NULL ORDER BY 1")
                .param(ws).query(String.class).list());
        dump.put("unit tags", jdbc.sql("SELECT unit_id || '|' || tag FROM unit_tags WHERE workspace_id = ? ORDER BY 1")
                .param(ws).query(String.class).list());
        return dump;
    }

    // limits

    @Test
    void limits_eachA4xxProblem_andNothingStored() {
        StringBuilder many = new StringBuilder("name,phone\n");
        for (int i = 0; i <= 200_000; i++) {
            many.append("g,").append(i).append('\n');
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0};

        assertClientError(imports.submit("CSV", "", "text/csv", new byte[0], null));
        assertClientError(imports.submit("CSV", "", "text/csv", png, null));
        assertClientError(api.postFile("alice", imports.path() + "?channel=CSV", "guests.png", "image/png", png));
        assertClientError(imports.submitCsv("name,phone\n" + "x".repeat(1001) + ",98765 43210\n"));
        assertClientError(imports.submit("CSV", "", "text/csv", many.toString().getBytes(StandardCharsets.UTF_8), null));
        assertThat(runCount()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cmd_import_payload WHERE workspace_id = ?").param(UUID.fromString(workspace))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void over50MB_is413_andNothingStored() {
        byte[] huge = new byte[50 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        Api.Response tooLarge = imports.submit("CSV", "", "text/csv", huge, null);
        assertThat(tooLarge.status()).as(tooLarge.body().toString()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        // The server closes the connection after refusing a body it did not want; the next request opens another.
        Api.Response tooLargeFile = api.postFile("alice", imports.path() + "?channel=CSV", "guests.csv", "text/csv", huge);
        assertThat(tooLargeFile.status()).as(tooLargeFile.body().toString()).isEqualTo(413);
        assertThat(tooLargeFile.contentType()).startsWith("application/problem+json");

        assertThat(runCount()).isZero();
    }

    private static void assertClientError(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).isNotBlank();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).isEqualTo("https://guestlist.io/problems/" + type);
    }

    private long lastPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private int runCount() {
        return jdbc.sql("SELECT count(*) FROM import_runs WHERE workspace_id = ?").param(UUID.fromString(workspace)).query(Integer.class).single();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
