#!/usr/bin/env bash
# Run every built fuzz target (fuzz_*) for FUZZ_SECONDS with its seed corpus
# (fuzz/corpus/<target>/ if present). A crash fails the run.
# The seed is fixed (FUZZ_SEED, default 1) so that a CI failure replays
# here; longer exploratory campaigns use other seeds (docs/NOTES.md).
set -uo pipefail
build=${1:-build-fuzz}
secs=${FUZZ_SECONDS:-15}
seed=${FUZZ_SEED:-1}
root="$(cd "$(dirname "$0")/.." && pwd)"
fail=0; n=0
for t in "$build"/fuzz_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t"); n=$((n+1))
  work=$(mktemp -d)
  [ -d "$root/fuzz/corpus/$name" ] && cp -r "$root/fuzz/corpus/$name/." "$work/" 2>/dev/null
  if "$t" -seed="$seed" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$work" >"$work.log" 2>&1; then
    echo "PASS $name ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$work.log" | awk '{print $2}') runs, ${secs}s)"
  else
    echo "FAIL $name"; tail -40 "$work.log"; fail=1
  fi
  rm -rf "$work" "$work.log"
done
[ $n -gt 0 ] || { echo "no fuzz targets built"; exit 1; }
exit $fail
