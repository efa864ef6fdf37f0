#!/usr/bin/env bash
# textnorm.test.sh - `f5tts normalize` (the CLI, one process per case) against
# ../shared/textnorm/sample.jsonl and tests/golden/textnorm_cases{,_h,_r,_s,_t,_u,_v,_w}.jsonl with
# the README's canon() scoring; prints per-category and overall pass rates
# and fails if any case fails. Also checks the CLI's error path (invalid
# UTF-8 -> exit 1 with an invalid_text message). Skips (77) without python3
# or without the shared sample (fails instead under CI=true).
set -uo pipefail
bin=${F5_BIN:?F5_BIN not set}
src=${F5_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
sample="${F5_GOLDEN_DIR:-$src/../shared/golden}/../textnorm/sample.jsonl"
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 77; }
files=("$src/tests/golden/textnorm_cases.jsonl" "$src/tests/golden/textnorm_cases_h.jsonl"
       "$src/tests/golden/textnorm_cases_r.jsonl" "$src/tests/golden/textnorm_cases_s.jsonl"
       "$src/tests/golden/textnorm_cases_t.jsonl" "$src/tests/golden/textnorm_cases_u.jsonl"
       "$src/tests/golden/textnorm_cases_v.jsonl" "$src/tests/golden/textnorm_cases_w.jsonl")
if [ -f "$sample" ]; then files+=("$sample")
elif [ "${CI:-}" = true ]; then echo "FAIL: $sample missing under CI=true"; exit 1
else echo "note: $sample absent, own cases only"; fi

python3 - "$bin" "${files[@]}" <<'PY' || exit 1
import json, re, subprocess, sys, unicodedata, collections
binp, paths = sys.argv[1], sys.argv[2:]
def canon(x, cat):
    x = unicodedata.normalize('NFC', x)
    lines = [re.sub(r'\s+', ' ', l).strip() for l in x.split('\n')]
    lines = [re.sub(r' ([.,!?;:])', r'\1', l) for l in lines]
    lines = [l for l in lines if l]
    return ('\n' if cat == 'sentence_split' else ' ').join(lines)
bad = 0
for path in paths:
    tot, ok = collections.Counter(), collections.Counter()
    for line in open(path, encoding='utf-8'):
        if not line.strip():
            continue
        d = json.loads(line)
        r = subprocess.run([binp, 'normalize'], input=d['input'].encode(), capture_output=True)
        got = canon(r.stdout.decode('utf-8', 'replace'), d['category'])
        acc = [canon(a, d['category']) for a in d['accept']]
        tot[d['category']] += 1
        if r.returncode == 0 and got in acc:
            ok[d['category']] += 1
        else:
            bad += 1
            print(f"FAIL {d['id']}: {d['input']!r}\n  got:  {got!r}\n  want: {acc[0]!r}")
    print(path)
    for c in sorted(tot):
        print(f'  {c:16s} {ok[c]}/{tot[c]}')
    n, k = sum(tot.values()), sum(ok.values())
    print(f'  overall          {k}/{n} ({100.0 * k / max(n, 1):.1f}%)')
sys.exit(1 if bad else 0)
PY

out=$(printf 'ab\xc3(' | "$bin" normalize 2>&1); rc=$?
if [ $rc -ne 1 ] || ! grep -q invalid_text <<<"$out"; then
  echo "FAIL: invalid UTF-8 gave rc=$rc: $out"; exit 1
fi
echo "PASS invalid UTF-8 -> rc 1: $out"
