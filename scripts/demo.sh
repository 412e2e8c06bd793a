#!/usr/bin/env bash
# The main job: set up and build, build the demo graph from the project's own
# fixtures (demo/), and print what it holds and the answers to example questions.
# Usage: scripts/demo.sh            (the database goes to build/demo.db)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
ecg=build/tools/ecg
db=build/demo.db
export ECG_DB="$db"

echo "== ingest the demo fixtures (demo/): lists, aliases, regulations, technologies, ownership, articles"
ECG="$ecg" scripts/demo_graph.sh "$db"
echo
echo "== what the graph holds"
"$ecg" stats
echo
"$ecg" check
echo
echo "== a second ingest of the same files changes nothing"
"$ecg" ingest demo/lists/screening-list.json demo/regs/*.md | tail -n 1
if [ -f demo/queries.txt ]; then
  echo
  echo "== example questions (demo/queries.txt)"
  while IFS= read -r q; do
    case "$q" in ''|'#'*) continue ;; esac
    echo "\$ ecg query '$q'"
    "$ecg" query "$q" || true
    echo
  done < demo/queries.txt
fi
