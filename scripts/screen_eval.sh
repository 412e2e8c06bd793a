#!/usr/bin/env bash
# Screening quality and speed (docs/benchmarks.md, Screening): builds the
# screen_eval and screen_bench programs, ingests the list files of
# ../shared/data into a temporary store and prints the tables.
# Usage: scripts/screen_eval.sh [build-dir]   (default: build)
#        SCREEN_BENCH=0 scripts/screen_eval.sh   skips the speed run
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
if [ ! -d ../shared/data ]; then
  echo "screen_eval: ../shared/data is missing" >&2
  exit 1
fi
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -G Ninja >/dev/null
cmake --build "$build" -j2 --target screen_eval screen_bench
echo "== quality (labelled variants of the real list names, and negatives)"
"$build/bench/screen_eval" --data ../shared/data --repo .
if [ "${SCREEN_BENCH:-1}" != 0 ]; then
  echo
  echo "== speed (one core)"
  "$build/bench/screen_bench" --data ../shared/data --repo .
fi
