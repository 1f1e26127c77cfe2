package io.guestlist.service.people;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A person's email and notes, their {@code inviteable}, and a person's edit as one command, over the API. */
class ContactDetailsApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ContactDetailsApiTest.class, registry);
    }

    private Api api;
    private GuestList guests;
    private String workspace;
    private String sharmas;

    @BeforeEach
    void aWorkspaceWithAnEditorAndAViewer() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        sharmas = guests.aUnit("alice", workspace, "The Sharmas");
    }

    @Test
    void aPersonAddedWithEmailAndNotes_readsThemBack_andIsInviteable() {
        Api.Response added = api.post("eddie", units() + "/" + sharmas + "/members",
                Map.of("name", "Asha", "phone", "+91 98111 22233", "email", " asha@example.org ", "notes", "Vegetarian\nNo nuts"));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

        JsonNode asha = person(added.id(), added.position()).body();
        assertThat(asha.path("email").asText()).isEqualTo("asha@example.org");
        assertThat(asha.path("notes").asText()).isEqualTo("Vegetarian\nNo nuts");
        assertThat(asha.path("inviteable").asBoolean()).isTrue();
        JsonNode member = unit(sharmas, added.position()).path("members").get(0);
        assertThat(member.path("email").asText()).isEqualTo("asha@example.org");
    }

    @Test
    void aDependentWithoutPhone_isNotInviteable_andNeitherIsAnyoneInAnArchivedUnit() {
        Api.Response baby = guests.addPerson("alice", workspace, sharmas, "Baby", null);
        Api.Response asha = guests.addPerson("alice", workspace, sharmas, "Asha", "+91 98111 22233");
        assertThat(person(baby.id(), asha.position()).body().path("inviteable").asBoolean()).isFalse();
        assertThat(person(asha.id(), asha.position()).body().path("inviteable").asBoolean()).isTrue();

        long archived = ok(api.patch("alice", units() + "/" + sharmas, Map.of("status", "ARCHIVED")));
        assertThat(person(asha.id(), archived).body().path("inviteable").asBoolean()).isFalse();
    }

    @Test
    void anEdit_changesEveryFieldGiven_andANullClearsEmailOrNotes() {
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha", "+91 98111 22233").id();

        long edited = ok(api.patch("eddie", people() + "/" + asha,
                Map.of("name", "Asha Sharma", "email", "asha@example.org", "notes", "Vegetarian")));
        JsonNode read = person(asha, edited).body();
        assertThat(read.path("name").asText()).isEqualTo("Asha Sharma");
        assertThat(read.path("email").asText()).isEqualTo("asha@example.org");
        assertThat(read.path("notes").asText()).isEqualTo("Vegetarian");

        Map<String, Object> clear = new HashMap<>();
        clear.put("email", null);
        long cleared = ok(api.patch("eddie", people() + "/" + asha, clear));
        read = person(asha, cleared).body();
        assertThat(read.path("email").isNull()).as(read.toString()).isTrue();
        assertThat(read.path("notes").asText()).isEqualTo("Vegetarian");
    }

    @Test
    void anEditWithOneBadField_changesNothing() {
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha", "+91 98111 22233").id();

        assertProblem(api.patch("alice", people() + "/" + asha, Map.of("name", "Asha Sharma", "email", "not an email")), 400, "validation");
        assertProblem(api.patch("alice", people() + "/" + asha, Map.of("name", "Asha Sharma", "notes", "n".repeat(4001))), 400, "validation");
        String bravo = guests.addPerson("alice", workspace, sharmas, "Bravo", "+91 98111 22244").id();
        Api.Response taken = api.patch("alice", people() + "/" + asha, Map.of("name", "Asha Sharma", "phone", "+91 98111 22244"));
        assertProblem(taken, 409, "phone-taken");

        JsonNode history = api.get("alice", people() + "/" + asha + "/history").body();
        assertThat(history.path("total").asLong()).as(history.toString()).isEqualTo(1);
        assertThat(bravo).isNotBlank();
    }

    @Test
    void anEditToTheCurrentValues_is200AndChangesNothing() {
        Api.Response added = api.post("alice", units() + "/" + sharmas + "/members",
                Map.of("name", "Asha", "phone", "+91 98111 22233", "email", "asha@example.org"));
        Api.Response same = api.patch("alice", people() + "/" + added.id(),
                Map.of("name", "Asha", "phone", "+91 98111 22233", "email", "asha@example.org"));
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(api.get("alice", people() + "/" + added.id() + "/history?after=" + same.position()).body().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void anEdit_asAViewer_is403_asAStranger_is404_andOfNoOne_is404_andWithAStaleIfMatch_is412() {
        Api.Response asha = guests.addPerson("alice", workspace, sharmas, "Asha", "+91 98111 22233");
        assertProblem(api.patch("victor", people() + "/" + asha.id(), Map.of("email", "a@example.org")), 403, "forbidden");
        assertProblem(api.patch("mallory", people() + "/" + asha.id(), Map.of("email", "a@example.org")), 404, "not-found");
        assertProblem(api.patch("alice", people() + "/" + UUID.randomUUID(), Map.of("email", "a@example.org")), 404, "not-found");

        ok(api.patch("alice", people() + "/" + asha.id(), Map.of("notes", "first")));
        Api.Response stale = api.send("alice", "PATCH", people() + "/" + asha.id(), Map.of("notes", "second"),
                Map.of("If-Match", asha.etag()));
        assertProblem(stale, 412, "precondition-failed");
    }

    private String units() {
        return "/api/v1/workspaces/" + workspace + "/units";
    }

    private String people() {
        return "/api/v1/workspaces/" + workspace + "/people";
    }

    private Api.Response person(String id, long after) {
        return api.get("alice", people() + "/" + id + "?after=" + after);
    }

    private JsonNode unit(String id, long after) {
        return api.get("alice", units() + "/" + id + "?after=" + after).body();
    }
}
