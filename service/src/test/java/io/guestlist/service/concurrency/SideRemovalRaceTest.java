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
 * A side is removed from the workspace while units are being set to it: whichever wins, no unit is left
 * with a side the workspace no longer has (the removal is refused, side-in-use, or the units are, validation).
 */
class SideRemovalRaceTest extends ServiceTest {

    private static final int UNITS = 6;
    private static final int ROUNDS = 8;
    private static final List<String> WITH_FRIENDS = List.of("Bride", "Groom", "Friends");
    private static final List<String> WITHOUT_FRIENDS = List.of("Bride", "Groom");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(SideRemovalRaceTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void removingASide_whileUnitsAreSetToIt_neverLeavesAUnitOnASideTheWorkspaceLacks() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        String base = "/api/v1/workspaces/" + workspace;
        List<String> units = IntStream.range(0, UNITS).mapToObj(i -> created(api.post("alice", base + "/units",
                Map.of("name", "Unit " + i, "side", "Bride")))).toList();

        for (int round = 0; round < ROUNDS; round++) {
            ok(api.patch("alice", base, Map.of("sides", WITH_FRIENDS)));
            for (String unit : units) {
                ok(api.patch("alice", base + "/units/" + unit, Map.of("side", "Bride")));
            }

            List<Api.Response> responses = Race.of(UNITS + 1, i -> i == UNITS
                    ? api.patch("alice", base, Map.of("sides", WITHOUT_FRIENDS))
                    : api.patch("alice", base + "/units/" + units.get(i), Map.of("side", "Friends")));

            Api.Response removal = responses.get(UNITS);
            assertThat(removal.status()).as(removal.body().toString()).isIn(200, 409);
            assertThat(responses.subList(0, UNITS)).allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isIn(200, 400));
            List<String> sides = jdbc.queryForList("SELECT unnest(sides) FROM cmd_workspace WHERE workspace_id = ?", String.class,
                    UUID.fromString(workspace));
            List<String> unitSides = jdbc.queryForList("SELECT DISTINCT side FROM cmd_unit WHERE workspace_id = ?", String.class,
                    UUID.fromString(workspace));
            assertThat(sides).as("round %d: %s", round, responses).containsAll(unitSides);
        }
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.id();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }
}
