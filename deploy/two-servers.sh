#!/usr/bin/env bash
# Runs deploy/nginx.conf locally: two `pointwise serve` processes on one database behind nginx,
# and an ingest from a third process. Checks that
#   - nginx spreads requests over both servers and every answer is 200 with the same body;
#   - after the ingest, both servers show the new data version, and how long that took.
#
#   deploy/two-servers.sh                        a fresh SQLite file in a scratch folder
#   deploy/two-servers.sh PATH                   that SQLite file
#   deploy/two-servers.sh postgres://USER@HOST:PORT/DB
#                                                a PostgreSQL server: DB is only the database
#                                                to connect to (as createdb's --maintenance-db);
#                                                a scratch database is created on that server
#                                                for the run and dropped at the end (createdb and
#                                                dropdb, from PostgreSQL's client tools)
#
# Needs nginx (apt-get install -y nginx-light) and curl. BIN picks the binary (default
# target/release/pointwise, built unless BENCH_NO_BUILD is set). Exits non-zero on a failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
[ -n "${BENCH_NO_BUILD:-}" ] || cargo build --release --quiet --bin pointwise
bin=${BIN:-target/release/pointwise}
db=${1:-$tmp/pointwise.db}
case "$db" in
postgres://* | postgresql://*)
    server=$db
    scratch="pointwise_two_servers_$$"
    authority=${server#*://}
    authority=${authority%%/*}
    authority=${authority%%\?*}
    createdb --maintenance-db="$server" "$scratch"
    # after the servers are killed; --force ends any connection still open
    trap 'cleanup; dropdb --force --maintenance-db="$server" "$scratch"' EXIT
    db="${server%%://*}://$authority/$scratch"
    echo "database: $scratch on ${authority#*@} (PostgreSQL)"
    ;;
*) echo "database: $db (SQLite)" ;;
esac
ports=(3001 3002)
proxy=8080

RUST_LOG=warn "$bin" --db "$db" ingest >/dev/null   # the bundled seeds
for p in "${ports[@]}"; do
    # every server names the proxy's address in its links, or each would link to itself
    RUST_LOG=warn "$bin" --db "$db" serve --addr "127.0.0.1:$p" --public-url "http://127.0.0.1:$proxy" \
        --trusted-proxy 127.0.0.1 >"$tmp/serve-$p.log" 2>&1 &
    pids+=($!)
done

# the shipped site file inside a minimal main configuration, every path in the scratch folder
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 256; }
http {
    log_format upstreamlog '\$status \$upstream_addr \$request_uri';
    access_log $tmp/nginx/access.log upstreamlog;
    client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx;
    fastcgi_temp_path $tmp/nginx; uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
    include $PWD/deploy/nginx.conf;
}
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
pids+=($!)
for p in "${ports[@]}"; do wait_up "http://127.0.0.1:$p/provisions"; done
wait_up "http://127.0.0.1:$proxy/provisions"

version() { curl -fsI "$1/sources.json" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-pointwise-data-version" {print $2}'; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. both servers answer through the proxy, with the same pages
for i in $(seq 1 20); do
    curl -fs "http://127.0.0.1:$proxy/statements.json?provision=$(( i % 28 + 1 ))" >"$tmp/page-$i.json" \
        || fail "request $i through nginx did not answer 2xx"
done
served=$(awk '{print $2}' "$tmp/nginx/access.log" | sort -u | wc -l)
echo "requests through nginx: 20, upstreams that answered: $served"
[ "$served" -ge 2 ] || fail "nginx sent every request to one server"
a=$(curl -fs "http://127.0.0.1:${ports[0]}/statements.json?provision=6" | sha256sum)
b=$(curl -fs "http://127.0.0.1:${ports[1]}/statements.json?provision=6" | sha256sum)
[ "$a" = "$b" ] || fail "the two servers answer the same page differently"
echo "same page on both servers: yes"

# 2. an ingest by a third process is seen by both: each server is polled every 20 ms until it
# shows the data version the database holds once the ingest has ended (the ingest's batches bump
# it; so does a process's start-up when the database did not yet hold its catalog)
stored_version() {
    local sql="select value from meta where key = 'data_version'"
    case "$db" in
    postgres://* | postgresql://*) psql -Atq -d "$db" -c "$sql" ;;
    *) sqlite3 "$db" "$sql" ;;
    esac
}
before=$(version "http://127.0.0.1:${ports[0]}")
article=$(ls tests/fixtures/corpus/tune/articles/*.txt | head -1)
start=$(date +%s%N)
RUST_LOG=warn "$bin" --db "$db" ingest "$article" >/dev/null
after_ingest=$(date +%s%N)
expected=$(stored_version)
declare -A seen_ms=()
caught_up=0
for _ in $(seq 1 100); do
    for p in "${ports[@]}"; do
        if [ -z "${seen_ms[$p]:-}" ] && [ "$(version "http://127.0.0.1:$p")" = "$expected" ]; then
            seen_ms[$p]=$(( ($(date +%s%N) - after_ingest) / 1000000 ))
            caught_up=$((caught_up + 1))
        fi
    done
    [ "$caught_up" -eq "${#ports[@]}" ] && break
    sleep 0.02
done
for p in "${ports[@]}"; do
    [ -n "${seen_ms[$p]:-}" ] || fail "server $p does not show data version $expected two seconds after the ingest"
    echo "server $p: data version $before -> $expected, ${seen_ms[$p]} ms after the ingest ended (ingest took $(( (after_ingest - start) / 1000000 )) ms)"
done
echo "ok"
