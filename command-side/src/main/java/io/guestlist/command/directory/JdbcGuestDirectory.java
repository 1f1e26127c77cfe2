package io.guestlist.command.directory;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * The directory on the command-side lookup tables. A phone is claimed with an insert that waits
 * for any concurrent claim of the same phone to commit or roll back, so of two racing commands
 * exactly one holds it and the other learns who does.
 */
@Component
class JdbcGuestDirectory implements GuestDirectory {

    private final JdbcClient jdbc;

    JdbcGuestDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PersonId> claimPhone(WorkspaceId workspace, String e164, PersonId claimant) {
        // A claim found taken can be released before it is read (a delete racing this add): then claim again.
        while (true) {
            int inserted = jdbc.sql("""
                            INSERT INTO cmd_phone_claim (workspace_id, phone_e164, person_id) VALUES (?, ?, ?)
                            ON CONFLICT (workspace_id, phone_e164) DO NOTHING""")
                    .params(workspace.value(), e164, claimant.value()).update();
            if (inserted == 1) {
                return Optional.empty();
            }
            Optional<PersonId> holder = jdbc.sql("SELECT person_id FROM cmd_phone_claim WHERE workspace_id = ? AND phone_e164 = ?")
                    .params(workspace.value(), e164)
                    .query((rs, n) -> PersonId.of(rs.getObject(1, java.util.UUID.class))).optional();
            if (holder.isPresent()) {
                return holder.get().equals(claimant) ? Optional.empty() : holder;
            }
        }
    }

