package io.guestlist.query.audience;

import io.guestlist.kernel.guestunit.UnitRenamedEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.occasion.AudienceOverrideClearedEvent;
import io.guestlist.kernel.occasion.AudienceOverrideSetEvent;
import io.guestlist.kernel.occasion.AudienceRules;
import io.guestlist.kernel.occasion.AudienceRulesSetEvent;
import io.guestlist.kernel.occasion.OccasionArchivedEvent;
import io.guestlist.kernel.occasion.OccasionCreatedEvent;
import io.guestlist.kernel.occasion.OccasionRenamedEvent;
import io.guestlist.kernel.occasion.OverrideMode;
import io.guestlist.kernel.occasion.TagMatch;
import io.guestlist.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audience projection on a real PostgreSQL with the real migrations: what each event writes,
 * and that handling any event a second time changes nothing. The units it binds are rows written
 * here as the guest-list projection would have written them.
 */
class AudienceProjectionDbTest {

    private static final WorkspaceId WS = WorkspaceId.random();
    private static final OccasionId MEHNDI = OccasionId.random();
    private static final UnitId SHARMAS = UnitId.random();
    private static final UnitId KAPOORS = UnitId.random();
    private static final Instant AT = Instant.parse("2026-01-10T10:00:00Z");

    private static JdbcTemplate jdbc;
    private AudienceProjection projection;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.create(AudienceProjectionDbTest.class),
                TestDatabase.USER, TestDatabase.PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void twoHouseholds() {
        AudienceTotals totals = new AudienceTotals(jdbc);
        projection = new AudienceProjection(jdbc, new AudienceBindings(jdbc, totals), totals);
        projection.reset();
        jdbc.execute("TRUNCATE guest_units, unit_tags");
        unit(SHARMAS, "The Sharmas", "Bride");
        unit(KAPOORS, "The Kapoors", "Groom");
    }

    @Test
    void eachEventWritesWhatItSays_andTwiceChangesNothing() {
        twice(p -> p.on(new OccasionCreatedEvent(MEHNDI, WS, "Mehndi"), AT, "alice"));
        assertThat(rows("SELECT name || ' ' || status || ' ' || include_all || ' ' || tag_match FROM occasions"))
                .containsExactly("Mehndi ACTIVE false ANY");
        assertThat(members()).isEmpty();
        assertThat(totals()).containsExactly("units 0, inviteable 0, people 0");

        twice(p -> p.on(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(
                new AudienceRules.Include(false, List.of("Bride"), List.of(), TagMatch.ANY), null)), AT.plusSeconds(1), "erin"));
        assertThat(members()).containsExactly("The Sharmas RULE");
        assertThat(totals()).containsExactly("units 1, inviteable 0, people 0");

        twice(p -> p.on(new AudienceOverrideSetEvent(MEHNDI, WS, KAPOORS, OverrideMode.FORCE_INCLUDE), AT.plusSeconds(2), "erin"));
        assertThat(rows("SELECT mode || ' ' || set_by FROM audience_overrides")).containsExactly("FORCE_INCLUDE erin");
        assertThat(members()).containsExactly("The Kapoors FORCE_INCLUDE", "The Sharmas RULE");
        jdbc.update("UPDATE guest_units SET member_count = 3, invite_target = '+919811100001' WHERE unit_id = ?", KAPOORS.value());
        twice(p -> p.on(new UnitRenamedEvent(KAPOORS, WS, "The Kapoors")));
        assertThat(totals()).containsExactly("units 2, inviteable 1, people 3");

        twice(p -> p.on(new AudienceOverrideSetEvent(MEHNDI, WS, SHARMAS, OverrideMode.FORCE_EXCLUDE), AT.plusSeconds(3), "erin"));
        assertThat(members()).containsExactly("The Kapoors FORCE_INCLUDE");
        assertThat(totals()).containsExactly("units 1, inviteable 1, people 3");

        twice(p -> p.on(new AudienceOverrideClearedEvent(MEHNDI, WS, SHARMAS)));
        assertThat(members()).containsExactly("The Kapoors FORCE_INCLUDE", "The Sharmas RULE");

