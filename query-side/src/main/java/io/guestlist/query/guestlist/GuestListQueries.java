package io.guestlist.query.guestlist;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.guestunit.HouseholdContact;
import io.guestlist.query.guestlist.GuestListViews.Member;
import io.guestlist.query.guestlist.GuestListViews.MembershipView;
import io.guestlist.query.guestlist.GuestListViews.PersonView;
import io.guestlist.query.guestlist.GuestListViews.UnitDetail;
import io.guestlist.query.guestlist.GuestListViews.UnitSummary;
import io.guestlist.query.support.Cursor;
import io.guestlist.query.support.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the guest-list tables, answered as immutable views. */
@Component
class GuestListQueries {

    record UnitFilter(String side, String tag, String status, String q) {
    }

    private static final String UNIT_COLUMNS = """
            u.unit_id, u.name, u.side, u.status, u.member_count, u.invite_target, u.inviteable, u.tags""";

    /** pg_trgm finds no trigram in a shorter fragment: its index would hand back every unit of the workspace. */
    private static final int TRIGRAM = 3;

    private final JdbcClient jdbc;

    GuestListQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Sorted(UnitSummary unit, Cursor cursor) {
    }

    /** A page by {@code page} number, or, given a {@code cursor}, the page right after it (keyset). */
    Page<UnitSummary> units(UUID workspace, UnitFilter filter, int page, int size, Cursor cursor) {
        StringBuilder where = new StringBuilder("u.workspace_id = :ws");
        var params = new java.util.HashMap<String, Object>();
        params.put("ws", workspace);
        if (filter.side() != null) {
            where.append(" AND u.side = :side");
            params.put("side", filter.side());
        }
        if (filter.status() != null) {
            where.append(" AND u.status = :status");
            params.put("status", filter.status());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().toLowerCase();
            if (q.codePointCount(0, q.length()) >= TRIGRAM) {
                where.append(" AND lower(u.name) LIKE :q ESCAPE '\\'");
                params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                // A statement of its own, so a prepared plan kept for it never leans on the trigrams.
                where.append(" AND strpos(lower(u.name), :q) > 0");
                params.put("q", q);
            }
        }
        if (filter.tag() != null) {
            where.append(" AND u.tags @> ARRAY[:tag]::text[]");
            params.put("tag", filter.tag());
        }
        long total = jdbc.sql("SELECT count(*) FROM guest_units u WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", cursor == null ? (long) page * size : 0L);
        if (cursor != null) {
            where.append(" AND (lower(u.name), u.unit_id) > (:cursorName, :cursorId)");
            params.put("cursorName", cursor.sortName());
            params.put("cursorId", cursor.id());
        }
        List<Sorted> rows = jdbc.sql("SELECT " + UNIT_COLUMNS + ", lower(u.name) AS sort_name FROM guest_units u WHERE " + where
                        + " ORDER BY lower(u.name), u.unit_id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> new Sorted(summary(rs), new Cursor(rs.getString("sort_name"), rs.getObject("unit_id", UUID.class))))
                .list();
        return new Page<>(rows.stream().map(Sorted::unit).toList(), page, size, total, Cursor.next(rows, size, Sorted::cursor));
    }

    Optional<UnitDetail> unit(UUID workspace, UUID unit) {
        List<Member> members = jdbc.sql("""
                        SELECT p.person_id, p.name, p.phone_e164, p.phone_raw, p.phone_invalid_reason, p.email, p.notes, m.since
                          FROM memberships m JOIN people p ON p.person_id = m.person_id
                         WHERE m.unit_id = ? AND m.until IS NULL ORDER BY m.since_position, p.person_id""")
                .param(unit)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)))).list();
        return jdbc.sql("SELECT " + UNIT_COLUMNS + ", u.contact_id, u.created_at, u.created_by, u.updated_at, u.updated_by"
                        + " FROM guest_units u WHERE u.workspace_id = ? AND u.unit_id = ?")
                .params(workspace, unit)
                .query((rs, n) -> {
                    UnitSummary s = summary(rs);
                    return new UnitDetail(s.id(), s.name(), s.side(), s.tags(), s.status(), members,
                            rs.getObject("contact_id", UUID.class), s.inviteTarget(), s.inviteable(),
                            HouseholdContact.notInviteableReason(s.status(), members.size(), rs.getObject("contact_id", UUID.class), s.inviteTarget()),
                            instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                            instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"));
                }).optional();
    }

    Optional<PersonView> person(UUID workspace, UUID person) {
        List<MembershipView> history = jdbc.sql("SELECT unit_id, since, until FROM memberships WHERE person_id = ? ORDER BY since_position")
                .param(person)
                .query((rs, n) -> new MembershipView(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
                .list();
        return jdbc.sql("""
                        SELECT p.person_id, p.name, p.phone_e164, p.phone_raw, p.phone_invalid_reason, p.phone_mobile, p.email, p.notes,
                               p.status, p.unit_id, p.phone_e164 IS NOT NULL AND p.status = 'ACTIVE' AND coalesce(u.inviteable, FALSE),
                               p.created_at, p.created_by, p.updated_at, p.updated_by
                          FROM people p LEFT JOIN guest_units u ON u.unit_id = p.unit_id
                         WHERE p.workspace_id = ? AND p.person_id = ?""")
                .params(workspace, person)
                .query((rs, n) -> new PersonView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class),
                        rs.getBoolean(11), history,
                        instant(rs.getTimestamp(12)), rs.getString(13), instant(rs.getTimestamp(14)), rs.getString(15)))
                .optional();
    }

    /** People whose phone is this E.164 number, or, for a number that is not valid, whose raw phone text is this. */
    List<UUID> peopleByPhone(UUID workspace, String e164, String raw) {
        if (e164 != null) {
            return jdbc.sql("SELECT person_id FROM identities WHERE workspace_id = ? AND phone_e164 = ?")
                    .params(workspace, e164).query(UUID.class).list();
        }
        return jdbc.sql("SELECT person_id FROM people WHERE workspace_id = ? AND phone_raw = ? ORDER BY created_at, person_id")
                .params(workspace, raw).query(UUID.class).list();
    }

    String defaultRegion(UUID workspace) {
        return jdbc.sql("SELECT default_region FROM workspaces WHERE workspace_id = ?").param(workspace)
                .query(String.class).optional().orElseThrow(() -> GuestlistException.notFound("Workspace"));
    }

    private static UnitSummary summary(ResultSet rs) throws SQLException {
        List<String> tags = new ArrayList<>(Arrays.asList((String[]) rs.getArray("tags").getArray()));
        return new UnitSummary(rs.getObject("unit_id", UUID.class), rs.getString("name"), rs.getString("side"), tags,
                rs.getString("status"), rs.getInt("member_count"), rs.getString("invite_target"), rs.getBoolean("inviteable"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
