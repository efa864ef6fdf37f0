#!/usr/bin/env bash
# ctest wrapper: runs tests/service/asr.test.js (node:test): the speaker library (voices.test.js)
# through `f5tts serve` with the test model.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh)"; exit 1; }
export F5_BIN="${F5_BIN:-$here/../../build/f5tts}"
cd "$here" && exec node --test --test-reporter=spec asr.test.js
