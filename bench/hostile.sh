#!/usr/bin/env bash
# Hostile-traffic benchmark (issue 17): loopback only, every run bounded (at most 60 s).
#
#   bench/hostile.sh DB [SECONDS]        SECONDS of the unique-URL run (default 60)
#
# Serves DB with the release binary (descriptor limit 1024, as the issue's attacker found it)
# and prints, as markdown:
#   1. memory (RssAnon of the server) before and at most during SECONDS of wrk -t1 -c64 on unique
#      URLs with an 8 KB query of unknown parameters and a 14 KB Accept header, then 30 s of
#      unique values of a parameter the page does read (q=, 150 characters);
#   2. memory under two rounds of 30 s of requests closed 30 ms after they were sent (4 clients);
#   3. p99 of a cheap uncached page (/statements/ID, unique ids) and of the cached matrix while
#      64 connections ask for unique cold from=/to= listings (30 s), and what those got;
#   4. 1,030 sockets that send nothing, then one real request: how long it took, how many of
#      the idle sockets the server closed; a request head dribbled one byte a second;
#   5. a 10 MB page of nested <div>s ingested; 20 double starts of an ingest on a new database.
# Needs wrk (apt-get install -y wrk), python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/hostile.sh DB [SECONDS]}
secs=${2:-60}
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise
bin=$PWD/target/release/pointwise
tmp=$(mktemp -d)
port=3911
pid=
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

rss() { awk '/RssAnon/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }
# samples RssAnon every second while a command runs; prints the largest value (MB)
peak_during() {
    local peak=0 cur
    "$@" >"$tmp/out.txt" 2>&1 &
    local job=$!
    while kill -0 "$job" 2>/dev/null; do
        cur=$(rss); [ "$cur" -gt "$peak" ] && peak=$cur
        sleep 1
    done
    wait "$job" || true
    echo "$peak"
}
p99() { awk '/ 99%/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $NF} END {}' "$1" | head -1; }
reqs() { awk '/requests in/ {print $1}' "$1"; }

(ulimit -n 1024; exec env RUST_LOG=warn "$bin" --db "$db" serve --addr 127.0.0.1:$port) >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/provisions" && break; sleep 0.2; done
curl -fs -o /dev/null "http://127.0.0.1:$port/"

cat >"$tmp/unique.lua" <<'EOF'
local n = 0
local pad = string.rep("p", 7800)
local accept = string.rep("text/html;q=0.9,", 880)
request = function()
  n = n + 1
  return wrk.format("GET", "/speakers.json?page=1&u=" .. n .. "&pad=" .. pad, {["Accept"] = accept})
end
EOF
cat >"$tmp/known.lua" <<'EOF'
local n = 0
local word = string.rep("w", 140)
request = function()
  n = n + 1
  return wrk.format("GET", "/statements.json?q=" .. word .. n)
end
EOF
cat >"$tmp/cold.lua" <<'EOF'
local n = 0
request = function()
  n = n + 1
  local a, b = n % 300, math.floor(n / 300) % 300
  return wrk.format("GET", string.format("/statements?from=2025-%02d-%02d&to=2026-%02d-%02d",
    1 + math.floor(a / 28), 1 + a % 28, 1 + math.floor(b / 28) % 12, 1 + b % 28))
end
EOF
max_id=$(curl -fs "http://127.0.0.1:$port/statements.json?sort=-date&size=1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(max(s["id"] for s in d["statements"]))' 2>/dev/null || echo 1000)
cat >"$tmp/cheap.lua" <<EOF
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/statements/" .. (1 + (n * 7919) % $max_id))
end
EOF

echo "## Hostile traffic on $(basename "$db") ($(date -u +%FT%TZ), load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "| run | requests | non-2xx | RssAnon before MB | peak MB | after MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
before=$(rss)
peak=$(peak_during wrk -t1 -c64 -d"${secs}s" -s "$tmp/unique.lua" "http://127.0.0.1:$port")
cp "$tmp/out.txt" "$tmp/unique.txt"
echo "| unique unknown parameters + 14 KB Accept, ${secs} s | $(reqs "$tmp/unique.txt") | $(non2xx "$tmp/unique.txt") | $before | $peak | $(rss) |"
before=$(rss)
peak=$(peak_during wrk -t1 -c64 -d30s -s "$tmp/known.lua" "http://127.0.0.1:$port")
cp "$tmp/out.txt" "$tmp/known.txt"
[ -n "$(reqs "$tmp/known.txt")" ] || cat "$tmp/known.txt" >&2
echo "| unique q= values, 30 s | $(reqs "$tmp/known.txt") | $(non2xx "$tmp/known.txt") | $before | $peak | $(rss) |"
for round in 1 2; do
    before=$(rss)
    peak=$(peak_during python3 bench/hostile_clients.py cancel $port 30 4)
    echo "| requests closed after 30 ms, 30 s (round $round) | $(cat "$tmp/out.txt") | | $before | $peak | $(rss) |"
done

# the matrix is a popular page: a few requests make it one the cache keeps under a flood
for _ in $(seq 1 20); do curl -fs -o /dev/null "http://127.0.0.1:$port/"; done
echo
echo "| while 64 connections ask for unique cold listings (30 s) | requests | non-2xx | p50 | p99 |"
echo "| --- | ---: | ---: | ---: | ---: |"
wrk -t1 -c64 -d30s --latency -s "$tmp/cold.lua" "http://127.0.0.1:$port" >"$tmp/cold.txt" 2>&1 &
cold=$!
sleep 2
wrk -t1 -c4 -d25s --latency -s "$tmp/cheap.lua" "http://127.0.0.1:$port" >"$tmp/cheap.txt" 2>&1 &
cheap=$!
wrk -t1 -c4 -d25s --latency "http://127.0.0.1:$port/" >"$tmp/matrix.txt" 2>&1
wait "$cheap" "$cold" || true
for f in cheap matrix cold; do
    p50=$(awk '/ 50%/ {print $2}' "$tmp/$f.txt")
    case $f in cheap) what="cheap uncached /statements/ID, 4 connections";; matrix) what="cached / (the matrix), 4 connections";; cold) what="the 64 cold listings themselves";; esac
    echo "| $what | $(reqs "$tmp/$f.txt") | $(non2xx "$tmp/$f.txt") | $p50 | $(p99 "$tmp/$f.txt") |"
