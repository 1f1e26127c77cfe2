package io.guestlist.service.concurrency;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Race;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §2.2 on the real database through the running service: whatever the outcome of sixteen
 * racing moves of one person, the person ends with exactly one active membership, and the
 * aggregate, the command-side lookup and the read model agree on which.
 */
class MoveConcurrencyTest extends ServiceTest {

    private static final int RACERS = 16;
    private static final String PERSON_MOVED = "io.guestlist.kernel.person.PersonMovedEvent";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(MoveConcurrencyTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void sixteenRacingMoves_ofOnePerson_leaveExactlyOneActiveMembership() {
        Api api = api();
        GuestList guests = new GuestList(api);
        String workspace = guests.aWorkspaceOwnedBy("alice");
        String home = guests.aUnit("alice", workspace, "Home");
        List<String> targets = IntStream.range(0, RACERS).mapToObj(i -> guests.aUnit("alice", workspace, "Target " + i)).toList();
        Api.Response added = guests.addPerson("alice", workspace, home, "Asha", "+91 98111 22233");
        assertThat(added.status()).isEqualTo(201);
        String person = added.id();

        List<Api.Response> responses = Race.of(RACERS, i -> api.post("alice",
                "/api/v1/workspaces/" + workspace + "/people/" + person + "/move", Map.of("unitId", targets.get(i))));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isIn(200, 409));
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        long moves = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(moves).isPositive();

        UUID finalUnit = lastMoveTarget(person);
        Api.Response read = api.get("alice", "/api/v1/workspaces/" + workspace + "/people/" + person + "?after=" + head());
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().path("unitId").asText()).isEqualTo(finalUnit.toString());

        UUID pid = UUID.fromString(person);
        assertThat(jdbc.queryForList("SELECT unit_id FROM memberships WHERE person_id = ? AND until IS NULL", UUID.class, pid))
                .containsExactly(finalUnit);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM memberships WHERE person_id = ?", Long.class, pid))
                .as("history keeps every membership").isEqualTo(1 + moves);
        assertThat(jdbc.queryForObject("SELECT unit_id FROM people WHERE person_id = ?", UUID.class, pid)).isEqualTo(finalUnit);
        assertThat(jdbc.queryForObject("SELECT unit_id FROM cmd_unit_member WHERE person_id = ?", UUID.class, pid)).isEqualTo(finalUnit);
        assertThat(jdbc.queryForList("SELECT unit_id FROM guest_units WHERE workspace_id = ? AND member_count > 0", UUID.class,
                UUID.fromString(workspace))).containsExactly(finalUnit);
        assertThat(jdbc.queryForList("SELECT unit_id FROM guest_units WHERE workspace_id = ? AND invite_target IS NOT NULL", UUID.class,
                UUID.fromString(workspace))).containsExactly(finalUnit);
    }

    /** Where the person aggregate's own history leaves them: the target of its last move (one move event per successful move). */
    private UUID lastMoveTarget(String person) {
        List<String> moves = jdbc.queryForList("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'toUnitId' FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number""",
                String.class, person, PERSON_MOVED);
        Long lastSequence = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, person);
        assertThat(lastSequence).as("one event per successful move after the add").isEqualTo((long) moves.size());
        return UUID.fromString(moves.get(moves.size() - 1));
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }
}
