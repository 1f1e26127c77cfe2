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

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's rules of issue 10: households settled for the whole run (across batches, and by name),
 * several numbers in one cell, blank lines kept as rows, and a run that fails on a row instead of sticking.
 */
class ImportRulesTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ImportRulesTest.class, registry);
    }

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
        imports = new Imports(api, "alice", workspace,
                () -> jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single());
    }

    @Test
    void householdWhoseOnlyKnownPersonComes5000RowsLater_goesToThatPersonsUnit_fromItsFirstRow() {
        String kapoors = aUnitWith("Kapoors", "Karan Kapoor", "98765 43212");
        StringBuilder csv = new StringBuilder("Name,Phone,Household\nPriya New,98765 43220,Kapoor Clan\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("Guest ").append(i).append(",9").append(800000000 + i).append(",\n");
        }
        csv.append("Karan Kapoor,98765 43212,kapoor clan\n");

        JsonNode run = imports.importCsv(csv.toString(), "");

        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(rows).hasSize(5002);
        assertThat(rows.get(0).path("unitId").asText()).isEqualTo(kapoors);
        assertThat(rows.get(5001).path("unitId").asText()).isEqualTo(kapoors);
        assertThat(rows.get(5001).path("outcome").asText()).isEqualTo("unchanged");
        assertThat(unitsNamed("Kapoor Clan")).isZero();
    }

    @Test
    void householdOfUnknownPeople_joinsTheOneActiveUnitBearingItsName_ignoringCaseAccentsAndSpaces() {
        String sharmas = aUnitWith("The Sharma Family", "Asha Sharma", "98765 43210");
        String conceicao = aUnitWith("Família Conceição", "Ana Conceição", "98765 43230");
        String archived = aUnitWith("The Rao Family", "Old Rao", "98765 43240");
        assertThat(api.patch("alice", unitPath(archived), java.util.Map.of("status", "ARCHIVED")).status()).isEqualTo(200);
        imports.settle();

        JsonNode run = imports.importCsv("""
                Name,Phone,Household
                Ravi Sharma,98765 43211,the sharma  family
                Rui Conceicao,98765 43231,FAMILIA CONCEICAO
                Raj Rao,98765 43241,The Rao Family
                """, "");

        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(rows.get(0).path("unitId").asText()).isEqualTo(sharmas);
        assertThat(texts(rows.get(0).path("warnings"))).containsExactly("joined_unit_by_name");
        assertThat(rows.get(0).path("outcome").asText()).isEqualTo("created");
        assertThat(rows.get(1).path("unitId").asText()).isEqualTo(conceicao);
        assertThat(rows.get(2).path("unitId").asText()).as("an archived unit is not joined by name").isNotEqualTo(archived);
        assertThat(texts(rows.get(2).path("warnings"))).isEmpty();
        assertThat(unitsNamed("The Sharma Family")).isEqualTo(1);
    }

    @Test
    void householdWhoseNameTwoActiveUnitsBear_getsANewUnit_withAWarning() {
        String first = aUnitWith("The Guptas", "Gita Gupta", "98765 43250");
        String second = aUnitWith("the guptas", "Girish Gupta", "98765 43251");

        JsonNode run = imports.importCsv("Name,Phone,Household\nGauri Gupta,98765 43252,The Guptas\nGopal Gupta,98765 43253,The Guptas\n", "");

        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(rows).extracting(r -> r.path("unitId").asText()).doesNotContain(first, second).containsOnly(rows.get(0).path("unitId").asText());
        assertThat(rows).allSatisfy(r -> assertThat(texts(r.path("warnings"))).containsExactly("ambiguous_household_name"));
        assertThat(unitsNamed("The Guptas")).isEqualTo(3);
    }

    @Test
    void severalNumbersInOneCell_theFirstValidMobileIsThePhone_theOthersKept() {
        JsonNode run = imports.importCsv("Name,Phone\nMulti,98111 22233 / 98111 22234\nLandline First,\"011 2345 6789, 98111 22235\"\n", "");

        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(rows).extracting(r -> r.path("outcome").asText()).containsExactly("created", "created");
        assertThat(rows.get(0).path("parsed").path("phone").asText()).isEqualTo("+919811122233");
        assertThat(rows.get(0).path("parsed").path("extraPhones").asText()).isEqualTo("98111 22234");
        assertThat(texts(rows.get(0).path("warnings"))).containsExactly("extra_phones");
        assertThat(rows.get(1).path("parsed").path("phone").asText()).as("a mobile beats a landline written first").isEqualTo("+919811122235");
        assertThat(rows.get(1).path("parsed").path("extraPhones").asText()).isEqualTo("011 2345 6789");
    }

    @Test
    void blankLine_isARowSkippedWithAWarning_soRowNumbersFollowTheLines() {
        JsonNode run = imports.importCsv("Name,Phone\nAsha,98111 22240\n,\n\nRavi,98111 22241\n", "");

        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(rows).extracting(r -> r.path("rowNumber").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(r -> r.path("outcome").asText()).containsExactly("created", "skipped_no_phone", "skipped_no_phone", "created");
        assertThat(texts(rows.get(1).path("warnings"))).containsExactly("blank_row");
        assertThat(texts(rows.get(2).path("warnings"))).containsExactly("blank_row");
        assertThat(run.path("counters").path("skipped_no_phone").asInt()).isEqualTo(2);
    }

    @Test
    void rowThatCannotBeApplied_failsTheRunNamingIt_andTheFailedRunCanBeUndone() {
        // A fault no retry cures, on one phone only: the database refuses its claim.
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_one_phone() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.phone_e164 = '+919811122253' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                  RETURN NEW;
                END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_one_phone BEFORE INSERT ON cmd_phone_claim FOR EACH ROW EXECUTE FUNCTION refuse_one_phone()").update();
        try {
            StringBuilder csv = new StringBuilder("Name,Phone\n");
            for (int i = 0; i < 700; i++) {
                csv.append("Guest ").append(i).append(",98111 2").append(2000 + i).append('\n');
            }
            Api.Response submitted = imports.submitCsv(csv.toString());
            assertThat(submitted.status()).isEqualTo(202);

            JsonNode run = imports.awaitFinished(submitted.id(), Duration.ofSeconds(60));

            assertThat(run.path("status").asText()).isEqualTo("FAILED");
            assertThat(run.path("failureReason").asText()).startsWith("Row 254 could not be imported").contains("refused by the test");
            assertThat(run.path("processedRows").asInt()).isEqualTo(253);
            Api.Response undone = api.post("alice", imports.path() + "/" + submitted.id() + "/undo", null);
            assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
            imports.settle();
            assertThat(jdbc.sql("SELECT count(*) FROM people WHERE workspace_id = ? AND status = 'ACTIVE'")
                    .param(UUID.fromString(workspace)).query(Integer.class).single()).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_one_phone ON cmd_phone_claim").update();
        }
    }

    private String aUnitWith(String name, String person, String phone) {
        String unit = guests.aUnit("alice", workspace, name);
        Api.Response added = guests.addPerson("alice", workspace, unit, person, phone);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return unit;
    }

    private String unitPath(String unit) {
        return "/api/v1/workspaces/" + workspace + "/units/" + unit;
    }

    private int unitsNamed(String name) {
        imports.settle();
        return jdbc.sql("SELECT count(*) FROM guest_units WHERE workspace_id = ? AND lower(name) = lower(?)")
                .params(UUID.fromString(workspace), name).query(Integer.class).single();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
