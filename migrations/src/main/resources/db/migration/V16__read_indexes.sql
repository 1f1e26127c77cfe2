-- The unit list filtered by status, in name order: one index range, and its count an index-only scan,
-- instead of a scan of the workspace's units (EXPLAIN ANALYZE in BENCHMARKS.md, "Query plans").
CREATE INDEX ix_guest_units_status_name ON guest_units (workspace_id, status, lower(name), unit_id);

-- Find-by-phone for a number that is not valid E.164 looks the raw text up among the workspace's people.
CREATE INDEX ix_people_workspace_phone_raw ON people (workspace_id, phone_raw);
