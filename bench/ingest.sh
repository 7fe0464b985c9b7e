#!/usr/bin/env bash
# Ingest benchmark: generates deterministic corpora (examples/gen_corpus.rs) and ingests each into
# a fresh database with the release binary, under /usr/bin/time -v.
#
#   bench/ingest.sh [SIZE...]        default: 1000 10000 100000
#
# Prints one table row per size: articles/s, statements/s, peak memory (max RSS), the cost
# per article and the database's size per article, so you can see whether they stay flat.
# Corpora and databases go to $BENCH_DIR (default /tmp/pointwise-bench); a corpus already there
# is reused (same bytes: fixed seed).
#
# BEFORE_BIN=path/to/an/older/pointwise: each size is ingested by it and by the new binary in
# turn ($RUNS times each, default 1, alternating), and the ratio of their rates is printed.
#
# PG=postgres://user@host:port (a PostgreSQL server): each size is ingested by the new binary
# into a SQLite file and into a fresh database bench_ingest_SIZE on that server, in turn
# ($RUNS times each), and the ratio of their rates is printed. The database is left for
# bench/pages.sh; its size is pg_database_size.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
dir=${BENCH_DIR:-/tmp/pointwise-bench}
mkdir -p "$dir"
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise --example gen_corpus
bin=target/release/pointwise
gen=target/release/examples/gen_corpus

echo "| binary | articles | statements | seconds | articles/s | statements/s | us/article | CPU s | max RSS MB | db MB | KB/article |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -A rate
one() { # label binary n corpus
    local label=$1 b=$2 n=$3 corpus=$4
    local db="$dir/ingest-$n-$label.db"
    if [ "$label" = postgres ]; then
        db="$PG/bench_ingest_$n"
        sql "$PG/postgres" "drop database if exists bench_ingest_$n with (force)"
        sql "$PG/postgres" "create database bench_ingest_$n"
    else
        rm -f "$db" "$db-wal" "$db-shm"
    fi
    # create the schema and catalog first, so the timing is the ingest alone
    "$b" --db "$db" export >/dev/null
    /usr/bin/time -v "$b" --db "$db" ingest "$corpus" >"$dir/report-$n-$label.txt" 2>"$dir/time-$n-$label.txt" || true
    local secs rss cpu stmts bytes
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$dir/time-$n-$label.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$dir/time-$n-$label.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$dir/time-$n-$label.txt")
    stmts=$(sql "$db" "select count(*) from statement")
    bytes=$(db_bytes "$db")
    rate["$label"]=$(awk -v n="$n" -v t="$secs" 'BEGIN { print n / t }')
    awk -v l="$label" -v n="$n" -v s="$stmts" -v t="$secs" -v c="$cpu" -v r="$rss" -v b="$bytes" 'BEGIN {
        printf "| %s | %d | %d | %.2f | %.0f | %.0f | %.0f | %s | %s | %.0f | %.1f |\n", l, n, s, t, n/t, s/t, t*1e6/n, c, r, b/1048576, b/1024/n }'
}
# pair FIRST FIRST_BIN SECOND SECOND_BIN N CORPUS NAME: $RUNS alternations of the two, then
# the ratio of their mean rates, second over first
pair() {
    local first=$1 second=$3 n=$5 corpus=$6 first_sum=0 second_sum=0
    for _ in $(seq 1 "${RUNS:-1}"); do
        one "$first" "$2" "$n" "$corpus"
        first_sum=$(awk -v a="$first_sum" -v b="${rate[$first]}" 'BEGIN { print a + b }')
        one "$second" "$4" "$n" "$corpus"
        second_sum=$(awk -v a="$second_sum" -v b="${rate[$second]}" 'BEGIN { print a + b }')
    done
    awk -v n="$n" -v a="$second_sum" -v b="$first_sum" -v name="$7" 'BEGIN {
        printf "\n%d articles: %s articles/s = %.2f (mean of the runs above)\n\n", n, name, a / b }'
}
for n in "${sizes[@]}"; do
    corpus="$dir/corpus-$n"
    if [ ! -f "$corpus/.complete" ]; then
        rm -rf "$corpus"
        "$gen" --articles "$n" --out "$corpus" >/dev/null
        touch "$corpus/.complete"
    fi
    if [ -n "${PG:-}" ]; then
        pair sqlite "$bin" postgres "$bin" "$n" "$corpus" "postgres / sqlite"
    elif [ -z "${BEFORE_BIN:-}" ]; then
        one new "$bin" "$n" "$corpus"
    else
        pair before "$BEFORE_BIN" after "$bin" "$n" "$corpus" "after / before"
    fi
done
