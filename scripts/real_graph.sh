#!/usr/bin/env bash
# Builds the graph of all of ../shared/data in one `ecg update` run over
# manifests/shared-data.yaml, in the order docs/ingest.md gives (lists and the
# alias file, then regulations and technologies, then articles).
# Usage: scripts/real_graph.sh [--check] DB
#   --check  then update again (every source must be unchanged) and
#            run `ecg check`; exit non-zero on any rejection or problem
#            (the test suite's real-graph fixture runs this).
# ECG (default build/tools/ecg) names the binary. SHARED_DATA, when set, must
# be ../shared/data: the manifest names that folder.
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: scripts/real_graph.sh [--check] DB" >&2
  exit 1
fi
db=$1
ecg=${ECG:-build/tools/ecg}
d=${SHARED_DATA:-../shared/data}
if [ ! -d "$d" ]; then
  echo "real_graph: $d is missing (the shared data belongs beside the repository)" >&2
  exit 1
fi
if [ ! -x "$ecg" ]; then
  echo "real_graph: $ecg not found; build first (scripts/setup.sh)" >&2
  exit 1
fi
# One `ecg update` over the project's manifest of ../shared/data, which
# lists the sources in docs/ingest.md's order (the eCFR extracts first: they
# date every citation to the day; the CSL samples oldest first, before the
# complete CSL, which closes what they listed and it does not).
manifest=manifests/shared-data.yaml
if [ "$(cd "$d" && pwd)" != "$(cd ../shared/data 2>/dev/null && pwd)" ]; then
  echo "real_graph: $manifest reads ../shared/data; SHARED_DATA=$d is not it" >&2
  exit 1
fi
if [ $check -eq 1 ]; then
  rm -rf "$db" "$db.cache"
fi
"$ecg" --db "$db" update --label shared-data "$manifest" >/dev/null
if [ $check -eq 1 ]; then
  again=$("$ecg" --db "$db" update --label shared-data-again "$manifest")
  sources=$(printf '%s\n' "$again" | head -n 1 | sed -E 's/.*: ([0-9]+) source\(s\)$/\1/')
  case "$(printf '%s\n' "$again" | tail -n 1)" in
    "total: 0 ingested, 0 fetched, 0 not modified, $sources unchanged, 0 rejected") ;;
    *) echo "real_graph: a second update changed the graph:" >&2; echo "$again" >&2; exit 1 ;;
  esac
  "$ecg" --db "$db" check
fi
echo "real_graph: $db holds all of $d ($manifest)"
