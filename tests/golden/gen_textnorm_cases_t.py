#!/usr/bin/env python3
# gen_textnorm_cases_t.py - regenerates tests/golden/textnorm_cases_t.jsonl: a
# fifth set of our own normaliser cases, written blind from the rules of
# ../shared/textnorm/README.md (before running the normaliser on them), in
# domains the other files cover less: weather forecasts, real-estate and
# classified ads, recipes, e-commerce, history, science and school, time
# ranges and schedules, phone and contact formats, ordinals and counts,
# versions and model names, company and office abbreviations, and foreign
# currencies. Where the README leaves a choice every accepted reading is
# listed; cases it does not decide are left out.
# Template syntax: {a|b} lists local alternatives (they may nest); <KEY> is a
# variant chosen ONCE per accepted string (README: "each entry uses one choice
# per variant throughout"): N nghìn/ngàn, L linh/lẻ, T tỷ/tỉ, D đến/tới, F
# tư/bốn (4 after a tens digit >= 2), K "không trăm " or nothing (zero
# hundreds in a non-leading group), KI ki/kí, XE xen/xăng, DC độ xê/độ c,
# UB ủy/uỷ, C the pause comma between phone-number groups (all or none).
# Numbers are written as markers that expand to the templates above:
# [n:1.299.000] a cardinal, [c:2,15] a comma decimal, [p:4.99] a dot decimal
# (phẩy or chấm), [v:3.11] a version (chấm), [d:0912] digit by digit.
# Each accepted string is also listed with every oa/oe/uy syllable in the
# traditional (hóa) and in the other (hoá) tone-mark placement.
# Usage: gen_textnorm_cases_t.py OUT.jsonl
import itertools, json, re, sys

from textnorm_casegen import nfd, tone_forms, write_cases, DOL, ELL, K1, KG, KM, NG, PCT, PER, PH, USD, VND

GLOB = {'N': ['nghìn', 'ngàn'], 'L': ['linh', 'lẻ'], 'T': ['tỷ', 'tỉ'], 'D': ['đến', 'tới'],
        'F': ['tư', 'bốn'], 'K': ['không trăm ', ''], 'KI': ['ki', 'kí'], 'XE': ['xen', 'xăng'],
        'DC': ['độ xê', 'độ c'], 'UB': ['ủy', 'uỷ'], 'C': [',', '']}
DIG = 'không một hai ba bốn năm sáu bảy tám chín'.split()
cases = []


# --- numbers -> templates
def _tens(t, u):
    """0 <= 10t+u <= 99 with t >= 1, or a lone unit (t == 0)."""
    if t == 0:
        return DIG[u]
    head = 'mười' if t == 1 else DIG[t] + ' mươi'
    if u == 0:
        return head
    if u == 5:
        return head + ' lăm'
    if t >= 2 and u == 1:
        return head + ' mốt'
    if t >= 2 and u == 4:
        return head + ' <F>'
    return head + ' ' + DIG[u]


def _linh(u):
    return '<L> ' + ('{bốn|tư}' if u == 4 else DIG[u])


def _group(g, leading, last):
    h, t, u = g // 100, g // 10 % 10, g % 10
    if leading:
        if h == 0:
            return _tens(t, u)
        return DIG[h] + ' trăm' + ('' if t == u == 0 else ' ' + (_linh(u) if t == 0 else _tens(t, u)))
    if h > 0:
        return _group(g, True, last)
    if t == 0:
        # "linh" in a non-last group exists only in the không-trăm style
        assert last, 'zero-tens middle group: write this case by hand'
        return '<K>' + _linh(u)
    return '<K>' + _tens(t, u)


def num(n):
    assert n >= 0
    if n >= 10 ** 9:
        hi, lo = divmod(n, 10 ** 9)
        rest = _below_billion(lo, leading=False)
        return num(hi) + ' <T>' + (' ' + rest if rest else '')
    return _below_billion(n, leading=True) or 'không'


