#!/usr/bin/env bash
# ctest wrapper: runs tests/service/s3.test.js (node:test): `f5tts serve`
# with --storage s3://... against the npm s3rver on a free 127.0.0.1 port.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh)"; exit 1; }
[ -d "$here/node_modules/s3rver" ] || { echo "FAIL: run scripts/install-deps.sh (npm install in tests/service)"; exit 1; }
export F5_BIN="${F5_BIN:-$here/../../build/f5tts}"
cd "$here" && exec node --test --test-reporter=spec s3.test.js
