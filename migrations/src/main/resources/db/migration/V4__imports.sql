-- Command side: each submitted payload, kept until its run is finished so a run interrupted by a
-- crash resumes from next_row on restart (SPEC §4.4). One run per idempotency key per workspace.
CREATE TABLE cmd_import_payload (
    run_id          UUID         NOT NULL,
    workspace_id    UUID         NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    content_type    VARCHAR(255),
    mapping         TEXT,
    idempotency_key VARCHAR(255),
    payload_sha256  CHAR(64)     NOT NULL,
    payload         BYTEA        NOT NULL,
    created_by      VARCHAR(255) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    next_row        INTEGER      NOT NULL DEFAULT 1,
    finished        BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_cmd_import_payload PRIMARY KEY (run_id)
);
CREATE UNIQUE INDEX uq_cmd_import_payload_idempotency_key ON cmd_import_payload (workspace_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_cmd_import_payload_unfinished ON cmd_import_payload (created_at) WHERE NOT finished;

-- Read model: runs with their counters, and every row with its outcome (SPEC §2.5).
CREATE TABLE import_runs (
    run_id                  UUID         NOT NULL,
    workspace_id            UUID         NOT NULL,
    channel                 VARCHAR(16)  NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    failure_reason          TEXT,
    dry_run                 BOOLEAN      NOT NULL,
    file_name               VARCHAR(1000),
    idempotency_key         VARCHAR(255),
    total_rows              INTEGER      NOT NULL,
    processed_rows          INTEGER      NOT NULL DEFAULT 0,
    inviteable_rows         INTEGER      NOT NULL DEFAULT 0,
    skipped_no_phone        INTEGER      NOT NULL DEFAULT 0,
    warning_malformed_phone INTEGER      NOT NULL DEFAULT 0,
    created                 INTEGER      NOT NULL DEFAULT 0,
    reactivated             INTEGER      NOT NULL DEFAULT 0,
    updated                 INTEGER      NOT NULL DEFAULT 0,
    unchanged               INTEGER      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL,
    created_by              VARCHAR(255) NOT NULL,
    finished_at             TIMESTAMPTZ,
    undone_at               TIMESTAMPTZ,
    undone_by               VARCHAR(255),
    CONSTRAINT pk_import_runs PRIMARY KEY (run_id),
    CONSTRAINT ck_import_runs_status CHECK (status IN ('RECEIVED', 'PROCESSING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX ix_import_runs_workspace_created ON import_runs (workspace_id, created_at DESC);

CREATE TABLE import_rows (
    run_id       UUID        NOT NULL,
    row_number   INTEGER     NOT NULL,
    workspace_id UUID        NOT NULL,
    outcome      VARCHAR(32) NOT NULL,
    warnings     TEXT[]      NOT NULL,
    inviteable   BOOLEAN     NOT NULL,
    person_id    UUID,
    unit_id      UUID,
    raw          JSONB       NOT NULL,
    parsed       JSONB       NOT NULL,
    CONSTRAINT pk_import_rows PRIMARY KEY (run_id, row_number)
);
CREATE INDEX ix_import_rows_run_outcome ON import_rows (run_id, outcome, row_number);
