#!/usr/bin/env bash
# Ingest benchmark: generates deterministic corpora (examples/gen_corpus.rs) and ingests each into
# a fresh database with the release binary, under /usr/bin/time -v.
#
#   bench/ingest.sh [SIZE...]        default: 1000 10000 100000
#
# Prints one table row per size: articles/s, statements/s, peak memory (max RSS), and the cost
# per article, so you can see whether it stays flat. Corpora and databases go to $BENCH_DIR
# (default /tmp/pointwise-bench); a corpus already there is reused (same bytes: fixed seed).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
dir=${BENCH_DIR:-/tmp/pointwise-bench}
mkdir -p "$dir"
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise --example gen_corpus
bin=target/release/pointwise
gen=target/release/examples/gen_corpus

echo "| articles | statements | seconds | articles/s | statements/s | us/article | max RSS MB | db MB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
    corpus="$dir/corpus-$n"
    if [ ! -f "$corpus/.complete" ]; then
        rm -rf "$corpus"
        "$gen" --articles "$n" --out "$corpus" >/dev/null
        touch "$corpus/.complete"
    fi
    db="$dir/ingest-$n.db"
    rm -f "$db" "$db-wal" "$db-shm"
    # create the schema and catalog first, so the timing is the ingest alone
    "$bin" --db "$db" export >/dev/null
    /usr/bin/time -v "$bin" --db "$db" ingest "$corpus" >"$dir/report-$n.txt" 2>"$dir/time-$n.txt" || true
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$dir/time-$n.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$dir/time-$n.txt")
    stmts=$(sqlite3 "$db" "select count(*) from statement")
    size=$(du -m "$db" | cut -f1)
    awk -v n="$n" -v s="$stmts" -v t="$secs" -v r="$rss" -v m="$size" 'BEGIN {
        printf "| %d | %d | %.2f | %.0f | %.0f | %.0f | %s | %s |\n", n, s, t, n/t, s/t, t*1e6/n, r, m }'
done
