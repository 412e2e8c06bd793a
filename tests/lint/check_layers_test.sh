#!/usr/bin/env bash
# Tests scripts/check_layers.sh on small trees: an include that points up the
# layers (also from a test) fails and is named; includes that point down
# pass; and the repository itself passes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
check="$repo/scripts/check_layers.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mk() {  # mk FILE INCLUDE...
  mkdir -p "$(dirname "$tmp/$1")"
  : > "$tmp/$1"
  local f=$1
  shift
  for inc in "$@"; do echo "#include \"$inc\"" >> "$tmp/$f"; done
}

# Pointing down passes.
mk store/a.cc schema/status.h store/a.h
mk query/b.cc store/graph_store.h screen/screener.h rules/force.h
mk tests/query/b_test.cc query/engine.h tests/testutil/testutil.h store/graph_store.h
"$check" "$tmp" > "$tmp/out" || fail "a tree pointing down was rejected: $(cat "$tmp/out")"

# A library include pointing up fails and names the file and line.
mk store/c.cc schema/status.h query/engine.h
if "$check" "$tmp" > "$tmp/out" 2>&1; then fail "store/ including query/ passed"; fi
grep -q 'store/c.cc:2: store/ includes "query/engine.h"' "$tmp/out" || fail "not named: $(cat "$tmp/out")"
rm "$tmp/store/c.cc"

# Siblings do not see each other.
mk query/d.cc ingest/run/ingest_run.h
if "$check" "$tmp" > "$tmp/out" 2>&1; then fail "query/ including ingest/ passed"; fi
grep -q 'query/d.cc:1:' "$tmp/out" || fail "sibling include not named: $(cat "$tmp/out")"
rm "$tmp/query/d.cc"

# A test include pointing up fails too.
mk tests/text/e_test.cc text/normalizer.h ingest/lists/writer.h
if "$check" "$tmp" > "$tmp/out" 2>&1; then fail "tests/text including ingest/ passed"; fi
grep -q 'tests/text/e_test.cc:2: text/ includes "ingest/lists/writer.h"' "$tmp/out" ||
  fail "test include not named: $(cat "$tmp/out")"
rm "$tmp/tests/text/e_test.cc"

# serve/ sits above query/ and screen/, below tools/.
mk serve/f.cc query/engine.h screen/screener.h store/graph_store.h
mk tools/g.cc serve/server.h
"$check" "$tmp" > "$tmp/out" || fail "serve/ over query/ and tools/ over serve/ rejected: $(cat "$tmp/out")"
mk query/h.cc serve/server.h
if "$check" "$tmp" > "$tmp/out" 2>&1; then fail "query/ including serve/ passed"; fi
grep -q 'query/h.cc:1: query/ includes "serve/server.h"' "$tmp/out" || fail "not named: $(cat "$tmp/out")"
rm "$tmp/query/h.cc"
mk serve/i.cc ingest/run/ingest_run.h
if "$check" "$tmp" > "$tmp/out" 2>&1; then fail "serve/ including ingest/ passed"; fi
rm "$tmp/serve/i.cc"

"$check" "$tmp" > "$tmp/out" || fail "the cleaned tree was rejected: $(cat "$tmp/out")"
"$check" "$repo" > "$tmp/out" || fail "the repository breaks the layers: $(cat "$tmp/out")"
echo "check_layers: all cases pass"
