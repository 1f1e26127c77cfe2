-- The read model of events of the celebration (Occasion in code) and their audiences (SPEC §5).
-- Written by the audience projection of the "guest-list" processing group, which also writes the
-- units, so bindings are derived from units and rules in the same batch and transaction.

CREATE TABLE occasions (
    occasion_id   UUID         NOT NULL,
    workspace_id  UUID         NOT NULL,
    name          VARCHAR(200) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    include_all   BOOLEAN      NOT NULL DEFAULT FALSE,
    include_sides TEXT[]       NOT NULL DEFAULT '{}',
    include_tags  TEXT[]       NOT NULL DEFAULT '{}',
    tag_match     VARCHAR(3)   NOT NULL DEFAULT 'ANY',
    exclude_sides TEXT[]       NOT NULL DEFAULT '{}',
    exclude_tags  TEXT[]       NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    VARCHAR(255) NOT NULL,
    CONSTRAINT pk_occasions PRIMARY KEY (occasion_id),
    CONSTRAINT ck_occasions_status CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    CONSTRAINT ck_occasions_tag_match CHECK (tag_match IN ('ANY', 'ALL'))
);
CREATE INDEX ix_occasions_workspace_created ON occasions (workspace_id, created_at, occasion_id);

-- One override per unit and event: a new one replaces the old (SPEC §5).
CREATE TABLE audience_overrides (
    occasion_id  UUID         NOT NULL,
    unit_id      UUID         NOT NULL,
    workspace_id UUID         NOT NULL,
    mode         VARCHAR(16)  NOT NULL,
    set_at       TIMESTAMPTZ  NOT NULL,
    set_by       VARCHAR(255) NOT NULL,
    CONSTRAINT pk_audience_overrides PRIMARY KEY (occasion_id, unit_id),
    CONSTRAINT ck_audience_overrides_mode CHECK (mode IN ('FORCE_INCLUDE', 'FORCE_EXCLUDE'))
);

-- The bindings: which units are in which event's audience now, and why. A pure function of
-- occasions, audience_overrides, guest_units and unit_tags, recomputed for what a batch touched.
-- unit_name copies guest_units.name so a page of an audience sorted by name is one index range.
CREATE TABLE audience_members (
    occasion_id  UUID          NOT NULL,
    unit_id      UUID          NOT NULL,
    workspace_id UUID          NOT NULL,
    reason       VARCHAR(16)   NOT NULL,
    unit_name    VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_audience_members PRIMARY KEY (occasion_id, unit_id),
    CONSTRAINT ck_audience_members_reason CHECK (reason IN ('RULE', 'FORCE_INCLUDE'))
);
CREATE INDEX ix_audience_members_page ON audience_members (occasion_id, lower(unit_name), unit_id);
CREATE INDEX ix_audience_members_unit ON audience_members (unit_id);

-- The inviteable=true page: the workspace's inviteable units in name order, each probed in the audience.
CREATE INDEX ix_guest_units_inviteable_name ON guest_units (workspace_id, lower(name), unit_id) WHERE inviteable;
