#!/usr/bin/env bash
# Load test on loopback: a release server over the seed and corpus articles, wrk with a Lua
# script rotating over a mix of page URLs, bounded in time. Prints wrk's figures, the errors
# (socket errors, timeouts and non-2xx answers: the run fails unless there are none) and the
# server's peak memory (VmHWM from /proc/PID/status).
# Usage: bench/load.sh [SECONDS=60] [CONNECTIONS=256] [THREADS=2]
# Needs wrk (apt-get install -y wrk). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-256}
threads=${3:-2}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
cargo build --release -q
bin=target/release/pointwise
tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
db="$tmp/load.db"
# the seeds and the halves of the test corpus that are present (held/ is absent on most branches)
dirs=(seeds/articles)
for d in tests/fixtures/corpus/tune/articles tests/fixtures/corpus/held/articles; do
  if [ -d "$d" ]; then dirs+=("$d"); fi
done
"$bin" --db "$db" ingest "${dirs[@]}" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$bin" --db "$db" serve --addr "127.0.0.1:$port" --max-in-flight 1024 >"$tmp/server.out" 2>"$tmp/server.err" &
server=$!
for _ in $(seq 100); do
  grep -q "serving" "$tmp/server.out" 2>/dev/null && break
  sleep 0.1
done
cat >"$tmp/paths.lua" <<'LUA'
local paths = {
  "/", "/?by=speaker", "/provisions", "/provisions/6", "/provisions/0", "/sources",
  "/sources/1", "/sources/12", "/speakers", "/speakers/mark-rutte", "/speakers/dmitry-peskov",
  "/statements", "/statements?provision=6&stance=opposes", "/statements?kind=quote&page=2",
  "/statements?category=guarantees", "/statements/1", "/statements/40", "/static/app.css",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
# render each page once first: beyond its budget of expensive renders (one per core) the server
# sheds a cold page with 503 rather than queue it, and this test measures serving, not that
for p in $(grep -o '"/[^"]*"' "$tmp/paths.lua" | tr -d '"'); do
  curl -fs -o /dev/null "http://127.0.0.1:$port$p" || true
done
echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo); $seconds s, $connections connections, $threads threads"
echo "== before: $(grep -E 'VmRSS' /proc/$server/status)"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$tmp/paths.lua" "http://127.0.0.1:$port" | tee "$tmp/wrk.out"
echo "== server peak memory: $(grep -E 'VmHWM' /proc/$server/status), now $(grep -E 'VmRSS' /proc/$server/status)"
kill -TERM "$server"; wait "$server"; code=$?; server=""
echo "== server exit status after SIGTERM: $code"
if grep -q "Non-2xx" "$tmp/wrk.out" || ! grep -q "errors: connect 0, read 0, write 0, status 0, timeout 0" "$tmp/wrk.out"; then
  echo "FAIL: errors under load" >&2
  exit 1
fi
echo "OK: zero errors"
