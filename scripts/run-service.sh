#!/usr/bin/env bash
# `make run`: start `f5tts serve` on its embedded defaults (127.0.0.1:8080,
# ./data). Model resolution, first match wins:
#   1. --model on the command line (passed through) or CKPT_PATH
#   2. MODEL_NAME (default F5TTS_v1_Base) found in the Hugging Face cache
#      (`f5tts models path NAME`), with the cached Vocos as vocoder
#   3. otherwise: say how to get a real model, and start on the random-weight
#      TEST model (data/test-model, made with `f5tts make-test-model`),
#      labelled as such in the logs and the web UI.
# Extra arguments go to `f5tts serve` (see `f5tts serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${F5_BIN:-build/f5tts}
[ -x "$BIN" ] || { echo "run-service: $BIN not built (run make)" >&2; exit 1; }

for a in "$@"; do
  case $a in --model|--model=*) exec "$BIN" serve "$@";; esac
done
if [ -n "${CKPT_PATH:-}" ]; then exec "$BIN" serve "$@"; fi

name=${MODEL_NAME:-F5TTS_v1_Base}
if ckpt=$("$BIN" models path "$name" 2>/dev/null); then
  extra=()
  if [ -z "${VOCODER_PATH:-}" ] && voc=$("$BIN" models path vocos 2>/dev/null); then extra+=(--vocoder "$voc"); fi
  echo "run-service: using model $name at $ckpt" >&2
  exec "$BIN" serve --model "$ckpt" --model-label "$name" "${extra[@]}" "$@"
fi

cat >&2 <<MSG
run-service: no model configured and $name is not in the Hugging Face cache.
  To use the real model:   $BIN models pull $name && $BIN models pull vocos && make run
  or point at a checkpoint: CKPT_PATH=/path/to/model.safetensors VOCODER_PATH=/path/to/vocos make run
Starting now with the TEST MODEL (random weights: the audio is noise, not speech).
MSG
tm=data/test-model
if [ ! -f "$tm/model.safetensors" ] || [ ! -f "$tm/ref.wav" ]; then "$BIN" make-test-model "$tm" >&2; fi
exec "$BIN" serve --model "$tm" --test-model --model-label "TEST MODEL (random weights)" "$@"
