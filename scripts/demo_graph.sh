#!/usr/bin/env bash
# Builds the demo graph from the project's own fixtures (demo/) into DB, as
# scripts/demo.sh does; the doc-example test (tests/tools/doc_examples_test.cc)
# runs the README's and docs/query.md's examples on it.
# Usage: scripts/demo_graph.sh DB    (ECG, default build/tools/ecg, names the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ]; then
  echo "usage: scripts/demo_graph.sh DB" >&2
  exit 1
fi
db=$1
ecg=${ECG:-build/tools/ecg}
rm -rf "$db"
# Order matters for linking: entities before ownership stakes and articles.
"$ecg" --db "$db" ingest demo/lists/screening-list.json demo/lists/cn_lists.json \
  ingest/data/aliases.csv demo/regs/*.md demo/regs/*.json demo/regs/*.xml \
  ingest/data/technologies.csv demo/lists/ownership.csv demo/articles/*
