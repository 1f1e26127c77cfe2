package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
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

import static io.guestlist.service.support.Occasions.ok;
import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH …/units/{id}} is one command: every field given changes, or none does; the same value is no change. */
class UnitEditApiTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(UnitEditApiTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private String workspace;
    private String sharmas;
    private long createdAt;

    @BeforeEach
    void aWorkspaceWithAUnit() {
        api = api();
        GuestList guests = new GuestList(api);
        workspace = guests.aWorkspaceOwnedBy("alice");
        guests.addMember("alice", workspace, "victor", "VIEWER");
        Api.Response created = api.post("alice", "/api/v1/workspaces/" + workspace + "/units", Map.of("name", "The Sharmas"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        sharmas = created.id();
        createdAt = created.position();
    }

    @Test
    void aMergesAnswer_coversTheMovesOfItsMembers_soAReadAfterItSeesThemInTheUnitKept() {
        GuestList guests = new GuestList(api);
        String kapoors = guests.aUnit("alice", workspace, "The Kapoors");
        String anita = guests.addPerson("alice", workspace, kapoors, "Anita", "+91 98111 77701").id();

        long merged = ok(api.post("alice", unit(kapoors) + "/merge", Map.of("intoUnitId", sharmas)));

        Long moved = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, anita);
        assertThat(merged).as("the member's move is an event of hers, appended after the units' own").isGreaterThanOrEqualTo(moved);
        JsonNode kept = api.get("alice", unit(sharmas) + "?after=" + merged).body();
        assertThat(kept.path("members")).extracting(m -> m.path("id").asText()).containsExactly(anita);
    }

    @Test
    void anEditWithOneBadField_changesNothing() {
        assertProblem(api.patch("alice", unit(sharmas), Map.of("name", "The Sharma Family", "tags", List.of("vip"),
                "side", "Neighbours", "status", "ARCHIVED")), 400, "validation");

        JsonNode history = api.get("alice", unit(sharmas) + "/history?after=" + createdAt).body();
        assertThat(history.path("total").asLong()).as(history.toString()).isEqualTo(1);
        JsonNode read = api.get("alice", unit(sharmas) + "?after=" + createdAt).body();
        assertThat(read.path("name").asText()).isEqualTo("The Sharmas");
        assertThat(read.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void everyFieldAtOnce_allChange() {
        long at = ok(api.patch("alice", unit(sharmas), Map.of("name", "The Sharma Family", "tags", List.of("vip", "family"),
                "side", "bride", "status", "ARCHIVED")));
        JsonNode read = api.get("alice", unit(sharmas) + "?after=" + at).body();
        assertThat(read.path("name").asText()).isEqualTo("The Sharma Family");
        assertThat(read.path("side").asText()).isEqualTo("Bride");
        assertThat(read.path("tags")).extracting(JsonNode::asText).containsExactly("family", "vip");
        assertThat(read.path("status").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    void theSameValues_are200AndNoEvent_evenActiveOnAnActiveUnit() {
        Api.Response same = api.patch("alice", unit(sharmas), Map.of("name", "The Sharmas", "status", "ACTIVE"));
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        ok(api.patch("alice", unit(sharmas), Map.of("status", "ARCHIVED")));
        Api.Response again = api.patch("alice", unit(sharmas), Map.of("status", "ARCHIVED"));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);

        JsonNode history = api.get("alice", unit(sharmas) + "/history?after=" + again.position()).body();
        assertThat(history.path("total").asLong()).as(history.toString()).isEqualTo(2);
    }

    @Test
    void asAViewer_is403_asAStranger_is404_anUnknownUnit_is404_andAStaleIfMatch_is412() {
        assertProblem(api.patch("victor", unit(sharmas), Map.of("name", "X")), 403, "forbidden");
        assertProblem(api.patch("mallory", unit(sharmas), Map.of("name", "X")), 404, "not-found");
        assertProblem(api.patch("alice", unit(UUID.randomUUID().toString()), Map.of("name", "X")), 404, "not-found");

        Api.Response first = api.send("alice", "PATCH", unit(sharmas), Map.of("name", "A"), Map.of("If-Match", "\"0\""));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"1\"");
        assertProblem(api.send("alice", "PATCH", unit(sharmas), Map.of("name", "B", "tags", List.of("vip")), Map.of("If-Match", "\"0\"")),
                412, "precondition-failed");
    }

    private String unit(String id) {
        return "/api/v1/workspaces/" + workspace + "/units/" + id;
    }
}
