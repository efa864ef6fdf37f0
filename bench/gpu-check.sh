#!/usr/bin/env bash
# gpu-check.sh - the one script for a GPU machine (about 5 minutes on an
# H100; nothing is fetched). First, on the development machine:
#     bench/gpu-pack.sh        (builds with CUDA, packs binaries + libs + goldens into .gpu/)
# then on the GPU machine, from the repository root:
#     bench/gpu-check.sh       (device tool: run(command="bench/gpu-check.sh", carry=[".gpu"], timeout_s=540))
# It runs, in order:
#  1. the CUDA unit tests: every CUDA kernel against the reference on random
#     data (relative L2 errors printed), backend tables, device rule, and a
#     whole DiT step on CUDA against the cpu backend;
#  2. f5tts golden --device cuda --dtype fp32 (the DiT and sampler cases,
#     each case's own tolerance) and --dtype bf16 (relative L2 <= 3e-2
#     against the fp32 goldens);
#  3. a tiny end-to-end synthesis on cuda and on cpu (same seed), compared;
#  4. f5tts bench --device cuda --preset v1_base --random-weights
#     --ref-seconds 5 --gen-seconds 10 --nfe 32, fp32 and bf16: one request
#     (timed steps, extrapolated), and 16 concurrent requests through the
#     continuous batcher (bench --concurrent 16 --max-batch 16,1: batching
#     on, then off);
# and prints a short table last. $OUT (or /tmp/f5-gpu-out) gets summary.txt
# (written as it goes, so a run cut short still says how far it got) and
# logs.tgz (every log and the bench JSON).
# Without a pack it tries to build here (needs our -dev packages).
# Knobs for trying it without a GPU: DEVICE=cpu PRESET=small NFE=2 BATCH=2 STEPS=1 REF_S=0.5 GEN_S=0.5
# GOLDEN_ONLY=dit_v1_tiny.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
# logs in OUTD; what comes back (the device tool returns at most 8 files from
# $OUT): summary.txt, written as the checks go, and logs.tgz, packed on exit
RES=${OUT:-/tmp/f5-gpu-out}
OUTD=/tmp/f5-gpu-logs
rm -rf "$OUTD" && mkdir -p "$OUTD" "$RES"
: >"$RES/summary.txt"
trap 'tar -czf "$RES/logs.tgz" -C /tmp f5-gpu-logs 2>/dev/null' EXIT
trap 'echo "gpu-check: stopped (time limit?)" | tee -a "$RES/summary.txt"; exit 124' TERM INT
DEVICE=${DEVICE:-cuda}
PRESET=${PRESET:-v1_base}
NFE=${NFE:-32}
BATCH=${BATCH:-16}
STEPS=${STEPS:-3}
REF_S=${REF_S:-5}
GEN_S=${GEN_S:-10}
T0=$(date +%s)
el() { echo "$(( $(date +%s) - T0 ))s"; }
declare -a ROWS
row() { ROWS+=("$1"); echo "$1" | tr '|' '\t' >>"$RES/summary.txt"; }

echo "== gpu-check: $(date -u +%FT%TZ), revision $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
GPU=$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -1)
echo "GPU: ${GPU:-none found by nvidia-smi}"

