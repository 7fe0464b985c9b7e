# Shared by the bench scripts that start servers (sourced, not run): a scratch folder that is
# removed on exit, the servers started in it killed on exit, and a wait for a URL to answer.
#
#   . bench/lib.sh      then: pids+=($!) after starting a server; wait_up URL [TRIES]
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
# waits up to TRIES x 0.2 s (default 300, one minute) for URL to answer 2xx
wait_up() {
    for _ in $(seq 1 "${2:-300}"); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
    echo "no answer from $1" >&2
    return 1
}

# A database is a SQLite file or a PostgreSQL URL (postgres://user@host:port/name), as for --db.
is_pg() { case $1 in postgres://* | postgresql://*) return 0 ;; *) return 1 ;; esac; }
# sql DB QUERY: the rows of QUERY, columns separated by |, with sqlite3 or psql
sql() {
    if is_pg "$1"; then
        PGOPTIONS=--client-min-messages=warning psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"
    else
        sqlite3 "$1" "$2"
    fi
}
# db_bytes DB: the file's size, or pg_database_size
db_bytes() {
    if is_pg "$1"; then sql "$1" "select pg_database_size(current_database())"; else stat -c %s "$1"; fi
}
# pg_server URL: the URL of the same server's maintenance database, postgres
pg_server() { echo "${1%/*}/postgres"; }