    @Override
    public Set<String> claimAll(WorkspaceId workspace, Map<String, PersonId> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        List<String> phones = claims.keySet().stream().sorted().toList();
        String[] people = phones.stream().map(p -> claims.get(p).toString()).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO cmd_phone_claim (workspace_id, phone_e164, person_id)
                        SELECT ?, c.phone, c.person::uuid FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS c(phone, person, n)
                        ORDER BY c.n
                        ON CONFLICT (workspace_id, phone_e164) DO NOTHING
                        RETURNING phone_e164""")
                .params(workspace.value(), phones.toArray(String[]::new), people)
                .query(String.class).list());
    }

    @Override
    public Map<String, PersonId> holdersOf(WorkspaceId workspace, Collection<String> phones) {
        Map<String, PersonId> holders = new HashMap<>();
        if (phones.isEmpty()) {
            return holders;
        }
        jdbc.sql("SELECT phone_e164, person_id FROM cmd_phone_claim WHERE workspace_id = ? AND phone_e164 = ANY(?::text[])")
                .params(workspace.value(), phones.toArray(String[]::new))
                .query((rs, n) -> holders.put(rs.getString(1), PersonId.of(rs.getObject(2, java.util.UUID.class)))).list();
        return holders;
    }

    @Override
    public void releasePhone(WorkspaceId workspace, String e164, PersonId holder) {
        jdbc.sql("DELETE FROM cmd_phone_claim WHERE workspace_id = ? AND phone_e164 = ? AND person_id = ?")
                .params(workspace.value(), e164, holder.value()).update();
    }

    @Override
    public Optional<WorkspaceSettings> workspace(WorkspaceId workspace) {
        return jdbc.sql("SELECT default_region, sides FROM cmd_workspace WHERE workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new WorkspaceSettings(rs.getString(1), textArray(rs.getArray(2))))
                .optional();
    }

    @Override
    public Optional<WorkspaceSettings> workspaceToSetASide(WorkspaceId workspace) {
        return jdbc.sql("SELECT default_region, sides FROM cmd_workspace WHERE workspace_id = ? FOR SHARE")
                .param(workspace.value())
                .query((rs, n) -> new WorkspaceSettings(rs.getString(1), textArray(rs.getArray(2))))
                .optional();
    }

    @Override
    public void lockSides(WorkspaceId workspace) {
        jdbc.sql("SELECT 1 FROM cmd_workspace WHERE workspace_id = ? FOR NO KEY UPDATE").param(workspace.value()).query(Integer.class).list();
    }

    @Override
    public Optional<Role> roleOf(WorkspaceId workspace, String userId) {
        return jdbc.sql("SELECT role FROM cmd_workspace_member WHERE workspace_id = ? AND user_id = ?")
                .params(workspace.value(), userId)
                .query((rs, n) -> Role.valueOf(rs.getString(1))).optional();
    }

    @Override
    public Optional<Boolean> unitActive(WorkspaceId workspace, UnitId unit) {
        return jdbc.sql("SELECT active FROM cmd_unit WHERE unit_id = ? AND workspace_id = ?")
                .params(unit.value(), workspace.value())
                .query((rs, n) -> rs.getBoolean(1)).optional();
    }

    @Override
    public Map<PersonId, UnitId> unitsOf(Collection<PersonId> people) {
        Map<PersonId, UnitId> units = new HashMap<>();
        if (people.isEmpty()) {
            return units;
        }
        jdbc.sql("SELECT person_id, unit_id FROM cmd_unit_member WHERE person_id = ANY(?::uuid[])")
                .param(people.stream().map(PersonId::toString).toArray(String[]::new))
                .query((rs, n) -> units.put(PersonId.of(rs.getObject(1, java.util.UUID.class)), UnitId.of(rs.getObject(2, java.util.UUID.class))))
                .list();
        return units;
    }

    @Override
    public Map<UnitId, String> activeUnitNames(WorkspaceId workspace) {
        Map<UnitId, String> names = new HashMap<>();
        jdbc.sql("SELECT unit_id, name FROM cmd_unit WHERE workspace_id = ? AND active AND name IS NOT NULL")
                .param(workspace.value())
                .query((rs, n) -> names.put(UnitId.of(rs.getObject(1, java.util.UUID.class)), rs.getString(2))).list();
        return names;
    }

    @Override
    public List<PersonId> membersOf(UnitId unit) {
        return jdbc.sql("SELECT person_id FROM cmd_unit_member WHERE unit_id = ? ORDER BY person_id")
                .param(unit.value())
                .query((rs, n) -> PersonId.of(rs.getObject(1, java.util.UUID.class))).list();
    }

    @Override
    public List<UnitId> unitsWithSide(WorkspaceId workspace, String side) {
        return jdbc.sql("SELECT unit_id FROM cmd_unit WHERE workspace_id = ? AND side = ? ORDER BY unit_id")
                .params(workspace.value(), side)
                .query((rs, n) -> UnitId.of(rs.getObject(1, java.util.UUID.class))).list();
    }

    @Override
    public List<UnitId> unitsWithTag(WorkspaceId workspace, String tag) {
        return jdbc.sql("SELECT unit_id FROM cmd_unit_tag WHERE workspace_id = ? AND tag = ? ORDER BY unit_id")
                .params(workspace.value(), tag)
                .query((rs, n) -> UnitId.of(rs.getObject(1, java.util.UUID.class))).list();
    }

    @Override
    public List<OccasionId> occasionsWithSide(WorkspaceId workspace, String side) {
        return jdbc.sql("SELECT occasion_id FROM cmd_occasion_side WHERE workspace_id = ? AND side = ? ORDER BY occasion_id")
                .params(workspace.value(), side)
                .query((rs, n) -> OccasionId.of(rs.getObject(1, java.util.UUID.class))).list();
    }

    @Override
    public List<OccasionId> occasionsWithTag(WorkspaceId workspace, String tag) {
        return jdbc.sql("SELECT occasion_id FROM cmd_occasion_tag WHERE workspace_id = ? AND tag = ? ORDER BY occasion_id")
                .params(workspace.value(), tag)
                .query((rs, n) -> OccasionId.of(rs.getObject(1, java.util.UUID.class))).list();
    }

    private static List<String> textArray(Array array) throws java.sql.SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
