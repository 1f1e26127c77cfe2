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
 * page's writes in a few JDBC batches, as a live processor's batch does. With no projections the
 * feed only reads and deserialises every event: the ceiling a rebuild is measured against.
 */
final class ShadowFeed implements AutoCloseable {

    static final int PAGE = 5000;

    private final Connection connection;
    private final SpringTransactionManager transactions;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final ShadowCoverage coverage = new ShadowCoverage();

    ShadowFeed(Connection connection, String schema, List<ProjectionSet> sets) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema + ", public");
        }
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        JdbcTemplate shadow = new JdbcTemplate(dataSource);
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        this.handlers = sets.stream().flatMap(set -> set.projections(shadow).stream()).map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** Feeds the events after {@code from} up to {@code to}, page by page; reports each page's size. */
    void feed(StoredEvents events, long from, long to, IntConsumer progress) {
        long position = from;
        while (position < to) {
            List<TrackedEventMessage<?>> page = events.select("WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?",
                    position, to, PAGE);
            if (page.isEmpty()) {
                break;
            }
            handle(page);
            position = StoredEvents.position(page.get(page.size() - 1));
            coverage.passed(position, page.stream().map(StoredEvents::position).toList());
            progress.accept(page.size());
        }
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
        if (handlers.isEmpty()) {
            page.forEach(m -> {
                m.getPayload();
                m.getMetaData();
            });
            return;
        }
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
