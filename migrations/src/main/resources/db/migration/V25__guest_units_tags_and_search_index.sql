-- The unit list with side + tag + q (issue 11). A unit's tags on its own row, sorted, kept by the guest-list
-- projection beside unit_tags (which the audience rules and the tag list read): the list shows them without
-- a subquery per unit, and filters on them without a join.
ALTER TABLE guest_units ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
UPDATE guest_units u SET tags = t.tags
  FROM (SELECT unit_id, array_agg(tag::text ORDER BY tag) AS tags FROM unit_tags GROUP BY unit_id) t
 WHERE u.unit_id = t.unit_id;

-- One index for the list's filters within a workspace: GIN intersects the workspace's, the side's, the tag's
-- and the name's trigram entries before any row is read. The trigram index of V14 spanned every workspace,
-- as would an index of tags alone. btree_gin (trusted, like pg_trgm) indexes the workspace and the side.
-- fastupdate off: new entries go straight into the index. With it on, an import's units wait in a pending list
-- that every search reads whole until a vacuum (or 4 MB of them) merges it; one import of 6,666 units left
-- 199 pending pages, and the list's p50 went from 8 to 16 ms. The import itself ran no slower without it.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX ix_guest_units_list_filters ON guest_units
    USING gin (workspace_id, side, tags, lower(name) gin_trgm_ops) WITH (fastupdate = off);
DROP INDEX ix_guest_units_name_trigram;
