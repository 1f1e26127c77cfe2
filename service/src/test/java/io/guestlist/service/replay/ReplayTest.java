package io.guestlist.service.replay;

import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.service.support.ServiceTest;
import io.guestlist.service.support.WeddingHistory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §2.7: resetting every streaming projection and replaying the event store rebuilds the read
 * model row for row. The governance tables are projected in the commands' own transactions, by no
 * streaming processor: a reset leaves them, and the rebuild (RebuildApiTest) checks them against
 * the event store.
 */
class ReplayTest extends ServiceTest {

    /** Every read table and its primary key. */
    private static final Map<String, String> READ_TABLES = new LinkedHashMap<>();

    private static final List<String> GOVERNANCE_TABLES = List.of("workspaces", "workspace_members", "sides");

    static {
        READ_TABLES.put("workspaces", "workspace_id");
        READ_TABLES.put("workspace_members", "workspace_id, user_id");
        READ_TABLES.put("sides", "workspace_id, name");
        READ_TABLES.put("guest_units", "unit_id");
        READ_TABLES.put("tags", "workspace_id, name");
        READ_TABLES.put("unit_tags", "unit_id, tag");
        READ_TABLES.put("people", "person_id");
        READ_TABLES.put("identities", "workspace_id, phone_e164");
        READ_TABLES.put("memberships", "person_id, since_position");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ReplayTest.class, registry);
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ReadYourWrites readYourWrites;

    @Test
    void resetAndReplayOfEveryProcessor_rebuildsTheReadModelRowForRow() {
        new WeddingHistory(api(), "alice").write();
        new WeddingHistory(api(), "bob").write();
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> live = dump();
        assertThat(live).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
        assertThat(live.get("memberships")).anySatisfy(m -> assertThat(m.get("until")).isNotNull());
        assertThat(live.get("guest_units")).anySatisfy(u -> assertThat(u).containsEntry("inviteable", true))
                .anySatisfy(u -> assertThat(u).containsEntry("status", "ARCHIVED"));

        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        assertThat(processors).isNotEmpty();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        assertThat(dump()).as("the reset handlers emptied every streaming projection's table")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isEqualTo(
                        GOVERNANCE_TABLES.contains(table) ? live.get(table) : List.of()));
        processors.forEach(StreamingEventProcessor::start);
        awaitCaughtUp();

        Map<String, List<Map<String, Object>>> replayed = dump();
        READ_TABLES.keySet().forEach(table -> assertThat(replayed.get(table)).as(table).isEqualTo(live.get(table)));
    }

    private void awaitCaughtUp() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await("caught up with position " + head).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> readYourWrites.caughtUp(head));
    }

    private Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        READ_TABLES.forEach((table, key) -> rows.put(table, jdbc.query("SELECT * FROM " + table + " ORDER BY " + key, ROWS)));
        return rows;
    }

    /** A row as a map, an array column (guest_units.tags) as the list of its elements: a JDBC array equals only itself. */
    private static final RowMapper<Map<String, Object>> ROWS = new ColumnMapRowMapper() {
        @Override
        protected Object getColumnValue(ResultSet rs, int index) throws SQLException {
            Object value = super.getColumnValue(rs, index);
            return value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value;
        }
    };
}
