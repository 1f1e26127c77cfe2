package io.guestlist.service.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import io.guestlist.query.audit.AuditProjection;
import io.guestlist.query.privacy.PersonalDataSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST …/people/{id}/erase} and {@code POST …/imports/{runId}/purge}: who may, what they answer, what reads show after. */
class ErasureApiTest extends ServiceTest {

    private static final String PHONE = "+91 98111 66601";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ErasureApiTest.class, registry);
        registry.add("guestlist.operators", () -> "ops");
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;
    @Autowired
    private EventProcessingConfiguration processing;

    private Api api;
    private GuestList guests;
    private String workspace;
    private String base;
    private String unit;

    @BeforeEach
    void aWorkspaceWithAnEditorAndAViewer() {
        api = api();
        guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        base = "/api/v1/workspaces/" + workspace;
        guests.addMember("alice", workspace, "eddie", "EDITOR");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        unit = guests.aUnit("alice", workspace, "The Sharmas");
    }

    @Test
    void erasing_asTheOwner_deletesThePerson_releasesThePhone_andHistoryShowsHerDataErased() {
        String asha = guests.addPerson("alice", workspace, unit, "Asha Erased", PHONE).id();

        Api.Response erased = api.post("alice", base + "/people/" + asha + "/erase", null);

        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
        assertProblem(api.get("alice", base + "/people/" + asha + "?after=" + erased.position()), 404, "not-found");
        Api.Response readded = guests.addPerson("alice", workspace, unit, "Someone New", PHONE);
        assertThat(readded.status()).as("the phone is free again: a new person").isEqualTo(201);
        assertThat(readded.id()).isNotEqualTo(asha);
        JsonNode history = api.get("alice", base + "/people/" + asha + "/history?after=" + erased.position()).body();
        assertThat(history.path("items")).extracting(i -> i.path("type").asText())
                .containsExactly("PersonAdded", "PersonDeleted", "PersonErased");
        JsonNode added = history.path("items").get(0);
        assertThat(added.path("memberId").asText()).isEqualTo("alice");
        assertThat(added.path("data").path("name").isNull()).isTrue();
        assertThat(added.path("data").path("phone").isNull()).isTrue();
        assertThat(added.path("data").path("erased").asBoolean()).isTrue();
        assertThat(history.path("items").get(2).path("data").path("erased").isMissingNode()).as("the erasure itself holds nothing erased").isTrue();
    }

    @Test
    void theInstanceThatErased_readsTheDataErasedAtOnce_beforeAnyProjectionHearsOfTheErasure() {
        Api.Response added = guests.addPerson("alice", workspace, unit, "Asha Atonce", "+91 98111 66605");
        String history = base + "/people/" + added.id() + "/history";
        assertThat(api.get("alice", history).body().path("items").get(0).path("data").path("name").asText())
                .as("read once in clear, so this instance holds the key").isEqualTo("Asha Atonce");
        EventProcessor audit = processing.eventProcessor(AuditProjection.GROUP).orElseThrow();
        audit.shutDown();
        try {
            ok(api.post("alice", base + "/people/" + added.id() + "/erase", null));

            JsonNode first = api.get("alice", history).body().path("items").get(0);
            assertThat(first.path("data").path("name").isNull()).as(first.toString()).isTrue();
            assertThat(first.path("data").path("erased").asBoolean()).isTrue();
        } finally {
            audit.start();
        }
    }

    @Test
    void erasing_asAnEditorOrViewer_is403_asAStranger_orAnUnknownPerson_is404_andTwice_is404() {
        Api.Response added = guests.addPerson("alice", workspace, unit, "Asha Kept", "+91 98111 66602");
        String asha = added.id();

        assertProblem(api.post("eddie", base + "/people/" + asha + "/erase", null), 403, "forbidden");
        assertProblem(api.post("victor", base + "/people/" + asha + "/erase", null), 403, "forbidden");
        assertProblem(api.post("mallory", base + "/people/" + asha + "/erase", null), 404, "not-found");
        assertProblem(api.post("alice", base + "/people/" + UUID.randomUUID() + "/erase", null), 404, "not-found");
        String otherWorkspace = guests.aWorkspaceOwnedBy("alice");
        assertProblem(api.post("alice", "/api/v1/workspaces/" + otherWorkspace + "/people/" + asha + "/erase", null), 404, "not-found");
        assertThat(api.get("alice", base + "/people/" + asha + "?after=" + added.position()).status()).as("nothing erased so far").isEqualTo(200);

        assertThat(api.post("alice", base + "/people/" + asha + "/erase", null).status()).isEqualTo(200);
        assertProblem(api.post("alice", base + "/people/" + asha + "/erase", null), 404, "not-found");
    }

    @Test
    void purgingARun_erasesTheRowsOfNoPerson_andKeepsTheRowsThatPlacedSomeone() {
        String run = importCsv("Name,Phone,Household\nRavi Placed,+91 98111 66603,The Raos\nNina Nophone,,The Raos\n");

        assertProblem(api.post("eddie", base + "/imports/" + run + "/purge", null), 403, "forbidden");
        assertProblem(api.post("alice", base + "/imports/" + UUID.randomUUID() + "/purge", null), 404, "not-found");
        Api.Response purged = api.post("alice", base + "/imports/" + run + "/purge", null);
        assertThat(purged.status()).as(purged.body().toString()).isEqualTo(200);

        JsonNode rows = api.get("alice", base + "/imports/" + run + "/rows?after=" + purged.position()).body().path("items");
        JsonNode placed = row(rows, 1);
        JsonNode skipped = row(rows, 2);
        assertThat(placed.path("parsed").path("name").asText()).isEqualTo("Ravi Placed");
        assertThat(skipped.path("outcome").asText()).isEqualTo("skipped_no_phone");
        assertThat(skipped.path("raw").isNull()).as(skipped.toString()).isTrue();
        assertThat(skipped.path("parsed").isNull()).isTrue();
        assertThat(api.post("alice", base + "/imports/" + run + "/purge", null).status()).as("purging again changes nothing").isEqualTo(200);
    }

    @Test
    void eventsStoredInClearBeforeEncryption_areEncryptedOnceByTheOperatorsStep_andThenErasable() {
        String asha = guests.addPerson("alice", workspace, unit, "Asha Oldstore", "+91 98111 66604").id();
        storeInClearAsBeforeEncryption(asha);
        assertThat(storedText(asha)).contains("Oldstore");

        assertProblem(api.post("alice", "/api/v1/operations/encrypt-personal-data", null), 403, "forbidden");
        JsonNode first = api.post("ops", "/api/v1/operations/encrypt-personal-data", null).body();
        JsonNode second = api.post("ops", "/api/v1/operations/encrypt-personal-data", null).body();

        assertThat(first.path("eventsEncrypted").asLong()).as(first.toString()).isPositive();
        assertThat(second.path("eventsEncrypted").asLong()).as("idempotent: " + second).isZero();
        assertThat(storedText(asha)).doesNotContain("Oldstore", "9811166604");
        assertThat(api.get("alice", base + "/people/" + asha + "/history").body().path("items").get(0).path("data").path("name").asText())
                .isEqualTo("Asha Oldstore");
        long erased = ok(api.post("alice", base + "/people/" + asha + "/erase", null)).position();
        assertThat(api.get("alice", base + "/people/" + asha + "/history?after=" + erased).body().path("items").get(0).path("data").path("name").isNull())
                .isTrue();
    }

    /** Rewrites the person's events as this service wrote them before personal data was encrypted: plain JSON. */
    private void storeInClearAsBeforeEncryption(String person) {
        jdbc.query("SELECT global_index, payload_type, payload_revision, payload FROM domain_event_entry WHERE aggregate_identifier = ?", rs -> {
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4), byte[].class, rs.getString(2), rs.getString(3)));
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    PersonalDataSerializer.plainJson(serializer, payload).getBytes(StandardCharsets.UTF_8), rs.getLong(1));
        }, person);
    }

    private String storedText(String person) {
        return String.join("\n", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, person));
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 299);
        return response;
    }

    private String importCsv(String csv) {
        Api.Response submitted = api.postBytes("alice", base + "/imports?channel=CSV", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        await("import completed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(api.get("alice", base + "/imports/" + submitted.id()).body().path("status").asText()));
        return submitted.id();
    }

    private static JsonNode row(JsonNode rows, int number) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.path("rowNumber").asInt() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + number + " in " + rows));
    }
}
