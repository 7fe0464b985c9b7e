#!/usr/bin/env bash
# Backs a database up and restores it into a new one, the way docs/deploy.md says, and checks
# that the copy is the same database: `pointwise export` of the restored copy equals the
# original's byte for byte, and the copy takes a further ingest.
#
#   deploy/backup-check.sh                         SQLite: sqlite3's online backup (.backup)
#   deploy/backup-check.sh postgres://USER@HOST:PORT/DB
#                                                  PostgreSQL: pg_dump -Fc, then pg_restore into
#                                                  a new database. DB is only the database to
#                                                  connect to; the original and the restored
#                                                  copy are scratch databases on that server,
#                                                  dropped at the end
#
# The original holds the bundled seeds and the fixture corpus (tests/fixtures/corpus). BIN
# picks the binary (default target/release/pointwise, built unless BENCH_NO_BUILD is set).
# Needs sqlite3, or PostgreSQL's client tools (createdb, dropdb, pg_dump, pg_restore). Exits
# non-zero on a failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise
bin=${BIN:-target/release/pointwise}
fail() { echo "FAIL: $*" >&2; exit 1; }
pw() { RUST_LOG=warn "$bin" --db "$@"; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

case "${1:-}" in
postgres://* | postgresql://*)
    server=$1
    authority=${server#*://}
    authority=${authority%%/*}
    authority=${authority%%\?*}
    base="${server%%://*}://$authority"
    original="pointwise_backup_$$"
    restored="pointwise_restored_$$"
    createdb --maintenance-db="$server" "$original"
    createdb --maintenance-db="$server" "$restored"
    trap 'cleanup; for d in "$original" "$restored"; do dropdb --force --maintenance-db="$server" "$d"; done' EXIT
    from="$base/$original"
    to="$base/$restored"
    backup() {
        pg_dump -Fc -f "$tmp/pointwise.dump" "$from"
        pg_restore --exit-on-error -d "$to" "$tmp/pointwise.dump"
    }
    ;;
"")
    from="$tmp/pointwise.db"
    to="$tmp/restored.db"
    backup() { sqlite3 "$from" ".backup '$to'"; }
    ;;
*) fail "the argument is a postgres:// URL of a server, or nothing for SQLite" ;;
esac

pw "$from" ingest >/dev/null
pw "$from" ingest tests/fixtures/corpus/*/articles >/dev/null 2>"$tmp/ingest.log" || fail "$(cat "$tmp/ingest.log")"
start=$(date +%s%N)
backup
echo "backup and restore: $(ms_since "$start") ms"
[ -z "${server:-}" ] || echo "dump: $(stat -c %s "$tmp/pointwise.dump") bytes"
pw "$from" export >"$tmp/original.jsonl"
pw "$to" export >"$tmp/restored.jsonl"
lines=$(wc -l <"$tmp/original.jsonl")
[ "$lines" -gt 0 ] || fail "the original exports nothing"
cmp -s "$tmp/original.jsonl" "$tmp/restored.jsonl" || fail "the restored copy exports differently"
echo "export of the restored copy: the same $lines statements, byte for byte"

# the copy is a working database: a further ingest writes after the restored rows
printf 'Plan talks resume\n2025-12-03\nReuters\n\n"We accept the plan'"'"'s ceasefire clause," Jane Doe said.\n' \
    >"$tmp/after-restore.txt"
report=$(pw "$to" ingest "$tmp/after-restore.txt")
case "$report" in
"1 file read: 1 new"*) echo "a further ingest into the copy: $report" ;;
*) fail "a further ingest into the copy: $report" ;;
esac
pw "$to" export >"$tmp/after.jsonl"
[ "$(wc -l <"$tmp/after.jsonl")" -gt "$lines" ] || fail "the ingest after the restore added no statement"
echo "ok"
