package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitTagsAddedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code guest_units.tags}, which the unit list shows and filters on, holds what {@code unit_tags} holds,
 * in its order, through additions, removals and a rename (a removal and an addition in one batch). An event
 * handled twice changes nothing there either (GuestListIdempotencyTest compares every column).
 */
class UnitRowTagsTest {

    private static JdbcTemplate jdbc;

    private GuestListDriver events;
    private final WorkspaceId workspace = WorkspaceId.random();
    private final UnitId unit = UnitId.random();

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(UnitRowTagsTest.class);
    }

    @BeforeEach
    void emptyTables() {
        events = new GuestListDriver(jdbc);
        events.reset();
    }

    @Test
    void theRowsTags_followEveryTagEvent_sortedAsUnitTags() {
        events.handle(new UnitCreatedEvent(unit, workspace, "The Sharmas", "Bride", Set.of("vip", "Family", "college")));
        assertThat(rowTags()).containsExactlyElementsOf(unitTags()).containsExactlyInAnyOrder("vip", "Family", "college");

        events.handle(new UnitTagsAddedEvent(unit, workspace, Set.of("college", "neighbours")));
        assertThat(rowTags()).containsExactlyElementsOf(unitTags()).containsExactlyInAnyOrder("vip", "Family", "college", "neighbours");

        events.handle(new UnitTagsRemovedEvent(unit, workspace, Set.of("Family", "never-carried")));
        assertThat(rowTags()).containsExactlyElementsOf(unitTags()).containsExactlyInAnyOrder("vip", "college", "neighbours");

        events.inOneBatch(new UnitTagsRemovedEvent(unit, workspace, Set.of("vip")), new UnitTagsAddedEvent(unit, workspace, Set.of("VIP guests")));
        assertThat(rowTags()).containsExactlyElementsOf(unitTags()).containsExactlyInAnyOrder("VIP guests", "college", "neighbours");
    }

    @Test
    void createdAddedAndRemovedInOneBatch_leaveTheRowEqualToUnitTags() {
        events.inOneBatch(
                new UnitCreatedEvent(unit, workspace, "The Guptas", "Groom", Set.of("b", "a")),
                new UnitTagsAddedEvent(unit, workspace, Set.of("c", "a")),
                new UnitTagsRemovedEvent(unit, workspace, Set.of("b")));

        assertThat(rowTags()).containsExactly("a", "c").containsExactlyElementsOf(unitTags());
    }

    private List<String> rowTags() {
        String[] tags = jdbc.queryForObject("SELECT tags FROM guest_units WHERE unit_id = ?",
                (rs, n) -> (String[]) rs.getArray(1).getArray(), unit.value());
        return Arrays.asList(tags);
    }

    /** As the unit list read them before the row held them. */
    private List<String> unitTags() {
        return jdbc.queryForList("SELECT tag FROM unit_tags WHERE unit_id = ? ORDER BY tag", String.class, unit.value());
    }
}
