#!/usr/bin/env bash
# Runs the cargo-fuzz target `extract` for SECONDS (default 300), seeded with the bundled and
# test-corpus articles (both halves, when present). Not part of CI. Needs cargo-fuzz
# (`cargo install cargo-fuzz`) and a nightly toolchain (`rustup toolchain install nightly`);
# without nightly it falls back to RUSTC_BOOTSTRAP=1 on stable.
# Usage: fuzz/run.sh [SECONDS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
jobs=${2:-1}
corpus=corpus/extract
mkdir -p "$corpus"
cp -n ../seeds/articles/* ../tests/fixtures/corpus/*/articles/* "$corpus"/ 2>/dev/null || true
if rustup toolchain list 2>/dev/null | grep -q nightly; then
  toolchain=(+nightly)
else
  echo "no nightly toolchain: using RUSTC_BOOTSTRAP=1 on stable" >&2
  export RUSTC_BOOTSTRAP=1
  toolchain=()
fi
# -max_len: articles are longer than libFuzzer's default 4 kB; -rss_limit_mb guards memory.
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
cargo "${toolchain[@]}" fuzz run extract "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 "${parallel[@]}"
