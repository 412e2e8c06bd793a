#!/usr/bin/env bash
# The peer comparison in one command: builds ecgraph, copies the peer suite of
# ../shared/bench/peers into build/peers-bench (its npm packages, data and
# results live there, never in ../shared), and runs it with ecgraph's runner
# (bench/peer_runner) first, in the same table and under the same answer checks.
# Usage: scripts/bench_peers.sh [SCALE] (default 100000; 1000000 for 1M entities)
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-100000}"
scripts/setup.sh build >/dev/null
work=build/peers-bench
mkdir -p "$work"
cp -r ../shared/bench/peers/. "$work/"
chmod -R u+w "$work"
PROJECT_RUNNER="$PWD/build/bench/peer_runner" "$work/run_peers.sh" "$scale"
