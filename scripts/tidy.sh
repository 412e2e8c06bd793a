#!/usr/bin/env bash
# Runs clang-tidy 14 with the project's checks (.clang-tidy) through the
# build's compile_commands.json. clang-tidy takes 10-20 s a file on this
# machine, so the default is the files the working tree and the last commit
# change; --all checks every .cc file (about an hour on 2 cores).
# Usage: scripts/tidy.sh [--all | FILE...]   (BUILD_DIR, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json is missing; run scripts/setup.sh first" >&2
  exit 1
fi
if ! command -v clang-tidy >/dev/null 2>&1; then
  echo "tidy: clang-tidy is not installed (Debian package clang-tidy)" >&2
  exit 1
fi
if [ "${1:-}" = "--all" ]; then
  mapfile -t files < <(git ls-files '*.cc' | grep -v '^tests/lint/')
elif [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <({ git diff --name-only HEAD; git diff --name-only HEAD~1 HEAD; } |
                         grep -E '\.cc$' | sort -u)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "tidy: no files to check"
  exit 0
fi
printf '%s\n' "${files[@]}" | xargs -P 2 -n 4 clang-tidy -p "$build" --quiet 2>/dev/null
echo "tidy: ${#files[@]} file(s) clean"
