#!/usr/bin/env bash
# ctest wrapper: run `f5tts golden` on the shared golden set.
# Absent data: skip (exit 77), except under CI=true where it is a failure.
bin="$1"; dir="$2"
if [ ! -f "$dir/manifest.json" ]; then
  if [ "${CI:-}" = true ]; then echo "golden data missing at $dir (CI=true): failing"; exit 1; fi
  echo "golden data missing at $dir: skipped"; exit 77
fi
exec "$bin" golden "$dir"
