#!/usr/bin/env bash
# synth_cli.test.sh - `f5tts synth`, `make-test-model` and `models` from the
# command line, on a tiny random test model and an espeak-ng Vietnamese
# reference made here: every output format is valid audio; a 600-character
# text comes out as long as the duration rule says for its chunks (checked
# by an independent Python restatement of upstream's chunking and duration
# rule, within one hop per chunk after cross-fades); the same seed gives
# identical bytes, another seed different ones; every error case exits
# non-zero with a clear message; names resolve in a Hugging Face cache;
# `models pull` fails offline with instructions.
set -u
B=${F5_BIN:?F5_BIN must point at the f5tts binary}
command -v espeak-ng >/dev/null || { echo "SKIP: espeak-ng missing"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
T=$(mktemp -d /tmp/f5_synth_cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "PASS $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# ---------------------------------------------------------------- model + reference
"$B" make-test-model "$T/m" --seed 7 >"$T/mk.out" 2>&1 && grep -q "TEST model" "$T/mk.out" &&
  [ -s "$T/m/model.safetensors" ] && [ -s "$T/m/model.pt" ] && [ -s "$T/m/vocab.txt" ] &&
  [ -s "$T/m/vocos/config.yaml" ] && [ -s "$T/m/vocos/pytorch_model.bin" ] && ok make-test-model ||
  { bad make-test-model; cat "$T/mk.out"; exit 1; }
REF_TEXT="Xin chào, hôm nay trời đẹp quá."
espeak-ng -v vi -w "$T/ref.wav" "$REF_TEXT" || { bad espeak; exit 1; }
# 600 characters of Vietnamese, no digits (so the text needs no normaliser for the length check)
TEXT="Hôm nay chúng ta sẽ nói về thời tiết ở miền Bắc. Trời se lạnh, có mưa phùn nhẹ vào buổi sáng và sương mù dày đặc trên các tuyến đường. Buổi chiều nắng lên, nhiệt độ khoảng hai mươi độ, độ ẩm trung bình tám mươi phần trăm. Người dân nên mặc thêm áo ấm khi ra ngoài vào buổi tối, nhất là người già và trẻ nhỏ. Ở miền Trung, trời nắng gián đoạn, chiều tối có mưa rào và dông vài nơi. Miền Nam ngày nắng, đêm không mưa, gió nhẹ. Các tỉnh ven biển cần đề phòng sóng lớn và gió giật mạnh. Bà con nông dân nên theo dõi thông tin dự báo để chủ động sắp xếp công việc đồng áng cho phù hợp với điều kiện thời tiết."
printf '%s' "$TEXT" >"$T/text.txt"
python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); assert len(t)>=600, len(t)" "$T/text.txt" ||
  bad "text is shorter than 600 characters"
S=(synth --model "$T/m" --ref "$T/ref.wav" --ref-text "$REF_TEXT" --nfe 4 --quiet)

# ---------------------------------------------------------------- duration rule
if "$B" "${S[@]}" --no-normalize --text-file "$T/text.txt" -o "$T/long.wav" --seed 5 --json >"$T/long.json"; then
  python3 - "$T/long.json" "$T/long.wav" "$T/text.txt" <<'PY' && ok "duration rule (600 chars)" || bad "duration rule (600 chars)"
import json, re, sys, wave
j = json.load(open(sys.argv[1]))
w = wave.open(sys.argv[2])
assert w.getframerate() == 24000 and w.getnchannels() == 1 and w.getsampwidth() == 2
n_out = w.getnframes()
text = open(sys.argv[3], encoding="utf-8").read()
v = j["voice"]
ref = v["ref_text"]                                  # fixed-up transcript
ral = v["mel_frames"] - 1                            # reference frames dropped = samples // 256
secs = v["kept_samples"] / v["sample_rate"]
B = lambda s: len(s.encode("utf-8"))
max_chars = int(B(ref) / secs * (22 - secs) * 1.0)
pieces = [p for p in re.split(r"(?<=[;:,.!?])\s+|(?<=[；：，。！？])", text) if p]
chunks, cur = [], ""
for p in pieces:
    if B(cur) + B(p) <= max_chars:
        cur += p + " " if (p and B(p[-1]) == 1) else p
    else:
        if cur: chunks.append(cur.strip())
        cur = p + " " if (p and B(p[-1]) == 1) else p
if cur: chunks.append(cur.strip())
join = ref + " " if B(ref[-1]) == 1 else ref
assert j["n_chunks"] == len(chunks), (j["n_chunks"], len(chunks))
total, hops = 0, 0
for i, c in enumerate(chunks):
    sp = 0.3 if B(c) < 10 else 1.0
    dur = ral + int(ral / B(join) * B(c) / sp)
    assert dur > len(join) + len(c) + 2, "text longer than its duration: the rule would be raised"
    n = 256 * (dur - ral - 1)
    got = j["chunks"][i]["samples"]
    assert abs(got - n) <= 256, ("chunk", i, got, n)
    total = n if i == 0 else total + n - min(3600, total, n)
assert abs(n_out - total) <= 256 * len(chunks), (n_out, total)
assert j["samples"] == n_out
print(f"  {len(chunks)} chunks, max_chars {max_chars}, {n_out} samples (rule: {total})")
PY
else
  bad "synth of the 600-character text failed"
fi

# ---------------------------------------------------------------- every format, same seed -> same bytes
for f in wav flac ogg mp3 pcm; do
  if "$B" "${S[@]}" --text "Một hai ba, bốn năm sáu." -o "$T/o.$f" --seed 9 && [ -s "$T/o.$f" ]; then
    case $f in
      wav) head -c 4 "$T/o.$f" | grep -q RIFF && ok "format $f" || bad "format $f: not RIFF" ;;
      flac) head -c 4 "$T/o.$f" | grep -q fLaC && ok "format $f" || bad "format $f: not fLaC" ;;
      ogg) head -c 4 "$T/o.$f" | grep -q OggS && ok "format $f" || bad "format $f: not OggS" ;;
      mp3) python3 -c "import sys; b=open(sys.argv[1],'rb').read(3); sys.exit(0 if b==b'ID3' or (b[0]==0xff and b[1]&0xe0==0xe0) else 1)" "$T/o.$f" &&
        ok "format $f" || bad "format $f: no MPEG frame" ;;
      pcm) [ $(( $(stat -c %s "$T/o.pcm") )) -eq $(( $(stat -c %s "$T/o.wav") - 44 )) ] && ok "format pcm" ||
        bad "format pcm: size differs from the WAV's data" ;;
    esac
  else
    bad "format $f: synth failed"
  fi
