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

/** An import sets email and notes; a blank or implausible cell never overwrites what a person has. */
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

    private JsonNode person(String id) {
        Api.Response person = api.get("alice", "/api/v1/workspaces/" + workspace + "/people/" + id);
        assertThat(person.status()).as(person.body().toString()).isEqualTo(200);
        return person.body();
    }
}
