#!/usr/bin/env bash
# bf16.test.sh - the DiT and sampler golden cases in bf16 (packed bf16
# weights, bf16 activations into the products, fp32 accumulation) against
# the fp32 goldens, within the stated bound (GOLDEN_BF16_REL_L2 in
# src/cli/golden/golden.h, printed by the run). Skips where the CPU has no
# bf16 instructions, or where the golden data is absent (fails under CI=true).
set -u
bin=${F5_BIN:?}
dir=${F5_GOLDEN_DIR:?}
if [ ! -f "$dir/manifest.json" ]; then
  if [ "${CI:-}" = true ]; then echo "golden data missing at $dir (CI=true): failing"; exit 1; fi
  echo "golden data missing at $dir: skipped"; exit 77
fi
if ! grep -qw -e avx512_bf16 -e amx_bf16 /proc/cpuinfo; then
  echo "this CPU has neither AVX512-BF16 nor AMX: bf16 not run (skipped)"; exit 77
fi
out=$("$bin" golden "$dir" --dtype bf16 2>&1)
rc=$?
echo "$out" | grep -v ' SKIP '
n=$(echo "$out" | grep -c ' PASS ')
[ "$rc" = 0 ] && [ "$n" -ge 100 ] || { echo "FAIL: bf16 golden (rc $rc, $n passed)"; exit 1; }
echo "bf16 golden: $n comparisons passed"
