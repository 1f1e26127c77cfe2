-- The read model of governance and the guest list. Projections write it; nothing else does.
-- Times and authors come from the events (time stamp and memberId), so a replay rebuilds it row for row.

CREATE TABLE workspaces (
    workspace_id   UUID         NOT NULL,
    name           VARCHAR(200) NOT NULL,
    default_region VARCHAR(2)   NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    created_by     VARCHAR(255) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(255) NOT NULL,
    CONSTRAINT pk_workspaces PRIMARY KEY (workspace_id)
);

CREATE TABLE workspace_members (
    workspace_id UUID         NOT NULL,
    user_id      VARCHAR(255) NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(255) NOT NULL,
    CONSTRAINT pk_workspace_members PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE sides (
    workspace_id UUID        NOT NULL,
    name         VARCHAR(100) NOT NULL,
    position     INTEGER     NOT NULL,
    CONSTRAINT pk_sides PRIMARY KEY (workspace_id, name)
);

CREATE TABLE guest_units (
    unit_id            UUID         NOT NULL,
    workspace_id       UUID         NOT NULL,
    name               VARCHAR(1000) NOT NULL,
    side               VARCHAR(100),
    status             VARCHAR(16)  NOT NULL,
    chosen_contact_id  UUID,
    contact_id         UUID,
    invite_target      VARCHAR(20),
    member_count       INTEGER      NOT NULL DEFAULT 0,
    inviteable         BOOLEAN GENERATED ALWAYS AS (status = 'ACTIVE' AND invite_target IS NOT NULL) STORED,
    created_at         TIMESTAMPTZ  NOT NULL,
    created_by         VARCHAR(255) NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    updated_by         VARCHAR(255) NOT NULL,
    CONSTRAINT pk_guest_units PRIMARY KEY (unit_id),
    CONSTRAINT ck_guest_units_status CHECK (status IN ('ACTIVE', 'ARCHIVED'))
);
CREATE INDEX ix_guest_units_workspace_name ON guest_units (workspace_id, lower(name), unit_id);
-- SPEC §2.3: no two ACTIVE units share an invite target.
CREATE UNIQUE INDEX uq_guest_units_active_invite_target ON guest_units (workspace_id, invite_target)
    WHERE status = 'ACTIVE' AND invite_target IS NOT NULL;

CREATE TABLE tags (
    workspace_id UUID         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    CONSTRAINT pk_tags PRIMARY KEY (workspace_id, name)
);

CREATE TABLE unit_tags (
    unit_id      UUID         NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    workspace_id UUID         NOT NULL,
    CONSTRAINT pk_unit_tags PRIMARY KEY (unit_id, tag)
);
CREATE INDEX ix_unit_tags_workspace_tag ON unit_tags (workspace_id, tag);

CREATE TABLE people (
    person_id            UUID          NOT NULL,
    workspace_id         UUID          NOT NULL,
    name                 VARCHAR(1000) NOT NULL,
    phone_e164           VARCHAR(20),
    phone_raw            VARCHAR(1000),
    phone_invalid_reason VARCHAR(64),
    phone_mobile         BOOLEAN       NOT NULL DEFAULT FALSE,
    status               VARCHAR(16)   NOT NULL,
    unit_id              UUID,
    created_at           TIMESTAMPTZ   NOT NULL,
    created_by           VARCHAR(255)  NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    updated_by           VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_people PRIMARY KEY (person_id),
    CONSTRAINT ck_people_status CHECK (status IN ('ACTIVE', 'REMOVED'))
);
CREATE INDEX ix_people_unit ON people (unit_id);

-- SPEC §2.1 on the read side: one person per normalized phone per workspace.
CREATE TABLE identities (
    workspace_id UUID         NOT NULL,
    phone_e164   VARCHAR(20)  NOT NULL,
    person_id    UUID         NOT NULL,
    claimed_at   TIMESTAMPTZ  NOT NULL,
    claimed_by   VARCHAR(255) NOT NULL,
    CONSTRAINT pk_identities PRIMARY KEY (workspace_id, phone_e164)
);
CREATE UNIQUE INDEX uq_identities_person ON identities (person_id);

-- since_position is the global index of the event that began the membership: a stable key on replay.
CREATE TABLE memberships (
    person_id      UUID         NOT NULL,
    since_position BIGINT       NOT NULL,
    unit_id        UUID         NOT NULL,
    workspace_id   UUID         NOT NULL,
    since          TIMESTAMPTZ  NOT NULL,
    until          TIMESTAMPTZ,
    created_by     VARCHAR(255) NOT NULL,
    ended_by       VARCHAR(255),
    CONSTRAINT pk_memberships PRIMARY KEY (person_id, since_position)
);
-- SPEC §2.2: at most one active membership per person.
CREATE UNIQUE INDEX uq_memberships_active_person ON memberships (person_id) WHERE until IS NULL;
CREATE INDEX ix_memberships_active_unit ON memberships (unit_id) WHERE until IS NULL;
