package io.guestlist.service.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event no projection can write (a unit name with NUL, which PostgreSQL text cannot hold) is
 * stored straight into the event store: it is parked with the rest of its sequence (in guest-list
 * its workspace's events, elsewhere its aggregate's), every other read goes on, operators see it,
 * and a retry after a fix projects it.
 */
class DeadLetterApiTest extends ServiceTest {

    private static final String LETTERS = "/api/v1/operations/dead-letters";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(DeadLetterApiTest.class, registry);
        registry.add("guestlist.operators", () -> "ops");
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void everyStreamingProcessor_hasADeadLetterQueue() {
        List<String> streaming = processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor).map(Map.Entry::getKey).toList();
        assertThat(streaming).containsExactlyInAnyOrder("guest-list", "imports", "audit");
        streaming.forEach(group -> assertThat(processing.deadLetterQueue(group)).as(group).isPresent());
    }

    @Test
    void aPoisonEvent_isParkedWithItsSequence_whileOtherWorkGoesOn_andARetryAfterAFixProjectsIt() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String alices = guests.aWorkspaceOwnedBy("alice");
        String model = guests.aUnit("alice", alices, "The Sharmas");
        api.patch("alice", units(alices) + "/" + model, Map.of("name", "The Sharma Family"));
        String bobs = guests.aWorkspaceOwnedBy("bob");

        String poisoned = UUID.randomUUID().toString();
        String created = storeCopy(model, "UnitCreatedEvent", poisoned, 0, "The Nul\u0000 Family");
        String renamed = storeCopy(model, "UnitRenamedEvent", poisoned, 1, "The Nul Family, renamed");
        long poisonPosition = positionOf(created);

        List<JsonNode> parked = awaitLetters("guest-list", poisoned, 2);
        JsonNode first = parked.get(0);
        assertThat(first.path("event").path("identifier").asText()).isEqualTo(created);
        assertThat(first.path("event").path("type").asText()).isEqualTo("UnitCreated");
        assertThat(first.path("event").path("position").asLong()).isEqualTo(poisonPosition);
        assertThat(first.path("error").path("type").asText()).isEqualTo("org.postgresql.util.PSQLException");
        assertThat(first.path("error").path("message").asText()).contains("0x00");
        assertThat(first.path("enqueuedAt").asText()).isNotBlank();
        assertThat(parked.get(1).path("event").path("identifier").asText()).isEqualTo(renamed);
        assertThat(parked.get(1).path("sequenceIndex").asLong()).isGreaterThan(first.path("sequenceIndex").asLong());
        List<JsonNode> audited = awaitLetters("audit", poisoned, 2);
        assertThat(audited.get(0).path("error").path("message").asText()).contains("0000");

        Api.Response added = api.post("bob", units(bobs), Map.of("name", "The Khans"));
        assertThat(added.position()).isGreaterThan(poisonPosition);
        Api.Response read = api.get("bob", units(bobs) + "/" + added.id() + "?after=" + added.position());
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().path("name").asText()).isEqualTo("The Khans");
        assertThat(api.get("bob", "/api/v1/workspaces/" + bobs + "/audit?after=" + added.position()).status()).isEqualTo(200);
        assertThat(api.get("alice", units(alices) + "/" + model + "?after=" + added.position()).status()).isEqualTo(200);
        assertThat(api.get("alice", units(alices) + "/" + poisoned).status()).isEqualTo(404);

        JsonNode health = api.get("alice", "/actuator/health").body();
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        JsonNode deadLetters = health.path("components").path("deadLetters");
        assertThat(deadLetters.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(deadLetters.path("details").path("count").asLong()).isEqualTo(4);
        assertThat(deadLetters.path("details").path("groups").path("guest-list").asLong()).isEqualTo(2);
        assertThat(gauge("guest-list")).isEqualTo(2.0);
        assertThat(gauge("audit")).isEqualTo(2.0);
        assertThat(gauge("imports")).isZero();
        assertProblem(api.get("alice", LETTERS), 403, "forbidden");

        fix(created);
        for (JsonNode letter : List.of(first, audited.get(0))) {
            Api.Response retried = api.post("ops", LETTERS + "/" + letter.path("id").asText() + "/retry", null);
            assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
            assertThat(retried.body().path("resolved").asBoolean()).as(retried.body().toString()).isTrue();
            assertThat(retried.body().path("stillParked")).isEmpty();
        }
        assertThat(letters()).isEmpty();
        assertThat(api.get("alice", units(alices) + "/" + poisoned).body().path("name").asText()).isEqualTo("The Nul Family, renamed");
        assertThat(api.get("alice", "/api/v1/workspaces/" + alices + "/audit?aggregateId=" + poisoned).body().path("total").asLong())
                .isEqualTo(2);
        assertThat(api.get("ops", "/actuator/health").body().path("status").asText()).isEqualTo("UP");
        assertThat(gauge("guest-list")).isZero();
    }

    @Test
    void aRetryThatStillFails_keepsTheLetter_andAnEvictDropsIt() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("carol");
        String model = guests.aUnit("carol", workspace, "The Rao Family");
        String poisoned = UUID.randomUUID().toString();
        String created = storeCopy(model, "UnitCreatedEvent", poisoned, 0, "\u0000");

        String id = awaitLetters("guest-list", poisoned, 1).get(0).path("id").asText();
        Api.Response retried = api.post("ops", LETTERS + "/" + id + "/retry", null);
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().path("resolved").asBoolean()).isFalse();
        assertThat(retried.body().path("stillParked")).hasSize(1);
        assertThat(retried.body().path("stillParked").get(0).path("event").path("identifier").asText()).isEqualTo(created);
        assertThat(retried.body().path("stillParked").get(0).path("error").path("message").asText()).contains("0x00");

        assertProblem(api.delete("carol", LETTERS + "/" + id), 403, "forbidden");
        assertThat(api.delete("ops", LETTERS + "/" + id).status()).isEqualTo(204);
        assertThat(letters()).noneMatch(l -> l.path("id").asText().equals(id));
        assertProblem(api.delete("ops", LETTERS + "/" + id), 404, "not-found");
        assertProblem(api.post("ops", LETTERS + "/" + id + "/retry", null), 404, "not-found");
        for (JsonNode audited : awaitLetters("audit", poisoned, 1)) {
            assertThat(api.delete("ops", LETTERS + "/" + audited.path("id").asText()).status()).isEqualTo(204);
        }
        assertThat(letters()).isEmpty();
    }

    @Test
    void anEventAHandlerThrowsOn_isParkedAsWell_andOtherEventsOfItsBatchAreProjected() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("dave");
        String model = guests.aUnit("dave", workspace, "The Iyer Family");
        String unreadable = UUID.randomUUID().toString();
        // One transaction: processors woken by the commit must never see the copy before it is made unreadable.
        String created = new TransactionTemplate(transactions).execute(status -> {
            String copy = storeCopy(model, "UnitCreatedEvent", unreadable, 0, "The Unreadables");
            jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"tags\":[]',"
                    + " '\"tags\":{\"not\":\"a list\"}'), 'UTF8') WHERE event_identifier = ?", copy);
            return copy;
        });
        Api.Response after = api.post("dave", units(workspace), Map.of("name", "The Menons"));

        JsonNode letter = awaitLetters("guest-list", unreadable, 1).get(0);
        assertThat(letter.path("event").path("identifier").asText()).isEqualTo(created);
        assertThat(letter.path("error").path("type").asText()).startsWith("com.fasterxml.jackson.");
        assertThat(api.get("dave", units(workspace) + "/" + after.id() + "?after=" + after.position()).status()).isEqualTo(200);
        assertThat(api.get("dave", units(workspace) + "/" + unreadable).status()).isEqualTo(404);

        for (JsonNode parked : letters()) {
            assertThat(api.delete("ops", LETTERS + "/" + parked.path("id").asText()).status()).isEqualTo(204);
        }
        assertThat(letters()).isEmpty();
    }

    private static String units(String workspace) {
        return "/api/v1/workspaces/" + workspace + "/units";
    }

    /** Stores a copy of one of {@code model}'s events as event {@code sequence} of another unit, with another name. */
    private String storeCopy(String model, String payloadType, String unit, long sequence, String name) {
        Map<String, Object> row = jdbc.queryForMap("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                model, "%." + payloadType);
        String eventId = UUID.randomUUID().toString();
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                        payload_type, payload_revision, payload, meta_data)
                        SELECT ?, ?, ?, type, time_stamp, payload_type, payload_revision, ?, meta_data
                        FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?""",
                eventId, unit, sequence, withUnitAndName((byte[]) row.get("payload"), unit, name), model, "%." + payloadType);
        return eventId;
    }

    private static byte[] withUnitAndName(byte[] payload, String unit, String name) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(payload);
            json.put("unitId", unit).put("name", name);
            return JSON.writeValueAsBytes(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fix an operator might make: the name without its NUL, in the parked letter and in the store. */
    private void fix(String eventId) {
        for (String table : List.of("dead_letter_entry", "domain_event_entry")) {
            jdbc.update("UPDATE " + table + " SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '\\u0000', ''), 'UTF8')"
                    + " WHERE event_identifier = ?", eventId);
        }
    }

    private long positionOf(String eventId) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
    }

    private List<JsonNode> awaitLetters(String group, String aggregateId, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> letters().stream()
                .filter(l -> l.path("group").asText().equals(group))
                .filter(l -> l.path("event").path("aggregateId").asText().equals(aggregateId)).toList(), l -> l.size() == count);
    }

    private List<JsonNode> letters() {
        Api.Response listed = api().get("ops", LETTERS);
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        return StreamSupport.stream(listed.body().path("items").spliterator(), false).toList();
    }

    private double gauge(String group) {
        Api.Response metric = api().get("alice", "/actuator/metrics/" + DeadLetterGauges.METRIC + "?tag=group:" + group);
        assertThat(metric.status()).as(metric.body().toString()).isEqualTo(200);
        return metric.body().path("measurements").get(0).path("value").asDouble();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).isEqualTo("https://guestlist.io/problems/" + type);
    }
}