        twice(p -> p.on(new OccasionRenamedEvent(MEHNDI, WS, "Sangeet"), AT.plusSeconds(4), "alice"));
        twice(p -> p.on(new OccasionArchivedEvent(MEHNDI, WS), AT.plusSeconds(5), "alice"));
        assertThat(rows("SELECT name || ' ' || status || ' ' || updated_by FROM occasions")).containsExactly("Sangeet ARCHIVED alice");
    }

    @Test
    void unitEvent_rebindsTheUnit_andTwiceChangesNothing() {
        projection.on(new OccasionCreatedEvent(MEHNDI, WS, "Mehndi"), AT, "alice");
        projection.on(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(
                new AudienceRules.Include(false, null, List.of("family", "vip"), TagMatch.ALL), null)), AT, "alice");
        assertThat(members()).isEmpty();

        jdbc.update("INSERT INTO unit_tags (unit_id, tag, workspace_id) VALUES (?, 'family', ?), (?, 'vip', ?)",
                KAPOORS.value(), WS.value(), KAPOORS.value(), WS.value());
        twice(p -> p.on(new UnitTagsAddedEvent(KAPOORS, WS, Set.of("family", "vip"))));
        assertThat(members()).containsExactly("The Kapoors RULE");
    }

    /**
     * A unit with 5,000 tags against rules of 5,000 tags, each way of matching: the bindings are
     * right whatever the count (the cost, linear in the tags, is measured by benchmarks/audience-tags.py).
     */
    @Test
    void thousandsOfTagsOnAUnitAndInARule_bindAsWithTwo() {
        int many = 5_000;
        List<String> carried = tags("carried", many);
        List<String> other = tags("other", many);
        projection.on(new OccasionCreatedEvent(MEHNDI, WS, "Mehndi"), AT, "alice");
        jdbc.update("INSERT INTO unit_tags (unit_id, tag, workspace_id) SELECT ?, unnest(?::text[]), ?",
                SHARMAS.value(), carried.toArray(String[]::new), WS.value());
        projection.on(new UnitTagsAddedEvent(SHARMAS, WS, Set.copyOf(carried)));

        rules(new AudienceRules.Include(false, null, carried, TagMatch.ALL), null);
        assertThat(members()).containsExactly("The Sharmas RULE");

        rules(new AudienceRules.Include(false, null, plus(carried, "missing"), TagMatch.ALL), null);
        assertThat(members()).isEmpty();

        rules(new AudienceRules.Include(false, null, plus(other, carried.get(many - 1)), TagMatch.ANY), null);
        assertThat(members()).containsExactly("The Sharmas RULE");

        rules(new AudienceRules.Include(false, null, other, TagMatch.ANY), null);
        assertThat(members()).isEmpty();

        rules(new AudienceRules.Include(true, null, null, null), new AudienceRules.Exclude(null, plus(other, carried.get(0))));
        assertThat(members()).containsExactly("The Kapoors RULE");

        rules(new AudienceRules.Include(true, null, null, null), new AudienceRules.Exclude(null, other));
        assertThat(members()).containsExactly("The Kapoors RULE", "The Sharmas RULE");
    }

    private void rules(AudienceRules.Include include, AudienceRules.Exclude exclude) {
        projection.on(new AudienceRulesSetEvent(MEHNDI, WS, new AudienceRules(include, exclude)), AT, "alice");
    }

    private static List<String> tags(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static List<String> plus(List<String> tags, String tag) {
        List<String> all = new java.util.ArrayList<>(tags);
        all.add(tag);
        return all;
    }

    /** Handles the event, snapshots the tables, handles it again, and expects the same snapshot. */
    private void twice(Consumer<AudienceProjection> handle) {
        handle.accept(projection);
        List<String> once = snapshot();
        handle.accept(projection);
        assertThat(snapshot()).as("the same event handled twice").isEqualTo(once);
    }

    private List<String> snapshot() {
        List<String> all = new java.util.ArrayList<>(rows("SELECT o::text FROM occasions o ORDER BY occasion_id"));
        all.addAll(rows("SELECT ov::text FROM audience_overrides ov ORDER BY occasion_id, unit_id"));
        all.addAll(rows("SELECT am::text FROM audience_members am ORDER BY occasion_id, unit_id"));
        return all;
    }

    private List<String> members() {
        return rows("SELECT unit_name || ' ' || reason FROM audience_members ORDER BY lower(unit_name)");
    }

    private static List<String> rows(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    private static void unit(UnitId unit, String name, String side) {
        jdbc.update("""
                INSERT INTO guest_units (unit_id, workspace_id, name, side, status, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, 'ACTIVE', now(), 'alice', now(), 'alice')""", unit.value(), WS.value(), name, side);
    }

    private List<String> totals() {
        return rows("SELECT 'units ' || units || ', inviteable ' || inviteable_units || ', people ' || people FROM audience_totals");
    }
}
