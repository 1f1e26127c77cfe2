package io.guestlist.service.instances;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.guestlist.service.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two co-hosts on two instances edit one unit that both instances hold in their aggregate caches:
 * the write on A moves the version on, and B, asked with the old ETag, refuses it (412) rather than
 * deciding on its cached copy.
 */
class IfMatchOnTwoInstancesTest {

    private static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(IfMatchOnTwoInstancesTest.class);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void aStaleETag_isRefusedOnTheOtherInstance_andChangesNothing() {
        Api a = instances.a().api();
        Api b = instances.b().api();
        GuestList guestList = new GuestList(a);
        String workspace = guestList.aWorkspaceOwnedBy("alice");
        guestList.addMember("alice", workspace, "bob", "EDITOR");
        String unit = "/api/v1/workspaces/" + workspace + "/units/" + guestList.aUnit("alice", workspace, "The Rao Family");

        Api.Response onA = a.patch("alice", unit, Map.of("side", "Bride"));
        Api.Response onB = b.patch("bob", unit, Map.of("tags", List.of("family")));
        assertThat(onA.status()).isEqualTo(200);
        assertThat(onB.status()).isEqualTo(200);
        String etag = onB.etag();
        assertThat(read(a, "alice", unit, onB.position()).etag()).isEqualTo(etag);
        assertThat(read(b, "bob", unit, onB.position()).etag()).isEqualTo(etag);

        Api.Response first = a.send("alice", "PATCH", unit, Map.of("name", "The Rao-Iyer Family"), Map.of("If-Match", etag));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        Api.Response second = b.send("bob", "PATCH", unit, Map.of("name", "Rao"), Map.of("If-Match", etag));
        assertProblem(second, 412, "precondition-failed");

        Api.Response after = read(b, "bob", unit, first.position());
        assertThat(after.body().path("name").asText()).isEqualTo("The Rao-Iyer Family");
        assertThat(after.etag()).isEqualTo(first.etag());
    }

    private static Api.Response read(Api api, String user, String unit, long after) {
        return await("a read of the unit with its ETag").atMost(Duration.ofSeconds(60))
                .until(() -> api.get(user, unit + "?after=" + after), r -> r.status() == 200 && r.etag() != null);
    }
}
