package io.guestlist.service.instances;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.Race;
import io.guestlist.service.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Racing commands spread over two instances, whose aggregate locks know nothing of each other:
 * the store and the lookup tables decide, a loser is retried on fresh state or told of the
 * conflict, never answered 500, and the invariants of SPEC §2.1 and §2.2 hold as on one instance.
 */
class RacesOnTwoInstancesTest {

    private static final int RACERS = 16;
    private static final String PROBLEMS = "https://guestlist.io/problems/";

    private static TwoInstances instances;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(RacesOnTwoInstancesTest.class);
        jdbc = instances.a().jdbc();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void sixteenRacingRenames_ofOneUnit_writeOneEventPerSuccess() {
        GuestList guests = new GuestList(instances.a().api());
        String workspace = guests.aWorkspaceOwnedBy("alice");
        String unit = guests.aUnit("alice", workspace, "The Sharmas");
        String path = "/api/v1/workspaces/" + workspace + "/units/" + unit;
        // Both instances have renamed it once, so both hold it in their caches, and neither is slower for a first call.
        assertThat(instances.a().api().patch("alice", path, Map.of("name", "Warm A")).status()).isEqualTo(200);
        assertThat(instances.b().api().patch("alice", path, Map.of("name", "Warm B")).status()).isEqualTo(200);

        List<Api.Response> responses = Race.of(RACERS, i -> instances.alternate(i).patch("alice", path, Map.of("name", "Racer " + i)));

        assertNoneFailedButByConflict(responses);
        List<String> landed = IntStream.range(0, RACERS).filter(i -> responses.get(i).status() == 200).mapToObj(i -> "Racer " + i).toList();
        assertThat(landed).isNotEmpty();
        List<String> written = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'name' FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type = 'io.guestlist.kernel.guestunit.UnitRenamedEvent'
                         ORDER BY sequence_number OFFSET 2""")
                .param(unit).query(String.class).list();
        assertThat(written).as("one rename event per 200").containsExactlyInAnyOrderElementsOf(landed);
        String finalName = written.get(written.size() - 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT name FROM guest_units WHERE unit_id = ?").param(UUID.fromString(unit)).query(String.class).list())
                        .containsExactly(finalName));
    }

    @Test
    void sixteenRacingAdds_ofOnePhone_yieldExactlyOnePerson() {
        GuestList guests = new GuestList(instances.a().api());
        String workspace = guests.aWorkspaceOwnedBy("bela");
        List<String> units = IntStream.range(0, RACERS).mapToObj(i -> guests.aUnit("bela", workspace, "Unit " + i)).toList();
        List<String> formats = List.of("+91 98111 22233", "098111 22233", "9811122233", "+919811122233");

        List<Api.Response> responses = Race.of(RACERS, i -> new GuestList(instances.alternate(i))
                .addPerson("bela", workspace, units.get(i), "Guest " + i, formats.get(i % formats.size())));

        List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).as(responses.toString()).hasSize(1);
        String winner = created.get(0).id();
        assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(loser -> {
            assertThat(loser.status()).as(loser.body().toString()).isEqualTo(409);
            assertThat(loser.body().path("type").asText()).isEqualTo(PROBLEMS + "phone-taken");
            assertThat(loser.body().path("personId").asText()).isEqualTo(winner);
        });
        UUID ws = UUID.fromString(workspace);
        assertThat(jdbc.sql("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ?").param(ws).query(UUID.class).list())
                .containsExactly(UUID.fromString(winner));
        assertThat(jdbc.sql("""
                        SELECT aggregate_identifier FROM domain_event_entry
                         WHERE payload_type = 'io.guestlist.kernel.person.PersonAddedEvent'
                           AND convert_from(payload, 'UTF8')::jsonb ->> 'workspaceId' = ?""")
                .param(workspace).query(String.class).list())
                .as("no losing racer left an event behind").containsExactly(winner);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT person_id FROM people WHERE workspace_id = ?").param(ws).query(UUID.class).list())
                        .containsExactly(UUID.fromString(winner)));
    }

    @Test
    void sixteenRacingReadds_ofARemovedPersonsPhone_reactivateHerExactlyOnce() {
        GuestList guests = new GuestList(instances.a().api());
        String workspace = guests.aWorkspaceOwnedBy("dora");
        String base = "/api/v1/workspaces/" + workspace;
        List<String> units = IntStream.range(0, RACERS).mapToObj(i -> guests.aUnit("dora", workspace, "Unit " + i)).toList();
        String asha = guests.addPerson("dora", workspace, units.get(0), "Asha", "+91 98111 22233").id();
        // Both instances hold her in their caches before she is removed.
        assertThat(instances.b().api().patch("dora", base + "/people/" + asha, Map.of("name", "Asha S")).status()).isEqualTo(200);
        assertThat(instances.a().api().delete("dora", base + "/units/" + units.get(0) + "/members/" + asha).status()).isEqualTo(200);

        List<Api.Response> responses = Race.of(RACERS, i -> new GuestList(instances.alternate(i))
                .addPerson("dora", workspace, units.get(i), "Guest " + i, "098111 22233"));

        List<Integer> winners = IntStream.range(0, RACERS).filter(i -> responses.get(i).status() == 200).boxed().toList();
        assertThat(winners).as(responses.toString()).hasSize(1);
        assertThat(responses.get(winners.get(0)).id()).isEqualTo(asha);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(loser -> {
            assertThat(loser.status()).as(loser.body().toString()).isEqualTo(409);
            assertThat(loser.body().path("type").asText()).isIn(PROBLEMS + "phone-taken", PROBLEMS + "concurrent-modification");
        });
        UUID pid = UUID.fromString(asha);
        UUID winnersUnit = UUID.fromString(units.get(winners.get(0)));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type = 'io.guestlist.kernel.person.PersonReactivatedEvent'""")
                .param(asha).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ?").param(UUID.fromString(workspace)).query(UUID.class).list())
                .containsExactly(pid);
        assertThat(jdbc.sql("SELECT unit_id FROM cmd_unit_member WHERE person_id = ?").param(pid).query(UUID.class).list())
                .containsExactly(winnersUnit);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT unit_id FROM memberships WHERE person_id = ? AND until IS NULL").param(pid).query(UUID.class).list())
                    .containsExactly(winnersUnit);
            assertThat(jdbc.sql("SELECT name FROM people WHERE person_id = ?").param(pid).query(String.class).list())
                    .containsExactly("Guest " + winners.get(0));
        });
    }

    @Test
    void sixteenRacingMoves_ofOnePerson_leaveExactlyOneMembership() {
        GuestList guests = new GuestList(instances.a().api());
        String workspace = guests.aWorkspaceOwnedBy("carla");
        String home = guests.aUnit("carla", workspace, "Home");
        List<String> targets = IntStream.range(0, RACERS).mapToObj(i -> guests.aUnit("carla", workspace, "Target " + i)).toList();
        Api.Response added = guests.addPerson("carla", workspace, home, "Asha", "+91 98111 22233");
        assertThat(added.status()).isEqualTo(201);
        String person = added.id();

        List<Api.Response> responses = Race.of(RACERS, i -> instances.alternate(i).post("carla",
                "/api/v1/workspaces/" + workspace + "/people/" + person + "/move", Map.of("unitId", targets.get(i))));

        assertNoneFailedButByConflict(responses);
        List<String> landed = IntStream.range(0, RACERS).filter(i -> responses.get(i).status() == 200).mapToObj(targets::get).toList();
        assertThat(landed).isNotEmpty();
        List<String> moves = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'toUnitId' FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type = 'io.guestlist.kernel.person.PersonMovedEvent'
                         ORDER BY sequence_number""")
                .param(person).query(String.class).list();
        assertThat(moves).as("one move event per 200").containsExactlyInAnyOrderElementsOf(landed);
        UUID finalUnit = UUID.fromString(moves.get(moves.size() - 1));
        UUID pid = UUID.fromString(person);
        assertThat(jdbc.sql("SELECT unit_id FROM cmd_unit_member WHERE person_id = ?").param(pid).query(UUID.class).list())
                .containsExactly(finalUnit);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT unit_id FROM memberships WHERE person_id = ? AND until IS NULL").param(pid).query(UUID.class).list())
                    .containsExactly(finalUnit);
            assertThat(jdbc.sql("SELECT count(*) FROM memberships WHERE person_id = ?").param(pid).query(Long.class).single())
                    .as("history keeps every membership").isEqualTo(1L + moves.size());
            assertThat(jdbc.sql("SELECT unit_id FROM people WHERE person_id = ?").param(pid).query(UUID.class).list())
                    .containsExactly(finalUnit);
        });
    }

    /** Every answer is a success or a 409 conflict as problem+json; none is a 500. */
    private static void assertNoneFailedButByConflict(List<Api.Response> responses) {
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.body().toString()).isIn(200, 409);
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.body().path("type").asText()).isEqualTo(PROBLEMS + "concurrent-modification");
            }
        });
    }
}
