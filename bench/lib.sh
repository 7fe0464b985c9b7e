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