done
if command -v soxi >/dev/null; then
  n_wav=$(soxi -s "$T/o.wav"); n_flac=$(soxi -s "$T/o.flac")
  [ "$n_wav" = "$n_flac" ] && [ "$n_wav" -gt 0 ] && ok "flac decodes to the WAV's length ($n_wav)" || bad "flac length $n_flac vs wav $n_wav"
fi
"$B" "${S[@]}" --text "Một hai ba, bốn năm sáu." -o "$T/o2.wav" --seed 9 && cmp -s "$T/o.wav" "$T/o2.wav" &&
  ok "same seed -> identical output" || bad "same seed -> different output"
"$B" "${S[@]}" --text "Một hai ba, bốn năm sáu." -o "$T/o3.wav" --seed 10 && ! cmp -s "$T/o.wav" "$T/o3.wav" &&
  ok "different seed -> different output" || bad "different seed -> same output"
"$B" synth --model "$T/m/model.pt" --vocoder "$T/m/vocos/pytorch_model.bin" --ref "$T/ref.wav" --ref-text "$REF_TEXT" \
  --nfe 4 --quiet --text "Một hai ba, bốn năm sáu." -o "$T/o4.wav" --seed 9 && cmp -s "$T/o.wav" "$T/o4.wav" &&
  ok ".pt + pytorch_model.bin give the same output as safetensors" || bad ".pt checkpoint output differs"
NFE_STEP=4 SPEED=1 "$B" synth --model "$T/m" --ref "$T/ref.wav" --ref-text "$REF_TEXT" --quiet --text "Một hai ba, bốn năm sáu." \
  -o "$T/o5.wav" --seed 9 && cmp -s "$T/o.wav" "$T/o5.wav" && ok "NFE_STEP from the environment" || bad "NFE_STEP env ignored"
NFE_STEP=2 "$B" "${S[@]}" --text "Một hai ba, bốn năm sáu." -o "$T/o6.wav" --seed 9 && cmp -s "$T/o.wav" "$T/o6.wav" &&
  ok "--nfe overrides NFE_STEP" || bad "--nfe does not override NFE_STEP"
CKPT_PATH="$T/m" "$B" synth --ref "$T/ref.wav" --ref-text "$REF_TEXT" --nfe 4 --quiet --text "Một hai ba, bốn năm sáu." \
  -o "$T/o7.wav" --seed 9 && cmp -s "$T/o.wav" "$T/o7.wav" && ok "CKPT_PATH from the environment" || bad "CKPT_PATH env"

