#!/usr/bin/env bash
# Style gates that CI runs with the tests (../shared/STYLE.md): every C++ file
# clang-formatted, no `throw` in the libraries (errors are Status values), and
# no #include that points up the layers (scripts/check_layers.sh).
# Usage: scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
if command -v clang-format >/dev/null 2>&1; then
  unformatted=$(git ls-files '*.cc' '*.h' | while read -r f; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"
  done)
  if [ -n "$unformatted" ]; then
    echo "lint: not clang-formatted (run clang-format -i):" >&2
    echo "$unformatted" | sed 's/^/  /' >&2
    fail=1
  fi
else
  echo "lint: clang-format not installed; skipping the format check" >&2
fi
throws=$(git grep -nE '(^|[^_[:alnum:]])throw([^_[:alnum:]]|$)' -- 'schema/*' 'store/*' 'text/*' 'resolve/*' 'rules/*' 'screen/*' 'ingest/*' 'query/*' 'serve/*' |
  grep -vE ':[0-9]+:[[:space:]]*//' || true)
if [ -n "$throws" ]; then
  echo "lint: 'throw' in a library (return a Status instead):" >&2
  echo "$throws" | sed 's/^/  /' >&2
  fail=1
fi
scripts/check_layers.sh || fail=1
exit $fail
