#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (ECG_SANITIZE=address,undefined, RelWithDebInfo) into build-asan/ and runs
# the whole test suite there. Not part of scripts/test.sh: the sanitized build
# and run take longer than CI's budget allows on 2 cores.
# Usage: scripts/sanitize.sh [CTEST_ARGS...]   (e.g. -R ResolveTest)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build >/dev/null  # the Debian packages
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DECG_SANITIZE=address,undefined >/dev/null
cmake --build build-asan -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j2 --timeout 1800 "$@"
