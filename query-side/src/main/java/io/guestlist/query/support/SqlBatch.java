package io.guestlist.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The writes of one batch of events, sent to the database in few round trips.
 *
 * <p>A streaming processor handles a whole batch of events in one unit of work; projections add
 * their statements here and they are flushed just before that unit of work commits (with the
 * processor's token, in the same transaction). Statements run in the order they were added;
 * consecutive statements with the same SQL go as one JDBC batch. Derived values (a unit's invite
 * target) are recomputed once per batch for every key marked dirty, after all statements.
 * Outside a unit of work everything runs at once.
 */
public final class SqlBatch {

    private record Statement(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    private final List<Statement> statements = new ArrayList<>();
    private final Map<Consumer<Set<Object>>, Set<Object>> dirty = new LinkedHashMap<>();

    private SqlBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The batch of the current unit of work, or one that writes at once when there is none. */
    public static SqlBatch current(JdbcTemplate jdbc) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new SqlBatch(jdbc);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(SqlBatch.class.getName() + "@" + System.identityHashCode(jdbc), key -> {
            SqlBatch batch = new SqlBatch(jdbc);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    public void add(String sql, Object... args) {
        statements.add(new Statement(sql, args));
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    /** Marks {@code key} for {@code recompute}, which runs once per batch with every key marked. */
    public void markDirty(Consumer<Set<Object>> recompute, Object key) {
        dirty.computeIfAbsent(recompute, r -> new LinkedHashSet<>()).add(key);
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    public void flush() {
        int from = 0;
        while (from < statements.size()) {
            String sql = statements.get(from).sql();
            int to = from;
            List<Object[]> args = new ArrayList<>();
            while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                args.add(statements.get(to++).args());
            }
            if (args.size() == 1) {
                jdbc.update(sql, args.get(0));
            } else {
                jdbc.batchUpdate(sql, args);
            }
            from = to;
        }
        statements.clear();
        dirty.forEach((recompute, keys) -> recompute.accept(keys));
        dirty.clear();
    }
}
