#!/usr/bin/env bash
# ctest wrapper: runs tests/service/trace.test.js (node:test): OpenTelemetry
# spans from `f5tts serve --otlp-endpoint` (test model) to an OTLP/HTTP JSON
# receiver of the test's own, also across the Redis queue (API node ->
# worker process); trace ids in the log lines; a receiver that is
# down costs dropped spans, never requests.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/install-deps.sh)"; exit 1; }
command -v redis-server >/dev/null || { echo "FAIL: redis-server is not installed (scripts/install-deps.sh)"; exit 1; }
export F5_BIN="${F5_BIN:-$here/../../build/f5tts}"
cd "$here" && exec node --test --test-reporter=spec trace.test.js
