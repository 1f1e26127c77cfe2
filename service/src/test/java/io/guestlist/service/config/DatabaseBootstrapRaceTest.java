package io.guestlist.service.config;

import io.guestlist.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many starts at once against a missing database: each creates it or finds it made, none fails (issue 9 §6). */
class DatabaseBootstrapRaceTest {

    private static final int STARTS = 8;

    @Test
    void startsRacingToCreateTheDatabase_allSucceed() throws Exception {
        String url = TestDatabase.missing(DatabaseBootstrapRaceTest.class);
        CyclicBarrier together = new CyclicBarrier(STARTS);
        ExecutorService starts = Executors.newFixedThreadPool(STARTS);
        try {
            List<Future<?>> racing = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                racing.add(starts.submit(() -> {
                    together.await();
                    DatabaseBootstrap.createIfMissing(url, TestDatabase.USER, TestDatabase.PASSWORD);
                    return null;
                }));
            }
            for (Future<?> start : racing) {
                start.get(60, TimeUnit.SECONDS);
            }
        } finally {
            starts.shutdownNow();
        }
        try (Connection made = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
            assertThat(made.isValid(5)).isTrue();
        }
    }
}
