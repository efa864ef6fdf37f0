# textnorm_casegen.py - the template machinery shared by the hand-written
# normaliser case generators (gen_textnorm_cases*.py; t has its own
# richer expand() with number markers, over these pieces).
# Template syntax: {a|b} lists local alternatives; <KEY> is a variant chosen
# ONCE per accepted string (README: "each entry uses one choice per variant
# throughout"): N nghìn/ngàn, L linh/lẻ, T tỷ/tỉ, D đến/tới, F tư/bốn (4
# after a tens digit >= 2), K "không trăm " or nothing (zero hundreds in a
# non-leading group), KI ki/kí, XE xen/xăng, DC độ xê/độ c, S sĩ/sỹ, UB
# ủy/uỷ, GB the spellings of GB. With tones=True each accepted string is also
# listed with every oa/oe/uy syllable in the traditional (hóa) and in the
# other (hoá) tone-mark placement (README: placement may be left or made
# traditional).
import itertools, json, re, unicodedata

GLOB = {'N': ['nghìn', 'ngàn'], 'L': ['linh', 'lẻ'], 'T': ['tỷ', 'tỉ'], 'D': ['đến', 'tới'],
        'F': ['tư', 'bốn'], 'K': ['không trăm ', ''], 'KI': ['ki', 'kí'], 'XE': ['xen', 'xăng'],
        'DC': ['độ xê', 'độ c'], 'S': ['sĩ', 'sỹ'], 'UB': ['ủy', 'uỷ'],
        'GB': ['gi ga bai', 'ghi ga bai', 'ghi ga bay', 'gigabyte']}
TONES = '\u0300\u0301\u0303\u0309\u0323'

# readings shared by several files
KM = '<KI> lô mét'
KG = '<KI> lô gam'
PER = '{trên|một|mỗi}'
DOL = '{đô la|đô la mỹ|đô}'
USD = '{đô la|đô la mỹ|đô|u ét đê|diu ét đi}'
VND = '{đồng|việt nam đồng}'
PH = '{ phút|}'
NG = '{ngày |}'
PCT = '{|phần trăm }'  # "30-40%"
K1 = '{<N>|ca}'  # 25k
ELL = '{...|…|.|,|}'  # a mid-sentence ellipsis

nfd = lambda s: unicodedata.normalize('NFD', s)


def _place(word, first):
    d = unicodedata.normalize('NFD', word)
    tone = [c for c in d if c in TONES]
    base = ''.join(c for c in d if c not in TONES)
    plain = unicodedata.normalize('NFC', base)
    m = re.fullmatch(r'(.*?)(o[ae]|uy)', plain)
    if len(tone) != 1 or not m or m.group(1).endswith('q'):
        return word
    pre, v = m.group(1), m.group(2)
    v = (v[0] + tone[0] + v[1]) if first else (v + tone[0])
    return unicodedata.normalize('NFC', pre + v)


def tone_forms(s):
    out = [s]
    for first in (True, False):
        t = re.sub(r'[^\W\d_]+', lambda m: _place(m.group(0), first), s)
        if t not in out:
            out.append(t)
    return out


def tidy(s):
    """Collapse spaces and drop the space before punctuation, line by line."""
    return '\n'.join(re.sub(r' ([.,!?;:])', r'\1', re.sub(r' +', ' ', l).strip()) for l in s.split('\n'))


def expand(tmpl, tones=True):
    keys = [k for k in GLOB if '<' + k + '>' in tmpl]
    outs = []
    for combo in itertools.product(*[GLOB[k] for k in keys]):
        t = tmpl
        for k, v in zip(keys, combo):
            t = t.replace('<' + k + '>', v)
        parts = re.split(r'(\{[^}]*\})', t)
        opts = [p[1:-1].split('|') if p.startswith('{') else [p] for p in parts]
        for o in itertools.product(*opts):
            s = tidy(''.join(o))
            for f in tone_forms(s) if tones else [s]:
                if f not in outs:
                    outs.append(f)
    return outs


class Cases:
    """A list of cases written as JSON lines (ids must be unique)."""

    def __init__(self, tones=True, digits_ok=True):
        self.cases, self.tones, self.digits_ok = [], tones, digits_ok

    def add(self, cid, cat, inp, tmpl, note=""):
        assert not re.search(r'\{[^}]*\{', tmpl), cid + ': nested {..} is not supported here'
        assert re.fullmatch(r'[^<>]*', re.sub(r'<(' + '|'.join(GLOB) + r')>', '', tmpl)), cid
        assert self.digits_ok or not re.search(r'\d', tmpl), cid
        self.cases.append({"id": cid, "category": cat, "input": inp, "accept": expand(tmpl, self.tones), "note": note})

    def write(self, path):
        write_cases(self.cases, path)


def write_cases(cases, path):
    ids = [c['id'] for c in cases]
    assert len(ids) == len(set(ids)), 'duplicate id'
    with open(path, 'w', encoding='utf-8') as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
