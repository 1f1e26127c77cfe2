-- Plans of the audience and unit-list queries (issue 11), on the workspace audience.py builds.
-- Usage: benchmarks/query_plans.sh <db> (this file prepares; the script explains each statement).
-- The SQL is AudienceQueries.audience and GuestListQueries.units/peopleByPhone as they send it
-- (bind parameters); each statement runs 7 times and the 1st (custom plan) and 7th are shown,
-- since PostgreSQL may switch a prepared statement to a generic plan after its 5th execution.
\pset pager off
SELECT workspace_id AS ws FROM workspaces WHERE name = 'Audience benchmark' ORDER BY created_at DESC LIMIT 1 \gset
SELECT occasion_id AS occ FROM audience_totals WHERE workspace_id = :'ws' ORDER BY units DESC LIMIT 1 \gset
SELECT lower(unit_name) AS acur_name, unit_id AS acur_id FROM audience_members WHERE occasion_id = :'occ'
 ORDER BY lower(unit_name), unit_id OFFSET 8999 LIMIT 1 \gset
SELECT lower(name) AS ucur_name, unit_id AS ucur_id FROM guest_units WHERE workspace_id = :'ws'
 ORDER BY lower(name), unit_id OFFSET 8999 LIMIT 1 \gset
SELECT phone_e164 AS e164, phone_raw AS raw FROM people WHERE workspace_id = :'ws' AND phone_e164 IS NOT NULL
 ORDER BY person_id LIMIT 1 \gset

PREPARE audience_page(uuid, int, bigint) AS
SELECT am.unit_id, u.name, u.side, u.status, u.member_count, u.contact_id, u.invite_target, u.inviteable, am.reason,
  ARRAY(SELECT t.tag::text FROM unit_tags t WHERE t.unit_id = am.unit_id ORDER BY t.tag) AS tags, lower(am.unit_name) AS sort_name
 FROM audience_members am JOIN guest_units u ON u.unit_id = am.unit_id WHERE am.occasion_id = $1
 ORDER BY lower(am.unit_name), am.unit_id LIMIT $2 OFFSET $3;
PREPARE audience_inviteable(uuid, int, bigint) AS
SELECT am.unit_id, u.name, u.side, u.member_count, u.invite_target, u.inviteable, am.reason,
  ARRAY(SELECT t.tag::text FROM unit_tags t WHERE t.unit_id = am.unit_id ORDER BY t.tag) AS tags, lower(am.unit_name) AS sort_name
 FROM audience_members am JOIN guest_units u ON u.unit_id = am.unit_id WHERE am.occasion_id = $1 AND u.inviteable
 ORDER BY lower(am.unit_name), am.unit_id LIMIT $2 OFFSET $3;
PREPARE audience_cursor(uuid, varchar, uuid, int, bigint) AS
SELECT am.unit_id, u.name, u.side, u.member_count, u.invite_target, u.inviteable, am.reason,
  ARRAY(SELECT t.tag::text FROM unit_tags t WHERE t.unit_id = am.unit_id ORDER BY t.tag) AS tags, lower(am.unit_name) AS sort_name
 FROM audience_members am JOIN guest_units u ON u.unit_id = am.unit_id WHERE am.occasion_id = $1
  AND (lower(am.unit_name), am.unit_id) > ($2, $3)
 ORDER BY lower(am.unit_name), am.unit_id LIMIT $4 OFFSET $5;
PREPARE audience_totals(uuid) AS SELECT units, inviteable_units, people FROM audience_totals WHERE occasion_id = $1;
PREPARE units_count(uuid, varchar, varchar, varchar) AS
SELECT count(*) FROM guest_units u WHERE u.workspace_id = $1 AND u.side = $2 AND lower(u.name) LIKE $3 ESCAPE '\'
  AND u.tags @> ARRAY[$4]::text[];
PREPARE units_page(uuid, varchar, varchar, varchar, int, bigint) AS
SELECT u.unit_id, u.name, u.side, u.status, u.member_count, u.invite_target, u.inviteable, u.tags, lower(u.name) AS sort_name
 FROM guest_units u WHERE u.workspace_id = $1 AND u.side = $2 AND lower(u.name) LIKE $3 ESCAPE '\'
  AND u.tags @> ARRAY[$4]::text[]
 ORDER BY lower(u.name), u.unit_id LIMIT $5 OFFSET $6;
-- q shorter than a trigram (audience.py's q=1): GuestListQueries sends strpos instead of LIKE.
PREPARE units_count_short_q(uuid, varchar, varchar, varchar) AS
SELECT count(*) FROM guest_units u WHERE u.workspace_id = $1 AND u.side = $2 AND strpos(lower(u.name), $3) > 0
  AND u.tags @> ARRAY[$4]::text[];
PREPARE units_page_short_q(uuid, varchar, varchar, varchar, int, bigint) AS
SELECT u.unit_id, u.name, u.side, u.status, u.member_count, u.invite_target, u.inviteable, u.tags, lower(u.name) AS sort_name
 FROM guest_units u WHERE u.workspace_id = $1 AND u.side = $2 AND strpos(lower(u.name), $3) > 0
  AND u.tags @> ARRAY[$4]::text[]
 ORDER BY lower(u.name), u.unit_id LIMIT $5 OFFSET $6;
PREPARE units_cursor(uuid, varchar, uuid, int, bigint) AS
SELECT u.unit_id, u.name, u.side, u.status, u.member_count, u.invite_target, u.inviteable, u.tags, lower(u.name) AS sort_name
 FROM guest_units u WHERE u.workspace_id = $1 AND (lower(u.name), u.unit_id) > ($2, $3)
 ORDER BY lower(u.name), u.unit_id LIMIT $4 OFFSET $5;
PREPARE units_count_all(uuid) AS SELECT count(*) FROM guest_units u WHERE u.workspace_id = $1;
PREPARE units_status_count(uuid, varchar) AS SELECT count(*) FROM guest_units u WHERE u.workspace_id = $1 AND u.status = $2;
PREPARE units_status_page(uuid, varchar, int, bigint) AS
SELECT u.unit_id, u.name, u.tags
 FROM guest_units u WHERE u.workspace_id = $1 AND u.status = $2 ORDER BY lower(u.name), u.unit_id LIMIT $3 OFFSET $4;
PREPARE units_tag_page(uuid, varchar, int, bigint) AS
SELECT u.unit_id, u.name, u.tags
 FROM guest_units u WHERE u.workspace_id = $1 AND u.tags @> ARRAY[$2]::text[]
 ORDER BY lower(u.name), u.unit_id LIMIT $3 OFFSET $4;
PREPARE by_phone(uuid, varchar) AS SELECT person_id FROM identities WHERE workspace_id = $1 AND phone_e164 = $2;
PREPARE by_raw(uuid, varchar) AS SELECT person_id FROM people WHERE workspace_id = $1 AND phone_raw = $2 ORDER BY created_at, person_id;
