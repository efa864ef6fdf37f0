#!/usr/bin/env bash
# Everything `make test` runs, in order, with one summary at the end:
#   1. gcc Release build (-Werror) + every ctest test (unit, golden, CLI, service, browser)
#   2. clang ASan+UBSan build (-Werror) + the engine unit tests
#   3. clang libFuzzer build + every fuzz target for FUZZ_SECONDS each
# The last line counts individual tests over all stages: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
stages=(); total_pass=0; total_fail=0; skipped_tests=()
count_ctest() { # from "NN% tests passed, F tests failed out of T"
  local line f t
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  if [ -z "$line" ]; then return 1; fi
  f=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  t=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  total_pass=$((total_pass + t - f)); total_fail=$((total_fail + f))
}
run_stage() { # kind name command...
  local kind=$1 name=$2; shift 2
  echo "==== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  case $kind in
    ctest) count_ctest || { [ $rc -eq 0 ] || total_fail=$((total_fail + 1)); }
           while read -r t; do skipped_tests+=("$t ($name)"); done < <(sed -nE 's/^[[:space:]]*[0-9]+ - (.*) \(Skipped\)$/\1/p' "$log") ;;
    fuzz) total_pass=$((total_pass + $(grep -c '^PASS fuzz_' "$log")))
          total_fail=$((total_fail + $(grep -c '^FAIL fuzz_' "$log")))
          [ $rc -eq 0 ] || [ "$(grep -c '^FAIL fuzz_' "$log")" -gt 0 ] || total_fail=$((total_fail + 1)) ;;
    *) if [ $rc -eq 0 ]; then total_pass=$((total_pass + 1)); else total_fail=$((total_fail + 1)); fi ;;
  esac
  if [ $rc -eq 0 ]; then stages+=("PASS $name"); else stages+=("FAIL $name"); fi
}
run_stage step "build (gcc, -Werror)" make --no-print-directory build
run_stage ctest "ctest (unit, golden, CLI, service, browser)" bash -c "cd build && ctest --output-on-failure -j $JOBS"
run_stage step "asan+ubsan build (clang, -Werror)" bash -c 'CC=clang cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DF5_SANITIZE=ON >/dev/null && cmake --build build-asan -j '"$JOBS"
run_stage ctest "asan+ubsan unit tests" bash -c "cd build-asan && ctest --output-on-failure -j $JOBS -R '^(core|model|kernels|audio|text|pipeline)/'"
run_stage fuzz "fuzz (bounded, ${FUZZ_SECONDS:-15}s per target)" make --no-print-directory test-fuzz
echo "==== summary"
fail_stages=0
for s in "${stages[@]}"; do echo "  $s"; case $s in FAIL*) fail_stages=$((fail_stages+1));; esac; done
if [ ${#skipped_tests[@]} -gt 0 ]; then
  echo "  skipped (not counted; CUDA tests skip without a GPU, see bench/gpu-check.sh):"
  for t in "${skipped_tests[@]}"; do echo "    $t"; done
fi
echo "$total_pass passed, $total_fail failed"
[ $fail_stages -eq 0 ] && [ $total_fail -eq 0 ]
