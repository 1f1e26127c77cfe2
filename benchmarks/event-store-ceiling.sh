#!/usr/bin/env bash
# The ceiling of one PostgreSQL for appending events: pgbench inserts into a scratch copy of Axon's
# event table (same columns, keys and sequence; a 300-byte JSON payload), with 1 and 100 events per
# transaction, from 1 and 8 clients, 15 s each. Prints events/s. Needs psql and pgbench.
# Usage: benchmarks/event-store-ceiling.sh [database]   (default: guestlist_ceiling, created and dropped)
set -euo pipefail
DB=${1:-guestlist_ceiling}
PG=(-h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
SECONDS_EACH=${SECONDS_EACH:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"; psql "${PG[@]}" -qAt -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1' EXIT

psql "${PG[@]}" -qAt -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null 2>&1
psql "${PG[@]}" -qAt -d "$DB" >/dev/null <<'SQL'
CREATE TABLE domain_event_entry (
    global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
    time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),
    payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number));
SQL

# One new aggregate per transaction, its events numbered 0..n-1 (as a command creating or importing does).
for per_tx in 1 100; do
  cat > "$work/tx$per_tx.sql" <<SQL
\set n $per_tx
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data)
SELECT gen_random_uuid()::text, a.id, s, 'GuestUnit', now()::text, 'io.guestlist.kernel.person.PersonAddedEvent',
       convert_to(repeat('{"name":"Anita Sharma","phone":"+919811100001"}', 6), 'UTF8'), convert_to('{"memberId":"alice"}', 'UTF8')
FROM (SELECT gen_random_uuid()::text AS id) a, generate_series(0, :n - 1) s;
SQL
done

printf '%-22s %8s %12s\n' "events per transaction" clients "events/s"
for per_tx in 1 100; do
  for clients in 1 8; do
    tps=$(pgbench "${PG[@]}" -n -f "$work/tx$per_tx.sql" -c "$clients" -j "$clients" -T "$SECONDS_EACH" "$DB" 2>/dev/null \
          | awk '/^tps/ {print $3; exit}')
    printf '%-22s %8s %12.0f\n' "$per_tx" "$clients" "$(echo "$tps * $per_tx" | bc -l)"
  done
done
