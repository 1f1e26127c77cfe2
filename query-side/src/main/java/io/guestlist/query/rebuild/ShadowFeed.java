package io.guestlist.query.rebuild;

import io.guestlist.query.audit.StoredEvents;
import io.guestlist.query.support.ProjectionSet;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Second instances of the projections, writing into a shadow schema, fed straight from the event
 * table. One pooled connection is held for the whole rebuild with {@code search_path} set to the
 * shadow schema first and {@code public} second: the projections' unqualified read tables resolve
 * to the shadow copies, anything else (Axon's tables) to {@code public}. Each page of events is one
 * Axon batching unit of work in one transaction, so the projections' {@code SqlBatch} sends the
 * page's writes in a few statements, as a live processor's batch does. A page is read and
 * deserialised once for every group ({@link #page}); with no projections that is all a feed does:
 * the ceiling a rebuild is measured against.
 */
final class ShadowFeed implements AutoCloseable {

    static final int PAGE = 5000;

    /** The first page of a rebuild is small and each next one twice as large, up to this (see {@link #feedPage}). */
    static final int FIRST_PAGE = 500;
    static final int LARGEST_PAGE = 20_000;

    private final Connection connection;
    private final SpringTransactionManager transactions;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final ShadowCoverage coverage = new ShadowCoverage();
    private final String analyze;

    ShadowFeed(Connection connection, String schema, List<ProjectionSet> sets) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema + ", public");
        }
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        JdbcTemplate shadow = new JdbcTemplate(dataSource);
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        this.handlers = sets.stream().flatMap(set -> set.projections(shadow).stream()).map(AnnotationEventHandlerAdapter::new).toList();
        List<String> tables = sets.stream().filter(ProjectionSet::readsItsTables).flatMap(set -> set.tables().stream()).distinct()
                .map(t -> schema + "." + t).toList();
        this.analyze = tables.isEmpty() ? null : "ANALYZE " + String.join(", ", tables);
    }

    /** Feeds the events after {@code from} up to {@code to}, page by page; reports each page's size. */
    void feed(StoredEvents events, long from, long to, IntConsumer progress) {
        long position = from;
        while (position < to) {
            List<TrackedEventMessage<?>> page = page(events, position, to, PAGE);
            if (page.isEmpty()) {
                break;
            }
            position = StoredEvents.position(page.get(page.size() - 1));
            feedPage(page, position < to);
            progress.accept(page.size());
        }
        passed(to);
    }

    /**
     * The next page of events after {@code after} up to {@code to}, deserialised (payload and
     * metadata), so the feeds of several groups can share it, each reading what is already there.
     * Events are deserialised and decrypted on every core: the first page holds the import's batches
     * of rows (500 rows of personal data each), and every group waits for it.
     */
    static List<TrackedEventMessage<?>> page(StoredEvents events, long after, long to, int size) {
        List<TrackedEventMessage<?>> page = events.select("WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?",
                after, to, size);
        page.parallelStream().forEach(m -> {
            m.getPayload();
            m.getMetaData();
        });
        return page;
    }

    /**
     * Feeds one page of {@link #page}; the feed has passed its last event. When {@code more} pages
     * follow, the shadow tables that the projections' statements read back are analysed: they start
     * empty, and the finishers' set-based statements, planned on no statistics, would scan where
     * they should probe (one such statement took 8 s on a page of 5,000 events). Pages that grow
     * twofold from a small first one keep the statistics at most one page behind at half the
     * table's size. Tables only written, and any after the last page, need no statistics.
     */
    void feedPage(List<TrackedEventMessage<?>> page, boolean more) {
        if (!handlers.isEmpty()) {
            handle(page);
        }
        if (more && analyze != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(analyze);
            } catch (SQLException e) {
                throw new IllegalStateException("could not analyse the shadow tables", e);
            }
        }
        coverage.passed(StoredEvents.position(page.get(page.size() - 1)), page.stream().map(StoredEvents::position).toList());
    }

    /** The feed has passed {@code to}: positions after the last page up to there hold no event. */
    void passed(long to) {
        coverage.passed(to, List.of());
    }

    /** Feeds exactly {@code chosen} (in store order), and has passed {@code through}. */
    void feedExactly(List<TrackedEventMessage<?>> chosen, long through) {
        if (!chosen.isEmpty()) {
            handle(chosen);
        }
        coverage.passed(through, chosen.stream().map(StoredEvents::position).toList());
    }

    ShadowCoverage coverage() {
        return coverage;
    }

    private void handle(List<TrackedEventMessage<?>> page) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(page));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("a rebuild batch failed", result.exceptionResult());
        }
    }

    /** Gives the connection back to the pool as it was lent. */
    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET search_path");
        } finally {
            connection.close();
        }
    }

    /** {@link #close()} for a {@code finally}: a failure to give the connection back is unchecked. */
    void release() {
        try {
            close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not give the rebuild's connection back", e);
        }
    }
}
