#!/usr/bin/env bash
# Installs the Debian packages ecgraph builds against (idempotent: only what is
# missing), then configures and builds it in Release with -j2.
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build)
#        scripts/setup.sh --fuzz         (also clang for the libFuzzer targets;
#                                         installs only, scripts/fuzz.sh builds)
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz=0
if [ "${1:-}" = "--fuzz" ]; then
  fuzz=1
  shift
fi
build_dir="${1:-build}"

packages=(
  g++ cmake ninja-build pkg-config bzip2 unicode-data clang-format python3
  librocksdb-dev libsimdjson-dev libre2-dev libicu-dev libgtest-dev libgmock-dev
  libcli11-dev nlohmann-json3-dev libcsv-dev libxml2-dev libyaml-cpp-dev libreadline-dev libcpp-httplib-dev
  libssl-dev libcurl4-openssl-dev libabsl-dev
  chromium fonts-noto-cjk  # the web page's browser test (tests/serve/browser_test.cc), CJK text
)
# clang (with libFuzzer and the sanitizer runtimes) only when fuzzing is asked for.
[ "$fuzz" = 1 ] && packages+=(clang)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm for the export round-trip tests' consumers (tests/consumers:
# Oxigraph, DuckDB). A machine whose Node.js comes from another Debian
# repository (NodeSource's nodejs carries npm itself, and Debian's npm
# conflicts with it) already has both commands: install only what is absent.
if ! command -v npm >/dev/null 2>&1; then
  if command -v node >/dev/null 2>&1; then missing+=(npm); else missing+=(nodejs npm); fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages and not root; run as root or install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$fuzz" = 1 ] && exit 0
# The real consumers of `ecg export` for the round-trip tests, into the
# project-local tests/consumers/node_modules (versions pinned by its
# package-lock.json); nothing is downloaded at test time.
if [ ! -d tests/consumers/node_modules/oxigraph ] || [ ! -d tests/consumers/node_modules/@duckdb ]; then
  (cd tests/consumers && npm ci --no-audit --no-fund >/dev/null)
fi

# CI builds with -Werror; elsewhere the build directory keeps its setting, so
# the demo and the tests share one build.
werror=()
[ "${CI:-}" = "true" ] && werror=(-DECG_WERROR=ON)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${werror[@]}" >/dev/null
cmake --build "$build_dir" -j2
