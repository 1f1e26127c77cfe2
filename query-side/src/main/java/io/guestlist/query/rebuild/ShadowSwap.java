package io.guestlist.query.rebuild;

import io.guestlist.query.audit.StoredEvents;
import io.guestlist.query.support.ProcessorPositions;
import io.guestlist.query.support.ProcessorPositions.SegmentPosition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Puts a rebuilt shadow in place of one streaming group's live tables. The live tokens stay as they
 * are, so the shadow is first made to hold exactly the events they cover: per segment, every event
 * it handles up to its token's index but the token's gaps. Rounds outside any lock feed the shadow
 * what the live processor handled meanwhile (late events that filled a gap too); the last round runs
 * in the swap transaction, which first locks the group's tables (waiting for batches that write
 * them) and then its token rows (so no batch, on any instance, stores a token until it commits).
 * Should the shadow hold an event a segment has not handled yet, the transaction gives up and a
 * later round tries again; so it does when a batch holds a token row it waits for (it never waits
 * long enough for a deadlock to abort the batch instead). Then the live tables are emptied and filled from the shadow, and the
 * group's dead letters dropped (the shadow handled those events). Readers wait for the swap, they
 * do not fail; after it, the processors go on from their unchanged tokens.
 */
final class ShadowSwap {

    private static final Logger log = LoggerFactory.getLogger(ShadowSwap.class);
    private static final long PATIENCE_NANOS = 120_000_000_000L;

    private final String group;
    private final ShadowSchema schema;
    private final ShadowFeed feed;
    private final StoredEvents events;
    private final ProcessorPositions positions;
    private final EventHandlerInvoker invoker;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ShadowSwap(String group, ShadowSchema schema, ShadowFeed feed, StoredEvents events, ProcessorPositions positions,
               EventProcessingConfiguration processing, DataSource dataSource) {
        this.group = group;
        this.schema = schema;
        this.feed = feed;
        this.events = events;
        this.positions = positions;
        this.invoker = processing.eventProcessor(group, AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + group)).eventHandlerInvoker();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    void swap() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            List<SegmentPosition> live = positions.of(group, false);
            long lowest = live.stream().mapToLong(SegmentPosition::index).min().orElse(0);
            if (lowest > feed.coverage().fedTo()) {
                feed.feed(events, feed.coverage().fedTo(), lowest, n -> { });
            }
            round(positions.of(group, false));
            long locking = System.nanoTime();
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> {
                    jdbc.execute("SET LOCAL lock_timeout = '3s'");
                    jdbc.execute("LOCK TABLE " + tables("public") + " IN ACCESS EXCLUSIVE MODE");
                    // A batch may hold its token row and wait for these tables: then the swap must be the one
                    // to give up, well before PostgreSQL's deadlock check (1 s) aborts the batch, whose events
                    // would be dead-lettered. Waiting on a token row ends in 200 ms, and a later round retries.
                    jdbc.execute("SET LOCAL lock_timeout = '200ms'");
                    if (!round(positions.of(group, true))) {
                        status.setRollbackOnly();
                        return false;
                    }
                    replaceLiveTables();
                    return true;
                }))) {
                    log.info("Swapped the rebuilt {} tables in; the swap transaction took {} ms", group,
                            (System.nanoTime() - locking) / 1_000_000);
                    jdbc.execute("ANALYZE " + tables("public"));
                    return;
                }
            } catch (DataAccessException lockTimeoutOrDeadlock) {
                // a long batch held the tables; the next attempt waits again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live processor of " + group + " did not settle within 120 s; replace again");
            }
            Thread.sleep(50);
        }
    }

    /** Feeds the shadow what the tokens cover and it lacks; whether it then holds nothing they do not cover. */
    private boolean round(List<SegmentPosition> segments) {
        if (segments.isEmpty()) {
            throw new IllegalStateException("the processor " + group + " has no tokens yet");
        }
        ShadowCoverage coverage = feed.coverage();
        // Below both the slowest token and the shadow's reach, only gaps and positions the shadow missed can differ.
        long from = Math.min(coverage.fedTo(), segments.stream().mapToLong(SegmentPosition::index).min().orElseThrow());
        long highest = segments.stream().mapToLong(SegmentPosition::index).max().orElseThrow();
        TreeSet<Long> open = new TreeSet<>(coverage.missed());
        segments.forEach(s -> open.addAll(s.gaps()));
        List<TrackedEventMessage<?>> candidates = events.select(
                "WHERE (global_index = ANY(?) OR (global_index > ? AND global_index <= ?)) ORDER BY global_index",
                open.headSet(from, true).toArray(Long[]::new), from, Math.max(highest, coverage.fedTo()));
        Map<Segment, SegmentPosition> bySegment = segments(segments);
        List<TrackedEventMessage<?>> lacking = new ArrayList<>();
        boolean ahead = false;
        for (TrackedEventMessage<?> event : candidates) {
            long position = StoredEvents.position(event);
            SegmentPosition segment = handling(event, bySegment);
            if (segment == null) {
                continue;
            }
            boolean live = position <= segment.index() && !segment.gaps().contains(position);
            boolean shadow = coverage.holds(position);
            if (live && !shadow) {
                lacking.add(event);
            }
            ahead |= shadow && !live;
        }
        feed.feedExactly(lacking, Math.max(highest, coverage.fedTo()));
        return !ahead;
    }

    private static Map<Segment, SegmentPosition> segments(List<SegmentPosition> segments) {
        int[] ids = segments.stream().mapToInt(SegmentPosition::segment).toArray();
        Map<Segment, SegmentPosition> bySegment = new LinkedHashMap<>();
        segments.forEach(s -> bySegment.put(Segment.computeSegment(s.segment(), ids), s));
        return bySegment;
    }

    private SegmentPosition handling(TrackedEventMessage<?> event, Map<Segment, SegmentPosition> segments) {
        for (Map.Entry<Segment, SegmentPosition> entry : segments.entrySet()) {
            try {
                if (invoker.canHandle(event, entry.getKey())) {
                    return entry.getValue();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot tell which segment handles event " + StoredEvents.position(event), e);
            }
        }
        return null;
    }

    private void replaceLiveTables() {
        jdbc.execute("TRUNCATE " + tables("public"));
        for (String table : schema.tables()) {
            String columns = String.join(", ", jdbc.queryForList("""
                    SELECT quote_ident(column_name) FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position""",
                    String.class, table));
            jdbc.execute("INSERT INTO public." + table + " (" + columns + ") SELECT " + columns + " FROM " + schema.name() + "." + table);
        }
        jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", group);
    }

    private String tables(String in) {
        return String.join(", ", schema.tables().stream().map(t -> in + "." + t).toList());
    }
}
