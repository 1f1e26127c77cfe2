-- Rebuilds' status, readable from every instance and kept across restarts. A run's instance beats
-- heartbeat_at while it works; a run whose beat stopped (its instance died) is marked FAILED by the
-- next instance that looks, and its shadow schema dropped.
CREATE TABLE rebuild_runs (
    id           UUID        NOT NULL,
    instance     TEXT        NOT NULL,
    state        TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_rebuild_runs PRIMARY KEY (id)
);
