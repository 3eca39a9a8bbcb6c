#!/usr/bin/env bash
# Migrating a table of ROWS notes (default 1,000,000) while a writer keeps inserting: how long the migration takes and
# how long the table was locked against writes, for the same change written three ways:
#   in-transaction   one script: ADD COLUMN … DEFAULT (a constant), then CREATE INDEX
#   concurrently     the ADD COLUMN in one script, then CREATE INDEX CONCURRENTLY in a -- migrate:no-transaction script
#   volatile-default ADD COLUMN … DEFAULT clock_timestamp() and CREATE INDEX: the default that rewrites the table
# The migration is the service's own `App migrate`; the writer is pgbench, one client inserting one row per
# transaction as fast as it can. "Writes blocked" is the longest time one insert waited while the migration ran,
# which is how long the table was locked against writes.
#
# Usage (needs PostgreSQL and pgbench; with-services.sh starts the former):
#   build/services/with-services.sh build/benchmarks/migration.sh
# Environment: ROWS (1000000), WRITER_SECONDS (how long the writer runs around each migration, 30).
# Results: a table on stdout and artifacts/benchmarks/migration.json. A benchmark, not a test: it has no goals.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
ROWS=${ROWS:-1000000}
WRITER_SECONDS=${WRITER_SECONDS:-30}
OUT=artifacts/benchmarks/migration.json
: "${TEST_DATABASE_URL:?run through build/services/with-services.sh, or set TEST_DATABASE_URL to a server where databases may be created}"
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/migration-benchmark.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "Building the service (Release)…" >&2
app=$(dotnet build src/App/App.csproj --configuration Release --nologo -target:Build -getProperty:TargetPath | tail -n 1)

# TEST_DATABASE_URL names the server; each scenario gets a database of its own on it.
server_url=${TEST_DATABASE_URL%/*}
url_for() { echo "$server_url/$1"; }
sql() { PGOPTIONS="-c client_min_messages=warning" psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 "$(url_for "$1")" --command "$2"; }

now() { date +%s.%N; }

# scenario name, then the scripts that follow V1 as file=sql pairs
run_scenario() {
  local name=$1 scripts="$work/$1" database="bench_${1//-/_}"
  shift
  mkdir -p "$scripts"
  cp src/App/Migrations/V1__create_notes.sql "$scripts/"
  local pair
  for pair in "$@"; do printf '%s\n' "${pair#*=}" >"$scripts/${pair%%=*}"; done

  sql postgres "DROP DATABASE IF EXISTS $database" >/dev/null
  sql postgres "CREATE DATABASE $database" >/dev/null
  DATABASE_URL=$(url_for "$database") dotnet "$app" migrate --migrations "$scripts" --target 1 >/dev/null
  echo "$name: loading $ROWS rows…" >&2
  sql "$database" "INSERT INTO notes (title, body, created_at)
                   SELECT 'note ' || g, repeat('x', 200), now() - g * interval '1 second' FROM generate_series(1, $ROWS) g" >/dev/null
  sql "$database" "VACUUM ANALYZE notes" >/dev/null

  echo "INSERT INTO notes (title) VALUES ('written during the migration');" >"$work/writer.sql"
  (cd "$work" && exec pgbench --no-vacuum --client 1 --time "$WRITER_SECONDS" --file writer.sql --log --log-prefix "writer-$name" \
    "$(url_for "$database")" >"$work/pgbench-$name.out" 2>&1) &
  local writer=$!
  sleep 3 # the writer's undisturbed latency first

  echo "$name: migrating while the writer inserts…" >&2
  local started finished
  started=$(now)
  DATABASE_URL=$(url_for "$database") dotnet "$app" migrate --migrations "$scripts" --report "$work/report-$name.json" >&2
  finished=$(now)
  wait "$writer" || { cat "$work/pgbench-$name.out" >&2; exit 1; }
  python3 "$ROOT/build/benchmarks/migration_writes.py" "$name" "$started" "$finished" "$work/report-$name.json" "$work"/writer-"$name".* \
    >>"$work/results.jsonl"
  sql postgres "DROP DATABASE $database" >/dev/null
}

run_scenario in-transaction \
  "V2__archived.sql=ALTER TABLE notes ADD COLUMN archived boolean NOT NULL DEFAULT false;
CREATE INDEX notes_archived_created_at_idx ON notes (archived, created_at DESC);"

run_scenario concurrently \
  "V2__archived.sql=ALTER TABLE notes ADD COLUMN archived boolean NOT NULL DEFAULT false;" \
  "V3__archived_index.sql=-- migrate:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS notes_archived_created_at_idx ON notes (archived, created_at DESC);"

run_scenario volatile-default \
  "V2__archived_at.sql=ALTER TABLE notes ADD COLUMN archived_at timestamptz NOT NULL DEFAULT clock_timestamp();
CREATE INDEX notes_archived_at_idx ON notes (archived_at);"

mkdir -p "$(dirname "$OUT")"
python3 - "$work/results.jsonl" "$OUT" "$ROWS" <<'EOF'
import json, sys
results = [json.loads(line) for line in open(sys.argv[1])]
json.dump({"rows": int(sys.argv[3]), "results": results}, open(sys.argv[2], "w"), indent=2)
print(f"{int(sys.argv[3]):,} rows; writer: pgbench, 1 client inserting one row per transaction")
print(f"{'scenario':<18} {'migration':>10} {'writes blocked':>15} {'inserts during':>15} {'writer median':>14}  scripts")
for r in results:
    print(f"{r['scenario']:<18} {r['migrationMs']:>7} ms {r['writesBlockedMs']:>12} ms {r['writesDuringMigration']:>15} {r['writerMedianMs']:>11} ms  {r['scripts']}")
EOF
echo "Results: $OUT" >&2
