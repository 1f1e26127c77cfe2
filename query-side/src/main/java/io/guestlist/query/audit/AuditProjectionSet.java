package io.guestlist.query.audit;

import io.guestlist.query.support.ProjectionSet;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The audit feed, for a rebuild. */
@Component
class AuditProjectionSet implements ProjectionSet {

    private final Serializer serializer;

    AuditProjectionSet(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public String group() {
        return AuditProjection.GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of(AuditProjection.TABLE);
    }

    @Override
    public List<Object> projections(JdbcTemplate jdbc) {
        return List.of(new AuditProjection(jdbc, serializer));
    }

    /** The feed's pages, filters and its rows by unit; the projection writes by position only. */
    @Override
    public List<String> queryIndexes() {
        return List.of("ix_audit_log_aggregate", "ix_audit_log_member", "ix_audit_log_correlation", "ix_audit_log_time",
                "ix_audit_log_workspace_type", "ix_audit_log_unit_ids", "ix_audit_log_workspace");
    }
}
