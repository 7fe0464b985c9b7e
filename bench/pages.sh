#!/usr/bin/env bash
# Cold page benchmark: every page type of the site, rendered with the response cache off
# (POINTWISE_CACHE=off), one request at a time, against one or two binaries on the same
# database, alternating between them so that both see the same machine load.
#
#   bench/pages.sh DB [BEFORE_BIN]        default BIN: target/release/pointwise
#
# With BEFORE_BIN (a copy of an older release binary) it prints, per page, the best of
# $REPS (default 3) single requests for each binary and their ratio before / after; pages over
# $LIMIT_MS (default 300) are marked. The database is copied first for BEFORE_BIN, since a
# newer binary may add migrations (indexes) that the older one must not see.
#
# DB is a SQLite file or a PostgreSQL URL (postgres://user@host:port/name); on PostgreSQL the
# names are read with psql and the copy for BEFORE_BIN is a database made from DB as its
# template (bench_pages_before, dropped on exit).
#
# BEFORE_DB=FILE-or-URL: the "before" server serves that database as it is (no copy), with
# BEFORE_BIN or else the new binary: the same corpus on the other backend, for their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/pages.sh DB [BEFORE_BIN]}
before=${2:-}
[ -z "${BEFORE_DB:-}" ] || before=${before:-target/release/pointwise}
reps=${REPS:-3}
limit=${LIMIT_MS:-300}
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise
after=target/release/pointwise
. bench/lib.sh

# the names the pages need, read before any server migrates the file
speaker=$(sql "$db" "select p.slug from tally t join speaker p on p.id = t.speaker_id where t.provision = -1 group by p.id order by sum(t.statements) desc limit 1")
source_id=$(sql "$db" "select id from source order by id limit 1 offset (select count(*) / 2 from source)")
statement_id=$(sql "$db" "select max(id) / 2 from statement")
mid_date=$(sql "$db" "select published_date from source where published_date is not null order by published_date limit 1 offset (select count(*) / 2 from source)")
first_date=$(sql "$db" "select min(published_date) from source")
version=$(sql "$db" "select version from statement_version group by version order by count(*) desc limit 1")
arts=$(sql "$db" "select count(*) from source")
stmts=$(sql "$db" "select count(*) from statement")

start() { # binary db port
    POINTWISE_CACHE=off RUST_LOG=warn "$1" --db "$2" serve --addr "127.0.0.1:$3" >"$tmp/$3.log" 2>&1 &
    pids+=($!)
    wait_up "http://127.0.0.1:$3/provisions"
}
before_db=${BEFORE_DB:-$tmp/before.db}
if [ -n "$before" ] && [ -z "${BEFORE_DB:-}" ] && is_pg "$db"; then
    # a template must have no sessions: copied before the new binary's server opens it
    before_db="${db%/*}/bench_pages_before"
    sql "$(pg_server "$db")" "drop database if exists bench_pages_before with (force)"
    sql "$(pg_server "$db")" "create database bench_pages_before template ${db##*/} strategy file_copy"
    trap 'cleanup; sql "$(pg_server "$db")" "drop database bench_pages_before with (force)"' EXIT
fi
start "$after" "$db" 3911
if [ -n "$before" ]; then
    [ -n "${BEFORE_DB:-}" ] || is_pg "$db" || cp "$db" "$before_db"
    start "$before" "$before_db" 3912
fi

pages=(
    "/" "/?by=speaker" "/?by=source" "/?by=source&page=1000" "/provisions" "/provisions/6" "/provisions/0"
    "/provisions.json" "/provisions/6/feed.atom" "/provisions/6/versions.json"
    "/statements" "/statements?from=$first_date" "/statements?from=$mid_date" "/statements?to=$mid_date"
    "/statements?from=$mid_date&provision=6" "/statements?category=peace" "/statements?category=peace&category=europe"
    "/statements?provision=6" "/statements?provision=6&provision=21" "/statements?speaker=$speaker"
    "/statements?source=$source_id" "/statements?kind=quote" "/statements?stance=opposes"
    "/statements?provision=6&stance=opposes&kind=quote" "/statements?q=army" "/statements?q=army&from=$mid_date"
    "/statements?version=$version" "/statements?reviewed=no" "/statements?reviewed=yes"
    "/statements?sort=-date" "/statements?sort=source" "/statements?page=200" "/statements?sort=source&page=200"
    "/statements.json?provision=6" "/statements.csv?category=peace" "/statements.atom" "/statements.json?from=$mid_date"
    "/statements/$statement_id" "/speakers" "/speakers?page=3" "/speakers.json" "/speakers/$speaker"
    "/speakers/$speaker/feed.atom" "/sources" "/sources.json" "/sources/$source_id" "/sources?q=army"
    "/claims" "/claims.json" "/versions" "/versions.json" "/versions/$version"
)

# best of $reps requests, in ms, and the status
measure() {
    local best="" code t
    for _ in $(seq 1 "$reps"); do
        read -r code t < <(curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}\n' "$1")
        t=$(awk -v t="$t" 'BEGIN { printf "%.0f", t * 1000 }')
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    echo "$code $best"
}

echo "Database: $db ($arts articles, $stmts statements); cache off, best of $reps single requests; $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${BEFORE_DB:-}" ] || echo "Before: $before_db ($(sql "$before_db" "select count(*) from source") articles, $(sql "$before_db" "select count(*) from statement") statements)"
echo
if [ -n "$before" ]; then
    echo "| page | before ms | after ms | before / after | status |"
    echo "| --- | ---: | ---: | ---: | --- |"
else
    echo "| page | ms | status |"
    echo "| --- | ---: | --- |"
fi
slow=0
for p in "${pages[@]}"; do
    read -r code a < <(measure "http://127.0.0.1:3911$p")
    mark=""
    if [ "$a" -gt "$limit" ]; then mark=" over ${limit} ms"; slow=$((slow + 1)); fi
    if [ -n "$before" ]; then
        read -r bcode b < <(measure "http://127.0.0.1:3912$p")
        ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / (a > 0 ? a : 1) }')
        echo "| \`$p\` | $b | $a | $ratio | $bcode -> $code$mark |"
    else
        echo "| \`$p\` | $a | $code$mark |"
    fi
done
echo
echo "Pages over ${limit} ms (after): $slow of ${#pages[@]}"
