package io.guestlist.query.audience;

import io.guestlist.query.support.Projections;
import io.guestlist.kernel.guestunit.UnitArchivedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitRestoredEvent;
import io.guestlist.kernel.guestunit.UnitSideSetEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.occasion.AudienceOverrideClearedEvent;
import io.guestlist.kernel.occasion.AudienceOverrideSetEvent;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import io.guestlist.kernel.occasion.OccasionArchivedEvent;
import io.guestlist.kernel.occasion.OccasionCreatedEvent;
import io.guestlist.kernel.occasion.OccasionRenamedEvent;
import io.guestlist.query.support.SqlBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events of the celebration, their overrides and their audiences' bindings. It is in the
 * "guest-list" processing group, with the projection of units: it sees unit and event changes in
 * one order and in the same batches, so the bindings it derives from {@code guest_units} and
 * {@code unit_tags} never see a unit ahead of or behind its own events. Unit events only mark the
 * unit dirty; every write is an upsert, a conditional update or a delete, so an event handled twice
 * changes nothing.
 */
@Component
@ProcessingGroup(AudienceProjection.GROUP)
class AudienceProjection {

    static final String GROUP = Projections.GUEST_LIST;

    private final JdbcTemplate jdbc;
    private final AudienceBindings bindings;
    private final AudienceTotals totals;

    AudienceProjection(JdbcTemplate jdbc, AudienceBindings bindings, AudienceTotals totals) {
        this.jdbc = jdbc;
        this.bindings = bindings;
        this.totals = totals;
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE occasions, audience_overrides, audience_members, audience_totals");
    }

    /** A new event has no rules and no overrides yet, so it has no bindings to compute. */
    @EventHandler
    void on(OccasionCreatedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch.current(jdbc).add("""
                        INSERT INTO occasions (occasion_id, workspace_id, name, status, created_at, created_by, updated_at, updated_by)
                        VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?) ON CONFLICT (occasion_id) DO NOTHING""",
                e.occasionId().value(), e.workspaceId().value(), e.name(), ts(at), by, ts(at), by);
        totals.occasionChanged(SqlBatch.current(jdbc), e.occasionId().value());
    }

    @EventHandler
    void on(OccasionRenamedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("name = ?", e.name(), e.occasionId().value(), at, by);
    }

    @EventHandler
    void on(OccasionArchivedEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        touch("status = ?", "ARCHIVED", e.occasionId().value(), at, by);
    }

    @EventHandler
    void on(AudienceRulesSetEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        AudienceRules.Include in = e.rules().include();
        AudienceRules.Exclude out = e.rules().exclude();
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("""
                        UPDATE occasions SET include_all = ?, include_sides = ?::text[], include_tags = ?::text[], tag_match = ?,
                                             exclude_sides = ?::text[], exclude_tags = ?::text[], updated_at = ?, updated_by = ?
                         WHERE occasion_id = ?""",
                in.all(), array(in.sides()), array(in.tags()), in.tagMatch().name(), array(out.sides()), array(out.tags()),
                ts(at), by, e.occasionId().value());
        bindings.rulesChanged(batch, e.occasionId().value());
    }

    @EventHandler
    void on(AudienceOverrideSetEvent e, @Timestamp Instant at, @MetaDataValue(Attribution.MEMBER_ID) String by) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("""
                        INSERT INTO audience_overrides (occasion_id, unit_id, workspace_id, mode, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (occasion_id, unit_id) DO UPDATE SET mode = EXCLUDED.mode, set_at = EXCLUDED.set_at, set_by = EXCLUDED.set_by""",
                e.occasionId().value(), e.unitId().value(), e.workspaceId().value(), e.mode().name(), ts(at), by);
        bindings.overrideChanged(batch, e.occasionId().value(), e.unitId().value());
    }

    @EventHandler
    void on(AudienceOverrideClearedEvent e) {
        SqlBatch batch = SqlBatch.current(jdbc);
        batch.add("DELETE FROM audience_overrides WHERE occasion_id = ? AND unit_id = ?", e.occasionId().value(), e.unitId().value());
        bindings.overrideChanged(batch, e.occasionId().value(), e.unitId().value());
    }

    @EventHandler
    void on(UnitCreatedEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    @EventHandler
    void on(UnitRenamedEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    @EventHandler
    void on(UnitSideSetEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    @EventHandler
    void on(UnitTagsAddedEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    @EventHandler
    void on(UnitTagsRemovedEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    @EventHandler
    void on(UnitArchivedEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    @EventHandler
    void on(UnitDiscardedEvent e) {
        SqlBatch.current(jdbc).add("DELETE FROM audience_overrides WHERE unit_id = ?", e.unitId().value());
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
        totals.workspaceChanged(SqlBatch.current(jdbc), e.workspaceId().value());
    }

    @EventHandler
    void on(UnitRestoredEvent e) {
        bindings.unitChanged(SqlBatch.current(jdbc), e.unitId().value());
    }

    private void touch(String assignment, Object value, UUID occasion, Instant at, String by) {
        SqlBatch.current(jdbc).add("UPDATE occasions SET " + assignment + ", updated_at = ?, updated_by = ? WHERE occasion_id = ?",
                value, ts(at), by, occasion);
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
