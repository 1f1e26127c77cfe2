package io.guestlist.command.directory;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
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

    private record NewUnit(UUID workspace, String name, String side, Set<String> tags) {
    }

    private final JdbcClient jdbc;
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

    void unit(UUID unit, UUID workspace, String name, String side, Set<String> tags) {
        units.put(unit, new NewUnit(workspace, name, side, tags == null ? Set.of() : tags));
        flushWithoutUnitOfWork();
    }

    void member(UUID person, UUID unit, UUID workspace) {
        members.put(person, new Placement(unit, workspace));
        flushWithoutUnitOfWork();
    }

    void flush() {
        if (!units.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO cmd_unit (unit_id, workspace_id, active, name, side)
                            SELECT u, w, TRUE, n, s FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::varchar[]) AS t(u, w, n, s)
                            ON CONFLICT DO NOTHING""")
                    .params(strings(units.keySet()), strings(units.values().stream().map(NewUnit::workspace).toList()),
                            units.values().stream().map(NewUnit::name).toArray(String[]::new),
                            units.values().stream().map(NewUnit::side).toArray(String[]::new)).update();
            List<UUID> tagged = new ArrayList<>();
            List<UUID> workspaces = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            units.forEach((unit, created) -> created.tags().forEach(tag -> {
                tagged.add(unit);
                workspaces.add(created.workspace());
                tags.add(tag);
            }));
            if (!tags.isEmpty()) {
                jdbc.sql("""
                                INSERT INTO cmd_unit_tag (unit_id, workspace_id, tag)
                                SELECT u, w, t FROM unnest(?::uuid[], ?::uuid[], ?::varchar[]) AS x(u, w, t) ON CONFLICT DO NOTHING""")
                        .params(strings(tagged), strings(workspaces), tags.toArray(String[]::new)).update();
            }
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
