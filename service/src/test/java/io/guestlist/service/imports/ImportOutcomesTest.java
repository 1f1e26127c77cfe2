package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** One CSV that gives every outcome and warning, households as SPEC §4.3 says, and the same CSV as a dry run first. */
class ImportOutcomesTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ImportOutcomesTest.class, registry);
    }

    private static final String CSV = """
            Name,Phone,Household,Side,Tags
            No Phone Person,,,,
            Bad Phone,12345,,,
            Gita Gupta,98765 43215,,,
            Mohan Mehta Jr,98765 43216,,,
            Vijay Verma,98765 43217,,bride,vip;college
            Meera Iyer,98765 43213,,,
            Nikhil Rao,98765 43214,,,
            Priya New,98765 43220,Kapoor Clan,,
            Karan Kapoor,98765 43212,kapoor  clan,Groom,
            Asha Sharma,98765 43210,Kapoor Clan,,
            Dev Singh,98765 43221,The Singhs,Bride,family
            Sita Singh,98765 43222,the singhs,,vip
            Solo Person,98765 43223,,,
            Priya Renamed,+91 98765 43220,,,
            ,98765 43224,,,
            Uma,98765 43225,,Neighbours,
            Lata Landline,011 2345 6789,,,
            """;

    private static final List<String> OUTCOMES = List.of("skipped_no_phone", "warning_malformed_phone", "unchanged", "updated",
            "updated", "reactivated", "reactivated", "created", "updated", "updated", "created", "created", "created", "updated",
            "created", "created", "created");

    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private GuestList guests;
    private String workspace;
    private Imports imports;
    private final Map<String, String> units = new LinkedHashMap<>();

    @BeforeEach
    void aGuestListBeforeTheImport() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        imports = new Imports(api, "alice", workspace, () -> jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single());
        aUnitWith("Sharmas", "Asha Sharma", "98765 43210", "Ravi Sharma", "98765 43211");
        aUnitWith("Kapoors", "Karan Kapoor", "98765 43212");
        aUnitWith("Old Friends", "Meera Iyer", "98765 43213");
        aUnitWith("Raos", "Nikhil Rao", "98765 43214");
        aUnitWith("Guptas", "Gita Gupta", "98765 43215");
        aUnitWith("Mehtas", "Mohan Mehta", "98765 43216");
        aUnitWith("Vermas", "Vijay Verma", "98765 43217");
        assertThat(api.patch("alice", unitPath("Vermas"), Map.of("tags", List.of("family"))).status()).isEqualTo(200);
        assertThat(api.patch("alice", unitPath("Old Friends"), Map.of("status", "ARCHIVED")).status()).isEqualTo(200);
        imports.settle();
        String nikhil = person("98765 43214").path("id").asText();
        assertThat(api.delete("alice", unitPath("Raos") + "/members/" + nikhil).status()).isEqualTo(200);
        imports.settle();
    }

    @Test
    void dryRunThenImport_everyOutcomeAndWarning_householdsAsSpecified() {
        Map<String, Long> before = counts();
        long guestEventsBefore = guestEvents();

        JsonNode dry = imports.importCsv(CSV, "&dryRun=true");
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(outcomes(imports.rows(dry.path("id").asText()))).as("dry-run outcomes").isEqualTo(OUTCOMES);
        assertThat(counts()).as("a dry run applies nothing").isEqualTo(before);
        assertThat(guestEvents()).as("a dry run applies nothing").isEqualTo(guestEventsBefore);

        JsonNode run = imports.importCsv(CSV, "");
        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(outcomes(rows)).isEqualTo(OUTCOMES);
        assertThat(rows).extracting(r -> r.path("rowNumber").asInt()).containsExactlyElementsOf(range(1, 17));
        assertThat(warnings(rows, 14)).containsExactly("duplicate_phone_in_run");
        assertThat(warnings(rows, 15)).containsExactly("name_missing");
        assertThat(warnings(rows, 16)).containsExactly("unknown_side");
        assertThat(warnings(rows, 17)).containsExactly("phone_not_mobile");
        assertThat(rows.get(0).path("inviteable").asBoolean()).isFalse();
        assertThat(rows.get(1).path("inviteable").asBoolean()).isFalse();
        assertThat(rows.get(1).path("parsed").path("phoneInvalidReason").isNull()).isFalse();

        countersEqualRowOutcomes(run, rows);
        rawValuesKept(rows);
        households(rows);
    }

    private void countersEqualRowOutcomes(JsonNode run, List<JsonNode> rows) {
        assertThat(run.path("totalRows").asInt()).isEqualTo(17);
        assertThat(run.path("processedRows").asInt()).isEqualTo(17);
        Map<String, Integer> counted = new LinkedHashMap<>();
        run.path("counters").fieldNames().forEachRemaining(name -> counted.put(name, 0));
        rows.forEach(r -> counted.merge(r.path("outcome").asText(), 1, Integer::sum));
        Map<String, Integer> counters = new LinkedHashMap<>();
        run.path("counters").fields().forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asInt()));
        assertThat(counters).isEqualTo(counted).containsEntry("created", 7).containsEntry("updated", 5);
        assertThat(run.path("inviteableRows").asInt()).isEqualTo((int) rows.stream().filter(r -> r.path("inviteable").asBoolean()).count())
                .isEqualTo(15);
        assertThat(jdbc.sql("SELECT count(*) FROM import_rows WHERE run_id = ?").param(UUID.fromString(run.path("id").asText()))
                .query(Integer.class).single()).isEqualTo(17);
    }

    private static void rawValuesKept(List<JsonNode> rows) {
        assertThat(rows.get(0).path("raw").path("Name").asText()).isEqualTo("No Phone Person");
        assertThat(rows.get(0).path("raw").path("Phone").asText()).isEmpty();
        assertThat(rows.get(1).path("raw").path("Phone").asText()).isEqualTo("12345");
        assertThat(rows.get(1).path("parsed").path("rawPhone").asText()).isEqualTo("12345");
        assertThat(rows.get(4).path("raw").path("Tags").asText()).isEqualTo("vip;college");
        assertThat(rows.get(15).path("raw").path("Side").asText()).isEqualTo("Neighbours");
        assertThat(rows.get(8).path("raw").path("Household").asText()).isEqualTo("kapoor  clan");
    }

    private void households(List<JsonNode> rows) {
        // Unchanged, renamed, side set and tags added (never removed) in the person's current unit.
        assertThat(unitOf("98765 43215")).isEqualTo(units.get("Guptas"));
        assertThat(person("98765 43216").path("name").asText()).isEqualTo("Mohan Mehta Jr");
        JsonNode vermas = unit(units.get("Vermas"));
        assertThat(vermas.path("side").asText()).isEqualTo("Bride");
        assertThat(texts(vermas.path("tags"))).containsExactlyInAnyOrder("family", "vip", "college");
        // Reactivated: the archived unit restored; the removed person active again.
        assertThat(unit(units.get("Old Friends")).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(unitOf("98765 43213")).isEqualTo(units.get("Old Friends"));
        JsonNode nikhil = person("98765 43214");
        assertThat(nikhil.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(unit(nikhil.path("unitId").asText()).path("status").asText()).isEqualTo("ACTIVE");
        // The group goes to the unit of its first matched person (Karan), not the first row's; Asha moves there.
        String kapoors = units.get("Kapoors");
        assertThat(List.of(unitOf("98765 43220"), unitOf("98765 43212"), unitOf("98765 43210"))).containsOnly(kapoors);
        JsonNode kapoorUnit = unit(kapoors);
        assertThat(kapoorUnit.path("name").asText()).isEqualTo("Kapoors");
        assertThat(kapoorUnit.path("side").asText()).isEqualTo("Groom");
        assertThat(texts(kapoorUnit.path("members"), "name")).containsExactlyInAnyOrder("Karan Kapoor", "Asha Sharma", "Priya Renamed");
        assertThat(rows.get(13).path("unitId").asText()).as("a later row without household keeps the person's unit").isEqualTo(kapoors);
        assertThat(unit(units.get("Sharmas")).path("inviteTarget").asText()).as("Ravi is the Sharmas' contact now").isEqualTo("+919876543211");
        // A new group: one unit named after the household, contact its first member with a valid phone.
        String singhs = unitOf("98765 43221");
        assertThat(unitOf("98765 43222")).isEqualTo(singhs);
        JsonNode singhUnit = unit(singhs);
        assertThat(singhUnit.path("name").asText()).isEqualTo("The Singhs");
        assertThat(singhUnit.path("side").asText()).isEqualTo("Bride");
        assertThat(texts(singhUnit.path("tags"))).containsExactlyInAnyOrder("family", "vip");
        assertThat(singhUnit.path("primaryContactId").asText()).isEqualTo(person("98765 43221").path("id").asText());
        assertThat(singhUnit.path("inviteTarget").asText()).isEqualTo("+919876543221");
        // No household: a new person gets a unit of their own, named after them (or their phone).
        assertThat(unit(unitOf("98765 43223")).path("name").asText()).isEqualTo("Solo Person");
        assertThat(unit(unitOf("98765 43225")).path("side").isNull()).isTrue();
        assertThat(person("98765 43224").path("name").asText()).isEqualTo("98765 43224");
        assertThat(person("011 2345 6789").path("phone").asText()).isEqualTo("+911123456789");
        assertThat(rows.get(0).path("personId").isNull()).isTrue();
        assertThat(rows.get(1).path("personId").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM people WHERE workspace_id = ? AND status = 'ACTIVE'").param(UUID.fromString(workspace))
                .query(Integer.class).single()).isEqualTo(8 + 7);
    }

    private void aUnitWith(String name, String... people) {
        String unit = guests.aUnit("alice", workspace, name);
        units.put(name, unit);
        for (int i = 0; i < people.length; i += 2) {
            Api.Response added = guests.addPerson("alice", workspace, unit, people[i], people[i + 1]);
            assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        }
    }

    private String unitPath(String name) {
        return "/api/v1/workspaces/" + workspace + "/units/" + units.get(name);
    }

    private JsonNode person(String phone) {
        JsonNode found = api.get("alice", "/api/v1/workspaces/" + workspace + "/people?phone=" + phone.replace(" ", "%20").replace("+", "%2B")).body();
        assertThat(found.path("items").size()).as("people with phone " + phone + ": " + found).isEqualTo(1);
        return found.path("items").get(0);
    }

    private String unitOf(String phone) {
        return person(phone).path("unitId").asText();
    }

    private JsonNode unit(String id) {
        return api.get("alice", "/api/v1/workspaces/" + workspace + "/units/" + id).body();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("guest_units", "people", "identities", "memberships", "unit_tags")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        counts.put("active units", jdbc.sql("SELECT count(*) FROM guest_units WHERE status = 'ACTIVE'").query(Long.class).single());
        return counts;
    }

    private long guestEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE type <> 'ImportRun'").query(Long.class).single();
    }

    private static List<String> outcomes(List<JsonNode> rows) {
        return rows.stream().map(r -> r.path("outcome").asText()).toList();
    }

    private static List<String> warnings(List<JsonNode> rows, int rowNumber) {
        return texts(rows.get(rowNumber - 1).path("warnings"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
