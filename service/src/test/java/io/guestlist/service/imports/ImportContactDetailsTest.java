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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import sets email and notes (a blank or implausible cell never overwrites what a person has), and a
 * row is inviteable when the unit it placed its person in is inviteable after it, not merely because it placed one.
 */
class ImportContactDetailsTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ImportContactDetailsTest.class, registry);
    }

    @Autowired
    private JdbcClient jdbc;

    private Api api;
    private String workspace;
    private Imports imports;

    @BeforeEach
    void aWorkspace() {
        api = api();
        workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        imports = new Imports(api, "alice", workspace,
                () -> jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single());
    }

    @Test
    void anImportSetsEmailAndNotes_andALaterOneOnlyOverwritesWithCellsThatHoldSomething() {
        JsonNode first = imports.importCsv("""
                Name,Phone,Email,Notes
                Asha,98765 43210,asha@example.org,Vegetarian
                Ravi,98765 43211,,
                """, "");
        List<JsonNode> rows = imports.rows(first.path("id").asText());
        String asha = rows.get(0).path("personId").asText();
        String ravi = rows.get(1).path("personId").asText();
        assertThat(person(asha).path("email").asText()).isEqualTo("asha@example.org");
        assertThat(person(asha).path("notes").asText()).isEqualTo("Vegetarian");
        assertThat(person(ravi).path("email").isNull()).isTrue();

        JsonNode second = imports.importCsv("""
                Name,Phone,Email,Notes
                Asha,98765 43210,,Vegan now
                Ravi,98765 43211,not an email,
                """, "");
        rows = imports.rows(second.path("id").asText());
        assertThat(rows.get(0).path("outcome").asText()).isEqualTo("updated");
        assertThat(rows.get(1).path("outcome").asText()).isEqualTo("unchanged");
        assertThat(person(asha).path("email").asText()).isEqualTo("asha@example.org");
        assertThat(person(asha).path("notes").asText()).isEqualTo("Vegan now");
        assertThat(person(ravi).path("email").isNull()).isTrue();
    }

    @Test
    void undoingAnImport_givesKnownPeopleBackTheEmailAndNotesTheyHadBeforeIt() {
        JsonNode first = imports.importCsv("""
                Name,Phone,Email,Notes
                Asha,98765 43220,asha@example.org,Vegetarian
                Ravi,98765 43221,,
                """, "");
        List<JsonNode> rows = imports.rows(first.path("id").asText());
        String asha = rows.get(0).path("personId").asText();
        String ravi = rows.get(1).path("personId").asText();
        JsonNode second = imports.importCsv("""
                Name,Phone,Email,Notes
                Asha,98765 43220,asha@work.example,
                Ravi,98765 43221,ravi@example.org,Arrives late
                """, "");
        assertThat(person(asha).path("email").asText()).isEqualTo("asha@work.example");
        assertThat(person(ravi).path("notes").asText()).isEqualTo("Arrives late");

        Api.Response undone = api.post("alice", imports.path() + "/" + second.path("id").asText() + "/undo", null);

        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        imports.settle();
        assertThat(person(asha).path("email").asText()).isEqualTo("asha@example.org");
        assertThat(person(asha).path("notes").asText()).isEqualTo("Vegetarian");
        assertThat(person(ravi).path("email").isNull()).as("he had none before the run").isTrue();
        assertThat(person(ravi).path("notes").isNull()).isTrue();
        assertThat(imports.run(second.path("id").asText()).path("keptNewerChange").asInt()).isZero();
        assertThat(person(asha).path("status").asText()).as("undoing the second run leaves what the first made").isEqualTo("ACTIVE");
    }

    @Test
    void undoingAnImport_keepsEmailAndNotesEditedAfterIt_andSaysSo() {
        JsonNode first = imports.importCsv("Name,Phone\nMeera,98765 43230\nKiran,98765 43231\n", "");
        List<JsonNode> rows = imports.rows(first.path("id").asText());
        String meera = rows.get(0).path("personId").asText();
        String kiran = rows.get(1).path("personId").asText();
        JsonNode second = imports.importCsv("""
                Name,Phone,Email,Notes
                Meera,98765 43230,meera@example.org,
                Kiran,98765 43231,kiran@example.org,
                """, "");
        Api.Response edited = api.patch("alice", "/api/v1/workspaces/" + workspace + "/people/" + meera, java.util.Map.of("notes", "Edited by hand"));
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);

        Api.Response undone = api.post("alice", imports.path() + "/" + second.path("id").asText() + "/undo", null);

        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        imports.settle();
        assertThat(person(meera).path("email").asText()).as("the edit after the run is kept whole").isEqualTo("meera@example.org");
        assertThat(person(meera).path("notes").asText()).isEqualTo("Edited by hand");
        assertThat(person(kiran).path("email").isNull()).isTrue();
        assertThat(imports.rows(second.path("id").asText())).extracting(r -> r.path("undoOutcome").asText(null))
                .containsExactly("kept_newer_change", null);
    }

    @Test
    void aRowPlacingSomeoneInAUnitWhosePrimaryContactHasNoPhone_isNotInviteable() {
        GuestList guests = new GuestList(api);
        String sharmas = guests.aUnit("alice", workspace, "The Sharmas");
        guests.addPerson("alice", workspace, sharmas, "Ravi Sharma", "98765 43210");
        String baby = guests.addPerson("alice", workspace, sharmas, "Baby Sharma", null).id();
        assertThat(api.put("alice", "/api/v1/workspaces/" + workspace + "/units/" + sharmas + "/primary-contact",
                java.util.Map.of("personId", baby)).status()).isEqualTo(200);
        imports.settle();

        JsonNode run = imports.importCsv("""
                Name,Phone,Household
                Ravi Sharma,98765 43210,Sharmas
                Asha Sharma,98765 43211,Sharmas
                Solo,98765 43212,
                """, "");

        List<JsonNode> rows = imports.rows(run.path("id").asText());
        assertThat(rows).extracting(r -> r.path("unitId").asText()).startsWith(sharmas, sharmas);
        assertThat(rows).extracting(r -> r.path("inviteable").asBoolean()).containsExactly(false, false, true);
        assertThat(run.path("inviteableRows").asInt()).isEqualTo(1);
        JsonNode unit = api.get("alice", "/api/v1/workspaces/" + workspace + "/units/" + sharmas).body();
        assertThat(unit.path("inviteable").asBoolean()).isFalse();
        JsonNode asha = person(rows.get(1).path("personId").asText());
        assertThat(asha.path("inviteable").asBoolean()).isFalse();
        assertThat(person(rows.get(2).path("personId").asText()).path("inviteable").asBoolean()).isTrue();
    }

    private JsonNode person(String id) {
        Api.Response person = api.get("alice", "/api/v1/workspaces/" + workspace + "/people/" + id);
        assertThat(person.status()).as(person.body().toString()).isEqualTo(200);
        return person.body();
    }
}
