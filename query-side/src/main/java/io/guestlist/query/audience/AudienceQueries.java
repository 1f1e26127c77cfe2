package io.guestlist.query.audience;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.guestunit.HouseholdContact;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.TagMatch;
import io.guestlist.query.audience.AudienceViews.AudiencePage;
import io.guestlist.query.audience.AudienceViews.AudienceTotals;
import io.guestlist.query.audience.AudienceViews.AudienceUnit;
import io.guestlist.query.audience.AudienceViews.OccasionDetail;
import io.guestlist.query.audience.AudienceViews.OccasionSummary;
import io.guestlist.query.audience.AudienceViews.OverrideView;
import io.guestlist.query.support.Cursor;
import io.guestlist.query.support.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of events and their audiences, from the bindings the projection keeps; nothing is replayed here. */
@Component
class AudienceQueries {

    /** The columns of an audience unit, over {@code audience_members am JOIN guest_units u}. */
    static final String UNIT_COLUMNS = """
            am.unit_id, u.name, u.side, u.status, u.member_count, u.contact_id, u.invite_target, u.inviteable, am.reason, u.tags""";

    /** Name order, as the guest list sorts units; the index on audience_members serves it. */
    static final String ORDER = " ORDER BY lower(am.unit_name), am.unit_id";

    private final JdbcClient jdbc;

    AudienceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<OccasionSummary> occasions(UUID workspace, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM occasions WHERE workspace_id = ?").param(workspace).query(Long.class).single();
        List<OccasionSummary> items = jdbc.sql("""
                        SELECT o.occasion_id, o.name, o.status, o.created_at, o.created_by, o.updated_at, o.updated_by,
                               (SELECT count(*) FROM audience_members am WHERE am.occasion_id = o.occasion_id) AS audience_units
                          FROM occasions o WHERE o.workspace_id = ? ORDER BY o.created_at, o.occasion_id LIMIT ? OFFSET ?""")
                .params(workspace, size, (long) page * size)
                .query((rs, n) -> new OccasionSummary(rs.getObject("occasion_id", UUID.class), rs.getString("name"), rs.getString("status"),
                        rs.getLong("audience_units"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                        instant(rs.getTimestamp("updated_at")), rs.getString("updated_by")))
                .list();
        return new Page<>(items, page, size, total);
    }

    Optional<OccasionDetail> occasion(UUID workspace, UUID occasion) {
        List<OverrideView> overrides = jdbc.sql("""
                        SELECT ov.unit_id, u.name, ov.mode, ov.set_at, ov.set_by
                          FROM audience_overrides ov LEFT JOIN guest_units u ON u.unit_id = ov.unit_id
                         WHERE ov.occasion_id = ? ORDER BY lower(u.name), ov.unit_id""")
                .param(occasion)
                .query((rs, n) -> new OverrideView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5)))
                .list();
        return jdbc.sql("SELECT * FROM occasions WHERE workspace_id = ? AND occasion_id = ?")
                .params(workspace, occasion)
                .query((rs, n) -> new OccasionDetail(occasion, rs.getString("name"), rs.getString("status"), rules(rs), overrides,
                        instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                        instant(rs.getTimestamp("updated_at")), rs.getString("updated_by")))
                .optional();
    }

    void ensureOccasion(UUID workspace, UUID occasion) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM occasions WHERE workspace_id = ? AND occasion_id = ?)")
                .params(workspace, occasion).query(Boolean.class).single();
        if (!exists) {
            throw GuestlistException.notFound("Event");
        }
    }

    private record Sorted(AudienceUnit unit, Cursor cursor) {
    }

    /** A page by {@code page} number, or, given a {@code cursor}, the page right after it (keyset). */
    AudiencePage audience(UUID workspace, UUID occasion, boolean inviteableOnly, int page, int size, Cursor cursor) {
        // The event's existence and its totals in one round trip: an event with no totals row yet has an empty audience.
        AudienceTotals totals = jdbc.sql("""
                        SELECT coalesce(t.units, 0), coalesce(t.inviteable_units, 0), coalesce(t.people, 0)
                          FROM occasions o LEFT JOIN audience_totals t ON t.occasion_id = o.occasion_id
                         WHERE o.workspace_id = ? AND o.occasion_id = ?""")
                .params(workspace, occasion)
                .query((rs, n) -> new AudienceTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional().orElseThrow(() -> GuestlistException.notFound("Event"));
        List<Sorted> rows = jdbc.sql("SELECT " + UNIT_COLUMNS + ", lower(am.unit_name) AS sort_name"
                        + " FROM audience_members am JOIN guest_units u ON u.unit_id = am.unit_id WHERE am.occasion_id = ?"
                        + (inviteableOnly ? " AND u.inviteable" : "")
                        + (cursor == null ? "" : " AND (lower(am.unit_name), am.unit_id) > (?, ?)") + ORDER + " LIMIT ? OFFSET ?")
                .params(cursor == null
                        ? List.of(occasion, size, (long) page * size)
                        : List.of(occasion, cursor.sortName(), cursor.id(), size, 0L))
                .query((rs, n) -> new Sorted(unit(rs), new Cursor(rs.getString("sort_name"), rs.getObject("unit_id", UUID.class)))).list();
        return new AudiencePage(rows.stream().map(Sorted::unit).toList(), page, size,
                inviteableOnly ? totals.inviteableUnits() : totals.units(), totals, Cursor.next(rows, size, Sorted::cursor));
    }

    static AudienceUnit unit(ResultSet rs) throws SQLException {
        int members = rs.getInt("member_count");
        String target = rs.getString("invite_target");
        return new AudienceUnit(rs.getObject("unit_id", UUID.class), rs.getString("name"), rs.getString("side"), texts(rs.getArray("tags")),
                members, target, rs.getBoolean("inviteable"), rs.getString("reason"),
                HouseholdContact.notInviteableReason(rs.getString("status"), members, rs.getObject("contact_id", UUID.class), target));
    }

    private static AudienceRules rules(ResultSet rs) throws SQLException {
        return new AudienceRules(
                new AudienceRules.Include(rs.getBoolean("include_all"), texts(rs.getArray("include_sides")),
                        texts(rs.getArray("include_tags")), TagMatch.valueOf(rs.getString("tag_match"))),
                new AudienceRules.Exclude(texts(rs.getArray("exclude_sides")), texts(rs.getArray("exclude_tags"))));
    }

    static List<String> texts(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
