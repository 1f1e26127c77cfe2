-- The audit feed (SPEC §6): one row per domain event, kept by the "audit" processing group.
-- position is the event's global index, so handling an event twice changes nothing. The event
-- store stays the source of truth for history; this table makes the workspace feed fast and
-- filterable, and finds the events that placed people in or out of a unit (unit_ids) for as-of reads.

CREATE TABLE audit_log (
    position       BIGINT       NOT NULL,
    workspace_id   UUID         NOT NULL,
    aggregate_id   UUID         NOT NULL,
    aggregate_type VARCHAR(255) NOT NULL,
    sequence       BIGINT       NOT NULL,
    type           VARCHAR(255) NOT NULL,
    time           TIMESTAMPTZ  NOT NULL,
    member_id      VARCHAR(255),
    correlation_id VARCHAR(255),
    unit_ids       UUID[]       NOT NULL DEFAULT '{}',
    data           JSONB        NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (position)
);
-- The feed, newest first, and each of its filters within a workspace.
CREATE INDEX ix_audit_log_workspace ON audit_log (workspace_id, position);
CREATE INDEX ix_audit_log_aggregate ON audit_log (aggregate_id, position);
CREATE INDEX ix_audit_log_member ON audit_log (workspace_id, member_id, position);
CREATE INDEX ix_audit_log_correlation ON audit_log (correlation_id, position);
CREATE INDEX ix_audit_log_time ON audit_log (workspace_id, time);
-- As of an instant: a workspace's unit and person events, and the person events that name a unit.
CREATE INDEX ix_audit_log_workspace_type ON audit_log (workspace_id, aggregate_type, position);
CREATE INDEX ix_audit_log_unit_ids ON audit_log USING gin (unit_ids);
