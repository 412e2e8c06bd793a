#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, every object instrumented)
# in build-fuzz/ and runs each for SECONDS on seeds from the project's fixtures
# (tests/data, demo/, the query cases). Prints, per target, the inputs run and
# the crashes found; crashing inputs are kept in build-fuzz/crashes/. Exits 1
# when any target crashed. FUZZ_JOBS=N runs N targets at a time (default 1;
# each fuzzer uses one core).
# Usage: [FUZZ_JOBS=N] scripts/fuzz.sh [SECONDS] [TARGET_REGEX]
#        (default 60 s, every target)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
filter="${2:-.}"
scripts/setup.sh --fuzz
out=build-fuzz
cmake -S . -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DECG_FUZZ=ON \
  -DECG_BUILD_TESTS=OFF -DECG_BUILD_BENCH=OFF \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
mapfile -t targets < <(cmake --build "$out" --target help | sed -n 's/^\(ecg_fuzz_[^:]*\|ecg_query_fuzz\):.*/\1/p' |
  grep -E "$filter" | sort)
nice cmake --build "$out" -j2 --target "${targets[@]}"

# Seeds: every small fixture for the parsers, the query cases for the query
# front end (one query per file).
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/ingest" "$seeds/query" "$out/crashes"
find tests/data demo -type f -size -128k -exec cp {} "$seeds/ingest/" \;
i=0
while IFS= read -r q; do
  [ -n "$q" ] && printf '%s' "$q" >"$seeds/query/q$((i++))"
done < <(grep -hv '^\(#\|----\|$\)' demo/queries.txt tests/query/cases/*.test 2>/dev/null | head -500)

jobs="${FUZZ_JOBS:-1}"
# One target: its fuzzer for SECONDS, then its line of the table in
# $out/TARGET.result (targets may run side by side; the table is printed in
# order at the end).
run_target() {
  local t=$1 bin corpus seed_dir log rc runs crashes
  bin=$(find "$out" -name "$t" -type f -perm -u+x | head -1)
  corpus="$out/corpus/$t"
  mkdir -p "$corpus"
  seed_dir="$seeds/ingest"
  [ "$t" = ecg_query_fuzz ] && seed_dir="$seeds/query"
  log="$out/$t.log"
  set +e
  nice "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/crashes/$t-" "$corpus" "$seed_dir" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=$(ls "$out/crashes/" 2>/dev/null | grep -c "^$t-" || true)
  [ $rc -ne 0 ] && [ "$crashes" = 0 ] && crashes="1 (exit $rc, see $log)"
  printf '%-34s %12s %8s\n' "$t" "${runs:-?}" "$crashes" >"$out/$t.result"
}

rm -f "$out"/*.result
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
wait

printf '%-34s %12s %8s\n' target inputs crashes
failed=0
for t in "${targets[@]}"; do
  cat "$out/$t.result"
  grep -qE ' 0$' "$out/$t.result" || failed=1
done
exit $failed
