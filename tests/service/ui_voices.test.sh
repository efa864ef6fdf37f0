#!/usr/bin/env bash
# ctest wrapper: runs tests/service/ui_voices.test.js (node:test) against a real
# `f5tts serve` with the test model. Never skips silently: a missing Node
# toolchain or pipeline is a failure with a message saying so.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh)"; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || { echo "FAIL: run scripts/install-deps.sh (npm install in tests/service)"; exit 1; }
export F5_BIN="${F5_BIN:-$here/../../build/f5tts}"
cd "$here" && exec node --test --test-reporter=spec ui_voices.test.js
