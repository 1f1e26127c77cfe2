package io.guestlist.service.people;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Occasions;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bringing a removed person back (by re-adding their phone, or by moving them) and deleting a person, over the API. */
class PersonLifecycleApiTest extends ServiceTest {

    private static final String PHONE = "+91 98111 22233";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(PersonLifecycleApiTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private GuestList guests;
    private String workspace;
    private String sharmas;
    private String kapoors;

    @BeforeEach
    void aWorkspaceWithAnEditorAndAViewer() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        sharmas = guests.aUnit("alice", workspace, "The Sharmas");
        kapoors = guests.aUnit("alice", workspace, "The Kapoors");
    }

    // bring back

    @Test
    void addingThePhoneOfARemovedPerson_bringsHerBackIntoThatUnitUnderTheNameGiven() {
        String asha = aRemovedPerson();

        Api.Response readded = guests.addPerson("eddie", workspace, kapoors, "Asha Kapoor", "098111 22233");

        assertThat(readded.status()).as(readded.body().toString()).isEqualTo(200);
        assertThat(readded.id()).isEqualTo(asha);
        assertThat(readded.body().path("reactivated").asBoolean()).isTrue();
        JsonNode person = person(asha, readded.position()).body();
        assertThat(person.path("name").asText()).isEqualTo("Asha Kapoor");
        assertThat(person.path("unitId").asText()).isEqualTo(kapoors);
        assertThat(unit(kapoors, readded.position()).path("members")).singleElement()
                .satisfies(m -> assertThat(m.path("id").asText()).isEqualTo(asha));
        assertThat(types(api.get("alice", people() + "/" + asha + "/history?after=" + readded.position()).body()))
                .containsSubsequence("PersonRemoved", "PersonReactivated", "PersonRenamed");
        assertThat(jdbc.queryForList("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ?", UUID.class, UUID.fromString(workspace)))
                .containsExactly(UUID.fromString(asha));
    }

    @Test
    void addingThePhoneOfAnActivePerson_isStillPhoneTakenNamingHer() {
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha", PHONE).id();

        Api.Response rejected = guests.addPerson("alice", workspace, kapoors, "Asha Kapoor", "9811122233");

        assertProblem(rejected, 409, "phone-taken");
        assertThat(rejected.body().path("personId").asText()).isEqualTo(asha);
    }

    @Test
    void readdingARemovedPerson_asAViewer_is403_andAsAStranger_is404() {
        aRemovedPerson();

        assertProblem(guests.addPerson("victor", workspace, kapoors, "Asha", PHONE), 403, "forbidden");
        assertProblem(guests.addPerson("mallory", workspace, kapoors, "Asha", PHONE), 404, "not-found");
    }

    @Test
    void movingARemovedPerson_reactivatesHerInThatUnit() {
        String asha = aRemovedPerson();

        Api.Response moved = api.post("eddie", people() + "/" + asha + "/move", Map.of("unitId", kapoors));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(person(asha, moved.position()).body().path("unitId").asText()).isEqualTo(kapoors);
        assertProblem(api.post("victor", people() + "/" + asha + "/move", Map.of("unitId", sharmas)), 403, "forbidden");
        assertProblem(api.post("mallory", people() + "/" + asha + "/move", Map.of("unitId", sharmas)), 404, "not-found");
    }

    // delete

    @Test
    void deletingAPerson_takesHerOutOfEveryRead_keepsHerEvents_andFreesHerPhone() {
        Occasions events = new Occasions(api, "alice", workspace);
        String mehndi = events.anEvent("Mehndi");
        ok(events.setRules(mehndi, Map.of("include", Map.of("all", true))));
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha", PHONE).id();
        String ravi = guests.addPerson("alice", workspace, sharmas, "Ravi", "+91 98111 44455").id();
        long before = guests.addPerson("alice", workspace, kapoors, "Vikram", null).position();
        assertThat(events.audience(mehndi, before, "").body().path("totals").path("people").asLong()).isEqualTo(3);

        Api.Response deleted = api.delete("eddie", people() + "/" + asha);

        assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(200);
        long at = deleted.position();
        assertProblem(person(asha, at), 404, "not-found");
        assertThat(api.get("alice", people() + "?phone=9811122233&after=" + at).body().path("items")).isEmpty();
        JsonNode unit = unit(sharmas, at);
        assertThat(unit.path("members")).singleElement().satisfies(m -> assertThat(m.path("id").asText()).isEqualTo(ravi));
        JsonNode audience = events.audience(mehndi, at, "").body();
        assertThat(audience.path("totals").path("people").asLong()).isEqualTo(2);
        assertThat(StreamSupport.stream(audience.path("items").spliterator(), false)
                .filter(u -> u.path("unitId").asText().equals(sharmas)).findFirst().orElseThrow().path("memberCount").asInt()).isEqualTo(1);
        assertThat(types(api.get("alice", people() + "/" + asha + "/history?after=" + at).body())).containsExactly("PersonAdded", "PersonDeleted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cmd_phone_claim WHERE person_id = ?", Integer.class, UUID.fromString(asha))).isZero();

