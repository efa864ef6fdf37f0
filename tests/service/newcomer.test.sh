#!/usr/bin/env bash
# newcomer.test.sh - the README's main command exactly as a new user runs it:
# `git clone` of the committed tree into an empty directory (with ../shared
# beside it, as CI lays it out), then `make run` there. The clone has no
# data/, no build/, nothing made by hand. It must serve /healthz and /readyz,
# print the web UI's URL and a curl line, and that curl line, pasted as
# printed, must synthesise a WAV with the test model. Ctrl-C (SIGINT to the
# process group, as a terminal sends it) and SIGTERM must both end it cleanly.
# Installed packages are reused (make run only checks them); the build
# directory is the clone's own.
# F5_NEWCOMER_REV=REV runs it on another commit (e.g. to show it failing on
# the code before the first-run fix).
set -u
SRC=${F5_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
REV=${F5_NEWCOMER_REV:-HEAD}
SHARED=$(cd "$SRC/.." && pwd)/shared
T=$(mktemp -d /tmp/f5_newcomer.XXXXXX)
PGID=
fails=0
ok() { echo "PASS $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
cleanup() {
  [ -n "$PGID" ] && kill -KILL -- "-$PGID" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT

git clone -q --no-hardlinks "$SRC" "$T/f5tts-c" && git -C "$T/f5tts-c" checkout -q "$(git -C "$SRC" rev-parse "$REV")" ||
  { bad "git clone of $SRC at $REV"; exit 1; }
[ -d "$SHARED" ] && ln -s "$SHARED" "$T/shared"
[ ! -e "$T/f5tts-c/data" ] && [ ! -e "$T/f5tts-c/build" ] && ok "fresh clone has no data/ and no build/" ||
  bad "fresh clone is not fresh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
log=$T/run.log

# A newcomer's shell has none of the suite's F5_* variables: with F5_BIN
# inherited, the clone's make run would start this tree's binary, not its own.
newcomer_env=(env)
for v in $(compgen -e); do case $v in F5_*) newcomer_env+=(-u "$v");; esac; done
start() { # a new process group, as a shell job would be
  (cd "$T/f5tts-c" && exec "${newcomer_env[@]}" F5_LISTEN=127.0.0.1:$port setsid make run) >"$log" 2>&1 &
  MAKE_PID=$!
  sleep 0.5
  PGID=$(ps -o pgid= -p "$MAKE_PID" 2>/dev/null | tr -d ' ')
}
wait_ready() { # up to $1 s for /readyz 200 while make is alive
  local i
  for ((i = 0; i < $1 * 2; i++)); do
    kill -0 "$MAKE_PID" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
server_pid() { pgrep -g "$PGID" -f 'f5tts serve' | head -n 1; }
wait_gone() { # up to 30 s for pid $1 to exit
  local i
  for ((i = 0; i < 60; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  return 1
}
# SIGTERM to the server (what a process manager sends): it drains, exits 0,
# and so make run exits 0.
stop_term() {
  local srv
  srv=$(server_pid)
  [ -n "$srv" ] || return 1
  kill -TERM "$srv"
  wait_gone "$MAKE_PID" || return 1
  wait "$MAKE_PID"
}
# Ctrl-C: SIGINT to the whole group. make itself reports the interrupt
# (exit 130, as for any make target); the server must still drain and stop.
stop_int() {
  local srv
  srv=$(server_pid)
  [ -n "$srv" ] || return 1
  kill -INT -- "-$PGID"
  wait_gone "$srv" && wait_gone "$MAKE_PID" || return 1
  grep -q '"event":"shutdown","status":"stopped"' "$log"
}

start
if wait_ready 600; then
  ok "make run on a fresh clone: /readyz 200"
  exe=$(readlink "/proc/$(server_pid)/exe" 2>/dev/null)
  [ "$exe" = "$T/f5tts-c/build/f5tts" ] && ok "the server is the clone's own build" ||
    bad "the server runs $exe, not the clone's build/f5tts"
else
  bad "make run on a fresh clone never became ready; its output:"
  sed 's/^/    /' "$log" | tail -n 40
  exit 1
fi
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" = 200 ] && ok "/healthz 200" || bad "/healthz"
curl -s "$base/version" | grep -q '"test_model": *true' && ok "/version says test_model" || bad "/version test_model"
grep -q "TEST MODEL" "$log" && ok "startup output labels the TEST MODEL" || bad "no TEST MODEL label in output"
# serve polls its readiness every 200 ms, so the banner may trail /readyz by that much
for ((i = 0; i < 50; i++)); do grep -q "Web UI: $base/" "$log" && grep -q "curl -sS" "$log" && break; sleep 0.1; done
grep -q "Web UI: $base/" "$log" && ok "prints the web UI URL" || bad "no web UI URL in output"
curl -s "$base/" | grep -qi "test model" && ok "web UI labels the test model" || bad "web UI test-model label"

line=$(grep -o "curl -sS .*/tts" "$log" | head -n 1)
if [ -n "$line" ]; then
  ok "prints a curl line"
  (cd "$T/f5tts-c" && eval "$line") && head -c 4 "$T/f5tts-c/hello.wav" | grep -q RIFF &&
    [ "$(stat -c %s "$T/f5tts-c/hello.wav")" -gt 1000 ] && ok "the printed curl line returns a WAV" ||
    bad "the printed curl line did not return a WAV: $line"
else
  bad "no curl line in the output"
fi
code=$(curl -s -o "$T/sync.wav" -w '%{http_code}' -F 'text=xin chào' -F 'ref_text=xin chào các bạn' \
  -F "voice=@$T/f5tts-c/data/test-model/ref.wav" "$base/tts")
[ "$code" = 200 ] && head -c 4 "$T/sync.wav" | grep -q RIFF && ok "sync POST /tts 200 with a WAV" || bad "sync POST /tts: $code"

stop_term && ok "SIGTERM: clean exit 0" || { bad "SIGTERM: no clean exit"; tail -n 20 "$log"; }
# a second start reuses data/ and the build; Ctrl-C ends it just as cleanly
start
wait_ready 120 && ok "second make run ready (data/ reused)" || bad "second make run"
stop_int && ok "Ctrl-C (SIGINT): clean exit 0" || { bad "SIGINT: no clean exit"; tail -n 20 "$log"; }
PGID=

[ $fails -eq 0 ]