# ---- binaries: the pack from bench/gpu-pack.sh, else a build here
P=/tmp/f5gpu
if [ -f .gpu/f5-gpu.tar.xz ]; then
  rm -rf "$P" && mkdir -p "$P" && tar -C "$P" -xJf .gpu/f5-gpu.tar.xz || { echo "cannot unpack .gpu/f5-gpu.tar.xz"; exit 2; }
  P=$P/pack
  echo "pack: built at revision $(cat "$P/REVISION" 2>/dev/null)"
  # the CUDA libraries and the driver come from this machine
  CUDA_LIBS=""
  for f in libcublasLt.so.13 libcudart.so.13 libcuda.so.1; do
    d=$( (ls -d /usr/local/cuda/lib64/$f /usr/local/cuda/targets/x86_64-linux/lib/$f /usr/local/nvidia/lib64/$f \
          /usr/lib/x86_64-linux-gnu/$f /usr/lib64/$f 2>/dev/null; ldconfig -p 2>/dev/null | awk -v f=$f '$1==f{print $NF}';
          python3 -c "import nvidia,os;print(os.path.dirname(nvidia.__path__[0]))" 2>/dev/null | xargs -I{} find {} -name "$f" 2>/dev/null) | head -1)
    if [ -n "$d" ]; then CUDA_LIBS="$CUDA_LIBS:$(dirname "$(readlink -f "$d")")"; else echo "warning: $f not found"; fi
  done
  LIBPATH="$P/lib$CUDA_LIBS"
  # run through the packed loader (its glibc); fall back to this machine's loader
  mkdir -p "$P/wrap"
  for b in "$P"/bin/*; do
    n=$(basename "$b"); [ "$n" = f5tts ] || true
    printf '#!/bin/sh\nexec "%s" --library-path "%s" "%s" "$@"\n' "$P/lib/ld-linux-x86-64.so.2" "$LIBPATH" "$b" >"$P/wrap/$n"
    chmod +x "$P/wrap/$n"
  done
  if ! "$P/wrap/f5tts" --version >/dev/null 2>&1; then
    echo "packed loader failed; trying LD_LIBRARY_PATH with this machine's loader"
    for b in "$P"/bin/*; do
      n=$(basename "$b")
      printf '#!/bin/sh\nLD_LIBRARY_PATH="%s" exec "%s" "$@"\n' "${CUDA_LIBS#:}:$P/lib" "$b" >"$P/wrap/$n"
    done
  fi
  BIN=$P/wrap
  G=$P/golden
else
  echo "no .gpu/f5-gpu.tar.xz: building here (needs the Debian -dev packages of scripts/install-deps.sh)"
  ARCH=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -1 | tr -d .)
  cmake -S . -B build-gpu -DCMAKE_BUILD_TYPE=Release -DF5_CUDA=ON -DF5_CUDA_ARCHS="${ARCH:-90}" >"$OUTD/build.log" 2>&1 &&
    cmake --build build-gpu -j "$(nproc)" --target f5tts_cli unit_kernels_test_cuda unit_kernels_test_backend_mem \
      unit_pipeline_test_device unit_kernels_test_colmm >>"$OUTD/build.log" 2>&1 ||
    { tail -30 "$OUTD/build.log"; echo "build failed (run bench/gpu-pack.sh on the development machine and carry .gpu)"; exit 2; }
  mkdir -p build-gpu/wrap
  for n in f5tts unit_kernels_test_cuda unit_kernels_test_backend_mem unit_pipeline_test_device unit_kernels_test_colmm; do
    ln -sf "$ROOT/build-gpu/$n" "build-gpu/wrap/$n"
  done
  BIN=$ROOT/build-gpu/wrap
  G=${GOLDEN:-../shared/golden}
fi
F5=$BIN/f5tts
"$F5" --version | tee "$OUTD/version.txt" | tee -a "$RES/summary.txt"
echo "GPU: ${GPU:-none}" >>"$RES/summary.txt"
echo "[$(el)] binaries ready"

# ---- 1. unit tests
utests=(unit_kernels_test_cuda unit_kernels_test_colmm unit_kernels_test_backend_mem unit_pipeline_test_device)
for t in "${utests[@]}"; do
  echo "== $t"
  timeout 120 "$BIN/$t" 2>&1 | tee "$OUTD/$t.log"
  rc=${PIPESTATUS[0]}
  sum=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$OUTD/$t.log" | tail -1)
  case $rc in 0) s=PASS ;; 77) s=SKIP ;; *) s="FAIL(rc $rc)" ;; esac
  row "unit $t|$s|$sum"
done
worst=$(awk '/rel_l2/{for(i=1;i<=NF;i++) if($i=="rel_l2") print $(i+1)}' "$OUTD/unit_kernels_test_cuda.log" | sort -g | tail -1)
row "  worst kernel rel_l2 (vs ref)|${worst:-n/a}|see unit_kernels_test_cuda.log"
echo "[$(el)] unit tests done"

# ---- 2. goldens on the device
for dt in fp32 bf16; do
  echo "== golden --device $DEVICE --dtype $dt"
  timeout 180 "$F5" golden "$G" --device "$DEVICE" --dtype "$dt" ${GOLDEN_ONLY:+--only "$GOLDEN_ONLY"} >"$OUTD/golden_$dt.log" 2>&1
  rc=$?
  grep -E 'FAIL|ERROR' "$OUTD/golden_$dt.log" | head -20
  tail -3 "$OUTD/golden_$dt.log"
  sum=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$OUTD/golden_$dt.log" | tail -1)
  w=$(grep -E 'worst rel_l2' "$OUTD/golden_$dt.log" | tail -1)
  tol=$([ $dt = fp32 ] && echo "per-case tolerances" || echo "rel_l2 <= 3e-2")
  row "golden $dt ($tol)|$([ $rc = 0 ] && echo PASS || echo "FAIL(rc $rc)")|$sum ${w:+; $w}"
done
echo "[$(el)] goldens done"

# ---- 3. tiny end to end: cuda against cpu, same seed
E=/tmp/f5-e2e && rm -rf "$E" && mkdir -p "$E"
if "$F5" make-test-model "$E/m" --seed 5 >/dev/null 2>&1 &&
   python3 -c "
import math,struct,wave,random
random.seed(1); w=wave.open('$E/ref.wav','wb'); w.setnchannels(1); w.setsampwidth(2); w.setframerate(24000)
w.writeframes(b''.join(struct.pack('<h',int(8000*math.sin(2*math.pi*(180+40*math.sin(i/3000))*i/24000)+random.gauss(0,300))) for i in range(48000)))" ; then
  S=(synth --model "$E/m" --ref "$E/ref.wav" --ref-text "Xin chao." --text "Mot hai ba bon nam." --nfe 8 --seed 3 --format wav_float --quiet)
  "$F5" "${S[@]}" --device "$DEVICE" -o "$E/gpu.wav" >"$OUTD/e2e_gpu.log" 2>&1; r1=$?
  "$F5" "${S[@]}" --device cpu -o "$E/cpu.wav" >"$OUTD/e2e_cpu.log" 2>&1; r2=$?
  cmpv=$(python3 - "$E/gpu.wav" "$E/cpu.wav" <<'PY' 2>&1
import math, struct, sys
def rd(p):
    b = open(p, "rb").read(); i = b.find(b"data"); n = struct.unpack("<I", b[i + 4:i + 8])[0] // 4
    return struct.unpack("<%df" % n, b[i + 8:i + 8 + 4 * n])
a, c = rd(sys.argv[1]), rd(sys.argv[2])
n = min(len(a), len(c))
num = math.sqrt(sum((a[i] - c[i]) ** 2 for i in range(n))); den = math.sqrt(sum(c[i] ** 2 for i in range(n)))
r = num / max(den, 1e-30)
print("%s len %d/%d rel_l2 %.3e" % ("OK" if len(a) == len(c) and r < 1e-2 else "BAD", len(a), len(c), r))
PY
)
  ok=$([ $r1 = 0 ] && [ $r2 = 0 ] && case "$cmpv" in OK*) true ;; *) false ;; esac && echo PASS || echo FAIL)
  row "e2e synth $DEVICE vs cpu (tiny, NFE 8, fp32)|$ok|$cmpv (bound 1e-2)"
  [ "$ok" = PASS ] || { tail -5 "$OUTD/e2e_gpu.log"; }
else
  row "e2e synth $DEVICE vs cpu|SKIP|no test model or python3"
fi
echo "[$(el)] e2e done"

# ---- 4. bench: one request (extrapolated from timed steps), then C concurrent requests through
# the continuous batcher with batching on (max-batch C) and off (max-batch 1), all NFE steps run
B=(bench --device "$DEVICE" --preset "$PRESET" --random-weights --ref-seconds "$REF_S" --gen-seconds "$GEN_S" --nfe "$NFE"
   --steps-to-time "$STEPS" --json)
BACKEND=$([ "$DEVICE" = cuda ] && echo cuda || echo cpu)
for dt in fp32 bf16; do
  echo "== bench $dt, 1 request"
  timeout 120 "$F5" "${B[@]}" --dtype "$dt" >"$OUTD/bench_${dt}_1.json" 2>"$OUTD/bench_${dt}_1.err" ||
    tail -3 "$OUTD/bench_${dt}_1.err"
  echo "== bench $dt, $BATCH concurrent, max-batch $BATCH,1"
  timeout 150 "$F5" bench --concurrent "$BATCH" --max-batch "$BATCH,1" --backend "$BACKEND" --preset "$PRESET" \
    --ref-seconds "$REF_S" --gen-seconds "$GEN_S" --nfe "$NFE" --dtype "$dt" --json >"$OUTD/bench_${dt}_conc.json" \
    2>"$OUTD/bench_${dt}_conc.err" || tail -3 "$OUTD/bench_${dt}_conc.err"
done
echo "[$(el)] bench done"

# ---- table
echo
echo "================ gpu-check summary ($(el), GPU: ${GPU:-?}) ================"
printf '%-52s %-10s %s\n' "check" "result" "detail"
for r in "${ROWS[@]}"; do IFS='|' read -r a b c <<<"$r"; printf '%-52s %-10s %s\n' "$a" "$b" "$c"; done
python3 - "$OUTD" "$BATCH" <<'PY' | tee -a "$RES/summary.txt"
import json, os, sys
d, C = sys.argv[1], int(sys.argv[2])
def load(n):
    try:
        return json.load(open(os.path.join(d, n)))
    except Exception:
        return None
print("\nbench (v1-size DiT, procedural weights, 5 s ref + 10 s gen, NFE as given; ref mel + Vocos on the cpu):")
print("%-5s %-24s %10s %10s %10s %12s" % ("dtype", "run", "step ms", "wall s", "RTF", "audio-s/s"))
for dt in ("fp32", "bf16"):
    j = load("bench_%s_1.json" % dt)
    if j:
        r = j["runs"][0]
        print("%-5s %-24s %10.2f %10.3f %10.4f %12.1f   (DiT only %.3f s)" % (dt, "1 request (estimate)", r["step_ms"],
              r["estimated_total_seconds"], r["estimated_total_seconds"] / j["gen_seconds"],
              j["gen_seconds"] / r["estimated_total_seconds"], r["dit_seconds"]))
    else:
        print("%-5s %-24s no result" % (dt, "1 request"))
    c = load("bench_%s_conc.json" % dt)
    if c:
        for r in c["runs"]:
            name = "%d concurrent, batch %s" % (c["concurrent"], "on" if r["max_batch"] > 1 else "off")
            print("%-5s %-24s %10.2f %10.3f %10s %12.1f   (sampling only %.1f audio-s/s; mean latency %.2f s)" % (
                dt, name, r["ms_per_evaluation"], r["wall_seconds"], "-", r["end_to_end_audio_seconds_per_second"],
                r["sampling_audio_seconds_per_second"], r["mean_latency_seconds"]))
    else:
        print("%-5s %-24s no result" % (dt, "%d concurrent" % C))
print("targets (issue 15, H100/H200): 1 request <= 0.2 s (RTF <= 0.02); >= 100 audio-s/s at 16 concurrent, batching on")
PY