        Api.Response again = guests.addPerson("alice", workspace, kapoors, "Asha", "098111 22233");
        assertThat(again.status()).as("her phone is free: " + again.body()).isEqualTo(201);
        assertThat(again.id()).isNotEqualTo(asha);
    }

    @Test
    void deletingTwice_is404() {
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha", PHONE).id();
        ok(api.delete("alice", people() + "/" + asha));

        assertProblem(api.delete("alice", people() + "/" + asha), 404, "not-found");
        assertProblem(api.post("alice", people() + "/" + asha + "/move", Map.of("unitId", kapoors)), 404, "not-found");
        assertProblem(api.patch("alice", people() + "/" + asha, Map.of("name", "Asha K")), 404, "not-found");
    }

    @Test
    void deletingARemovedPerson_freesHerPhone() {
        String asha = aRemovedPerson();

        ok(api.delete("alice", people() + "/" + asha));

        Api.Response added = guests.addPerson("alice", workspace, kapoors, "Asha", PHONE);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.id()).isNotEqualTo(asha);
    }

    @Test
    void deleting_asAViewer_is403_asAStranger_is404_andInAnotherWorkspace_is404() {
        Api.Response added = guests.addPerson("alice", workspace, sharmas, "Asha", PHONE);
        String asha = added.id();
        String other = guests.aWorkspaceOwnedBy("mallory");

        assertProblem(api.delete("victor", people() + "/" + asha), 403, "forbidden");
        assertProblem(api.delete("mallory", people() + "/" + asha), 404, "not-found");
        assertProblem(api.delete("mallory", "/api/v1/workspaces/" + other + "/people/" + asha), 404, "not-found");
        assertProblem(api.delete("alice", people() + "/" + UUID.randomUUID()), 404, "not-found");
        assertThat(person(asha, added.position()).status()).as("still there").isEqualTo(200);
    }

    @Test
    void deletingWithAStaleIfMatch_is412AndDeletesNothing() {
        Api.Response added = guests.addPerson("alice", workspace, sharmas, "Asha", PHONE);
        String asha = added.id();
        Api.Response renamed = api.patch("alice", people() + "/" + asha, Map.of("name", "Asha S"));
        assertThat(renamed.etag()).isNotEqualTo(added.etag());

        Api.Response stale = api.send("alice", "DELETE", people() + "/" + asha, null, Map.of("If-Match", added.etag()));

        assertProblem(stale, 412, "precondition-failed");
        assertThat(person(asha, renamed.position()).status()).isEqualTo(200);
        Api.Response deleted = api.send("alice", "DELETE", people() + "/" + asha, null, Map.of("If-Match", renamed.etag()));
        assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(200);
    }

    /** Asha added to the Sharmas with {@link #PHONE}, then removed from them; her id. */
    private String aRemovedPerson() {
        String asha = guests.addPerson("alice", workspace, sharmas, "Asha Sharma", PHONE).id();
        ok(api.delete("alice", "/api/v1/workspaces/" + workspace + "/units/" + sharmas + "/members/" + asha));
        return asha;
    }

    private String people() {
        return "/api/v1/workspaces/" + workspace + "/people";
    }

    private Api.Response person(String id, long after) {
        return api.get("alice", people() + "/" + id + "?after=" + after);
    }

    private JsonNode unit(String id, long after) {
        return api.get("alice", "/api/v1/workspaces/" + workspace + "/units/" + id + "?after=" + after).body();
    }

    private static List<String> types(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("type").asText()).toList();
    }
}
