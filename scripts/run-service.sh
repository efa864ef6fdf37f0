#!/usr/bin/env bash
# `make run`: start the service on its embedded defaults (placeholder until
# the service lands: prints the CLI help).
set -euo pipefail
cd "$(dirname "$0")/.."
exec build/f5tts serve "$@"
