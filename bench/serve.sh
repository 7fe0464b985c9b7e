#!/usr/bin/env bash
# Server benchmark: wrk on loopback against Pointwise (cache on = warm, POINTWISE_CACHE=off =
# cold), a bare axum handler returning a static page of the same size as the matrix, and
# Datasette in immutable mode on the same SQLite file, all in one run so ratios compare.
#
#   bench/serve.sh DB [DURATION_S] [CONNECTIONS]      default 10 s, 64 connections
#
# Needs wrk (apt-get install -y wrk), sqlite3 and datasette (pip install datasette). Prints a
# markdown table: req/s, p50, p99 per URL and server, and the ratios the targets name.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/serve.sh DB [DURATION_S] [CONNECTIONS]}
dur=${2:-10}
conns=${3:-64}
threads=${WRK_THREADS:-2}
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise --example bare_server
bin=target/release/pointwise
. bench/lib.sh

POINTWISE_CACHE=on RUST_LOG=warn "$bin" --db "$db" serve --addr 127.0.0.1:3901 >"$tmp/warm.log" 2>&1 & pids+=($!)
POINTWISE_CACHE=off RUST_LOG=warn "$bin" --db "$db" serve --addr 127.0.0.1:3902 >"$tmp/cold.log" 2>&1 & pids+=($!)
wait_up http://127.0.0.1:3901/provisions
wait_up http://127.0.0.1:3902/provisions

# the bare handler returns a page as large as the matrix
curl -fs http://127.0.0.1:3901/ >"$tmp/page.html"
target/release/examples/bare_server 127.0.0.1:3903 "$tmp/page.html" >"$tmp/bare.log" 2>&1 & pids+=($!)
wait_up http://127.0.0.1:3903/

have_datasette=0
if command -v datasette >/dev/null; then
    # immutable mode ignores the WAL: fold it into the main file first
    sqlite3 "$db" "pragma wal_checkpoint(truncate)" >/dev/null
    stem=$(basename "$db" .db)
    datasette serve -i "$db" -p 3904 >"$tmp/ds1.log" 2>&1 & pids+=($!)
    datasette serve -i "$db" -p 3905 --setting suggest_facets off >"$tmp/ds2.log" 2>&1 & pids+=($!)
    wait_up http://127.0.0.1:3904/ && wait_up http://127.0.0.1:3905/ && have_datasette=1
fi

speaker=$(sqlite3 "$db" "select p.slug || ' ' || p.id from statement t join speaker p on p.id = t.speaker_id group by p.id order by count(*) desc limit 1")
slug=${speaker% *}
speaker_id=${speaker#* }
source_id=$(sqlite3 "$db" "select id from source order by id limit 1 offset (select count(*) / 2 from source)")
stmts=$(sqlite3 "$db" "select count(*) from statement")
arts=$(sqlite3 "$db" "select count(*) from source")

# one wrk run: prints "req/s p50 p99"
run() {
    local out
    out=$(wrk -t"$threads" -c"$conns" -d"${dur}s" --latency "$1" 2>&1)
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "${rps:-0} ${p50:--} ${p99:--} ${non2xx:-0}"
}

echo "Database: $db ($arts articles, $stmts statements); wrk -t$threads -c$conns -d${dur}s --latency; $(date -u +%FT%TZ)"
echo
echo "| page | server | req/s | p50 | p99 | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
declare -A rps
row() { # label server url
    read -r r p50 p99 bad < <(run "$3")
    rps["$1|$2"]=$r
    echo "| \`$1\` | $2 | $r | $p50 | $p99 | $bad |"
}
row "bare handler, $(wc -c <"$tmp/page.html") bytes" bare http://127.0.0.1:3903/
pages=(
    "/"
    "/provisions/6"
    "/statements?speaker=$slug"
    "/statements?q=army"
    "/statements?provision=6&stance=opposes&kind=quote"
    "/speakers/$slug"
    "/sources/$source_id"
    "/?by=source"
    "/?by=speaker"
    "/speakers"
    "/sources"
)
# SKIP_COLD: a regex of pages not to load cold (a render of seconds under 64 connections only
# piles up work); their single cold render time is printed instead.
for p in "${pages[@]}"; do
    row "$p" warm "http://127.0.0.1:3901$p"
    if [ -n "${SKIP_COLD:-}" ] && [[ "$p" =~ $SKIP_COLD ]]; then
        t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:3902$p")
        echo "| \`$p\` | cold | skipped: one render took ${t} s | | | |"
    else
        row "$p" cold "http://127.0.0.1:3902$p"
    fi
done
if [ "$have_datasette" = 1 ]; then
    ds="/$stem/statement?speaker_id=$speaker_id"
    row "$ds" "datasette -i" "http://127.0.0.1:3904$ds"
    row "$ds" "datasette -i, suggest_facets off" "http://127.0.0.1:3905$ds"
fi
echo
bare=${rps["bare handler, $(wc -c <"$tmp/page.html") bytes|bare"]}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo "Ratios (same run):"
echo "- matrix warm / bare: $(ratio "${rps["/|warm"]}" "$bare"); point 6 warm / bare: $(ratio "${rps["/provisions/6|warm"]}" "$bare")"
echo "- matrix cold / bare: $(ratio "${rps["/|cold"]}" "$bare"); point 6 cold / bare: $(ratio "${rps["/provisions/6|cold"]}" "$bare")"
if [ "$have_datasette" = 1 ]; then
    best=$(awk -v a="${rps["$ds|datasette -i"]}" -v b="${rps["$ds|datasette -i, suggest_facets off"]}" 'BEGIN { print (a > b ? a : b) }')
    echo "- /statements?speaker warm / best Datasette: $(ratio "${rps["/statements?speaker=$slug|warm"]}" "$best"); cold / best Datasette: $(ratio "${rps["/statements?speaker=$slug|cold"]}" "$best")"
fi
