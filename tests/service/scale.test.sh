#!/usr/bin/env bash
# ctest wrapper: runs tests/service/scale.test.js (node:test): the Redis
# Streams queue with a real redis-server on a free 127.0.0.1 port, two API
# nodes (--role api) and worker processes (f5tts worker, test model).
# Never skips silently: a missing redis-server or Node is a failure.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh)"; exit 1; }
command -v redis-server >/dev/null || { echo "FAIL: redis-server is not installed (scripts/install-deps.sh)"; exit 1; }
export F5_BIN="${F5_BIN:-$here/../../build/f5tts}"
cd "$here" && exec node --test --test-reporter=spec scale.test.js
