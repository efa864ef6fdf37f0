#!/usr/bin/env bash
# models_pull.test.sh - `f5tts models pull` against a local HTTP server that
# mimics the Hugging Face resolve endpoint (Range requests, X-Repo-Commit):
# an interrupted download is kept and resumed with a Range request, the
# files land in the HF cache layout (snapshots/<commit>/, refs/main), and the
# vocoder then resolves by name. Runs offline on 127.0.0.1.
set -u
B=${F5_BIN:?F5_BIN must point at the f5tts binary}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
T=$(mktemp -d /tmp/f5_pull.XXXXXX)
SRV_PID=
trap '[ -n "$SRV_PID" ] && kill "$SRV_PID" 2>/dev/null; rm -rf "$T"' EXIT
fails=0
ok() { echo "PASS $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

"$B" make-test-model "$T/m" >/dev/null || { bad make-test-model; exit 1; }
mkdir -p "$T/srv/charactr/vocos-mel-24khz/resolve/main"
cp "$T/m/vocos/config.yaml" "$T/m/vocos/pytorch_model.bin" "$T/srv/charactr/vocos-mel-24khz/resolve/main/"

cat >"$T/server.py" <<'PY'
import http.server, os, sys, threading
root, portfile, log = sys.argv[1], sys.argv[2], sys.argv[3]
state = {"cut": True}
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        path = os.path.join(root, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_response(404); self.end_headers(); return
        data = open(path, "rb").read()
        rng = self.headers.get("Range")
        with open(log, "a") as f: f.write(f"{self.path} {rng}\n")
        start = int(rng.split("=")[1].split("-")[0]) if rng else 0
        body = data[start:]
        self.send_response(206 if rng else 200)
        self.send_header("X-Repo-Commit", "c0ffee1234")
        self.send_header("Content-Length", str(len(body)))
        if rng: self.send_header("Content-Range", f"bytes {start}-{len(data)-1}/{len(data)}")
        self.end_headers()
        if path.endswith(".bin") and state["cut"] and not rng:
            state["cut"] = False          # first download: drop the connection half-way
            self.wfile.write(body[: len(body) // 2]); self.wfile.flush()
            self.connection.shutdown(2)
            return
        self.wfile.write(body)
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(portfile, "w").write(str(s.server_address[1]))
s.serve_forever()
PY
python3 "$T/server.py" "$T/srv" "$T/port" "$T/requests.log" &
SRV_PID=$!
for _ in $(seq 50); do [ -s "$T/port" ] && break; sleep 0.1; done
[ -s "$T/port" ] || { bad "server did not start"; exit 1; }
EP="http://127.0.0.1:$(cat "$T/port")"
H="$T/hf"

if HF_CACHE_DIR="$H" HF_ENDPOINT="$EP" "$B" models pull vocos >"$T/p1.out" 2>&1; then
  bad "interrupted download reported success"
else
  grep -q "run pull again to resume" "$T/p1.out" && ok "interrupted pull fails and keeps the partial file" ||
    { bad "interrupted pull message"; cat "$T/p1.out"; }
fi
HF_CACHE_DIR="$H" HF_ENDPOINT="$EP" "$B" models pull vocos >"$T/p2.out" 2>&1 && ok "second pull succeeds" ||
  { bad "second pull"; cat "$T/p2.out"; }
grep -q "pytorch_model.bin bytes=" "$T/requests.log" && ok "resumed with a Range request" ||
  { bad "no Range request"; cat "$T/requests.log"; }
D="$H/models--charactr--vocos-mel-24khz"
[ "$(cat "$D/refs/main" 2>/dev/null)" = c0ffee1234 ] && ok "refs/main names the commit" || bad "refs/main"
cmp -s "$D/snapshots/c0ffee1234/pytorch_model.bin" "$T/m/vocos/pytorch_model.bin" &&
  cmp -s "$D/snapshots/c0ffee1234/config.yaml" "$T/m/vocos/config.yaml" && ok "files intact in the snapshot" ||
  bad "downloaded files differ"
grep -q "sha256 " "$T/p2.out" && ok "pull reports the SHA-256" || bad "no SHA-256 in the pull output"
p=$(HF_CACHE_DIR="$H" "$B" models path vocos) && [ "$p" = "$D/snapshots/c0ffee1234/pytorch_model.bin" ] &&
  ok "vocos resolves from the cache" || bad "models path vocos: '$p'"
espeak-ng -v vi -w "$T/ref.wav" "xin chào" 2>/dev/null || sox -n -r 24000 -c 1 -b 16 "$T/ref.wav" synth 1.5 sine 220 2>/dev/null
HF_CACHE_DIR="$H" "$B" synth --model "$T/m" --vocoder vocos --ref "$T/ref.wav" --ref-text "xin chào" --text "một hai" \
  --nfe 2 --quiet -o "$T/o.wav" && [ -s "$T/o.wav" ] && ok "synth with --vocoder vocos from the cache" ||
  bad "synth with the pulled vocoder"
echo "$fails failed"
[ "$fails" -eq 0 ]
