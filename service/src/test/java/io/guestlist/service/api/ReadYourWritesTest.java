package io.guestlist.service.api;

import io.guestlist.query.support.ProcessorPositions;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A segment stores its token only with events it handles (else about every 5 s), so a stored token
 * often stands below a position the segment has nothing to do for. {@code ?after=} counts such
 * events as passed: a read naming a processor that skips the write, or a processor of two segments
 * of which one skips it, does not wait for that store. A try counts when the token, read after the
 * answer, still stands below the write; each try writes afresh, so a store that lands in between
 * only costs a retry.
 */
class ReadYourWritesTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ReadYourWritesTest.class, registry);
        registry.add("axon.eventhandling.processors.guest-list.initial-segment-count", () -> 2);
    }

    @Autowired
    private ReadYourWrites readYourWrites;
    @Autowired
    private ProcessorPositions positions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Serializer serializer;

    private Api api;
    private String unit;

    @BeforeEach
    void aUnit() {
        api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        unit = "/api/v1/workspaces/" + workspace + "/units/" + new GuestList(api).aUnit("alice", workspace, "The Bose Family");
    }

    @Test
    void aProcessorThatDoesNotHandleTheWrite_isCaughtUpWithIt_beforeItStoresItsToken() {
        await("imports caught up with a rename while its token stood below it").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    long renamed = rename();
                    return readYourWrites.caughtUp(renamed, Projections.IMPORTS) && storedNow(Projections.IMPORTS) < renamed;
                });
    }

    @Test
    void aSegmentThatDoesNotHandleTheWrite_doesNotHoldUpTheRead() {
        assertThat(positions.current().get(Projections.GUEST_LIST)).hasSize(2);
        await("guest-list caught up with a rename while one segment's token stood below it").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    long renamed = rename();
                    Api.Response read = api.get("alice", unit + "?after=" + renamed);
                    assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
                    return storedNow(Projections.GUEST_LIST) < renamed;
                });
    }

    private long rename() {
        Api.Response renamed = api.patch("alice", unit, Map.of("name", "The Bose Family " + System.nanoTime()));
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        return renamed.position();
    }

    /** The processor's slowest segment as stored now (a reader of its own shares no earlier read). */
    private long storedNow(String processor) {
        return new ProcessorPositions(jdbc, serializer).lowest(processor);
    }
}
