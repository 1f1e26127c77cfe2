package io.guestlist.query.rebuild;

import io.guestlist.query.audit.StoredEvents;
import io.guestlist.query.rebuild.RebuildStatus.TableDifference;
import io.guestlist.query.support.ProjectionSet;
import io.guestlist.query.support.ProcessorPositions;
import io.guestlist.query.support.ReadYourWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * One rebuild: capture the head, build the chosen read tables afresh in a shadow schema from the
 * event store up to it, wait until the live projections have passed it, and compare. Each
 * processing group is fed by a thread and a connection of its own, as the live processors run side
 * by side, from pages of events read and deserialised once for all of them. Should events arrive meanwhile, the shadow is fed up to the new head and the comparison
 * repeated, until the head stood still across a whole comparison (then both sides reflect exactly
 * the same events). A check never touches the live read model; a replace then swaps the shadow in
 * for the live tables ({@link ShadowSwap}). Either way the shadow schema is dropped at the end.
 */
final class RebuildRun implements Runnable {

    private static final int ROUNDS = 5;

    private final Rebuild rebuild;
    private final Map<String, List<ProjectionSet>> groups;
    private final StoredEvents events;
    private final ReadYourWrites readYourWrites;
    private final ProcessorPositions positions;
    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    RebuildRun(Rebuild rebuild, List<ProjectionSet> sets, StoredEvents events, ReadYourWrites readYourWrites,
               ProcessorPositions positions, EventProcessingConfiguration processing, DataSource dataSource, JdbcTemplate jdbc) {
        this.rebuild = rebuild;
        this.groups = sets.isEmpty() ? Map.of("none", List.of())
                : sets.stream().collect(Collectors.groupingBy(ProjectionSet::group, LinkedHashMap::new, Collectors.toList()));
        this.events = events;
        this.readYourWrites = readYourWrites;
        this.positions = positions;
        this.processing = processing;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        List<ProjectionSet> sets = groups.values().stream().flatMap(List::stream).toList();
        ShadowSchema schema = new ShadowSchema(RebuildRuns.schemaOf(rebuild.id()),
                sets.stream().flatMap(s -> s.tables().stream()).distinct().toList(),
                sets.stream().flatMap(s -> s.queryIndexes().stream()).collect(Collectors.toSet()));
        ExecutorService threads = Executors.newFixedThreadPool(groups.size() + 1);
        Map<String, ShadowFeed> feeds = new LinkedHashMap<>();
        try {
            schema.create(jdbc);
            for (Map.Entry<String, List<ProjectionSet>> group : groups.entrySet()) {
                feeds.put(group.getKey(), new ShadowFeed(dataSource.getConnection(), schema.name(), group.getValue()));
            }
            rebuildInto(schema, feeds, threads);
        } catch (Exception | Error e) {
            rebuild.failed(e instanceof ExecutionException ? e.getCause() : e);
        } finally {
            threads.shutdownNow();
            try {
                feeds.values().forEach(ShadowFeed::release);
            } finally {
                schema.drop(jdbc);
            }
        }
    }

    private void rebuildInto(ShadowSchema schema, Map<String, ShadowFeed> feeds, ExecutorService threads) throws Exception {
        long head = events.head();
        rebuild.target(head, jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class, head));
        feedAll(feeds, threads, 0, head);
        if (groups.containsKey("none")) {
            rebuild.done(List.of());
            return;
        }
        rebuild.comparing();
        for (int round = 0; round < ROUNDS; round++) {
            awaitLive(head);
            List<TableDifference> differences = schema.compare(jdbc);
            long now = events.head();
            if (now == head || (rebuild.replacing() && round == ROUNDS - 1)) {
                if (rebuild.replacing()) {
                    replace(schema, feeds);
                }
                rebuild.done(differences);
                return;
            }
            feedAll(feeds, threads, head, now);
            head = now;
        }
        throw new IllegalStateException("events kept arriving during " + ROUNDS + " comparisons; rebuild again when quieter");
    }

    /** The differences found stand for what the swap repairs; when events kept arriving, as last found. */
    private void replace(ShadowSchema schema, Map<String, ShadowFeed> feeds) throws InterruptedException {
        rebuild.swapping();
        Map.Entry<String, ShadowFeed> only = feeds.entrySet().iterator().next();
        new ShadowSwap(only.getKey(), schema, only.getValue(), events, positions, processing, dataSource).swap();
        rebuild.replaced();
    }

    /**
     * Reads each page once, the next while the groups write the current one, and hands it to every
     * group's feed; a page is done when every group has written it.
     */
    private void feedAll(Map<String, ShadowFeed> feeds, ExecutorService threads, long from, long to) throws Exception {
        rebuild.feeding(List.copyOf(feeds.keySet()));
        int size = ShadowFeed.FIRST_PAGE;
        Future<List<TrackedEventMessage<?>>> next = threads.submit(() -> ShadowFeed.page(events, from, to, ShadowFeed.FIRST_PAGE));
        while (true) {
            List<TrackedEventMessage<?>> page = next.get();
            if (page.isEmpty()) {
                break;
            }
            long last = StoredEvents.position(page.get(page.size() - 1));
            int nextSize = size = Math.min(2 * size, ShadowFeed.LARGEST_PAGE);
            next = last < to ? threads.submit(() -> ShadowFeed.page(events, last, to, nextSize)) : CompletableFuture.completedFuture(List.of());
            List<Future<?>> running = new ArrayList<>();
            boolean more = last < to;
            feeds.forEach((group, feed) -> running.add(threads.submit(() -> {
                feed.feedPage(page, more);
                rebuild.fed(group, page.size());
            })));
            for (Future<?> future : running) {
                future.get();
            }
        }
        feeds.values().forEach(feed -> feed.passed(to));
        rebuild.fedAll();
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
