-- Command-side lookup tables: written in the same transaction as the events of the command that
-- changes them, so a rule that spans aggregates (a phone held once per workspace, who may act)
-- is checked against committed truth; the constraints are the backstop under concurrency.

CREATE TABLE cmd_workspace (
    workspace_id   UUID        NOT NULL,
    default_region VARCHAR(2)  NOT NULL,
    sides          TEXT[]      NOT NULL,
    CONSTRAINT pk_cmd_workspace PRIMARY KEY (workspace_id)
);

CREATE TABLE cmd_workspace_member (
    workspace_id UUID         NOT NULL,
    user_id      VARCHAR(255) NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_cmd_workspace_member PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT ck_cmd_workspace_member_role CHECK (role IN ('OWNER', 'EDITOR', 'VIEWER'))
);

-- SPEC §2.1: at most one person per normalized phone per workspace.
CREATE TABLE cmd_phone_claim (
    workspace_id UUID        NOT NULL,
    phone_e164   VARCHAR(20) NOT NULL,
    person_id    UUID        NOT NULL,
    CONSTRAINT pk_cmd_phone_claim PRIMARY KEY (workspace_id, phone_e164)
);
CREATE UNIQUE INDEX uq_cmd_phone_claim_person ON cmd_phone_claim (person_id);

-- Which units exist in which workspace, and whether they are active.
CREATE TABLE cmd_unit (
    unit_id      UUID    NOT NULL,
    workspace_id UUID    NOT NULL,
    active       BOOLEAN NOT NULL,
    CONSTRAINT pk_cmd_unit PRIMARY KEY (unit_id)
);

-- Who is in which unit now (one row per person: SPEC §2.2), for merges and member checks.
CREATE TABLE cmd_unit_member (
    person_id    UUID NOT NULL,
    unit_id      UUID NOT NULL,
    workspace_id UUID NOT NULL,
    CONSTRAINT pk_cmd_unit_member PRIMARY KEY (person_id)
);
CREATE INDEX ix_cmd_unit_member_unit ON cmd_unit_member (unit_id);
