package io.guestlist.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The writes of one batch of events, sent to the database in few round trips.
 *
 * <p>A streaming processor handles a whole batch of events in one unit of work; projections add
 * their statements here and they are flushed just before that unit of work commits (with the
 * processor's token, in the same transaction). Statements run in the order they were added;
 * consecutive statements with the same SQL go as one JDBC batch, and the rows of a {@link RowsWrite}
 * as one statement. Derived values (a unit's invite
 * target) are recomputed once per batch for every key marked dirty, after all statements.
 * Outside a unit of work everything runs at once.
 *
 * <p>A processor's batch flushes under a savepoint: when the database refuses it, the events are
 * written again one by one, each under a savepoint of its own, to find the ones that fail; they are
 * remembered in {@link PoisonEvents} and the batch fails, so its retry parks them (see there). A
 * transient failure ({@link TransientFailures}: a deadlock, a restart) blames no event: nothing is
 * remembered, and the batch fails to be retried whole. The writes of an event that Axon parked
 * because a handler threw are dropped. A
 * dead letter's retry flushes with the letter's own unit of work, also under a savepoint, so a
 * failure leaves the transaction usable for Axon to put the letter back with its new cause.
 */
public final class SqlBatch {

    private record Statement(String sql, Object[] args, Message<?> source, RowsWrite rows) {
    }

    /** Statements sent in one execution: a JDBC batch of one SQL, or the rows of one {@link RowsWrite}. */
    private record Run(String sql, RowsWrite rows, List<Object[]> args) {

        /** Whether moving a row that touches {@code tables} past this run could change a result. */
        boolean touchesAny(Set<String> tables) {
            return rows == null || rows.tables().stream().anyMatch(tables::contains);
        }
    }

    private record Mark(Consumer<Set<Object>> recompute, Object key, Message<?> source, boolean last) {
    }

    private final JdbcTemplate jdbc;
    private final UnitOfWork<?> unitOfWork;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    private SqlBatch(JdbcTemplate jdbc, UnitOfWork<?> unitOfWork) {
        this.jdbc = jdbc;
        this.unitOfWork = unitOfWork;
    }

    /** The batch of the current unit of work, or one that writes at once when there is none. */
    public static SqlBatch current(JdbcTemplate jdbc) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new SqlBatch(jdbc, null);
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> unitOfWork = current.resources().containsKey(DeadLetter.class.getName()) ? current : current.root();
        return unitOfWork.getOrComputeResource(SqlBatch.class.getName() + "@" + System.identityHashCode(jdbc), key -> {
            SqlBatch batch = new SqlBatch(jdbc, unitOfWork);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    public void add(String sql, Object... args) {
        statements.add(new Statement(sql, args, currentMessage(), null));
        if (unitOfWork == null) {
            flush();
        }
    }

    /** Adds one row of {@code write}; the batch's rows of it go in one execution (see {@link RowsWrite}). */
    public void add(RowsWrite write, Object... row) {
        statements.add(new Statement(write.sql(), row, currentMessage(), write));
        if (unitOfWork == null) {
            flush();
        }
    }

    /** Marks {@code key} for {@code recompute}, which runs once per batch with every key marked. */
    public void markDirty(Consumer<Set<Object>> recompute, Object key) {
        mark(new Mark(recompute, key, currentMessage(), false));
    }

    /** As {@link #markDirty}, for a recompute that reads what the others derive: it runs after all of them. */
    public void markDirtyLast(Consumer<Set<Object>> recompute, Object key) {
        mark(new Mark(recompute, key, currentMessage(), true));
    }

    private void mark(Mark mark) {
        marks.add(mark);
        if (unitOfWork == null) {
            flush();
        }
    }

    public void flush() {
        try {
            Optional<PoisonEvents.Batch> processorBatch = unitOfWork == null ? Optional.empty() : PoisonEvents.batchOf(unitOfWork);
            boolean deadLetter = unitOfWork != null && unitOfWork.resources().containsKey(DeadLetter.class.getName());
            if (processorBatch.isEmpty() && !deadLetter) {
                write(statements, marks);
                return;
            }
            processorBatch.ifPresent(batch -> {
                statements.removeIf(s -> batch.isParked(s.source()));
                marks.removeIf(m -> batch.isParked(m.source()));
            });
            Savepoint savepoint = savepoint();
            try {
                write(statements, marks);
                jdbc.execute((ConnectionCallback<Void>) c -> {
                    c.releaseSavepoint(savepoint);
                    return null;
                });
            } catch (RuntimeException failure) {
                rollbackTo(savepoint);
                if (!TransientFailures.isTransient(failure)) {
                    processorBatch.ifPresent(batch -> batch.remember(poisonIn(eventsThatFail())));
                }
                throw failure;
            }
        } finally {
            statements.clear();
            marks.clear();
        }
    }

    /**
     * The failures to remember: none when any is transient (a deadlock met while isolating says nothing
     * about its event), so the whole batch is retried rather than an event parked for the database's hiccup.
     */
    private static Map<String, RuntimeException> poisonIn(Map<String, RuntimeException> failures) {
        return failures.values().stream().anyMatch(TransientFailures::isTransient) ? Map.of() : failures;
    }

    /** Writes event by event, each under a savepoint, skipping the rest of a sequence once one of its events failed. */
    private Map<String, RuntimeException> eventsThatFail() {
        Map<String, Message<?>> events = new LinkedHashMap<>();
        Map<String, List<Statement>> writes = new LinkedHashMap<>();
        Map<String, List<Mark>> recomputes = new LinkedHashMap<>();
        statements.stream().filter(s -> s.source() != null).forEach(s -> {
            events.putIfAbsent(s.source().getIdentifier(), s.source());
            writes.computeIfAbsent(s.source().getIdentifier(), id -> new ArrayList<>()).add(s);
        });
        marks.stream().filter(m -> m.source() != null).forEach(m -> {
            events.putIfAbsent(m.source().getIdentifier(), m.source());
            recomputes.computeIfAbsent(m.source().getIdentifier(), id -> new ArrayList<>()).add(m);
        });
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        Set<String> failedSequences = new HashSet<>();
        events.forEach((id, event) -> {
            if (failedSequences.contains(sequenceOf(event))) {
                return;
            }
            Savepoint savepoint = savepoint();
            try {
                write(writes.getOrDefault(id, List.of()), recomputes.getOrDefault(id, List.of()));
            } catch (RuntimeException failure) {
                rollbackTo(savepoint);
                failures.put(id, failure);
                failedSequences.add(sequenceOf(event));
            }
        });
        return failures;
    }

    private void write(List<Statement> statements, List<Mark> marks) {
        // These tables grow from empty within seconds under an import: a generic plan cached while they were small
        // (PostgreSQL may choose one after five executions) would stay on the pooled connection for good.
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        for (Run run : runs(statements)) {
            if (run.rows() != null) {
                jdbc.update(run.sql(), run.rows().columns(run.args()));
            } else if (run.args().size() == 1) {
                jdbc.update(run.sql(), run.args().get(0));
            } else {
                jdbc.batchUpdate(run.sql(), run.args());
            }
        }
        Map<Consumer<Set<Object>>, Set<Object>> dirty = new LinkedHashMap<>();
        marks.stream().filter(m -> !m.last()).forEach(m -> dirty.computeIfAbsent(m.recompute(), r -> new LinkedHashSet<>()).add(m.key()));
        marks.stream().filter(Mark::last).forEach(m -> dirty.computeIfAbsent(m.recompute(), r -> new LinkedHashSet<>()).add(m.key()));
        dirty.forEach((recompute, keys) -> recompute.accept(keys));
    }

    /**
     * The statements in order, consecutive ones of one SQL together; a row of a {@link RowsWrite}
     * joins the last run of its write when no run since touches its tables.
     */
    private static List<Run> runs(List<Statement> statements) {
        List<Run> runs = new ArrayList<>();
        for (Statement statement : statements) {
            Run joined = null;
            if (statement.rows() != null) {
                for (int i = runs.size() - 1; i >= 0 && joined == null; i--) {
                    Run run = runs.get(i);
                    if (statement.rows().equals(run.rows())) {
                        joined = run;
                    } else if (run.touchesAny(statement.rows().tables())) {
                        break;
                    }
                }
            } else if (!runs.isEmpty() && runs.get(runs.size() - 1).rows() == null
                    && runs.get(runs.size() - 1).sql().equals(statement.sql())) {
                joined = runs.get(runs.size() - 1);
            }
            if (joined == null) {
                joined = new Run(statement.sql(), statement.rows(), new ArrayList<>());
                runs.add(joined);
            }
            joined.args().add(statement.args());
        }
        return runs;
    }

    /** Axon's default sequencing: an aggregate's events in order, any other event on its own. */
    private static String sequenceOf(Message<?> message) {
        return message instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : message.getIdentifier();
    }

    private static Message<?> currentMessage() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event ? event : null;
    }

    private Savepoint savepoint() {
        return jdbc.execute((ConnectionCallback<Savepoint>) c -> c.setSavepoint());
    }

    private void rollbackTo(Savepoint savepoint) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            c.rollback(savepoint);
            return null;
        });
    }
}
