#!/usr/bin/env bash
# `f5tts bench --vocoder-only` runs the release-size Vocos (procedural
# weights) and reports a well-formed JSON line; an unknown option fails
# with usage. No timing is asserted (shared machines).
set -euo pipefail
bin=${F5_BIN:?F5_BIN not set}
out=$("$bin" bench --vocoder-only --gen-seconds 1 --iters 1 --threads 1 --json)
echo "$out"
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert d["bench"] == "vocoder" and d["dim"] == 512 and d["num_layers"] == 8, d
assert d["frames"] == 94 and abs(d["audio_seconds"] - 93 * 256 / 24000) < 1e-3, d
assert d["best_ms"] > 0 and d["rtf_median"] > 0, d
PY
if "$bin" bench --vocoder-only --bogus 2>/dev/null; then echo "unknown option accepted"; exit 1; fi
echo OK