def _below_billion(n, leading):
    groups = [n // 10 ** 6, n // 1000 % 1000, n % 1000]
    names = ['triệu', '<N>', '']
    words, started = [], False
    for i, g in enumerate(groups):
        if g == 0:
            if started and any(groups[i + 1:]) and i < 2:
                raise AssertionError('empty middle group: write this case by hand')
            continue
        words.append(_group(g, leading and not started, i == 2) + (' ' + names[i] if names[i] else ''))
        started = True
    return ' '.join(words)


def frac_reading(f):
    digits = ' '.join(DIG[int(c)] for c in f)
    if len(f) == 1 or len(f) > 3:
        return digits
    z = len(f) - len(f.lstrip('0'))
    as_num = ' '.join(['không'] * z + ([num(int(f))] if f.lstrip('0') else []))
    return digits if as_num == digits else '{' + digits + '|' + as_num + '}'


def _marker(m):
    kind, s = m.group(1), m.group(2)
    if kind == 'n':
        return num(int(re.sub(r'[. ]', '', s)))
    if kind == 'd':
        return ' '.join(DIG[int(c)] for c in s)
    if kind == 'c':
        a, b = s.split(',')
        return num(int(a)) + ' phẩy ' + frac_reading(b)
    if kind == 'p':
        a, b = s.split('.')
        return num(int(a)) + ' {phẩy|chấm} ' + frac_reading(b)
    if kind == 'v':
        parts = s.split('.')
        return ' chấm '.join(num(int(p)) if len(p) == 1 else '{' + num(int(p)) + '|' + ' '.join(DIG[int(c)] for c in p) + '}'
                             for p in parts)
    raise ValueError(kind)


# --- template expansion
def _seq(s, i):
    outs, lit = [''], ''
    while i < len(s) and s[i] not in '|}':
        if s[i] == '{':
            opts, i = _alt(s, i + 1)
            outs = [o + lit + p for o in outs for p in opts]
            lit = ''
        else:
            lit += s[i]
            i += 1
    return [o + lit for o in outs], i


def _alt(s, i):
    opts = []
    while True:
        seq, i = _seq(s, i)
        opts += seq
        if s[i] == '|':
            i += 1
            continue
        return opts, i + 1


def expand(tmpl):
    tmpl = re.sub(r'\[([ndcpv]):([^\]]+)\]', _marker, tmpl)
    keys = [k for k in GLOB if '<' + k + '>' in tmpl]
    outs = []
    for combo in itertools.product(*[GLOB[k] for k in keys]):
        t = tmpl
        for k, v in zip(keys, combo):
            t = t.replace('<' + k + '>', v)
        seqs, end = _seq(t, 0)
        assert end == len(t), 'unbalanced braces: ' + tmpl
        for o in seqs:
            lines = [re.sub(r' ([.,!?;:])', r'\1', re.sub(r' +', ' ', l).strip()) for l in o.split('\n')]
            for s in tone_forms('\n'.join(lines)):
                if s not in outs:
                    outs.append(s)
    return outs


def add(cid, cat, inp, tmpl, note=""):
    acc = expand(tmpl)
    for a in acc:
        assert not re.search(r'[\d<>\[\]{}|#@$%&+=°/]', a), (cid, a)
    case = {"id": cid, "category": cat, "input": inp, "accept": acc, "note": note}
    assert len(json.dumps(case, ensure_ascii=False)) < 60000, cid + ': accept list too long'
    cases.append(case)


CM = '<XE> ti mét'
MM = 'mi li mét'
ML = 'mi li lít'
M2 = 'mét vuông'
EUR = '{ơ rô|ê rô|euro}'
GBP = '{bảng anh|bảng}'
VNX = '{vn|vi en|vê nờ}'
WWW = '{vê kép vê kép vê kép|đắp liu đắp liu đắp liu|ba vê kép}'
AT = '{a còng|a móc}'
SL = '{gạch chéo|xuyệt}'
PAR = '{,|}'  # a comma in place of dropped parentheses or dash
MIN = '{âm|trừ}'
APPROX = '{xấp xỉ|xấp xỉ bằng|khoảng|tương đương|gần bằng}'
P84 = 'cộng {tám bốn|tám tư|tám mươi tư}'
X = '{nhân|x}'  # an x between dimensions
WC = '{wc|vê kép xê|vê xê|đắp liu xi}'
# single letters in model names: kept, or a Vietnamese or English letter name
LET = {'a': '{a|ây}', 'i': '{i|ai}', 'm': '{m|mờ|em|em mờ}', 'l': '{l|lờ|e lờ|eo}',
       't': '{t|tê|ti}', 'x': '{x|ích|ích xì}', 'y': '{y|i dài|i|oai}', 'z': '{z|dét|di}',
       'g': '{g|gờ|giê|gi}', 'b': '{b|bê|bi}', 's': '{s|ét|ét xì}'}
AB, MX, C, M = 'abbreviation', 'mixed', 'cardinal', 'measure'
SS, PU, R, RG = 'sentence_split', 'punctuation', 'roman', 'range'
DT, TM, O, SC = 'date', 'time', 'ordinal', 'score'
CU, PC, D, FR = 'currency', 'percent', 'decimal', 'fraction'
E, UN, U, P = 'english_mixed', 'unicode', 'url_email', 'phone'


def y(n):
    return '[n:%d]' % n


# --- weather forecasts
add('t-wx-01', RG, 'Hà Nội hôm nay 25-30°C, trời nắng.',
    'hà nội hôm nay [n:25] <D> [n:30] <DC>, trời nắng.')
add('t-wx-02', PC, 'Độ ẩm không khí 70-80%.', 'độ ẩm không khí [n:70] ' + PCT + '<D> [n:80] phần trăm.')
add('t-wx-03', C, 'Gió đông bắc cấp 6, giật cấp 8.', 'gió đông bắc cấp sáu, giật cấp tám.')
add('t-wx-04', M, 'Lượng mưa phổ biến 50-100mm.', 'lượng mưa phổ biến [n:50] <D> [n:100] ' + MM + '.')
add('t-wx-05', RG, 'Nhiệt độ thấp nhất 12-14 độ C.', 'nhiệt độ thấp nhất [n:12] <D> [n:14] độ {xê|c}.')
add('t-wx-06', M, 'Vùng núi cao có nơi dưới 3°C.', 'vùng núi cao có nơi dưới ba <DC>.')
add('t-wx-07', M, 'Sa Pa xuống -2°C, có băng giá.', 'sa pa xuống ' + MIN + ' hai <DC>, có băng giá.')
add('t-wx-08', RG, 'Bão số 3 mạnh cấp 12-13, giật cấp 15.',
    'bão số ba mạnh cấp [n:12] <D> [n:13], giật cấp [n:15].')
add('t-wx-09', D, 'Tâm bão ở khoảng 17,5 độ Vĩ Bắc; 112,3 độ Kinh Đông.',
    'tâm bão ở khoảng [c:17,5] độ vĩ bắc; [c:112,3] độ kinh đông.')
add('t-wx-10', M, 'Sức gió mạnh nhất 90-100 km/h.', 'sức gió mạnh nhất [n:90] <D> [n:100] ' + KM + ' ' + PER + ' giờ.')
add('t-wx-11', M, 'Bão di chuyển 15-20 km/h theo hướng Tây.',
    'bão di chuyển [n:15] <D> [n:20] ' + KM + ' ' + PER + ' giờ theo hướng tây.')
add('t-wx-12', M, 'Sóng biển cao 2-4m, biển động mạnh.', 'sóng biển cao hai <D> bốn mét, biển động mạnh.')
add('t-wx-13', M, 'Tầm nhìn xa dưới 1 km.', 'tầm nhìn xa dưới một ' + KM + '.')
add('t-wx-14', M, 'Mưa 20-40 mm, có nơi trên 70 mm.',
    'mưa [n:20] <D> [n:40] ' + MM + ', có nơi trên [n:70] ' + MM + '.')
add('t-wx-15', DT, 'Từ đêm 15/8 đến ngày 17/8, Bắc Bộ có mưa to.',
    'từ đêm ' + NG + '[n:15] tháng tám đến ngày [n:17] tháng tám, bắc bộ có mưa to.')
add('t-wx-16', M, 'Nhiệt độ cao nhất 35-37°C, có nơi trên 38°C.',
    'nhiệt độ cao nhất [n:35] <D> [n:37] <DC>, có nơi trên [n:38] <DC>.')
add('t-wx-17', AB, 'TP.HCM: 26-34°C, chiều tối có mưa rào.',
    'thành phố hồ chí minh: [n:26] <D> [n:34] <DC>, chiều tối có mưa rào.')
add('t-wx-18', PC, 'Độ ẩm 85%, gió nhẹ.', 'độ ẩm [n:85] phần trăm, gió nhẹ.')
add('t-wx-19', M, 'Mực nước sông Hồng lúc 7h đạt 9,5 m.', 'mực nước sông hồng lúc bảy giờ đạt [c:9,5] mét.')
add('t-wx-20', M, 'Lũ trên sông Cả lên mức 12,35m, trên báo động 3 là 0,35m.',
    'lũ trên sông cả lên mức [c:12,35] mét, trên báo động ba là [c:0,35] mét.')
add('t-wx-21', RG, 'Không khí lạnh tràn về, nhiệt độ giảm 5-7 độ.',
    'không khí lạnh tràn về, nhiệt độ giảm năm <D> bảy độ.')
add('t-wx-22', PU, 'Áp thấp nhiệt đới mạnh cấp 7 (50-61 km/h).',
    'áp thấp nhiệt đới mạnh cấp bảy' + PAR + ' [n:50] <D> [n:61] ' + KM + ' ' + PER + ' giờ.')
add('t-wx-23', TM, 'Lượng mưa 24h qua tại Huế là 250 mm.', 'lượng mưa [n:24] giờ qua tại huế là [n:250] ' + MM + '.')
add('t-wx-24', RG, 'Ngày mai trời rét, nhiệt độ 8-10°C.', 'ngày mai trời rét, nhiệt độ tám <D> mười <DC>.')
add('t-wx-25', UN, nfd('Nhiệt độ ngoài trời 27°C, độ ẩm 65%.'),
    'nhiệt độ ngoài trời [n:27] <DC>, độ ẩm [n:65] phần trăm.', 'NFD input')
add('t-wx-26', SS, 'Hôm nay Hà Nội 30°C. Ngày mai có mưa.', 'hôm nay hà nội [n:30] <DC>.\nngày mai có mưa.')
add('t-wx-27', UN, 'Nhiệt độ 28\u00a0°C.', 'nhiệt độ [n:28] <DC>.', 'NBSP before the unit')
add('t-wx-28', RG, 'Vùng biển có sóng cao 3-5 m, gió cấp 7-8.',
    'vùng biển có sóng cao ba <D> năm mét, gió cấp bảy <D> tám.')
add('t-wx-29', PC, 'Lượng mưa tháng 9 cao hơn 20-30% so với mọi năm.',
    'lượng mưa tháng chín cao hơn [n:20] ' + PCT + '<D> [n:30] phần trăm so với mọi năm.')
add('t-wx-30', RG, 'Nhiệt độ dao động 20 - 25 độ.', 'nhiệt độ dao động [n:20] <D> [n:25] độ.')
add('t-wx-31', M, 'Tâm bão cách Hoàng Sa khoảng 200km về phía Đông.',
    'tâm bão cách hoàng sa khoảng [n:200] ' + KM + ' về phía đông.')
add('t-wx-32', M, 'Rét đậm, rét hại với nhiệt độ dưới 10°C.', 'rét đậm, rét hại với nhiệt độ dưới mười <DC>.')
add('t-wx-33', UN, 'Ðà Lạt 15-23°C.', 'đà lạt [n:15] <D> [n:23] <DC>.', 'U+00D0')
add('t-wx-34', SS, 'Tham khảo tại thoitiet.vn. Cập nhật lúc 16h.',
    'tham khảo tại thoitiet chấm ' + VNX + '.\ncập nhật lúc [n:16] giờ.')

# --- real estate and classified ads
add('t-re-01', AB, 'Bán nhà 80m2, 3PN 2WC, giá 2,5 tỷ.',
    'bán nhà [n:80] ' + M2 + ', ba phòng ngủ hai ' + WC + ', giá [c:2,5] tỷ.')
add('t-re-02', CU, 'Cho thuê phòng trọ 25m2, giá 3,5tr/tháng.',
    'cho thuê phòng trọ [n:25] ' + M2 + ', giá [c:3,5] triệu ' + PER + ' tháng.')
add('t-re-03', M, 'Mặt tiền 5m, dài 20m, hẻm xe hơi.', 'mặt tiền năm mét, dài [n:20] mét, hẻm xe hơi.')
add('t-re-04', M, 'Đất nền 5x20m, giá 1,8 tỷ.', 'đất nền năm ' + X + ' [n:20] mét, giá [c:1,8] tỷ.')
add('t-re-05', M, 'Căn hộ 68 m², 2 phòng ngủ, tầng 12.', 'căn hộ [n:68] ' + M2 + ', hai phòng ngủ, tầng [n:12].')
add('t-re-06', CU, 'Giá thuê 15tr/tháng, cọc 2 tháng.', 'giá thuê [n:15] triệu ' + PER + ' tháng, cọc hai tháng.')
add('t-re-07', CU, 'Giá bán 45 triệu/m2.', 'giá bán [n:45] triệu ' + PER + ' ' + M2 + '.')
add('t-re-08', M, 'Nhà 1 trệt 2 lầu, diện tích sàn 150m2.', 'nhà một trệt hai lầu, diện tích sàn [n:150] ' + M2 + '.')
add('t-re-09', M, 'Cách chợ 500m, cách trường học 300m.', 'cách chợ [n:500] mét, cách trường học [n:300] mét.')
add('t-re-10', M, 'Lô đất 120m² giá 3,6 tỷ đồng.', 'lô đất [n:120] ' + M2 + ' giá [c:3,6] tỷ đồng.')
add('t-re-11', CU, 'Giá chỉ từ 35tr/m2.', 'giá chỉ từ [n:35] triệu ' + PER + ' ' + M2 + '.')
add('t-re-12', AB, 'Biệt thự 300m2 tại Q.2, giá 25 tỷ.', 'biệt thự [n:300] ' + M2 + ' tại quận hai, giá [n:25] tỷ.')
add('t-re-13', RG, 'Cho thuê văn phòng 100-200m2 tại Q.1.',
    'cho thuê văn phòng [n:100] <D> [n:200] ' + M2 + ' tại quận một.')
add('t-re-14', M, 'Nhà hẻm 4m, 4x15m, sổ hồng riêng.', 'nhà hẻm bốn mét, bốn ' + X + ' [n:15] mét, sổ hồng riêng.')
add('t-re-15', AB, 'Bán gấp căn hộ 2PN, giá 2,15 tỷ.', 'bán gấp căn hộ hai phòng ngủ, giá [c:2,15] tỷ.')
add('t-re-16', AB, 'LH: 0909 123 456 (chính chủ).',
    'liên hệ: [d:0909]<C> [d:123]<C> [d:456]' + PAR + ' chính chủ.')
add('t-re-17', M, 'Diện tích 5 x 18 m, hướng Đông Nam.', 'diện tích năm ' + X + ' [n:18] mét, hướng đông nam.')
add('t-re-18', PU, 'Giá 4,2 tỷ (có thương lượng).', 'giá [c:4,2] tỷ' + PAR + ' có thương lượng.')
add('t-re-19', CU, 'Phí quản lý 12.000đ/m2/tháng.',
    'phí quản lý [n:12000] đồng ' + PER + ' ' + M2 + ' ' + PER + ' tháng.')
add('t-re-20', M, 'Nhà 3 tầng, mỗi tầng 60m2.', 'nhà ba tầng, mỗi tầng [n:60] ' + M2 + '.')
add('t-re-21', C, 'Căn góc 2 mặt tiền, giá 12 tỷ 500 triệu.', 'căn góc hai mặt tiền, giá [n:12] tỷ [n:500] triệu.')
add('t-re-22', M, 'Đất thổ cư 1.000m2 ở Long An.', 'đất thổ cư [n:1000] ' + M2 + ' ở long an.')
add('t-re-23', CU, 'Cọc 50tr, thanh toán 30% khi ký hợp đồng.',
    'cọc [n:50] triệu, thanh toán [n:30] phần trăm khi ký hợp đồng.')
add('t-re-24', AB, 'Căn hộ 3PN rộng 95m2 giá 4,5 tỷ.', 'căn hộ ba phòng ngủ rộng [n:95] ' + M2 + ' giá [c:4,5] tỷ.')
add('t-re-25', SS, 'Bán nhà Q.7, 100m2. Giá 8 tỷ.', 'bán nhà quận bảy, [n:100] ' + M2 + '.\ngiá tám tỷ.')
add('t-re-26', M, 'Hẻm rộng 3,5m, cách mặt tiền 50m.', 'hẻm rộng [c:3,5] mét, cách mặt tiền [n:50] mét.')
add('t-re-27', CU, 'Giá thuê: 8 - 10 triệu/tháng.', 'giá thuê: tám <D> mười triệu ' + PER + ' tháng.')
add('t-re-28', UN, 'Diện tích\u00a0100\u00a0m2, giá\u00a03\u00a0tỷ.', 'diện tích [n:100] ' + M2 + ', giá ba tỷ.', 'NBSP')

# --- recipes
add('t-rc-01', C, 'Cho 2 muỗng canh nước mắm.', 'cho hai muỗng canh nước mắm.')
add('t-rc-02', FR, 'Thêm 1/2 chén đường.', 'thêm một phần hai chén đường.')
add('t-rc-03', M, 'Chuẩn bị 200g thịt ba chỉ.', 'chuẩn bị [n:200] gam thịt ba chỉ.')
add('t-rc-04', RG, 'Nướng ở 180 độ C trong 30-40 phút.',
    'nướng ở [n:180] độ {xê|c} trong [n:30] <D> [n:40] phút.')
add('t-rc-05', M, 'Làm nóng lò ở 200°C khoảng 10 phút.', 'làm nóng lò ở [n:200] <DC> khoảng mười phút.')
add('t-rc-06', RG, 'Ninh xương 2-3 tiếng cho nước ngọt.', 'ninh xương hai <D> ba tiếng cho nước ngọt.')
add('t-rc-07', M, 'Pha 1 thìa cà phê muối với 500ml nước.', 'pha một thìa cà phê muối với [n:500] ' + ML + ' nước.')
add('t-rc-08', M, 'Dùng 1,5 kg bột mì.', 'dùng [c:1,5] ' + KG + ' bột mì.')
add('t-rc-09', M, 'Đun sôi 2 lít nước, thả 300 g bún vào.', 'đun sôi hai lít nước, thả [n:300] gam bún vào.')
add('t-rc-10', FR, 'Ướp thịt với 1/4 thìa tiêu.', 'ướp thịt với một phần {tư|bốn} thìa tiêu.')
add('t-rc-11', RG, 'Cho 3-4 tép tỏi băm.', 'cho ba <D> bốn tép tỏi băm.')
add('t-rc-12', RG, 'Hấp cách thủy 15-20 phút.', 'hấp cách thủy [n:15] <D> [n:20] phút.')
add('t-rc-13', C, 'Khẩu phần cho 4 người.', 'khẩu phần cho bốn người.')
add('t-rc-14', RG, 'Nhiệt độ dầu khoảng 170-180°C.', 'nhiệt độ dầu khoảng [n:170] <D> [n:180] <DC>.')
add('t-rc-15', M, 'Trộn 100 g đường với 2 quả trứng.', 'trộn [n:100] gam đường với hai quả trứng.')
add('t-rc-16', RG, 'Để tủ lạnh 4-6 tiếng hoặc qua đêm.', 'để tủ lạnh bốn <D> sáu tiếng hoặc qua đêm.')
add('t-rc-17', M, 'Thêm 50ml sữa tươi và 1 muỗng cà phê vani.',
    'thêm [n:50] ' + ML + ' sữa tươi và một muỗng cà phê vani.')
add('t-rc-18', M, 'Nguyên liệu: 500g bò, 1 củ hành, 2 quả cà chua.',
    'nguyên liệu: [n:500] gam bò, một củ hành, hai quả cà chua.')
add('t-rc-19', C, 'Chiên ở lửa vừa 5 phút mỗi mặt.', 'chiên ở lửa vừa năm phút mỗi mặt.')
add('t-rc-20', FR, 'Cho ¼ chén nước cốt dừa.', 'cho một phần {tư|bốn} chén nước cốt dừa.')
add('t-rc-21', M, 'Bánh nặng khoảng 1,2kg sau khi nướng.', 'bánh nặng khoảng [c:1,2] ' + KG + ' sau khi nướng.')
add('t-rc-22', PU, 'Lưu ý: không mở lò trong 15 phút đầu!', 'lưu ý: không mở lò trong [n:15] phút đầu!')
add('t-rc-23', PU, '1 thìa canh (15ml) dầu ăn.', 'một thìa canh' + PAR + ' [n:15] ' + ML + PAR + ' dầu ăn.')
add('t-rc-24', C, 'Rang lạc ở 160 độ trong 12 phút.', 'rang lạc ở [n:160] độ trong [n:12] phút.')
add('t-rc-25', SS, 'Luộc gà 25 phút. Ngâm nước đá 5 phút!', 'luộc gà [n:25] phút.\nngâm nước đá năm phút!')
add('t-rc-26', FR, 'Dùng 1/3 chén giấm và 2/3 chén nước.', 'dùng một phần ba chén giấm và hai phần ba chén nước.')
add('t-rc-27', M, 'Mỗi 100g gạo lứt có khoảng 110 kcal.',
    'mỗi [n:100] gam gạo lứt có khoảng [n:110] {<KI> lô ca lo|kcal}.')

# --- e-commerce
add('t-ec-01', PC, 'Giảm 50% cho đơn đầu tiên.', 'giảm [n:50] phần trăm cho đơn đầu tiên.')
add('t-ec-02', PC, 'Áo thun -30% chỉ hôm nay.', 'áo thun ' + MIN + ' [n:30] phần trăm chỉ hôm nay.')
add('t-ec-03', E, 'Còn size M và size L.', 'còn size ' + LET['m'] + ' và size ' + LET['l'] + '.')
add('t-ec-04', C, 'Mua 2 cái tặng 1 cái.', 'mua hai cái tặng một cái.')
add('t-ec-05', CU, 'Freeship cho đơn từ 99k.', 'freeship cho đơn từ [n:99] ' + K1 + '.')
add('t-ec-06', CU, 'Giá gốc 1.299.000đ, giá sale 999.000đ.',
    'giá gốc [n:1299000] đồng, giá sale [n:999000] đồng.')
add('t-ec-07', CU, 'Nhập mã giảm giá để được giảm thêm 20k.', 'nhập mã giảm giá để được giảm thêm [n:20] ' + K1 + '.')
add('t-ec-08', TM, 'Flash sale từ 0h đến 2h.', 'flash sale từ không giờ đến hai giờ.')
add('t-ec-09', C, 'Đã bán 1,2k sản phẩm.', 'đã bán [c:1,2] ' + K1 + ' sản phẩm.')
add('t-ec-10', FR, 'Đánh giá 4,8/5 sao.', 'đánh giá [c:4,8] {phần|trên} năm sao.')
add('t-ec-11', PU, 'Tiết kiệm 200.000đ (-20%).', 'tiết kiệm [n:200000] đồng' + PAR + ' ' + MIN + ' [n:20] phần trăm.')
add('t-ec-12', CU, 'Combo 3 hộp chỉ 199.000₫.', 'combo ba hộp chỉ [n:199000] đồng.')
add('t-ec-13', CU, 'Giá chỉ 1tr8, bảo hành 12 tháng.',
    'giá chỉ một triệu {tám trăm <N>|tám}, bảo hành [n:12] tháng.')
add('t-ec-14', CU, 'Voucher 50k cho khách mới.', 'voucher [n:50] ' + K1 + ' cho khách mới.')
add('t-ec-15', PC, 'Hoàn tiền 10% tối đa 100k.', 'hoàn tiền mười phần trăm tối đa [n:100] ' + K1 + '.')
add('t-ec-16', C, 'Giày size 42, màu đen.', 'giày size [n:42], màu đen.')
add('t-ec-17', PC, 'Giảm sâu đến 70%, số lượng có hạn!', 'giảm sâu đến [n:70] phần trăm, số lượng có hạn!')
add('t-ec-18', CU, 'Tai nghe giá 590k, mua 2 giảm 10%.',
    'tai nghe giá [n:590] ' + K1 + ', mua hai giảm mười phần trăm.')
add('t-ec-19', CU, 'Giao hàng toàn quốc, phí ship 30k.', 'giao hàng toàn quốc, phí ship [n:30] ' + K1 + '.')
add('t-ec-20', CU, 'Đơn hàng 2 sản phẩm, tổng 1.580.000 đ.', 'đơn hàng hai sản phẩm, tổng [n:1580000] đồng.')
add('t-ec-21', C, 'Chỉ còn 3 sản phẩm trong kho.', 'chỉ còn ba sản phẩm trong kho.')
add('t-ec-22', CU, 'Giá 249.000đ/bộ, mua 3 bộ tặng 1.',
    'giá [n:249000] đồng ' + PER + ' bộ, mua ba bộ tặng một.')
add('t-ec-23', CU, 'Đồng hồ chính hãng giá $199.', 'đồng hồ chính hãng giá [n:199] ' + DOL + '.')
add('t-ec-24', CU, 'Giảm giá 15%, còn 850k.', 'giảm giá [n:15] phần trăm, còn [n:850] ' + K1 + '.')
add('t-ec-25', PC, 'Túi xách -50% chỉ còn 450.000đ.', 'túi xách ' + MIN + ' [n:50] phần trăm chỉ còn [n:450000] đồng.')
add('t-ec-26', DT, 'Mua 2 tặng 1, áp dụng đến 31/12.', 'mua hai tặng một, áp dụng đến ' + NG + '[n:31] tháng mười hai.')
add('t-ec-27', CU, 'Tặng voucher 100.000 VNĐ.', 'tặng voucher [n:100000] ' + VND + '.')
add('t-ec-28', M, 'Sạc dự phòng 10.000mAh giá 299k.',
    'sạc dự phòng [n:10000] mi li {am pe|am be} giờ giá [n:299] ' + K1 + '.')
add('t-ec-29', PU, '🔥 Deal sốc: 9k/ly trà sữa!', 'deal sốc: chín ' + K1 + ' ' + PER + ' ly trà sữa!')
add('t-ec-30', CU, 'Miễn phí vận chuyển cho đơn trên 500.000đ.', 'miễn phí vận chuyển cho đơn trên [n:500000] đồng.')
add('t-ec-31', PU, 'Giá chỉ 99k… mua ngay!', 'giá chỉ [n:99] ' + K1 + ELL + ' mua ngay!')
add('t-ec-32', UN, nfd('Giảm giá 30% cho khách hàng mới.'), 'giảm giá [n:30] phần trăm cho khách hàng mới.', 'NFD')
add('t-ec-33', UN, 'Giá\u00a01.299.000\u00a0₫', 'giá [n:1299000] đồng', 'NBSP around the amount')
add('t-ec-34', SS, 'Giảm 50%. Chỉ hôm nay!', 'giảm [n:50] phần trăm.\nchỉ hôm nay!')
add('t-ec-35', CU, 'Áo khoác giá 1.250.000 VND.', 'áo khoác giá [n:1250000] ' + VND + '.')

# --- history
add('t-hi-01', C, 'Năm 1010, Lý Thái Tổ dời đô về Thăng Long.', 'năm ' + y(1010) + ', lý thái tổ dời đô về thăng long.')
add('t-hi-02', R, 'Thế kỷ thứ X đánh dấu nền độc lập.', 'thế kỷ thứ mười đánh dấu nền độc lập.')
add('t-hi-03', AB, 'Năm 208 TCN, Triệu Đà lập nước Nam Việt.',
    'năm ' + y(208) + ' trước công nguyên, triệu đà lập nước nam việt.')
add('t-hi-04', RG, 'Kháng chiến chống Pháp 1945-1954.', 'kháng chiến chống pháp ' + y(1945) + ' <D> ' + y(1954) + '.')
add('t-hi-05', C, 'Triều Lý tồn tại hơn 200 năm.', 'triều lý tồn tại hơn [n:200] năm.')
add('t-hi-06', C, 'Trận Bạch Đằng năm 1288 đại thắng quân Nguyên.',
    'trận bạch đằng năm ' + y(1288) + ' đại thắng quân nguyên.')
add('t-hi-07', PU, 'Nhà Trần (1225-1400) ba lần đánh thắng quân Mông Nguyên.',
    'nhà trần' + PAR + ' ' + y(1225) + ' <D> ' + y(1400) + PAR + ' ba lần đánh thắng quân mông nguyên.')
add('t-hi-08', C, 'Hai Bà Trưng khởi nghĩa năm 40.', 'hai bà trưng khởi nghĩa năm bốn mươi.')
add('t-hi-09', R, 'Thế kỷ thứ I, nước ta bị nhà Hán đô hộ.', 'thế kỷ thứ nhất, nước ta bị nhà hán đô hộ.')
add('t-hi-10', R, 'Vào thế kỷ XVII-XVIII, Đàng Trong phát triển.',
    'vào thế kỷ mười bảy <D> mười tám, đàng trong phát triển.')
add('t-hi-11', C, 'Chiến dịch Điện Biên Phủ kéo dài 56 ngày đêm.', 'chiến dịch điện biên phủ kéo dài [n:56] ngày đêm.')
add('t-hi-12', C, 'Năm 1802, Nguyễn Ánh lên ngôi, lấy niên hiệu Gia Long.',
    'năm ' + y(1802) + ', nguyễn ánh lên ngôi, lấy niên hiệu gia long.')
add('t-hi-13', R, 'Chiến tranh thế giới thứ I kết thúc năm 1918.',
    'chiến tranh thế giới thứ nhất kết thúc năm ' + y(1918) + '.')
add('t-hi-14', C, 'Văn Miếu được xây dựng năm 1070.', 'văn miếu được xây dựng năm ' + y(1070) + '.')
add('t-hi-15', C, 'Ngô Quyền xưng vương năm 939.', 'ngô quyền xưng vương năm ' + y(939) + '.')
add('t-hi-16', R, 'Thế kỷ II TCN, văn hóa Đông Sơn phát triển.',
    'thế kỷ hai trước công nguyên, văn hóa đông sơn phát triển.')
add('t-hi-17', PU, 'Nhà Hồ chỉ tồn tại 7 năm (1400–1407).',
    'nhà hồ chỉ tồn tại bảy năm' + PAR + ' ' + y(1400) + ' <D> ' + y(1407) + '.')
add('t-hi-18', DT, 'Hiệp định Paris ký ngày 27/1/1973.', 'hiệp định paris ký ngày [n:27] tháng một năm ' + y(1973) + '.')
add('t-hi-19', PU, 'Khởi nghĩa Lam Sơn kéo dài 10 năm (1418-1427).',
    'khởi nghĩa lam sơn kéo dài mười năm' + PAR + ' ' + y(1418) + ' <D> ' + y(1427) + '.')
add('t-hi-20', C, 'Thời kỳ Bắc thuộc kéo dài hơn 1.000 năm.', 'thời kỳ bắc thuộc kéo dài hơn [n:1000] năm.')
add('t-hi-21', R, 'Đại hội VI năm 1986 mở ra công cuộc Đổi mới.',
    'đại hội sáu năm ' + y(1986) + ' mở ra công cuộc đổi mới.')
add('t-hi-22', C, 'Vua Minh Mạng trị vì từ năm 1820 đến năm 1841.',
    'vua minh mạng trị vì từ năm ' + y(1820) + ' đến năm ' + y(1841) + '.')
add('t-hi-23', AB, 'Khoảng năm 2879 TCN, nhà nước Văn Lang ra đời.',
    'khoảng năm ' + y(2879) + ' trước công nguyên, nhà nước văn lang ra đời.')
add('t-hi-24', R, 'Thế kỉ XV, Lê Thánh Tông ban hành luật Hồng Đức.',
    'thế kỉ mười lăm, lê thánh tông ban hành luật hồng đức.')
add('t-hi-25', SS, 'Năm 1945, nước ta giành độc lập. Năm 1975, đất nước thống nhất.',
    'năm ' + y(1945) + ', nước ta giành độc lập.\nnăm ' + y(1975) + ', đất nước thống nhất.')
add('t-hi-26', DT, 'Chiến thắng Điện Biên Phủ ngày 7/5/1954.', 'chiến thắng điện biên phủ ngày bảy tháng năm năm ' + y(1954) + '.')
add('t-hi-27', RG, 'Trong các năm 1930-1931, phong trào Xô Viết Nghệ Tĩnh bùng nổ.',
    'trong các năm ' + y(1930) + ' <D> ' + y(1931) + ', phong trào xô viết nghệ tĩnh bùng nổ.')
add('t-hi-28', R, 'Lê Lợi lên ngôi, mở đầu triều Hậu Lê thế kỷ XV.',
    'lê lợi lên ngôi, mở đầu triều hậu lê thế kỷ mười lăm.')
add('t-hi-29', C, 'Thành cổ Loa được xây từ thế kỷ 3 TCN.', 'thành cổ loa được xây từ thế kỷ ba trước công nguyên.')
add('t-hi-30', R, 'Vua Bảo Đại là vị vua thứ XIII của nhà Nguyễn.', 'vua bảo đại là vị vua thứ mười ba của nhà nguyễn.')

# --- science and school
add('t-sc-01', E, 'Công thức hóa học của nước là H2O.',
    'công thức hóa học của nước là {h|hát|hờ|ét} hai {o|ô|âu}.')
add('t-sc-02', E, 'Cây xanh hấp thụ khí CO2.', 'cây xanh hấp thụ khí {co|xê o|xê ô|cê ô|xi âu|xi ô} hai.')
add('t-sc-03', D, 'Lấy giá trị pi bằng 3,1416.', 'lấy giá trị pi bằng ba phẩy một bốn một sáu.')
add('t-sc-04', MX, 'Giải phương trình: x + 3 = 7.', 'giải phương trình: ' + LET['x'] + ' cộng ba bằng bảy.')
add('t-sc-05', MX, 'Ta có x = 2 và y = 5.', 'ta có ' + LET['x'] + ' bằng hai và ' + LET['y'] + ' bằng năm.')
add('t-sc-06', MX, 'Biết rằng 2 + 3 = 5.', 'biết rằng hai cộng ba bằng năm.')
add('t-sc-07', MX, 'Vì 7 > 5 nên a > b.', 'vì bảy lớn hơn năm nên a lớn hơn ' + LET['b'] + '.')
add('t-sc-08', MX, 'Nếu x < 0 thì hàm số nghịch biến.', 'nếu ' + LET['x'] + ' nhỏ hơn không thì hàm số nghịch biến.')
add('t-sc-09', MX, 'Tính 3 x 4 = 12.', 'tính ba ' + X + ' bốn bằng mười hai.')
add('t-sc-10', FR, '1/3 lớp đạt loại giỏi.', 'một phần ba lớp đạt loại giỏi.')
add('t-sc-11', PC, 'Có 25% học sinh đạt điểm 10.', 'có [n:25] phần trăm học sinh đạt điểm mười.')
add('t-sc-12', M, 'Nước sôi ở 100°C.', 'nước sôi ở [n:100] <DC>.')
add('t-sc-13', M, 'Vận tốc ánh sáng khoảng 300.000 km/s.',
    'vận tốc ánh sáng khoảng [n:300000] ' + KM + ' ' + PER + ' giây.')
add('t-sc-14', M, 'Trái Đất cách Mặt Trời khoảng 150 triệu km.',
    'trái đất cách mặt trời khoảng [n:150] triệu ' + KM + '.')
add('t-sc-15', M, 'Góc vuông bằng 90°.', 'góc vuông bằng [n:90] độ.')
add('t-sc-16', MX, 'Gia tốc trọng trường g ≈ 9,8.', 'gia tốc trọng trường ' + LET['g'] + ' ' + APPROX + ' [c:9,8].')
add('t-sc-17', D, 'Kết quả là 0,75.', 'kết quả là [c:0,75].')
add('t-sc-18', PU, 'Bài 3 (2 điểm): Tính diện tích hình chữ nhật 5 x 8 cm.',
    'bài ba' + PAR + ' hai điểm: tính diện tích hình chữ nhật năm ' + X + ' tám ' + CM + '.')
add('t-sc-19', FR, 'Điểm thi môn Lý 9,5/10.', 'điểm thi môn lý [c:9,5] {phần|trên} mười.')
add('t-sc-20', MX, 'Lớp 11A2 có 42 học sinh.', 'lớp mười một a hai có [n:42] học sinh.')
add('t-sc-21', C, 'Phương trình có 2 nghiệm phân biệt.', 'phương trình có hai nghiệm phân biệt.')
add('t-sc-22', M, 'Khối lượng riêng của nước là 1.000 kg/m3.',
    'khối lượng riêng của nước là [n:1000] ' + KG + ' ' + PER + ' mét khối.')
add('t-sc-23', C, 'Đề thi gồm 40 câu, thời gian 50 phút.', 'đề thi gồm [n:40] câu, thời gian [n:50] phút.')
add('t-sc-24', M, 'Nhiệt độ nóng chảy của sắt là 1.538°C.', 'nhiệt độ nóng chảy của sắt là [n:1538] <DC>.')
add('t-sc-25', C, 'Học sinh lớp 1 đến lớp 5 được miễn học phí.', 'học sinh lớp một đến lớp năm được miễn học phí.')
add('t-sc-26', PC, 'Tỷ lệ đỗ tốt nghiệp THPT đạt 99,4%.',
    'tỷ lệ đỗ tốt nghiệp trung học phổ thông đạt [c:99,4] phần trăm.')
add('t-sc-27', C, 'Căn bậc hai của 16 là 4.', 'căn bậc hai của [n:16] là bốn.')
add('t-sc-28', PC, '5% của 200 là 10.', 'năm phần trăm của [n:200] là mười.')
add('t-sc-29', PC, 'Khoảng 70% bề mặt Trái Đất là nước.', 'khoảng [n:70] phần trăm bề mặt trái đất là nước.')
add('t-sc-30', M, 'Chu vi hình vuông cạnh 4 cm là 16 cm.', 'chu vi hình vuông cạnh bốn ' + CM + ' là [n:16] ' + CM + '.')
add('t-sc-31', MX, 'Ta có 10 + 15 = 25.', 'ta có mười cộng [n:15] bằng [n:25].')
add('t-sc-32', SS, 'Đáp án là 12,5. Em làm đúng rồi!', 'đáp án là [c:12,5].\nem làm đúng rồi!')

# --- time ranges and schedules
add('t-tr-01', TM, 'Giờ mở cửa 6h-8h và 17h-19h.',
    'giờ mở cửa sáu giờ <D> tám giờ và [n:17] giờ <D> [n:19] giờ.')
add('t-tr-02', TM, 'Làm việc 7:30–11:30 buổi sáng.',
    'làm việc bảy giờ [n:30]' + PH + ' <D> [n:11] giờ [n:30]' + PH + ' buổi sáng.')
add('t-tr-03', AB, 'Lịch làm việc T2 - T6.', 'lịch làm việc thứ hai <D> thứ sáu.')
add('t-tr-04', TM, 'Bắt đầu lúc 6h sáng.', 'bắt đầu lúc sáu giờ sáng.')
add('t-tr-05', TM, 'Chương trình phát sóng lúc 20h tối thứ 7.', 'chương trình phát sóng lúc [n:20] giờ tối thứ bảy.')
add('t-tr-06', TM, 'Ca đêm từ 22h đến 6h sáng hôm sau.', 'ca đêm từ [n:22] giờ đến sáu giờ sáng hôm sau.')
add('t-tr-07', TM, 'Thứ 2-Thứ 6: 8h-17h30.',
    'thứ hai <D> thứ sáu: tám giờ <D> [n:17] giờ [n:30]' + PH + '.')
add('t-tr-08', TM, 'Nghỉ trưa 11h30-13h.', 'nghỉ trưa [n:11] giờ [n:30]' + PH + ' <D> [n:13] giờ.')
add('t-tr-09', TM, 'Mở cửa từ 9:00 đến 21:30 hằng ngày.',
    'mở cửa từ chín giờ đến [n:21] giờ [n:30]' + PH + ' hằng ngày.')
add('t-tr-10', TM, 'Hạn chót 23h59 ngày 30/6.', 'hạn chót [n:23] giờ [n:59]' + PH + ' ngày [n:30] tháng sáu.')
add('t-tr-11', TM, 'Xe chạy lúc 5h15, 7h45 và 9h.',
    'xe chạy lúc năm giờ [n:15]' + PH + ', bảy giờ [n:45]' + PH + ' và chín giờ.')
add('t-tr-12', PU, 'Thời gian học: T3, T5, T7 (18h-20h).',
    'thời gian học: thứ ba, thứ năm, thứ bảy' + PAR + ' [n:18] giờ <D> [n:20] giờ.')
add('t-tr-13', TM, 'Siêu thị mở cửa 7h-22h, kể cả CN.', 'siêu thị mở cửa bảy giờ <D> [n:22] giờ, kể cả chủ nhật.')
add('t-tr-14', TM, 'Sáng: 7h30 - 11h30; chiều: 13h30 - 17h.',
    'sáng: bảy giờ [n:30]' + PH + ' <D> [n:11] giờ [n:30]' + PH + '; chiều: [n:13] giờ [n:30]' + PH
    + ' <D> [n:17] giờ.')
add('t-tr-15', TM, 'Khám bệnh từ 1h30 chiều.', 'khám bệnh từ một giờ [n:30]' + PH + ' chiều.')
add('t-tr-16', TM, 'Tiệc bắt đầu lúc 18h30 thứ 6 ngày 15/11.',
    'tiệc bắt đầu lúc [n:18] giờ [n:30]' + PH + ' thứ sáu ngày [n:15] tháng mười một.')
add('t-tr-17', TM, 'Phiên chợ họp từ 4h đến 9h sáng.', 'phiên chợ họp từ bốn giờ đến chín giờ sáng.')
add('t-tr-18', TM, 'Giờ cao điểm 16:30-19:00.', 'giờ cao điểm [n:16] giờ [n:30]' + PH + ' <D> [n:19] giờ.')
add('t-tr-19', TM, 'Lúc 12h trưa, trời rất nắng.', 'lúc [n:12] giờ trưa, trời rất nắng.')
add('t-tr-20', TM, 'Đúng 0h ngày 1/1/2025, pháo hoa được bắn.',
    'đúng không giờ ngày một tháng một năm ' + y(2025) + ', pháo hoa được bắn.')
add('t-tr-21', O, 'Làm việc từ thứ 2 đến thứ 7.', 'làm việc từ thứ hai đến thứ bảy.')
add('t-tr-22', TM, 'Phim chiếu các suất 19:45 và 21:30.',
    'phim chiếu các suất [n:19] giờ [n:45]' + PH + ' và [n:21] giờ [n:30]' + PH + '.')
add('t-tr-23', TM, 'Hội nghị diễn ra từ 8h00 đến 11h00.', 'hội nghị diễn ra từ tám giờ đến [n:11] giờ.')
add('t-tr-24', RG, 'Xe buýt chạy 15-20 phút một chuyến.', 'xe buýt chạy [n:15] <D> [n:20] phút một chuyến.')
add('t-tr-25', SS, 'Họp lúc 8h30. Nghỉ lúc 11h!', 'họp lúc tám giờ [n:30]' + PH + '.\nnghỉ lúc [n:11] giờ!')
add('t-tr-26', TM, 'Trực tuyến từ 19h30-21h tối nay.',
    'trực tuyến từ [n:19] giờ [n:30]' + PH + ' <D> [n:21] giờ tối nay.')
add('t-tr-27', AB, 'Mở cửa T2-CN, 8h-20h.', 'mở cửa thứ hai <D> chủ nhật, tám giờ <D> [n:20] giờ.')
add('t-tr-28', TM, 'Lịch tiêm: 7h30 sáng thứ 4 hằng tuần.',
    'lịch tiêm: bảy giờ [n:30]' + PH + ' sáng thứ tư hằng tuần.')

# --- phone and contact formats
add('t-ph-01', P, 'Liên hệ +84 903 123 456.',
    'liên hệ ' + P84 + '<C> [d:903]<C> [d:123]<C> [d:456].')
add('t-ph-02', P, 'Hotline: 0987.654.321.', 'hotline: [d:0987]<C> [d:654]<C> [d:321].')
add('t-ph-03', P, 'Tổng đài 1900 5454 hỗ trợ khách hàng.', 'tổng đài [d:1900]<C> [d:5454] hỗ trợ khách hàng.')
add('t-ph-04', U, 'Email: lienhe@congty.vn', 'email: lienhe ' + AT + ' congty chấm ' + VNX)
add('t-ph-05', U, 'Website: www.thegioididong.com', 'website: ' + WWW + ' chấm thegioididong chấm com')
add('t-ph-06', PU, 'Theo dõi #VietNam để cập nhật.', 'theo dõi {|hashtag |thăng }vietnam để cập nhật.')
add('t-ph-07', U, 'Cảm ơn @minhanh đã chia sẻ.', 'cảm ơn {a còng |a móc |}minhanh đã chia sẻ.')
add('t-ph-08', P, 'Gọi 0243 826 1234 (giờ hành chính).',
    'gọi [d:0243]<C> [d:826]<C> [d:1234]' + PAR + ' giờ hành chính.')
add('t-ph-09', P, 'SĐT: 0912345678 - anh Tuấn.', 'số điện thoại: [d:0912345678]' + PAR + ' anh tuấn.')
add('t-ph-10', P, 'Điện thoại: (028) 3930 1234.', 'điện thoại: [d:028]{,|} [d:3930]<C> [d:1234].')
add('t-ph-11', P, 'Gọi ngay 1800 1567 (miễn phí).', 'gọi ngay [d:1800]<C> [d:1567]' + PAR + ' miễn phí.')
add('t-ph-12', P, 'Hotline: 0909 123 456 - 0912 345 678.',
    'hotline: [d:0909]<C> [d:123]<C> [d:456]' + PAR + ' [d:0912]<C> [d:345]<C> [d:678].')
add('t-ph-13', P, 'Số tổng đài 18001090.', 'số tổng đài [d:18001090].')
add('t-ph-14', P, 'Báo mất thẻ gọi 1900 545 413.', 'báo mất thẻ gọi [d:1900]<C> [d:545]<C> [d:413].')
add('t-ph-15', U, 'Fanpage: facebook.com/vinamilk', 'fanpage: facebook chấm com ' + SL + ' vinamilk')
add('t-ph-16', U, 'Gửi hồ sơ về tuyendung@vinamilk.com.vn trước 30/6.',
    'gửi hồ sơ về tuyendung ' + AT + ' vinamilk chấm com chấm ' + VNX + ' trước ' + NG + '[n:30] tháng sáu.')
add('t-ph-17', P, 'Zalo: 0936 888 999.', 'zalo: [d:0936]<C> [d:888]<C> [d:999].')
add('t-ph-18', P, 'Đường dây nóng: 1022.', 'đường dây nóng: [d:1022].')
add('t-ph-19', U, 'Liên hệ chị Lan 0978.123.456 hoặc email lan.nguyen@gmail.com.',
    'liên hệ chị lan [d:0978]<C> [d:123]<C> [d:456] hoặc email lan chấm nguyen ' + AT + ' gmail chấm com.')
add('t-ph-20', P, 'Đặt hàng qua số 0868.999.888 hoặc inbox fanpage.',
    'đặt hàng qua số [d:0868]<C> [d:999]<C> [d:888] hoặc inbox fanpage.')
add('t-ph-21', P, 'Gọi (+84) 24 3936 4567.', 'gọi ' + P84 + '{,|} [d:24]<C> [d:3936]<C> [d:4567].')
add('t-ph-22', U, 'Email hỗ trợ: support@tiki.vn; hotline: 1900 6035.',
    'email hỗ trợ: support ' + AT + ' tiki chấm ' + VNX + '; hotline: [d:1900]<C> [d:6035].')
add('t-ph-23', P, 'Số tài khoản 19036789012345 tại Techcombank.', 'số tài khoản [d:19036789012345] tại techcombank.')
add('t-ph-24', C, 'Mã PIN mặc định là 0000.', 'mã pin mặc định là [d:0000].')
add('t-ph-25', SS, 'Gọi 1900 6789. Chúng tôi luôn sẵn sàng.',
    'gọi [d:1900]<C> [d:6789].\nchúng tôi luôn sẵn sàng.')
add('t-ph-26', UN, 'Hotline:\u200b0912\u00a0345\u00a0678', 'hotline: [d:0912]<C> [d:345]<C> [d:678]', 'ZWSP, NBSP')
add('t-ph-27', P, 'Gọi +84912345678 để đặt bàn.', 'gọi ' + P84 + '<C> [d:912345678] để đặt bàn.')
add('t-ph-28', AB, 'Số CCCD: 001099012345.', 'số căn cước công dân: [d:001099012345].')

# --- ordinals and counts
add('t-or-01', O, 'Đây là lần thứ 2 tôi đến Đà Lạt.', 'đây là lần thứ hai tôi đến đà lạt.')
add('t-or-02', C, 'Lọt top 10 thế giới.', 'lọt top mười thế giới.')
add('t-or-03', O, 'Cô về thứ nhất, anh về thứ 3.', 'cô về thứ nhất, anh về thứ ba.')
add('t-or-04', C, 'Đội xếp hạng 3 chung cuộc.', 'đội xếp hạng ba chung cuộc.')
add('t-or-05', C, 'Top 5 điện thoại bán chạy nhất.', 'top năm điện thoại bán chạy nhất.')
add('t-or-06', O, 'Vị trí thứ 4 thuộc về Thái Lan.', 'vị trí thứ tư thuộc về thái lan.')
add('t-or-07', O, 'Anh xếp thứ 21 trong số 100 thí sinh.', 'anh xếp thứ [n:21] trong số [n:100] thí sinh.')
add('t-or-08', O, 'Lần thứ 100 con tàu cập cảng.', 'lần thứ [n:100] con tàu cập cảng.')
add('t-or-09', O, 'Tuần thứ 4 của tháng.', 'tuần thứ tư của tháng.')
add('t-or-10', C, 'Hạng 4 là đội Nhật Bản.', 'hạng bốn là đội nhật bản.')
add('t-or-11', C, 'Giải nhất 50 triệu, giải nhì 20 triệu, giải ba 10 triệu.',
    'giải nhất [n:50] triệu, giải nhì [n:20] triệu, giải ba mười triệu.')
add('t-or-12', O, 'Khách hàng thứ 1.000 nhận quà.', 'khách hàng thứ [n:1000] nhận quà.')
add('t-or-13', O, 'Đây là mùa thứ 5 của chương trình.', 'đây là mùa thứ năm của chương trình.')
add('t-or-14', R, 'Hội nghị lần thứ VIII Ban Chấp hành Trung ương.', 'hội nghị lần thứ tám ban chấp hành trung ương.')
add('t-or-15', O, 'Anh ấy đứng thứ 2, sau đội trưởng.', 'anh ấy đứng thứ hai, sau đội trưởng.')
add('t-or-16', C, 'Top 1 server Việt Nam.', 'top một server việt nam.')
add('t-or-17', O, 'Ngày thứ 3 liên tiếp giá vàng tăng.', 'ngày thứ ba liên tiếp giá vàng tăng.')
add('t-or-18', FR, 'Xếp hạng 15/63 tỉnh thành.', 'xếp hạng [n:15] {phần|trên} [n:63] tỉnh thành.')
add('t-or-19', O, 'Cô bé là người thứ 4 được cứu.', 'cô bé là người thứ tư được cứu.')
add('t-or-20', O, 'Là lần thứ 24 giải đấu được tổ chức.', 'là lần thứ [n:24] giải đấu được tổ chức.')
add('t-or-21', C, 'Tầng 3, phòng 301.', 'tầng ba, phòng [n:301].')
add('t-or-22', O, 'Thứ 4 tuần sau tôi rảnh.', 'thứ tư tuần sau tôi rảnh.')
add('t-or-23', R, 'Anh đoạt giải lần thứ II liên tiếp.', 'anh đoạt giải lần thứ hai liên tiếp.')
add('t-or-24', O, 'Đứng thứ 14 trên bảng xếp hạng.', 'đứng thứ [n:14] trên bảng xếp hạng.')

# --- versions and model names
add('t-vm-01', E, 'iPhone 14 Pro Max có 3 màu.', 'iphone [n:14] pro max có ba màu.')
add('t-vm-02', E, 'Samsung Galaxy A55 giá 9,99 triệu.',
    'samsung galaxy ' + LET['a'] + ' [n:55] giá [c:9,99] triệu.')
add('t-vm-03', E, 'Laptop cài sẵn Windows 11 Home.', 'laptop cài sẵn windows [n:11] home.')
add('t-vm-04', D, 'Cài đặt Python 3.11 trên máy.', 'cài đặt python [v:3.11] trên máy.')
add('t-vm-05', D, 'Cập nhật iOS 17.4.1.', 'cập nhật ios [v:17.4.1].')
add('t-vm-06', E, 'Máy chạy Android 13.', 'máy chạy android [n:13].')
add('t-vm-07', D, 'Phiên bản 2.0 có nhiều cải tiến.', 'phiên bản [v:2.0] có nhiều cải tiến.')
add('t-vm-08', E, 'Xe Honda Air Blade 125 giá 42 triệu.', 'xe honda air blade [n:125] giá [n:42] triệu.')
add('t-vm-09', E, 'Chip Core i7 thế hệ 13.', 'chip core ' + LET['i'] + ' bảy thế hệ [n:13].')
add('t-vm-10', D, 'Bluetooth 5.0 tiết kiệm pin.', 'bluetooth [v:5.0] tiết kiệm pin.')
add('t-vm-11', E, 'Máy bay Boeing 787 hạ cánh.', 'máy bay boeing {[n:787]|[d:787]} hạ cánh.')
add('t-vm-12', E, 'Xiaomi 14T ra mắt tháng 9.', 'xiaomi [n:14] ' + LET['t'] + ' ra mắt tháng chín.')
add('t-vm-13', E, 'iPad Pro M4 mỏng 5,1 mm.', 'ipad pro ' + LET['m'] + ' bốn mỏng [c:5,1] ' + MM + '.')
add('t-vm-14', E, 'Java 21 vừa được phát hành.', 'java [n:21] vừa được phát hành.')
add('t-vm-15', E, 'Galaxy Z Fold6 có giá 44 triệu.', 'galaxy ' + LET['z'] + ' fold sáu có giá [n:44] triệu.')
add('t-vm-16', E, 'Sony PlayStation 5 Pro giá 18 triệu.', 'sony playstation năm pro giá [n:18] triệu.')
add('t-vm-17', E, 'macOS 14 Sonoma hỗ trợ máy đời 2018.', 'macos [n:14] sonoma hỗ trợ máy đời ' + y(2018) + '.')
add('t-vm-18', E, 'Chạy tốt trên Chrome 120 trở lên.', 'chạy tốt trên chrome [n:120] trở lên.')
add('t-vm-19', D, 'Phần mềm bản 4.5.2 sửa nhiều lỗi.', 'phần mềm bản [v:4.5.2] sửa nhiều lỗi.')
add('t-vm-20', E, 'Mẫu xe Toyota Vios 2024 giá 479 triệu.', 'mẫu xe toyota vios ' + y(2024) + ' giá [n:479] triệu.')
add('t-vm-21', E, 'Apple Watch Series 10 ra mắt.', 'apple watch series mười ra mắt.')
add('t-vm-22', E, 'Máy tính bảng Galaxy Tab S10 có bút.', 'máy tính bảng galaxy tab ' + LET['s'] + ' mười có bút.')
add('t-vm-23', SS, 'Đã có iOS 18. Hãy cập nhật ngay!', 'đã có ios [n:18].\nhãy cập nhật ngay!')
add('t-vm-24', D, 'Ứng dụng yêu cầu Android 8.1 trở lên.', 'ứng dụng yêu cầu android [v:8.1] trở lên.')

# --- company and office abbreviations
add('t-co-01', AB, 'CTCP Sữa Việt Nam (Vinamilk) công bố lợi nhuận.',
    'công ty cổ phần sữa việt nam' + PAR + ' vinamilk' + PAR + ' công bố lợi nhuận.')
add('t-co-02', AB, 'Công ty TNHH MTV Thương mại Sài Gòn.',
    'công ty trách nhiệm hữu hạn một thành viên thương mại sài gòn.')
add('t-co-03', AB, 'V/v: Mời họp phụ huynh.', 'về việc: mời họp phụ huynh.')
add('t-co-04', AB, 'Kính gửi: Đ/c Nguyễn Văn Nam.', 'kính gửi: đồng chí nguyễn văn nam.')
add('t-co-05', AB, 'Sở TN&MT tỉnh Bình Dương kiểm tra.', 'sở tài nguyên và môi trường tỉnh bình dương kiểm tra.')
add('t-co-06', AB, 'Sở KH&ĐT cấp phép cho 50 doanh nghiệp.', 'sở kế hoạch và đầu tư cấp phép cho [n:50] doanh nghiệp.')
add('t-co-07', AB, 'Chủ tịch UBND xã ký quyết định.', 'chủ tịch <UB> ban nhân dân xã ký quyết định.')
add('t-co-08', R, 'Kỳ họp HĐND tỉnh khóa XVII.', 'kỳ họp hội đồng nhân dân tỉnh khóa mười bảy.')
add('t-co-09', AB, 'BV. Chợ Rẫy tiếp nhận bệnh nhân.', 'bệnh viện chợ rẫy tiếp nhận bệnh nhân.')
add('t-co-10', SS, 'Bé được chuyển đến BV. Nhi Đồng 1. Hiện sức khỏe ổn định.',
    'bé được chuyển đến bệnh viện nhi đồng một.\nhiện sức khỏe ổn định.')
add('t-co-11', AB, 'BVĐK tỉnh Quảng Nam có 1.000 giường.', 'bệnh viện đa khoa tỉnh quảng nam có [n:1000] giường.')
add('t-co-12', AB, 'HĐQT công ty họp bất thường.', 'hội đồng quản trị công ty họp bất thường.')
add('t-co-13', AB, 'TGĐ Nguyễn Văn Hải từ nhiệm.', 'tổng giám đốc nguyễn văn hải từ nhiệm.')
add('t-co-14', AB, 'NXB Kim Đồng phát hành 2 triệu bản.', 'nhà xuất bản kim đồng phát hành hai triệu bản.')
add('t-co-15', AB, 'KCN Tân Tạo có 200 doanh nghiệp.', 'khu công nghiệp tân tạo có [n:200] doanh nghiệp.')
add('t-co-16', AB, 'Đội PCCC có mặt sau 10 phút.', 'đội phòng cháy chữa cháy có mặt sau mười phút.')
add('t-co-17', AB, 'Ban Chấp hành TW Đảng khóa XIII.', 'ban chấp hành trung ương đảng khóa mười ba.')
add('t-co-18', AB, 'PGĐ Sở GTVT cho biết.', 'phó giám đốc sở giao thông vận tải cho biết.')
add('t-co-19', AB, 'ĐHĐCĐ thường niên năm 2024 đã diễn ra.',
    'đại hội đồng cổ đông thường niên năm ' + y(2024) + ' đã diễn ra.')
add('t-co-20', AB, 'Sinh viên trường CĐ Y tế Hà Nội.', 'sinh viên trường cao đẳng y tế hà nội.')
add('t-co-21', AB, 'VKSND tối cao đã phê chuẩn.', 'viện kiểm sát nhân dân tối cao đã phê chuẩn.')
add('t-co-22', AB, 'Bộ LĐ-TB&XH ban hành thông tư.', 'bộ lao động thương binh và xã hội ban hành thông tư.')
add('t-co-23', AB, 'Ông Trần Văn Minh, GĐ Cty TNHH Hòa Bình.',
    'ông trần văn minh, giám đốc công ty trách nhiệm hữu hạn hòa bình.')
add('t-co-24', AB, 'Đ/c: 12 Lê Lợi, Q.1.', 'địa chỉ: mười hai lê lợi, quận một.')
add('t-co-25', AB, 'BCH Đoàn trường họp lúc 14h.', 'ban chấp hành đoàn trường họp lúc [n:14] giờ.')
add('t-co-26', AB, 'MTTQ Việt Nam phát động quyên góp.', 'mặt trận tổ quốc việt nam phát động quyên góp.')
add('t-co-27', AB, 'UBND H.Củ Chi họp dân.', '<UB> ban nhân dân huyện củ chi họp dân.')
add('t-co-28', AB, 'Theo QĐ số 15 của UBND tỉnh.', 'theo quyết định số [n:15] của <UB> ban nhân dân tỉnh.')
add('t-co-29', AB, 'Khám tại BV. Đại học Y Dược.', 'khám tại bệnh viện đại học y dược.')
add('t-co-30', AB, 'Cty CP Đầu tư Nam Long tăng vốn.', 'công ty cổ phần đầu tư nam long tăng vốn.')
add('t-co-31', SS, 'Tôi làm ở Cty TNHH Minh Phát. Công ty có 50 người.',
    'tôi làm ở công ty trách nhiệm hữu hạn minh phát.\ncông ty có [n:50] người.')
add('t-co-32', AB, 'Sở GD&ĐT, Sở Y tế và UBND huyện phối hợp.',
    'sở giáo dục và đào tạo, sở y tế và <UB> ban nhân dân huyện phối hợp.')

# --- foreign currencies and mixes
add('t-fx-01', CU, 'Giá vàng thế giới 2.350 USD/ounce.', 'giá vàng thế giới [n:2350] ' + USD + ' ' + PER + ' ounce.')
add('t-fx-02', CU, 'Vé máy bay khứ hồi 450 USD/người.', 'vé máy bay khứ hồi [n:450] ' + USD + ' ' + PER + ' người.')
add('t-fx-03', CU, 'Chiếc túi giá €1.200.', 'chiếc túi giá [n:1200] ' + EUR + '.')
add('t-fx-04', CU, 'Học phí £9.250 mỗi năm.', 'học phí [n:9250] ' + GBP + ' mỗi năm.')
add('t-fx-05', CU, 'Hợp đồng trị giá $1,5 triệu.', 'hợp đồng trị giá [c:1,5] triệu ' + DOL + '.')
add('t-fx-06', CU, 'Đổi 100 USD được khoảng 2,5 triệu đồng.',
    'đổi [n:100] ' + USD + ' được khoảng [c:2,5] triệu đồng.')
add('t-fx-07', CU, '1 EUR ≈ 27.500 VND.', 'một ' + EUR + ' ' + APPROX + ' [n:27500] ' + VND + '.')
add('t-fx-08', CU, 'Lương 2.000 $/tháng.', 'lương [n:2000] ' + DOL + ' ' + PER + ' tháng.')
add('t-fx-09', CU, 'Giá 3,5 USD một ly.', 'giá {[c:3,5] ' + USD + '|ba ' + USD + ' [n:50] xu} một ly.')
add('t-fx-10', CU, 'Ứng dụng giá $4.99.', 'ứng dụng giá {[p:4.99] ' + DOL + '|bốn ' + DOL + ' [n:99] xu}.')
add('t-fx-11', CU, 'Xuất khẩu đạt 400 tỷ USD.', 'xuất khẩu đạt [n:400] tỷ ' + USD + '.')
add('t-fx-12', PU, 'Giá 10 triệu đồng (khoảng 400 USD).', 'giá mười triệu đồng' + PAR + ' khoảng [n:400] ' + USD + '.')
add('t-fx-13', CU, 'Vé xem concert 150$.', 'vé xem concert [n:150] ' + DOL + '.')
add('t-fx-14', CU, 'Tặng 5 triệu VNĐ hoặc 200 USD.', 'tặng năm triệu ' + VND + ' hoặc [n:200] ' + USD + '.')
add('t-fx-15', CU, 'Thu nhập bình quân 4.300 USD/người/năm.',
    'thu nhập bình quân [n:4300] ' + USD + ' ' + PER + ' người ' + PER + ' năm.')
add('t-fx-16', CU, 'Giá Bitcoin vượt 60.000 $.', 'giá bitcoin vượt [n:60000] ' + DOL + '.')
add('t-fx-17', CU, 'Khoản viện trợ €50 triệu.', 'khoản viện trợ [n:50] triệu ' + EUR + '.')
add('t-fx-18', CU, 'Tỷ giá: 1 USD = 25.450 VND.', 'tỷ giá: một ' + USD + ' bằng [n:25450] ' + VND + '.')
add('t-fx-19', CU, 'Ly cà phê ở Paris giá 3 €.', 'ly cà phê ở paris giá ba ' + EUR + '.')
add('t-fx-20', CU, 'Cầu thủ có giá £80 triệu.', 'cầu thủ có giá [n:80] triệu ' + GBP + '.')
add('t-fx-21', C, 'Đổi 1.000 yên Nhật được 170.000 đồng.', 'đổi [n:1000] yên nhật được [n:170000] đồng.')
add('t-fx-22', CU, 'Giá iPhone ở Mỹ là 999 USD, ở Việt Nam là 28 triệu đồng.',
    'giá iphone ở mỹ là [n:999] ' + USD + ', ở việt nam là [n:28] triệu đồng.')
add('t-fx-23', C, 'Quỹ có 2,5 tỷ đô la.', 'quỹ có [c:2,5] tỷ đô la.')
add('t-fx-24', CU, 'Khách quốc tế chi trung bình 1.500 USD/chuyến.',
    'khách quốc tế chi trung bình [n:1500] ' + USD + ' ' + PER + ' chuyến.')
add('t-fx-25', CU, 'Giá 2tr (~80 USD).', 'giá hai triệu' + PAR + ' {khoảng|xấp xỉ} [n:80] ' + USD + '.')
add('t-fx-26', SS, 'Giá 500 USD. Rẻ hơn 20%!', 'giá [n:500] ' + USD + '.\nrẻ hơn [n:20] phần trăm!')
add('t-fx-27', CU, 'Tổng vốn đầu tư 1,2 tỷ USD, tương đương 30.000 tỷ đồng.',
    'tổng vốn đầu tư [c:1,2] tỷ ' + USD + ', tương đương [n:30000] tỷ đồng.')
add('t-fx-28', CU, 'Doanh thu 3.000.000.000 đồng.', 'doanh thu ba <T> đồng.')

# --- round 2: written after the blind run, from probes of the same domains
# (the blind score was taken on the 350 cases above)
add('t-r2-01', AB, 'Căn hộ 2PN2WC giá 3 tỷ.', 'căn hộ hai phòng ngủ hai ' + WC + ' giá ba tỷ.', 'glued counts')
add('t-r2-02', R, 'Từ thế kỷ I đến thế kỷ X.', 'từ thế kỷ một đến thế kỷ mười.', 'X. is not xã here')
add('t-r2-03', SS, 'Gặp BS. Hùng tại BV. 108. Ông là trưởng khoa.',
    'gặp bác {sĩ|sỹ} hùng tại bệnh viện [n:108].\nông là trưởng khoa.')
add('t-r2-04', SS, 'Tôi đến BV. Bác sĩ khám ngay.', 'tôi đến bệnh viện.\nbác sĩ khám ngay.')
add('t-r2-05', SS, 'Ông là GĐ BV. Bệnh nhân rất tin ông.', 'ông là giám đốc bệnh viện.\nbệnh nhân rất tin ông.')
add('t-r2-06', TM, 'Thứ Hai - Thứ Sáu: 8h sáng - 5h chiều.',
    'thứ hai <D> thứ sáu: tám giờ sáng <D> năm giờ chiều.')
add('t-r2-07', O, 'Thứ 4-Thứ 7 có mưa.', 'thứ tư <D> thứ bảy có mưa.')
add('t-r2-08', DT, 'Nghỉ lễ 30/4-1/5.', 'nghỉ lễ ' + NG + '[n:30] tháng tư <D> ' + NG + 'một tháng năm.')
add('t-r2-09', DT, 'Khai giảng 5/9, học từ 7h15.',
    'khai giảng ' + NG + 'năm tháng chín, học từ bảy giờ [n:15]' + PH + '.')
add('t-r2-10', DT, 'Từ 29/4 đến hết 3/5.', 'từ ' + NG + '[n:29] tháng tư đến hết ' + NG + 'ba tháng năm.')
add('t-r2-11', CU, 'Giá $10-$20.', 'giá {mười <D> [n:20] ' + DOL + '|mười ' + DOL + ' <D> [n:20] ' + DOL + '}.',
    'the sign written twice may be read twice')
add('t-r2-12', M, 'Nhiệt độ giảm xuống 15oC.', 'nhiệt độ giảm xuống [n:15] <DC>.', 'o typed for the degree sign')
add('t-r2-13', AB, 'BS.CKII Nguyễn Văn Bình.', 'bác {sĩ|sỹ} chuyên khoa hai nguyễn văn bình.')
add('t-r2-14', AB, 'Cty TNHH TM-DV Hoàng Gia.', 'công ty trách nhiệm hữu hạn thương mại {và |}dịch vụ hoàng gia.')
add('t-r2-15', U, 'Xem www.gso.gov.vn/ để biết thêm.',
    'xem ' + WWW + ' chấm gso chấm gov chấm ' + VNX + ' {|' + SL + ' }để biết thêm.')
add('t-r2-16', P, 'Hotline:0912 345 678', 'hotline: [d:0912]<C> [d:345]<C> [d:678]', 'a label glued to the number')
add('t-r2-17', PU, 'Lưu ý:không mang vật nuôi.', 'lưu ý: không mang vật nuôi.')
add('t-r2-18', AB, 'Ban QLDA đường sắt họp.', 'ban quản lý dự án đường sắt họp.')
add('t-r2-19', AB, 'V/V: THÔNG BÁO NGHỈ LỄ', 'về việc: thông báo nghỉ lễ')
add('t-r2-20', TM, 'Ca sáng 7h - 11h, ca chiều 1h chiều - 5h chiều.',
    'ca sáng bảy giờ <D> [n:11] giờ, ca chiều một giờ chiều <D> năm giờ chiều.')
add('t-r2-21', SS, 'Chuyển lên BV. Việt Đức. Bệnh nhân đã qua cơn nguy kịch.',
    'chuyển lên bệnh viện việt đức.\nbệnh nhân đã qua cơn nguy kịch.')
add('t-r2-22', DT, 'Đợt 1 từ 1/10/2024-15/10/2024.',
    'đợt một từ ' + NG + 'một tháng mười năm ' + y(2024) + ' <D> ' + NG + '[n:15] tháng mười năm ' + y(2024) + '.')
add('t-r2-23', CU, 'Vé $15-25 mỗi người.', 'vé [n:15] <D> [n:25] ' + DOL + ' mỗi người.')

if __name__ == '__main__':
    write_cases(cases, sys.argv[1])
