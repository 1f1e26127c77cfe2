#!/bin/bash
# EXPLAIN (ANALYZE, BUFFERS) of the audience and unit-list queries on the workspace audience.py built.
# Usage: benchmarks/query_plans.sh [db]   (default: guestlist; the service may be stopped)
set -euo pipefail
db=${1:-guestlist}
here=$(dirname "$0")
# name and arguments (psql variables set by query_plans.sql)
statements=(
  "audience_totals|:'occ'"
  "audience_page|:'occ', 50, 0"
  "audience_inviteable|:'occ', 50, 0"
  "audience_cursor|:'occ', :'acur_name', :'acur_id', 50, 0"
  "units_count_all|:'ws'"
  "units_cursor|:'ws', :'ucur_name', :'ucur_id', 50, 0"
  "units_count_short_q|:'ws', 'Groom', '1', 'family'"
  "units_page_short_q|:'ws', 'Groom', '1', 'family', 50, 0"
  "units_count|:'ws', 'Both', '%001%', 'family'"
  "units_page|:'ws', 'Both', '%001%', 'family', 50, 0"
  "units_count|:'ws', 'Both', '%house%', 'family'"
  "units_page|:'ws', 'Both', '%house%', 'family', 50, 0"
  "units_tag_page|:'ws', 'vip', 50, 0"
  "units_status_count|:'ws', 'ARCHIVED'"
  "units_status_page|:'ws', 'ARCHIVED', 50, 0"
  "units_status_page|:'ws', 'ACTIVE', 50, 0"
  "by_phone|:'ws', :'e164'"
  "by_raw|:'ws', :'raw'"
)
{
  cat "$here/query_plans.sql"
  for s in "${statements[@]}"; do
    name=${s%%|*}; args=${s#*|}
    echo "\\echo '===== $name($args), 1st execution'"
    echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE $name($args);"
    echo "\\o /dev/null"
    for _ in 2 3 4 5 6; do echo "EXPLAIN ANALYZE EXECUTE $name($args);"; done
    echo "\\o"
    echo "\\echo '===== $name($args), 7th execution'"
    echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE $name($args);"
  done
} | psql -h "${PGHOST:-127.0.0.1}" -U "${GUESTLIST_DB_USER:-postgres}" -d "$db" -q -v ON_ERROR_STOP=1
