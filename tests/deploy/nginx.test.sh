#!/usr/bin/env bash
# ctest test for deploy/: yamllint on every YAML file (Helm templates aside),
# `nginx -t` on deploy/nginx.conf, then tests/deploy/nginx.test.js runs real
# nginx with that file (a test certificate made here, ports and paths
# substituted) in front of two API nodes on a Redis queue. Never skips: a
# missing tool is a failure naming it.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
for t in node nginx yamllint openssl redis-server; do
  command -v "$t" >/dev/null || { echo "FAIL: $t is not installed (scripts/install-deps.sh)"; exit 1; }
done
yamllint -c "$root/deploy/.yamllint" "$root/deploy" || { echo "FAIL: yamllint deploy/"; exit 1; }
tmp="$(mktemp -d /tmp/f5nginx-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$tmp/tls.key" -out "$tmp/tls.crt" 2>/dev/null \
  || { echo "FAIL: cannot make the test certificate"; exit 1; }
export F5_BIN="${F5_BIN:-$root/build/f5tts}" F5_NGINX_TMP="$tmp" NODE_EXTRA_CA_CERTS="$tmp/tls.crt"
cd "$root/tests/service" && node --test --test-reporter=spec "$here/nginx.test.js"
