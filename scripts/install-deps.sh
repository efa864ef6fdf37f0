#!/usr/bin/env bash
# Install everything the project needs on a fresh Debian 12 machine:
# build tools and libraries (apt), test tools (sox, espeak-ng, lame, redis,
# nginx, chromium) and the Node packages of the service tests (npm).
# Idempotent and quiet when everything is already there.
#   install-deps.sh        everything (build, run, every test)      - make test
#   install-deps.sh run    only what building and running needs     - make run
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-all}
[ "$MODE" = run ] && F5_WITH_SERVICE_DEPS=0

APT_PKGS=(
  build-essential cmake pkg-config clang libclang-rt-14-dev llvm git
  libdnnl-dev libopenblas-dev libsndfile1-dev libfftw3-dev libjansson-dev libutf8proc-dev
  libmicrohttpd-dev libsoxr-dev libcurl4-openssl-dev libhiredis-dev libmpg123-dev libopusfile-dev
  libyaml-dev libsqlite3-dev libssl-dev libvorbis-dev python3-numpy
  sox libsox-fmt-all espeak-ng lame opus-tools vorbis-tools flac valgrind curl
)
if [ "${F5_WITH_SERVICE_DEPS:-1}" = 1 ]; then
  APT_PKGS+=(chromium)
  APT_PKGS+=(prometheus)  # observability tests: a real scraper, promtool for the rules and the exposition format
  APT_PKGS+=(redis-server nginx-light yamllint)  # scale-out tests: a real broker, the gateway, deploy/ lint
  # Node: keep an existing installation (e.g. NodeSource's nodejs, which bundles npm).
  command -v node >/dev/null 2>&1 || APT_PKGS+=(nodejs)
  command -v npm >/dev/null 2>&1 || APT_PKGS+=(npm)
fi
# make run needs the compiler and the libraries, not the test tools
RUN_PKGS=(
  build-essential cmake pkg-config git
  libdnnl-dev libopenblas-dev libsndfile1-dev libfftw3-dev libjansson-dev libutf8proc-dev
  libmicrohttpd-dev libsoxr-dev libcurl4-openssl-dev libhiredis-dev libmpg123-dev libopusfile-dev
  libyaml-dev libsqlite3-dev libssl-dev libvorbis-dev curl
)
[ "$MODE" = run ] && APT_PKGS=("${RUN_PKGS[@]}")

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${F5_WITH_SERVICE_DEPS:-1}" = 1 ] && [ -f tests/service/package.json ]; then
  if [ ! -d tests/service/node_modules ] || [ tests/service/package.json -nt tests/service/node_modules ]; then
    echo "install-deps: npm install (tests/service)"
    (cd tests/service && npm install --no-audit --no-fund --loglevel=error)
    touch tests/service/node_modules
  fi
fi
