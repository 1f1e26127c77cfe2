package io.guestlist.service.instances;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands on one unit sent in turn to two instances, each with its own aggregate cache: every
 * call decides on the unit as it is in the store, so no write is lost and no race answers 500.
 * What was written is read from the event store, the truth the read model follows.
 */
class CommandsOnTwoInstancesTest {

    private static final String RENAMED = "io.guestlist.kernel.guestunit.UnitRenamedEvent";
    private static final String ARCHIVED = "io.guestlist.kernel.guestunit.UnitArchivedEvent";
    private static final String RESTORED = "io.guestlist.kernel.guestunit.UnitRestoredEvent";

    private static TwoInstances instances;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(CommandsOnTwoInstancesTest.class);
        jdbc = instances.a().jdbc();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    /** The lost write of issue 9: A's cached unit still said X, so its rename to X wrote nothing. */
    @Test
    void renameToX_onA_toY_onB_toX_onA_endsAsX() {
        Api a = instances.a().api();
        Api b = instances.b().api();
        Unit unit = Unit.of("alice", "The Sharmas");

        assertThat(rename(a, unit, "X").status()).isEqualTo(200);
        assertThat(rename(b, unit, "Y").status()).isEqualTo(200);
        Api.Response last = rename(a, unit, "X");

        assertThat(last.status()).as(last.body().toString()).isEqualTo(200);
        assertThat(lastNameWritten(unit.id())).isEqualTo("X");
        assertThat(count(unit.id(), RENAMED)).isEqualTo(3);
        assertThat(last.position()).isEqualTo(lastPositionOf(unit.id()));
        awaitReadModel(unit.id(), "X", "ACTIVE");
    }

    @Test
    void archiveOnB_thenOnA_isNoChange() {
        Api a = instances.a().api();
        Api b = instances.b().api();
        Unit unit = Unit.of("bela", "The Kapoors");
        assertThat(rename(a, unit, "The Kapoor family").status()).isEqualTo(200);

        assertThat(status(b, unit, "ARCHIVED").status()).isEqualTo(200);
        Api.Response again = status(a, unit, "ARCHIVED");

        // archived already, as A now reads from the store: the same value is no change (issue 12)
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(count(unit.id(), ARCHIVED)).isEqualTo(1);
    }

    @Test
    void fiftyRenamesAndStatusChanges_alternatingBetweenInstances_allLand() {
        Unit unit = Unit.of("carla", "The Mehtas");

        String status = "ACTIVE";
        for (int i = 0; i < 50; i++) {
            String name = "Name " + i;
            Api.Response renamed = rename(instances.alternate(i), unit, name);
            assertThat(renamed.status()).as("rename %d: %s", i, renamed.body()).isEqualTo(200);
            assertThat(lastNameWritten(unit.id())).as("rename %d", i).isEqualTo(name);

            status = i % 2 == 0 ? "ARCHIVED" : "ACTIVE";
            Api.Response changed = status(instances.alternate(i + 1), unit, status);
            assertThat(changed.status()).as("status %d: %s", i, changed.body()).isEqualTo(200);
            assertThat(lastStatusWritten(unit.id())).as("status %d", i).isEqualTo(status);
        }

        assertThat(count(unit.id(), RENAMED)).isEqualTo(50);
        assertThat(count(unit.id(), ARCHIVED) + count(unit.id(), RESTORED)).isEqualTo(50);
        awaitReadModel(unit.id(), "Name 49", status);
    }

    /** A unit of a workspace, and the workspace's owner, who sends every command. */
    private record Unit(String owner, String workspace, String id) {

        static Unit of(String owner, String name) {
            GuestList guests = new GuestList(instances.a().api());
            String workspace = guests.aWorkspaceOwnedBy(owner);
            return new Unit(owner, workspace, guests.aUnit(owner, workspace, name));
        }
    }

    private static Api.Response rename(Api api, Unit unit, String name) {
        return api.patch(unit.owner(), "/api/v1/workspaces/" + unit.workspace() + "/units/" + unit.id(), Map.of("name", name));
    }

    private static Api.Response status(Api api, Unit unit, String status) {
        return api.patch(unit.owner(), "/api/v1/workspaces/" + unit.workspace() + "/units/" + unit.id(), Map.of("status", status));
    }

    private static String lastNameWritten(String unit) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'name' FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number DESC LIMIT 1""")
                .params(unit, RENAMED).query(String.class).single();
    }

    private static String lastStatusWritten(String unit) {
        String type = jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type IN (?, ?) ORDER BY sequence_number DESC LIMIT 1""")
                .params(unit, ARCHIVED, RESTORED).query(String.class).single();
        return type.equals(ARCHIVED) ? "ARCHIVED" : "ACTIVE";
    }

    private static long count(String unit, String payloadType) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .params(unit, payloadType).query(Long.class).single();
    }

    private static long lastPositionOf(String unit) {
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(unit).query(Long.class).single();
    }

    /** Whichever instance projects it, the read model comes to the last write of each kind. */
    private static void awaitReadModel(String unit, String name, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT name, status FROM guest_units WHERE unit_id = ?").param(UUID.fromString(unit))
                        .query().listOfRows()).containsExactly(Map.of("name", name, "status", status)));
    }
}
