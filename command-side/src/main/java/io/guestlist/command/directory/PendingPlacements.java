package io.guestlist.command.directory;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The directory's two frequent writes (a unit created, a person placed in a unit), gathered over
 * the events of one publication and written as two set-based statements when it commits, inside the
 * command's transaction. An import batch of 500 rows then costs two round trips here, not a thousand.
 * Any other directory write flushes these first, so the writes keep the order of the events.
 */
final class PendingPlacements {

    private record Placement(UUID unit, UUID workspace) {
    }

    private final JdbcClient jdbc;
    private record NewUnit(UUID workspace, String name) {
    }

    private final Map<UUID, NewUnit> units = new LinkedHashMap<>();
    private final Map<UUID, Placement> members = new LinkedHashMap<>();

    private PendingPlacements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The placements of the current unit of work, written when it commits; at once when there is none. */
    static PendingPlacements current(JdbcClient jdbc) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingPlacements(jdbc);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PendingPlacements.class.getName(), key -> {
            PendingPlacements pending = new PendingPlacements(jdbc);
            unitOfWork.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    void unit(UUID unit, UUID workspace, String name) {
        units.put(unit, new NewUnit(workspace, name));
        flushWithoutUnitOfWork();
    }

    void member(UUID person, UUID unit, UUID workspace) {
        members.put(person, new Placement(unit, workspace));
        flushWithoutUnitOfWork();
    }

    void flush() {
        if (!units.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO cmd_unit (unit_id, workspace_id, active, name)
                            SELECT u, w, TRUE, n FROM unnest(?::uuid[], ?::uuid[], ?::text[]) AS t(u, w, n) ON CONFLICT DO NOTHING""")
                    .params(strings(units.keySet()), strings(units.values().stream().map(NewUnit::workspace).toList()),
                            units.values().stream().map(NewUnit::name).toArray(String[]::new)).update();
            units.clear();
        }
        if (!members.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO cmd_unit_member (person_id, unit_id, workspace_id)
                            SELECT p, u, w FROM unnest(?::uuid[], ?::uuid[], ?::uuid[]) AS t(p, u, w)
                            ON CONFLICT (person_id) DO UPDATE SET unit_id = EXCLUDED.unit_id""")
                    .params(strings(members.keySet()), strings(members.values().stream().map(Placement::unit).toList()),
                            strings(members.values().stream().map(Placement::workspace).toList()))
                    .update();
            members.clear();
        }
    }

    private void flushWithoutUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    private static String[] strings(java.util.Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
