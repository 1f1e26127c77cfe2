package io.guestlist.query.rebuild;

import io.guestlist.query.audit.StoredEvents;
import io.guestlist.query.rebuild.RebuildStatus.TableDifference;
import io.guestlist.query.support.ProjectionSet;
import io.guestlist.query.support.ReadYourWrites;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * One rebuild: capture the head, build the chosen read tables afresh in a shadow schema from the
 * event store up to it, wait until the live projections have passed it, and compare. Should events
 * arrive meanwhile, the shadow is fed up to the new head and the comparison repeated, until the
 * head stood still across a whole comparison (then both sides reflect exactly the same events).
 * The live read model is never touched, so it answers throughout; the shadow schema is dropped.
 */
final class RebuildRun implements Runnable {

    private static final int ROUNDS = 5;

    private final Rebuild rebuild;
    private final List<ProjectionSet> sets;
    private final StoredEvents events;
    private final ReadYourWrites readYourWrites;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    RebuildRun(Rebuild rebuild, List<ProjectionSet> sets, StoredEvents events, ReadYourWrites readYourWrites,
               DataSource dataSource, JdbcTemplate jdbc) {
        this.rebuild = rebuild;
        this.sets = sets;
        this.events = events;
        this.readYourWrites = readYourWrites;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        ShadowSchema schema = new ShadowSchema("rebuild_" + rebuild.id().toString().substring(0, 8),
                sets.stream().flatMap(s -> s.tables().stream()).distinct().toList());
        try {
            schema.create(jdbc);
            try (ShadowFeed feed = new ShadowFeed(dataSource.getConnection(), schema.name(), sets)) {
                rebuildInto(schema, feed);
            }
        } catch (Exception | Error e) {
            rebuild.failed(e);
        } finally {
            schema.drop(jdbc);
        }
    }

    private void rebuildInto(ShadowSchema schema, ShadowFeed feed) throws InterruptedException {
        long head = events.head();
        rebuild.target(head, jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class, head));
        feed.feed(events, 0, head, rebuild::fed);
        if (sets.isEmpty()) {
            rebuild.done(List.of());
            return;
        }
        rebuild.comparing();
        for (int round = 0; round < ROUNDS; round++) {
            awaitLive(head);
            List<TableDifference> differences = schema.compare(jdbc);
            long now = events.head();
            if (now == head) {
                rebuild.done(differences);
                return;
            }
            feed.feed(events, head, now, rebuild::fed);
            head = now;
        }
        throw new IllegalStateException("events kept arriving during " + ROUNDS + " comparisons; rebuild again when quieter");
    }

    private void awaitLive(long head) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!readYourWrites.caughtUp(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live projections did not reach position " + head + " within 120 s");
            }
            Thread.sleep(20);
        }
    }
}
