package io.guestlist.service.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import io.guestlist.service.support.WeddingHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2.6: every stored event names the acting member and the request it belongs to. */
class AttributionTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(AttributionTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private record StoredEvent(String aggregate, String type, String timeStamp, JsonNode payload, JsonNode metaData) {
    }

    @Test
    void everyEventWrittenThroughTheApi_carriesItsMemberAndACorrelationId() {
        long before = head();
        String workspace = new WeddingHistory(api(), "alice").write();

        List<StoredEvent> events = events().stream().skip(before).toList();
        assertThat(events).hasSizeGreaterThan(30).allSatisfy(e -> {
            assertThat(e.metaData().path("memberId").asText()).as(e.type()).isIn("alice", "erin");
            assertThat(e.metaData().path("correlationId").asText()).as(e.type()).isNotBlank();
            assertThat(e.timeStamp()).isNotBlank();
        });
        assertThat(events).filteredOn(e -> "The Guptas".equals(e.payload().path("name").asText()))
                .singleElement().satisfies(e -> assertThat(e.metaData().path("memberId").asText()).isEqualTo("erin"));
        assertThat(events).filteredOn(e -> workspace.equals(e.aggregate()) && e.type().endsWith("WorkspaceCreatedEvent"))
                .singleElement().satisfies(e -> assertThat(e.metaData().path("memberId").asText()).isEqualTo("alice"));
        assertThat(events.stream().map(e -> e.metaData().path("correlationId").asText()).distinct().count())
                .as("each request without X-Request-Id gets a correlation id of its own").isGreaterThan(20);
    }

    @Test
    void xRequestId_becomesTheCorrelationIdOfEveryEventOfItsRequest() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("bob");
        String base = "/api/v1/workspaces/" + workspace;

        Api.Response created = api.send("bob", "POST", base + "/units", Map.of("name", "The Iyers"), Map.of("X-Request-Id", "req-create-iyers"));
        String iyers = created.id();
        assertThat(eventsOf(iyers)).singleElement().satisfies(e -> assertAttributed(e, "bob", "req-create-iyers"));

        Api.Response patched = api.send("bob", "PATCH", base + "/units/" + iyers,
                Map.of("name", "Iyer Family", "side", "Bride", "tags", List.of("family")), Map.of("X-Request-Id", "req-patch-iyers"));
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(eventsOf(iyers)).hasSize(4);
        assertThat(eventsOf(iyers).subList(1, 4)).allSatisfy(e -> assertAttributed(e, "bob", "req-patch-iyers"));

        String source = guests.aUnit("bob", workspace, "Source");
        String person = guests.addPerson("bob", workspace, source, "Lata", "+91 98111 22233").id();
        long before = head();
        Api.Response merged = api.send("bob", "POST", base + "/units/" + source + "/merge", Map.of("intoUnitId", iyers),
                Map.of("X-Request-Id", "req-merge"));
        assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
        List<StoredEvent> mergeEvents = events().stream().skip(before).toList();
        assertThat(mergeEvents).extracting(StoredEvent::aggregate).contains(source, person);
        assertThat(mergeEvents).hasSize(3).allSatisfy(e -> assertAttributed(e, "bob", "req-merge"));
    }

    private static void assertAttributed(StoredEvent e, String member, String correlation) {
        assertThat(e.metaData().path("memberId").asText()).as(e.type()).isEqualTo(member);
        assertThat(e.metaData().path("correlationId").asText()).as(e.type()).isEqualTo(correlation);
    }

    private List<StoredEvent> eventsOf(String aggregate) {
        return events().stream().filter(e -> e.aggregate().equals(aggregate)).toList();
    }

    private List<StoredEvent> events() {
        return jdbc.query("SELECT aggregate_identifier, payload_type, time_stamp, payload, meta_data FROM domain_event_entry ORDER BY global_index",
                (rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), json(rs.getBytes(4)), json(rs.getBytes(5))));
    }

    /** How many events are stored (the tests' events are in global order, without gaps, as they run one at a time). */
    private long head() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? JSON.nullNode() : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