done

echo
read -r opened head took closed < <(python3 bench/hostile_clients.py idle $port 1030 30)
echo "- 1,030 idle sockets (server limit 1024 descriptors): $opened connected; a new request got $head after ${took} s; idle sockets the server had closed 1 s later: $closed; server descriptors then: $(ls /proc/$pid/fd | wc -l)"
echo "- a request head dribbled one byte a second: closed by the server after $(python3 bench/hostile_clients.py dribble $port 40) s"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=

python3 -c 'import sys; n=950000; sys.stdout.write("<!DOCTYPE html><html><body>"+"<div>"*n+"x"+"</div>"*n+"</body></html>")' >"$tmp/deep.html"
start=$(date +%s.%N)
"$bin" --db "$tmp/deep.db" ingest "$tmp/deep.html" >"$tmp/deep.txt" 2>&1 || true
end=$(date +%s.%N)
echo "- a $(stat -c %s "$tmp/deep.html")-byte page of nested <div>s: $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b-a}') s, $(grep -o 'skipped [^:]*: .*' "$tmp/deep.txt" | sed 's|.*: ||' | head -1)"

clean=0
for i in $(seq 1 20); do
    rm -f "$tmp/race.db"*
    "$bin" --db "$tmp/race.db" ingest >/dev/null 2>"$tmp/a.err" & a=$!
    "$bin" --db "$tmp/race.db" ingest >/dev/null 2>"$tmp/b.err" & b=$!
    ra=0; rb=0
    wait "$a" || ra=$?
    wait "$b" || rb=$?
    [ "$ra" = 0 ] && [ "$rb" = 0 ] && clean=$((clean + 1))
done
echo "- double starts of an ingest on a new database: $clean of 20 clean (both exit 0)"
