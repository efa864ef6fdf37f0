#!/usr/bin/env bash
# `f5tts bench --concurrent C --max-batch B,1` samples C requests through
# the step-level batcher with batching on and off (procedural weights, a
# tiny size) and reports well-formed JSON: batching on runs the C requests
# in one evaluation per step (NFE evaluations, C in flight), off in C x NFE
# evaluations, the same rows either way. No timing is asserted (shared
# machines). Bad options fail with usage.
set -euo pipefail
bin=${F5_BIN:?F5_BIN not set}
out=$("$bin" bench --concurrent 3 --max-batch 3,1 --preset small --ref-seconds 0.2 --gen-seconds 0.3 --nfe 2 \
      --threads 2 --json)
echo "$out"
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert d["concurrent"] == 3 and d["nfe"] == 2 and d["frames"] == 46, d
on, off = d["runs"]
assert on["max_batch"] == 3 and on["max_in_flight"] == 3 and on["dit_evaluations"] == 2, on
assert off["max_batch"] == 1 and off["max_in_flight"] == 1 and off["dit_evaluations"] == 6, off
assert on["rows"] == off["rows"] == 3 * 2 * 2, (on, off)  # cond + uncond per request and step
for r in (on, off):
    assert r["wall_seconds"] > 0 and r["sampling_audio_seconds_per_second"] > 0, r
assert d["text_embed_ms"] > 0, d
PY
if "$bin" bench --concurrent 0 2>/dev/null; then echo "--concurrent 0 accepted"; exit 1; fi
if "$bin" bench --concurrent 2 --max-batch 0 2>/dev/null; then echo "--max-batch 0 accepted"; exit 1; fi
echo OK
