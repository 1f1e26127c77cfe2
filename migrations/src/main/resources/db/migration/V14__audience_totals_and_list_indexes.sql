-- Per event of the celebration, the totals of its audience, kept by the guest-list group after each
-- batch (AudienceTotals), so a page reads them instead of counting the whole audience.
CREATE TABLE audience_totals (
    occasion_id      UUID   NOT NULL,
    workspace_id     UUID   NOT NULL,
    units            BIGINT NOT NULL,
    inviteable_units BIGINT NOT NULL,
    people           BIGINT NOT NULL,
    CONSTRAINT pk_audience_totals PRIMARY KEY (occasion_id)
);

INSERT INTO audience_totals (occasion_id, workspace_id, units, inviteable_units, people)
SELECT o.occasion_id, o.workspace_id, count(u.unit_id), count(u.unit_id) FILTER (WHERE u.inviteable), coalesce(sum(u.member_count), 0)
  FROM occasions o
  LEFT JOIN audience_members am ON am.occasion_id = o.occasion_id
  LEFT JOIN guest_units u ON u.unit_id = am.unit_id
 GROUP BY o.occasion_id, o.workspace_id;

-- The unit list filtered by side, in name order: one index range.
CREATE INDEX ix_guest_units_side_name ON guest_units (workspace_id, side, lower(name), unit_id);

-- The unit list's name search (q: a substring, any case): trigrams find the rows without a scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_guest_units_name_trigram ON guest_units USING gin (lower(name) gin_trgm_ops);
