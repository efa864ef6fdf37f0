#!/usr/bin/env bash
# cuda_device.test.sh - the --device contract from the command line.
# Without a usable GPU (this is what CI and the development machines have):
# `--device cuda` fails with a clear message ("no CUDA device: ..." or
# "built without CUDA") in synth, golden and bench, `--device auto` runs on
# the cpu, and `f5tts --version` says whether CUDA is built in and which
# device auto picks. With a GPU (bench/gpu-check.sh) the failure checks are
# replaced by a tiny synthesis on the device.
set -u
B=${F5_BIN:?F5_BIN must point at the f5tts binary}
command -v espeak-ng >/dev/null || { echo "SKIP: espeak-ng missing"; exit 77; }
T=$(mktemp -d /tmp/f5_cuda_dev.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "PASS $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

"$B" --version >"$T/v.out" 2>&1 || bad "--version exit status"
cat "$T/v.out"
grep -Eq '^cuda_built: (true|false)$' "$T/v.out" && ok "--version says cuda_built" || bad "--version says cuda_built"
grep -Eq '^device auto: (cpu|cuda)' "$T/v.out" && ok "--version names the device" || bad "--version names the device"
gpu=0
grep -q '^device auto: cuda' "$T/v.out" && gpu=1

"$B" make-test-model "$T/m" --seed 3 >/dev/null 2>&1 || { bad make-test-model; exit 1; }
espeak-ng -v vi -w "$T/ref.wav" "Xin chào." || { bad espeak; exit 1; }
S=(synth --model "$T/m" --ref "$T/ref.wav" --ref-text "Xin chào." --text "Một hai ba." --nfe 2 --quiet)

if [ $gpu = 0 ]; then
  clear='no CUDA device|built without CUDA'
  "$B" "${S[@]}" --device cuda -o "$T/c.wav" >"$T/c.out" 2>&1; rc=$?
  [ $rc -ne 0 ] && grep -Eq "$clear" "$T/c.out" && [ ! -s "$T/c.wav" ] && ok "synth --device cuda fails clearly" ||
    { bad "synth --device cuda fails clearly (rc $rc)"; cat "$T/c.out"; }
  "$B" golden "${F5_GOLDEN_DIR:-../shared/golden}" --device cuda >"$T/g.out" 2>&1; rc=$?
  [ $rc -eq 2 ] && grep -Eq "$clear" "$T/g.out" && ok "golden --device cuda fails clearly" ||
    { bad "golden --device cuda fails clearly (rc $rc)"; cat "$T/g.out"; }
  "$B" bench --device cuda --preset small >"$T/b.out" 2>&1; rc=$?
  [ $rc -eq 2 ] && grep -Eq "$clear" "$T/b.out" && ok "bench --device cuda fails clearly" ||
    { bad "bench --device cuda fails clearly (rc $rc)"; cat "$T/b.out"; }
  DEVICE=cuda "$B" "${S[@]}" -o "$T/e.wav" >"$T/e.out" 2>&1; rc=$?
  [ $rc -ne 0 ] && grep -Eq "$clear" "$T/e.out" && ok "DEVICE=cuda fails clearly" || bad "DEVICE=cuda fails clearly"
  "$B" "${S[@]}" --device auto -o "$T/a.wav" >"$T/a.out" 2>&1 && [ -s "$T/a.wav" ] && ok "synth --device auto runs on the cpu" ||
    { bad "synth --device auto"; cat "$T/a.out"; }
else
  "$B" "${S[@]}" --device cuda -o "$T/c.wav" >"$T/c.out" 2>&1 && [ -s "$T/c.wav" ] && ok "synth --device cuda" ||
    { bad "synth --device cuda"; cat "$T/c.out"; }
  "$B" "${S[@]}" --device cpu -o "$T/p.wav" >"$T/p.out" 2>&1 && [ -s "$T/p.wav" ] && ok "synth --device cpu" ||
    { bad "synth --device cpu"; cat "$T/p.out"; }
fi
[ $fails -eq 0 ] && echo "cuda_device: all passed" || echo "cuda_device: $fails failed"
exit $((fails > 0))
