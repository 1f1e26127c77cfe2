package io.guestlist.query.guestlist;

import io.guestlist.kernel.guestunit.UnitCreatedEvent;
import io.guestlist.kernel.guestunit.UnitDiscardedEvent;
import io.guestlist.kernel.guestunit.UnitTagsRemovedEvent;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit with thousands of tags projects the same as one with two: the rows are right whatever the
 * count (how fast is for {@code benchmarks/audience-tags.py}). The tags table keeps exactly the
 * tags some unit still carries.
 */
class ManyTagsProjectionTest {

    private static final int MANY = 5_000;

    private static JdbcTemplate jdbc;

    private GuestListDriver events;
    private final WorkspaceId workspace = WorkspaceId.random();

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(ManyTagsProjectionTest.class);
    }

    @BeforeEach
    void emptyTables() {
        events = new GuestListDriver(jdbc);
        events.reset();
    }

    @Test
    void thousandsOfTagsAddedAndRemoved_leaveExactlyTheTagsStillCarried() {
        UnitId big = UnitId.random();
        UnitId small = UnitId.random();
        Set<String> all = tags(0, MANY);
        Set<String> removed = tags(0, MANY - 1_000);
        events.inOneBatch(
                new UnitCreatedEvent(big, workspace, "The Big Family", "Bride", all),
                new UnitCreatedEvent(small, workspace, "The Small Family", "Groom", Set.of(tag(0), "vip")),
                new UnitTagsRemovedEvent(big, workspace, removed));

        Set<String> kept = tags(MANY - 1_000, MANY);
        assertThat(unitTags(big)).containsExactlyElementsOf(kept);
        assertThat(unitTags(small)).containsExactly(tag(0), "vip");
        TreeSet<String> inUse = new TreeSet<>(kept);
        inUse.addAll(Set.of(tag(0), "vip"));
        assertThat(tagsInUse()).containsExactlyElementsOf(inUse);

        events.handle(new UnitDiscardedEvent(big, workspace));
        assertThat(unitTags(big)).isEmpty();
        assertThat(tagsInUse()).containsExactly(tag(0), "vip");
    }

    private List<String> unitTags(UnitId unit) {
        return jdbc.queryForList("SELECT tag FROM unit_tags WHERE unit_id = ? ORDER BY tag COLLATE \"C\"", String.class, unit.value());
    }

    private List<String> tagsInUse() {
        return jdbc.queryForList("SELECT name FROM tags WHERE workspace_id = ? ORDER BY name COLLATE \"C\"", String.class,
                workspace.value());
    }

    /** Tags "tag-00000" … in Java's order, which is the C collation's for these characters. */
    private static Set<String> tags(int from, int to) {
        return IntStream.range(from, to).mapToObj(ManyTagsProjectionTest::tag).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String tag(int i) {
        return String.format("tag-%05d", i);
    }
}