# ---------------------------------------------------------------- errors: message + non-zero exit
expect_err() { # name, grep pattern, command...
  local name=$1 pat=$2; shift 2
  if "$@" >"$T/err.out" 2>&1; then bad "error $name: exit 0"; return; fi
  grep -qi -- "$pat" "$T/err.out" && ok "error $name: $(head -c 160 "$T/err.out" | tr '\n' ' ')" ||
    { bad "error $name: message lacks '$pat'"; cat "$T/err.out"; }
}
echo "not audio at all" >"$T/bad.wav"
mkdir -p "$T/novocab" && cp "$T/m/model.safetensors" "$T/novocab/"
expect_err "missing reference" "cannot open" "$B" "${S[@]}" --ref "$T/nope.wav" --text "xin chào" -o "$T/e.wav"
expect_err "invalid reference" "format" "$B" "${S[@]}" --ref "$T/bad.wav" --text "xin chào" -o "$T/e.wav"
expect_err "empty reference text" "ref-text" "$B" synth --model "$T/m" --ref "$T/ref.wav" --text "xin chào" -o "$T/e.wav"
expect_err "empty text" "empty" "$B" "${S[@]}" --text "" -o "$T/e.wav"
expect_err "only punctuation" "nothing to say" "$B" "${S[@]}" --text " ?!... -- ;" -o "$T/e.wav"
expect_err "unknown model name" "unknown model 'no-such-model'" "$B" synth --model no-such-model --ref "$T/ref.wav" \
  --ref-text x --text "xin chào" -o "$T/e.wav"
expect_err "missing vocab" "vocab missing" "$B" synth --model "$T/novocab" --vocoder "$T/m/vocos" --ref "$T/ref.wav" \
  --ref-text x --text "xin chào" -o "$T/e.wav"
expect_err "architecture mismatch" "architecture mismatch" "$B" "${S[@]}" --arch v1_base --text "xin chào" -o "$T/e.wav"
expect_err "bad flag value" "bad value" "$B" "${S[@]}" --nfe abc --text "xin chào" -o "$T/e.wav"
expect_err "unknown output format" "format" "$B" "${S[@]}" --text "xin chào" -o "$T/e.xyz"
[ ! -e "$T/e.wav" ] && ok "no output file after errors" || bad "an output file was written by a failing run"

# ---------------------------------------------------------------- models: HF cache layout, offline pull
H="$T/hf"
mkdir -p "$H/models--test--tiny/snapshots/abc123" "$H/models--test--tiny/refs"
cp -r "$T/m/." "$H/models--test--tiny/snapshots/abc123/"
printf abc123 >"$H/models--test--tiny/refs/main"
HF_CACHE_DIR="$H" "$B" synth --model test/tiny --ref "$T/ref.wav" --ref-text "$REF_TEXT" --nfe 4 --quiet \
  --vocoder "$T/m/vocos" --text "Một hai ba, bốn năm sáu." -o "$T/o8.wav" --seed 9 && cmp -s "$T/o.wav" "$T/o8.wav" &&
  ok "model by repo id from the HF cache" || bad "model by repo id from the HF cache"
p=$(HF_CACHE_DIR="$H" "$B" models path test/tiny) && [ "$p" = "$H/models--test--tiny/snapshots/abc123/model.safetensors" ] &&
  ok "models path" || bad "models path: '$p'"
HF_CACHE_DIR="$H" "$B" models list >"$T/list.out" && grep -q F5TTS_v1_Base "$T/list.out" && grep -q "not downloaded" "$T/list.out" &&
  ok "models list" || bad "models list"
expect_err "models path of a missing model" "models pull F5TTS_v1_Base" env HF_CACHE_DIR="$H" "$B" models path F5TTS_v1_Base
expect_err "models pull offline" "save it as" env HF_CACHE_DIR="$H" HF_ENDPOINT=http://127.0.0.1:9 "$B" models pull vocos
grep -q "models--charactr--vocos-mel-24khz/snapshots/main/pytorch_model.bin\|models--charactr--vocos-mel-24khz/snapshots/main/config.yaml" "$T/err.out" &&
  ok "offline pull names where to put the file" || bad "offline pull message lacks the destination"
expect_err "models pull unknown" "unknown model" "$B" models pull nothing-like-this

echo "$fails failed"
[ "$fails" -eq 0 ]
