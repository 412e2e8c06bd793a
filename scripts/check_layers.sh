#!/usr/bin/env bash
# Fails when an #include points up the layers (DESIGN.md):
#   schema <- store <- text <- {resolve, rules} <- screen <- {ingest, query} <- serve <- tools
#   ingest <- update <- tools; {ingest, query} <- exchange <- tools
# A folder may include its own headers and those of the folders below it;
# resolve and rules do not see each other, nor ingest and query. Tests of a
# folder (tests/<folder>/) may include what that folder may, plus
# tests/testutil and their own folder; tests/tools and bench/ may include
# anything.
# Usage: scripts/check_layers.sh [ROOT]   (default: the repository)
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

# What each folder may include, besides itself.
declare -A allowed=(
  [schema]=""
  [store]="schema"
  [text]="schema store"
  [resolve]="schema store text"
  [rules]="schema store"
  [screen]="schema store text rules"
  [ingest]="schema store text resolve rules screen"
  [query]="schema store text rules screen"
  [serve]="schema store text rules screen query"
  [update]="schema store text resolve rules screen ingest"
  [exchange]="schema store text resolve rules screen ingest query"
  [tools]="schema store text resolve rules screen ingest query serve update exchange"
)

may_include() {  # may_include FOLDER TARGET
  local from=$1 to=$2
  [ "$from" = "$to" ] && return 0
  case " ${allowed[$from]} " in *" $to "*) return 0 ;; esac
  return 1
}

status=0
while IFS= read -r file; do
  case "$file" in
    tests/tools/*|bench/*) continue ;;
    tests/testutil/*) from=testutil ;;
    tests/*/*) from=${file#tests/}; from=${from%%/*} ;;
    */*) from=${file%%/*} ;;
    *) continue ;;
  esac
  if [ "$from" != testutil ] && [ -z "${allowed[$from]+x}" ]; then
    continue  # not a layered folder
  fi
  while IFS=: read -r line inc; do
    target=${inc%%/*}
    if [ "$from" = testutil ]; then
      [ -n "${allowed[$target]+x}" ] && [ "$target" != schema ] && [ "$target" != store ] && {
        echo "$file:$line: tests/testutil includes \"$inc\" (it may use schema/ and store/ only)"
        status=1
      }
      continue
    fi
    case "$file" in
      tests/*)
        case "$inc" in tests/testutil/*|"tests/$from/"*) continue ;; esac
        ;;
    esac
    [ -n "${allowed[$target]+x}" ] || continue  # a generated or non-layer header
    if ! may_include "$from" "$target"; then
      echo "$file:$line: $from/ includes \"$inc\": $target/ is not below $from/ in the layers"
      status=1
    fi
  done < <(grep -nE '^#include "' "$file" | sed -E 's/^([0-9]+):#include "([^"]+)".*/\1:\2/')
done < <(if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
           git ls-files '*.cc' '*.h'; git ls-files --others --exclude-standard '*.cc' '*.h'
         else
           find . -name '*.cc' -o -name '*.h' | sed 's|^\./||'
         fi)
if [ $status -ne 0 ]; then
  echo "check_layers: includes that point up the layers (see the table in scripts/check_layers.sh)" >&2
fi
exit $status
