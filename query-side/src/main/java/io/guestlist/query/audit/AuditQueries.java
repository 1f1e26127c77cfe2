package io.guestlist.query.audit;

import io.guestlist.query.audit.AuditViews.AuditItem;
import io.guestlist.query.support.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The workspace's audit feed from {@code audit_log}, newest first; every filter is an index range within the workspace. */
@Component
class AuditQueries {

    /** The filters of the feed; null ones do not restrict. {@code from} is inclusive, {@code to} exclusive. */
    record AuditFilter(UUID aggregateId, String memberId, Instant from, Instant to, UUID importRunId) {
    }

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<AuditItem> feed(UUID workspace, AuditFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("workspace_id = :ws");
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspace);
        if (filter.aggregateId() != null) {
            where.append(" AND aggregate_id = :aggregate");
            params.put("aggregate", filter.aggregateId());
        }
        if (filter.memberId() != null) {
            where.append(" AND member_id = :member");
            params.put("member", filter.memberId());
        }
        if (filter.from() != null) {
            where.append(" AND time >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND time < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.importRunId() != null) {
            where.append(" AND (correlation_id = :runText OR aggregate_id = :run)");
            params.put("runText", filter.importRunId().toString());
            params.put("run", filter.importRunId());
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_log WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<AuditItem> items = jdbc.sql("""
                        SELECT position, aggregate_id, aggregate_type, sequence, type, time, member_id, correlation_id, data::text
                          FROM audit_log WHERE %s ORDER BY position DESC LIMIT :limit OFFSET :offset""".formatted(where))
                .params(params)
                .query((rs, n) -> new AuditItem(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        return new Page<>(items, page, size, total);
    }
}
