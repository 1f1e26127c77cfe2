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
}
