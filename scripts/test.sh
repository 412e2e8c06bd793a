#!/usr/bin/env bash
# Runs every test: set up and build (Release, -j2), then the whole ctest suite,
# including the integration tests on ../shared/data (required).
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/data ]; then
  echo "test: ../shared/data is missing; the integration tests need the shared data beside the repo" >&2
  exit 1
fi
scripts/setup.sh build
scripts/lint.sh
ctest --test-dir build --output-on-failure -j2 --timeout 600
