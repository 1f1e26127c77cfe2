package io.guestlist.service.instances;

import io.guestlist.service.support.ServiceInstance;
import io.guestlist.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances started at the same moment against a database that does not exist yet both come up
 * (issue 9 §6): both try to create it, the loser of the race takes the winner's; then both migrate it,
 * one after the other under Flyway's lock.
 */
class StartTogetherTest {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private final List<ServiceInstance> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ServiceInstance::close);
    }

    @Test
    void twoInstancesStartedTogether_onAMissingDatabase_bothComeUp() throws Exception {
        String url = TestDatabase.missing(StartTogetherTest.class);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        // Two applications starting at once in one JVM race on the one shared logback context (separate
        // processes do not): logging is left as it is for these two.
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            List<Future<ServiceInstance>> starting = List.of("a", "b").stream().map(name -> starters.submit(() -> {
                together.await();
                ServiceInstance instance = ServiceInstance.start(name, url);
                started.add(instance);
                return instance;
            })).toList();
            for (Future<ServiceInstance> instance : starting) {
                ServiceInstance up = instance.get(300, TimeUnit.SECONDS);
                assertThat(up.api().get("alice", "/actuator/health").status()).as("instance " + up.name()).isEqualTo(200);
            }
        } finally {
            System.clearProperty(LOGGING_SYSTEM);
            starters.shutdownNow();
        }
        assertThat(started.get(0).jdbc().sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                .query(Integer.class).single()).as("failed migrations").isZero();
    }
}
