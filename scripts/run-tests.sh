#!/usr/bin/env bash
# Everything `make test` runs, in order, with one summary at the end:
#   1. gcc Release build + every ctest test (unit, golden, service)
#   2. clang ASan+UBSan build + the engine unit tests
#   3. clang libFuzzer build + every fuzz target for FUZZ_SECONDS each
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
results=()
run_stage() { # name, command...
  local name=$1; shift
  echo "==== $name"
  if "$@"; then results+=("PASS $name"); else results+=("FAIL $name"); fi
}
run_stage "build (gcc, -Werror)" make --no-print-directory build
run_stage "ctest (unit, golden, service)" bash -c "cd build && ctest --output-on-failure -j $JOBS"
run_stage "asan+ubsan unit tests (clang)" make --no-print-directory test-asan
run_stage "fuzz (bounded)" make --no-print-directory test-fuzz
echo "==== summary"
pass=0; fail=0
for r in "${results[@]}"; do echo "  $r"; case $r in PASS*) pass=$((pass+1));; *) fail=$((fail+1));; esac; done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
