package io.guestlist.service.instances;

import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The harness itself: two instances on one database serve one workspace, each with its own port. */
class TwoInstancesHarnessTest {

    private static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.on(TwoInstancesHarnessTest.class);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void aWorkspaceCreatedOnA_isReadOnB() {
        assertThat(instances.a().port()).isNotEqualTo(instances.b().port());
        String workspace = new GuestList(instances.a().api()).aWorkspaceOwnedBy("alice");
        Api b = instances.b().api();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(b.get("alice", "/api/v1/workspaces/" + workspace).status()).isEqualTo(200));
    }
}
