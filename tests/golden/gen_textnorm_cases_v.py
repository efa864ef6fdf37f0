#!/usr/bin/env python3
# gen_textnorm_cases_v.py - regenerates tests/golden/textnorm_cases_v.jsonl: the
# sixth set of our own normaliser cases (issue 16), written blind from the rules
# of ../shared/textnorm/README.md and from the readings decided once in
# docs/textnorm-codes.md, BEFORE running the normaliser on them. Four families,
# each across registers (news, legal, e-commerce, tech reviews, sports, chat):
#   v-leg-*  legal and administrative document numbers (100/2019/NĐ-CP, QĐ-UBND)
#   v-prd-*  product names, versions and model numbers (Windows 11 24H2, RTX 4090)
#   v-fmt-*  numbers and amounts in foreign formats ($1,299, €2.5M, 12.5 km)
#   v-cod-*  codes read digit by digit or letter by letter (flights, trains,
#            plates, postcodes, SKUs, tickers, P.201, 30', 1/2-3/4)
# The family is the id's second field; the category is the README's.
# Template syntax and number markers: gen_textnorm_cases_t.py ([n:..] cardinal,
# [d:..] digits, [c:..] comma decimal, [p:..] dot decimal, [v:..] version).
# Usage: gen_textnorm_cases_v.py OUT.jsonl
import json, re, sys

from gen_textnorm_cases_t import expand, LET, DOL, USD, VND, KM, KG, EUR, GBP, PAR, SL, AT, MIN
from textnorm_casegen import write_cases

cases = []


def add(cid, cat, inp, tmpl, note=""):
    acc = expand(tmpl)
    for a in acc:
        assert not re.search(r'[\d<>\[\]{}|#@$%&+=°/]', a), (cid, a)
    case = {"id": cid, "category": cat, "input": inp, "accept": acc, "note": note}
    assert len(json.dumps(case, ensure_ascii=False)) < 60000, cid + ': accept list too long'
    cases.append(case)


AB, MX, C, M = 'abbreviation', 'mixed', 'cardinal', 'measure'
SS, PU, R, RG = 'sentence_split', 'punctuation', 'roman', 'range'
DT, TM, O, SC = 'date', 'time', 'ordinal', 'score'
CU, PC, D, FR = 'currency', 'percent', 'decimal', 'fraction'
E, UN, U, P = 'english_mixed', 'unicode', 'url_email', 'phone'

# letter names: Vietnamese (Vinorm LetterSound) and English
VNL = dict(a='a', b='bê', c='xê', d='dê', đ='đê', e='e', f='ép', g='giê', h='hát', i='i', j='gi', k='ca',
           l='lờ', m='mờ', n='nờ', o='o', p='pê', q='quy', r='rờ', s='ét', t='tê', u='u', v='vê',
           w='vê kép', x='ích', y='i', z='dét')
ENL = dict(a='ây', b='bi', c='xi', d='đi', e='i', f='ép', g='gi', h='ếch', i='ai', j='giây', k='cây',
           l='eo', m='em', n='en', o='âu', p='pi', q='kiu', r='a', s='ét', t='ti', u='iu', v='vi',
           w='đắp liu', x='ích', y='oai', z='dét')


def ac(word):
    """A foreign or unknown acronym / code letters: kept, or spelled (VN or EN names)."""
    w = word.lower()
    vn = ' '.join(VNL[c] for c in w)
    en = ' '.join(ENL.get(c, VNL[c]) for c in w)
    return '{' + '|'.join(dict.fromkeys([w, vn, en])) + '}'


def n2(s):
    """A number inside a code: read as a number or digit by digit."""
    return '{[n:%s]|[d:%s]}' % (s, s) if len(s) > 1 and s[0] != '0' else '[d:%s]' % s


YS = '{năm|trên}'  # the "/" before a document's year
CS = '{|trên }'  # the "/" before a document's issuer code
H = '{h|hát|hắt|ếch}'
GBW = '{gi ga bai|ghi ga bai|ghi ga bay|gigabyte}'
# issuer codes of Vietnamese documents (docs/textnorm-codes.md)
DOC = {'NĐ': 'nghị định', 'CP': 'chính phủ', 'TT': 'thông tư', 'BTC': 'bộ tài chính', 'QĐ': 'quyết định',
       'UBND': '{ủy|uỷ} ban nhân dân', 'NQ': 'nghị quyết', 'QH': 'quốc hội', 'TTg': 'thủ tướng{| chính phủ}',
       'BYT': 'bộ y tế', 'BGDĐT': 'bộ giáo dục và đào tạo', 'BCA': 'bộ công an', 'BTP': 'bộ tư pháp',
       'CT': 'chỉ thị', 'HĐND': 'hội đồng nhân dân', 'NHNN': 'ngân hàng nhà nước',
       'BLĐTBXH': 'bộ lao động thương binh và xã hội', 'BTTTT': 'bộ thông tin và truyền thông',
       'BXD': 'bộ xây dựng', 'BGTVT': 'bộ giao thông vận tải', 'BTNMT': 'bộ tài nguyên và môi trường',
       'BCT': 'bộ công thương', 'VPCP': 'văn phòng chính phủ', 'UBTVQH': '{ủy|uỷ} ban thường vụ quốc hội',
       'HS': 'hình sự', 'ST': 'sơ thẩm', 'PT': 'phúc thẩm', 'DS': 'dân sự', 'GP': 'giấy phép',
       'KH': 'kế hoạch', 'TB': 'thông báo', 'BC': 'báo cáo', 'TTLT': 'thông tư liên tịch', 'TCT': 'tổng cục thuế',
       'BNV': 'bộ nội vụ', 'CV': 'công văn', 'BQP': 'bộ quốc phòng', 'BNNPTNT': 'bộ nông nghiệp và phát triển nông thôn',
       'KL': 'kết luận', 'TANDTC': 'tòa án nhân dân tối cao', 'HĐTP': 'hội đồng thẩm phán'}


def code(c):
    out = []
    for part in c.split('-'):
        m = re.fullmatch(r'(\D+?)(\d*)', part)
        out.append(DOC[m.group(1)] + (' [n:%s]' % m.group(2) if m.group(2) else ''))
    return ' '.join(out)


def doc(s):
    """N/YYYY/CODE, N/CODE or N/YYYY (number: cardinal; leading zero: digits or cardinal)."""
    parts = s.split('/')
    first = parts[0]
    num = '{[d:%s]|[n:%s]}' % (first, int(first)) if first.startswith('0') else '[n:%s]' % first
    out = num
    rest = parts[1:]
    if rest and re.fullmatch(r'(19|20)\d\d', rest[0]):
        out += ' ' + YS + ' [n:%s]' % rest[0]
        rest = rest[1:]
    if rest:
        out += ' ' + CS + code(rest[0])
    return out


# ============ family 1: legal and administrative document numbers
L = [
    ('01', D, 'Nghị định 100/2019/NĐ-CP quy định xử phạt vi phạm giao thông.', 'nghị định {d} quy định xử phạt vi phạm giao thông.', '100/2019/NĐ-CP'),
    ('02', D, 'Thông tư 01/2024/TT-BTC có hiệu lực từ tháng 3.', 'thông tư {d} có hiệu lực từ tháng ba.', '01/2024/TT-BTC'),
    ('03', D, 'Quyết định số 1234/QĐ-UBND được ban hành hôm qua.', 'quyết định số {d} được ban hành hôm qua.', '1234/QĐ-UBND'),
    ('04', D, 'Căn cứ Nghị định số 15/2020/NĐ-CP của Chính phủ;', 'căn cứ nghị định số {d} của chính phủ;', '15/2020/NĐ-CP'),
    ('05', D, 'Luật Đất đai số 31/2024/QH15 có nhiều điểm mới.', 'luật đất đai số {d} có nhiều điểm mới.', '31/2024/QH15'),
    ('06', D, 'Nghị quyết 42/2017/QH14 về xử lý nợ xấu.', 'nghị quyết {d} về xử lý nợ xấu.', '42/2017/QH14'),
    ('07', D, 'Theo Quyết định 749/QĐ-TTg, chương trình chuyển đổi số được phê duyệt.', 'theo quyết định {d}, chương trình chuyển đổi số được phê duyệt.', '749/QĐ-TTg'),
    ('08', D, 'Thông tư 32/2020/TT-BGDĐT ban hành điều lệ trường phổ thông.', 'thông tư {d} ban hành điều lệ trường phổ thông.', '32/2020/TT-BGDĐT'),
    ('09', D, 'Bộ Y tế ban hành Quyết định 2376/QĐ-BYT.', 'bộ y tế ban hành quyết định {d}.', '2376/QĐ-BYT'),
    ('10', D, 'Chỉ thị 16/CT-TTg yêu cầu giãn cách xã hội.', 'chỉ thị {d} yêu cầu giãn cách xã hội.', '16/CT-TTg'),
    ('11', D, 'Nghị định 168/2024/NĐ-CP tăng mức phạt nồng độ cồn.', 'nghị định {d} tăng mức phạt nồng độ cồn.', '168/2024/NĐ-CP'),
    ('12', D, 'Nghị quyết 01/NQ-CP về nhiệm vụ năm mới.', 'nghị quyết {d} về nhiệm vụ năm mới.', '01/NQ-CP'),
    ('13', D, 'Thông tư 58/2020/TT-BCA quy định về biển số xe.', 'thông tư {d} quy định về biển số xe.', '58/2020/TT-BCA'),
    ('14', D, 'Công văn 5678/BTC-TCT hướng dẫn hoàn thuế.', 'công văn {d} hướng dẫn hoàn thuế.', '5678/BTC-TCT'),
    ('15', D, 'Bản án số 12/2023/HS-ST của Tòa án nhân dân huyện.', 'bản án số {d} của tòa án nhân dân huyện.', '12/2023/HS-ST'),
    ('16', D, 'Giấy phép số 25/GP-BTTTT cấp cho báo điện tử.', 'giấy phép số {d} cấp cho báo điện tử.', '25/GP-BTTTT'),
    ('17', D, 'Kế hoạch 120/KH-UBND triển khai tiêm chủng.', 'kế hoạch {d} triển khai tiêm chủng.', '120/KH-UBND'),
    ('18', D, 'Nghị quyết số 98/2023/QH15 về thí điểm cơ chế đặc thù cho TP.HCM.', 'nghị quyết số {d} về thí điểm cơ chế đặc thù cho thành phố hồ chí minh.', '98/2023/QH15'),
    ('19', D, 'Thông tư 22/2021/TT-BGDĐT quy định đánh giá học sinh.', 'thông tư {d} quy định đánh giá học sinh.', '22/2021/TT-BGDĐT'),
    ('20', D, 'Thông báo 45/TB-VPCP kết luận của Thủ tướng.', 'thông báo {d} kết luận của thủ tướng.', '45/TB-VPCP'),
    ('21', D, 'Nghị định 13/2023/NĐ-CP bảo vệ dữ liệu cá nhân có hiệu lực từ 1/7/2023.', 'nghị định {d} bảo vệ dữ liệu cá nhân có hiệu lực từ {{ngày |}}một tháng bảy năm [n:2023].', '13/2023/NĐ-CP'),
    ('22', D, 'Thông tư 06/2023/TT-BCA về công tác đăng ký xe.', 'thông tư {d} về công tác đăng ký xe.', '06/2023/TT-BCA'),
    ('23', D, 'Theo Nghị định 145/2020/NĐ-CP, người lao động được nghỉ phép 12 ngày.', 'theo nghị định {d}, người lao động được nghỉ phép mười hai ngày.', '145/2020/NĐ-CP'),
    ('24', D, 'Quyết định 3421/QĐ-BYT ngày 25/12/2024.', 'quyết định {d} ngày [n:25] tháng mười hai năm [n:2024].', '3421/QĐ-BYT'),
    ('25', D, 'Thông tư liên tịch 03/2015/TTLT-BTP-BTC đã hết hiệu lực.', 'thông tư liên tịch {d} đã hết hiệu lực.', '03/2015/TTLT-BTP-BTC'),
    ('26', D, 'Nghị quyết 30/2021/QH15 về kỳ họp thứ nhất.', 'nghị quyết {d} về kỳ họp thứ nhất.', '30/2021/QH15'),
    ('27', D, 'Thông tư 12/2017/TT-NHNN sửa đổi quy định cho vay.', 'thông tư {d} sửa đổi quy định cho vay.', '12/2017/TT-NHNN'),
    ('28', D, 'Nghị định 100/2019/NĐ-CP và Nghị định 123/2021/NĐ-CP được sửa đổi.', 'nghị định {d} và nghị định {d2} được sửa đổi.', '100/2019/NĐ-CP', '123/2021/NĐ-CP'),
    ('29', D, 'Anh có đọc Nghị định 168/2024/NĐ-CP chưa, phạt nặng lắm đó!', 'anh có đọc nghị định {d} chưa, phạt nặng lắm đó!', '168/2024/NĐ-CP'),
    ('30', D, 'Số: 215/QĐ-UBND', 'số: {d}', '215/QĐ-UBND'),
    ('31', D, 'Thông tư 29/2024/TT-BGDĐT quy định về dạy thêm, học thêm.', 'thông tư {d} quy định về dạy thêm, học thêm.', '29/2024/TT-BGDĐT'),
    ('32', D, 'Quyết định 06/QĐ-TTg phê duyệt Đề án 06.', 'quyết định {d} phê duyệt đề án [d:06].', '06/QĐ-TTg'),
    ('33', D, 'Nghị định 70/2025/NĐ-CP về hóa đơn điện tử.', 'nghị định {d} về hóa đơn điện tử.', '70/2025/NĐ-CP'),
    ('34', D, 'Thông tư 08/2022/TT-BXD hướng dẫn cấp phép xây dựng.', 'thông tư {d} hướng dẫn cấp phép xây dựng.', '08/2022/TT-BXD'),
    ('35', D, 'Thông tư 24/2023/TT-BGTVT về đăng kiểm.', 'thông tư {d} về đăng kiểm.', '24/2023/TT-BGTVT'),
    ('36', D, 'Nghị quyết 18/NQ-TW về tinh gọn bộ máy.', 'nghị quyết {d} về tinh gọn bộ máy.', '18/NQ-TW'),
    ('37', D, 'Công văn 1234/BYT-KCB gửi các bệnh viện.', 'công văn {d} gửi các bệnh viện.', '1234/BYT-KCB'),
    ('38', D, 'Quyết định 1500/QĐ-BCT điều chỉnh giá điện.', 'quyết định {d} điều chỉnh giá điện.', '1500/QĐ-BCT'),
    ('39', D, 'Thông tư 10/2020/TT-BTP về hộ tịch.', 'thông tư {d} về hộ tịch.', '10/2020/TT-BTP'),
    ('40', D, 'Báo cáo 77/BC-UBND trình HĐND tỉnh.', 'báo cáo {d} trình hội đồng nhân dân tỉnh.', '77/BC-UBND'),
    ('41', D, 'Án lệ số 47/2021/AL về tội giết người.', 'án lệ số {d} về tội giết người.', '47/2021/AL'),
    ('42', D, 'Bản án 05/2024/DS-PT đã có hiệu lực.', 'bản án {d} đã có hiệu lực.', '05/2024/DS-PT'),
    ('43', D, 'Thông tư 17/2022/TT-BLĐTBXH về trợ cấp.', 'thông tư {d} về trợ cấp.', '17/2022/TT-BLĐTBXH'),
    ('44', D, 'Nghị quyết 04/2019/NQ-HĐTP hướng dẫn án lệ.', 'nghị quyết {d} hướng dẫn án lệ.', '04/2019/NQ-HĐTP'),
    ('45', D, 'Luật số 45/2019/QH14 là Bộ luật Lao động.', 'luật số {d} là bộ luật lao động.', '45/2019/QH14'),
]
DOC.update({'AL': 'án lệ', 'TW': 'trung ương', 'KCB': 'khám chữa bệnh'})
for row in L:
    n, cat, inp, tmpl = row[:4]
    cat = MX
    t = tmpl.replace('{d}', doc(row[4])).replace('{{ngày |}}', '{ngày |}')
    if len(row) > 5:
        t = t.replace('{d2}', doc(row[5]))
    add('v-leg-' + n, cat, inp, t, 'document number ' + ' '.join(row[4:]))

# other legal / administrative references
add('v-leg-46', AB, 'Theo khoản 2 Điều 5 Luật Hôn nhân và gia đình 2014.',
    'theo khoản hai điều năm luật hôn nhân và gia đình [n:2014].')
add('v-leg-47', AB, 'Vi phạm điểm a khoản 1 Điều 8 Nghị định 100/2019/NĐ-CP.',
    'vi phạm điểm a khoản một điều tám nghị định ' + doc('100/2019/NĐ-CP') + '.')
add('v-leg-48', R, 'Mục III Chương IV Bộ luật Dân sự 2015.', 'mục ba chương bốn bộ luật dân sự [n:2015].')
add('v-leg-49', C, 'Số CCCD 001203004567 của bà Lan.', 'số {cccd|căn cước công dân|xê xê xê dê} [d:001203004567] của bà lan.')
add('v-leg-50', C, 'Mã số thuế 0101234567 đăng ký tại Hà Nội.', 'mã số thuế [d:0101234567] đăng ký tại hà nội.')
add('v-leg-51', AB, 'Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;',
    'căn cứ luật tổ chức chính quyền địa phương số ' + doc('77/2015/QH13') + ';')
add('v-leg-52', MX, 'Quyết định 2114/QĐ-BGDĐT công bố lịch thi.', 'quyết định ' + doc('2114/QĐ-BGDĐT') + ' công bố lịch thi.')
add('v-leg-53', MX, 'Nghị định 123/2020/NĐ-CP quy định về hóa đơn.', 'nghị định ' + doc('123/2020/NĐ-CP') + ' quy định về hóa đơn.')
add('v-leg-54', MX, 'Thông tư 78/2021/TT-BTC hướng dẫn Nghị định 123/2020/NĐ-CP.',
    'thông tư ' + doc('78/2021/TT-BTC') + ' hướng dẫn nghị định ' + doc('123/2020/NĐ-CP') + '.')
add('v-leg-55', MX, 'Quyết định 15/2024/QĐ-UBND về bảng giá đất.', 'quyết định ' + doc('15/2024/QĐ-UBND') + ' về bảng giá đất.')
add('v-leg-56', MX, 'Nghị quyết 57-NQ/TW về khoa học công nghệ.',
    'nghị quyết [n:57] nghị quyết {|trên }trung ương về khoa học công nghệ.', 'party resolution N-NQ/TW')
add('v-leg-57', MX, 'Theo Nghị quyết 35/2021/NQ-HĐND, học phí được miễn.', 'theo nghị quyết ' + doc('35/2021/NQ-HĐND') + ', học phí được miễn.')
add('v-leg-58', MX, 'Công văn số 3690/BGDĐT-GDTrH về kiểm tra.', 'công văn số [n:3690] ' + CS + 'bộ giáo dục và đào tạo giáo dục trung học về kiểm tra.')
DOC['GDTrH'] = 'giáo dục trung học'
add('v-leg-59', MX, 'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp.', 'nghị định ' + doc('01/2021/NĐ-CP') + ' về đăng ký doanh nghiệp.')
add('v-leg-60', MX, 'Thông tư 02/2023/TT-BYT sửa đổi danh mục thuốc.', 'thông tư ' + doc('02/2023/TT-BYT') + ' sửa đổi danh mục thuốc.')
add('v-leg-61', MX, 'Sau Nghị định 168/2024/NĐ-CP, nhiều người đã bỏ rượu. Thật tốt!',
    'sau nghị định ' + doc('168/2024/NĐ-CP') + ', nhiều người đã bỏ rượu. thật tốt!')
add('v-leg-62', MX, 'Quyết định 18/2024/QĐ-TTg về quản lý hàng hóa.', 'quyết định ' + doc('18/2024/QĐ-TTg') + ' về quản lý hàng hóa.')
add('v-leg-63', MX, 'Thông tư 09/2024/TT-BTNMT quy định kỹ thuật.', 'thông tư ' + doc('09/2024/TT-BTNMT') + ' quy định kỹ thuật.')
add('v-leg-64', MX, 'Nghị định 24/2012/NĐ-CP về quản lý kinh doanh vàng.', 'nghị định ' + doc('24/2012/NĐ-CP') + ' về quản lý kinh doanh vàng.')
add('v-leg-65', MX, 'Văn bản hợp nhất 05/VBHN-BTC.', 'văn bản hợp nhất [d:05] ' + CS + 'văn bản hợp nhất bộ tài chính.')
DOC['VBHN'] = 'văn bản hợp nhất'
add('v-leg-66', MX, 'Thông tư 40/2021/TT-BTC về thuế hộ kinh doanh.', 'thông tư ' + doc('40/2021/TT-BTC') + ' về thuế hộ kinh doanh.')
add('v-leg-67', MX, 'Pháp lệnh 02/2022/UBTVQH15 về xử lý vi phạm.', 'pháp lệnh ' + doc('02/2022/UBTVQH15') + ' về xử lý vi phạm.')
add('v-leg-68', MX, 'Nghị định 10/2020/NĐ-CP về kinh doanh vận tải.', 'nghị định ' + doc('10/2020/NĐ-CP') + ' về kinh doanh vận tải.')
add('v-leg-69', MX, 'Thông tư 11/2024/TT-BNNPTNT về phân bón.', 'thông tư ' + doc('11/2024/TT-BNNPTNT') + ' về phân bón.')
add('v-leg-70', MX, 'Nghị quyết 68/NQ-CP hỗ trợ người lao động.', 'nghị quyết ' + doc('68/NQ-CP') + ' hỗ trợ người lao động.')
add('v-leg-71', MX, 'Kết luận 123/KL-TW của Bộ Chính trị.', 'kết luận ' + doc('123/KL-TW') + ' của bộ chính trị.')
add('v-leg-72', MX, 'Thông tư 03/2024/TT-BQP về tuyển quân.', 'thông tư ' + doc('03/2024/TT-BQP') + ' về tuyển quân.')
add('v-leg-73', MX, 'Nghị định 52/2013/NĐ-CP về thương mại điện tử.', 'nghị định ' + doc('52/2013/NĐ-CP') + ' về thương mại điện tử.')
add('v-leg-74', MX, 'Quyết định 888/QĐ-BNV được ký ngày 10/10.', 'quyết định ' + doc('888/QĐ-BNV') + ' được ký {ngày |}mười tháng mười.')
add('v-leg-75', MX, 'Thông tư số 19/2023/TT-BTTTT hướng dẫn viễn thông.', 'thông tư số ' + doc('19/2023/TT-BTTTT') + ' hướng dẫn viễn thông.')

# ============ family 2: product names, versions and model numbers
add('v-prd-01', E, 'Windows 11 24H2 đã có bản cập nhật mới.', 'windows [n:11] ' + n2('24') + ' ' + H + ' hai đã có bản cập nhật mới.')
add('v-prd-02', E, 'Máy tôi vẫn chạy Windows 10 22H2.', 'máy tôi vẫn chạy windows [n:10] ' + n2('22') + ' ' + H + ' hai.')
add('v-prd-03', D, 'Apple phát hành iOS 17.4.1 sửa lỗi bảo mật.', 'apple phát hành ios [v:17.4.1] sửa lỗi bảo mật.')
add('v-prd-04', E, 'Card RTX 4090 giá hơn 50 triệu.', 'card ' + ac('RTX') + ' ' + n2('4090') + ' giá hơn [n:50] triệu.')
add('v-prd-05', E, 'Galaxy S24 Ultra có camera 200MP.', 'galaxy ' + LET['s'] + ' [n:24] ultra có camera [n:200] {mp|mê ga pixel|mờ pê|em pi}.')
add('v-prd-06', D, 'Cài Python 3.12 trước khi chạy.', 'cài python [v:3.12] trước khi chạy.')
add('v-prd-07', E, 'Chip Core i9-14900K rất nóng.', 'chip core ' + LET['i'] + ' chín ' + n2('14900') + ' {k|ca|cây} rất nóng.')
add('v-prd-08', E, 'MacBook Air M3 pin 18 tiếng.', 'macbook air ' + LET['m'] + ' ba pin [n:18] tiếng.')
add('v-prd-09', E, 'iPhone 15 Pro Max bản 256GB đang giảm giá.', 'iphone [n:15] pro max bản [n:256] ' + GBW + ' đang giảm giá.')
add('v-prd-10', D, 'Ubuntu 24.04 LTS hỗ trợ 5 năm.', 'ubuntu [v:24.04] ' + ac('LTS') + ' hỗ trợ năm năm.')
add('v-prd-11', D, 'Bản Android 14.0.1 lỗi Wi-Fi.', 'bản android [v:14.0.1] lỗi {wi fi|wifi|oai phai}.')
add('v-prd-12', E, 'Card RTX 3060 Ti đủ chơi game.', 'card ' + ac('RTX') + ' ' + n2('3060') + ' ti đủ chơi game.')
add('v-prd-13', E, 'Redmi Note 13 Pro giá 7 triệu.', 'redmi note [n:13] pro giá bảy triệu.')
add('v-prd-14', E, 'Điện thoại Pixel 8a chụp đẹp.', 'điện thoại pixel tám ' + LET['a'] + ' chụp đẹp.')
add('v-prd-15', E, 'Xe VinFast VF 8 chạy 470 km một lần sạc.', 'xe vinfast ' + ac('VF') + ' tám chạy [n:470] ' + KM + ' một lần sạc.')
add('v-prd-16', E, 'Honda SH 160i bản 2024 rất đắt.', 'honda ' + ac('SH') + ' [n:160] ' + LET['i'] + ' bản [n:2024] rất đắt.')
add('v-prd-17', E, 'RAM DDR5 32GB chạy rất mượt.', 'ram ' + ac('DDR') + ' năm [n:32] ' + GBW + ' chạy rất mượt.')
add('v-prd-18', D, 'Trình duyệt Chrome 124.0.6367 đã ra mắt.', 'trình duyệt chrome [v:124.0.6367] đã ra mắt.')
add('v-prd-19', D, 'Node.js 20.11 là bản LTS.', 'node {chấm|} js [v:20.11] là bản ' + ac('LTS') + '.')
add('v-prd-20', E, 'Chip Snapdragon 8 Gen 3 cho hiệu năng cao.', 'chip snapdragon tám gen ba cho hiệu năng cao.')
add('v-prd-21', E, 'PS5 Slim giá 12 triệu.', '{ps|pê ét|pi ét} năm slim giá [n:12] triệu.')
add('v-prd-22', D, 'Phiên bản macOS 14.5 có gì mới?', 'phiên bản macos [v:14.5] có gì mới?')
add('v-prd-23', E, 'Sạc nhanh 65W chuẩn USB-C PD 3.0.', 'sạc nhanh [n:65] oát chuẩn ' + ac('USB') + ' ' + LET.get('c', '{c|xê|xi}') + ' ' + ac('PD') + ' [v:3.0].')
add('v-prd-24', E, 'Màn hình 27 inch 4K 144Hz.', 'màn hình [n:27] {inch|in|in sơ} bốn {k|ca|cây} [n:144] {hz|héc}.')
add('v-prd-25', E, 'Ryzen 7 7800X3D là chip chơi game tốt nhất.', 'ryzen bảy ' + n2('7800') + ' ' + LET['x'] + ' ba ' + '{d|dê|đi}' + ' là chip chơi game tốt nhất.')
add('v-prd-26', E, 'Laptop Dell XPS 13 9340 mỏng nhẹ.', 'laptop dell ' + ac('XPS') + ' [n:13] ' + n2('9340') + ' mỏng nhẹ.')
add('v-prd-27', E, 'Tai nghe AirPods Pro 2 chống ồn tốt.', 'tai nghe airpods pro hai chống ồn tốt.')
add('v-prd-28', E, 'Máy ảnh Sony A7 IV giá 50 triệu.', 'máy ảnh sony ' + LET['a'] + ' bảy {iv|bốn|i vê|ai vi} giá [n:50] triệu.')
add('v-prd-29', D, 'Ứng dụng Zalo bản 24.05.01 bị lỗi.', 'ứng dụng zalo bản [v:24.05.01] bị lỗi.')
add('v-prd-30', E, 'Wi-Fi 6E nhanh hơn Wi-Fi 5.', '{wi fi|wifi|oai phai} sáu ' + '{e|i}' + ' nhanh hơn {wi fi|wifi|oai phai} năm.')
add('v-prd-31', E, 'Xe Toyota Camry 2.5Q giá 1,4 tỷ.', 'xe toyota camry [p:2.5] {q|quy|kiu} giá [c:1,4] <T>.')
add('v-prd-32', E, 'Mình vừa lên đời iPhone 16 Pro nè!', 'mình vừa lên đời iphone [n:16] pro nè!')
add('v-prd-33', E, 'Bản GPT-4o trả lời nhanh hơn.', 'bản ' + ac('GPT') + ' bốn ' + '{o|ô|âu}' + ' trả lời nhanh hơn.')
add('v-prd-34', E, 'Máy bay Airbus A321neo cất cánh.', 'máy bay airbus ' + LET['a'] + ' ' + n2('321') + ' neo cất cánh.')
add('v-prd-35', E, 'Boeing 787-9 chở được 290 khách.', 'boeing ' + n2('787') + ' chín chở được [n:290] khách.')
add('v-prd-36', E, 'Galaxy Z Flip6 giá 26 triệu.', 'galaxy ' + LET['z'] + ' flip sáu giá [n:26] triệu.')
add('v-prd-37', E, 'Chơi game trên Xbox Series X rất mượt.', 'chơi game trên xbox series ' + LET['x'] + ' rất mượt.')
add('v-prd-38', D, 'Cập nhật firmware 1.2.3 cho router.', 'cập nhật firmware [v:1.2.3] cho router.')
add('v-prd-39', E, 'Xe Mazda CX-5 2024 bán chạy.', 'xe mazda ' + ac('CX') + ' năm [n:2024] bán chạy.')
add('v-prd-40', E, 'Đồng hồ Apple Watch Ultra 2 chống nước 100m.', 'đồng hồ apple watch ultra hai chống nước [n:100] mét.')
add('v-prd-41', E, 'Yamaha Exciter 155 VVA giá 48 triệu.', 'yamaha exciter [n:155] ' + ac('VVA') + ' giá [n:48] triệu.')
add('v-prd-42', D, 'Java 21 và Kotlin 2.0 đều được hỗ trợ.', 'java [n:21] và kotlin [v:2.0] đều được hỗ trợ.')
add('v-prd-43', E, 'Chip A17 Pro trên iPhone 15 Pro.', 'chip ' + LET['a'] + ' [n:17] pro trên iphone [n:15] pro.')
add('v-prd-44', E, 'Review nhanh Xiaomi 14 Ultra: camera quá đỉnh!', 'review nhanh xiaomi [n:14] ultra: camera quá đỉnh!')
add('v-prd-45', E, 'Máy giặt LG 9kg inverter tiết kiệm điện.', 'máy giặt ' + ac('LG') + ' chín ' + KG + ' inverter tiết kiệm điện.')
add('v-prd-46', E, 'TV Samsung 65 inch QLED giá 20 triệu.', '{tv|ti vi|tivi|tê vê} samsung [n:65] {inch|in|in sơ} qled giá [n:20] triệu.')
add('v-prd-47', E, 'Nvidia H100 có 80GB bộ nhớ.', 'nvidia ' + '{h|hát|hắt|ếch}' + ' [n:100] có [n:80] ' + GBW + ' bộ nhớ.')
add('v-prd-48', E, 'Xe điện VF3 giá 240 triệu.', 'xe điện ' + ac('VF') + ' ba giá [n:240] triệu.')
add('v-prd-49', D, 'Bản vá 23H2 sửa lỗi màn hình xanh.', 'bản vá ' + n2('23') + ' ' + H + ' hai sửa lỗi màn hình xanh.')
add('v-prd-50', D, 'Phiên bản 1.0.0 ra mắt năm 2020.', 'phiên bản [v:1.0.0] ra mắt năm [n:2020].')
add('v-prd-51', E, 'Cáp HDMI 2.1 hỗ trợ 8K 60Hz.', 'cáp ' + ac('HDMI') + ' [v:2.1] hỗ trợ tám {k|ca|cây} [n:60] {hz|héc}.')
add('v-prd-52', E, 'Kindle Paperwork 11 pin 10 tuần.', 'kindle paperwork [n:11] pin mười tuần.')
add('v-prd-53', E, 'Ổ SSD 1TB tốc độ 7000MB/s.', 'ổ ' + ac('SSD') + ' một {tb|tê ra bai|tê bê|terabyte} tốc độ [n:7000] {mb|mê ga bai|mờ bê|megabyte} {trên|một|mỗi} giây.')
add('v-prd-54', E, 'Honda Civic Type R 2023 mạnh 315 mã lực.', 'honda civic type ' + '{r|rờ|e rờ|a}' + ' [n:2023] mạnh [n:315] mã lực.')
add('v-prd-55', D, 'Office 2021 và Office 365 khác nhau thế nào?', 'office [n:2021] và office {[n:365]|[d:365]} khác nhau thế nào?')
add('v-prd-56', E, 'Tôi dùng Windows 11 23H2, chưa lên 24H2.', 'tôi dùng windows [n:11] ' + n2('23') + ' ' + H + ' hai, chưa lên ' + n2('24') + ' ' + H + ' hai.')
add('v-prd-57', E, 'Laptop có Intel Core Ultra 7 155H.', 'laptop có intel core ultra bảy [n:155] ' + H + '.')
add('v-prd-58', E, 'Loa JBL Flip 6 chống nước IP67.', 'loa ' + ac('JBL') + ' flip sáu chống nước ' + ac('IP') + ' ' + n2('67') + '.')
add('v-prd-59', E, 'Mẫu Galaxy A15 giá rẻ bán chạy.', 'mẫu galaxy ' + LET['a'] + ' [n:15] giá rẻ bán chạy.')
add('v-prd-60', D, 'Nâng cấp lên PHP 8.3 để nhanh hơn.', 'nâng cấp lên ' + ac('PHP') + ' [v:8.3] để nhanh hơn.')
add('v-prd-61', E, 'Xe máy Wave RSX 110 rất bền.', 'xe máy wave ' + ac('RSX') + ' [n:110] rất bền.')
add('v-prd-62', E, 'Máy lọc không khí Xiaomi 4 Lite.', 'máy lọc không khí xiaomi bốn lite.')
add('v-prd-63', D, 'HarmonyOS 4.2 có trên Mate 60.', 'harmonyos [v:4.2] có trên mate [n:60].')
add('v-prd-64', E, 'iPad Gen 10 giá chỉ 9 triệu.', 'ipad gen mười giá chỉ chín triệu.')
add('v-prd-65', E, 'Card AMD RX 7900 XTX rất khỏe.', 'card ' + ac('AMD') + ' ' + ac('RX') + ' ' + n2('7900') + ' ' + ac('XTX') + ' rất khỏe.')
add('v-prd-66', D, 'Cài Node 18.19.0 rồi chạy npm install.', 'cài node [v:18.19.0] rồi chạy npm install.')
add('v-prd-67', E, 'Tivi Sony Bravia 7 ra mắt năm nay.', 'tivi sony bravia bảy ra mắt năm nay.')
add('v-prd-68', E, 'Đánh giá Galaxy S23 FE sau 6 tháng.', 'đánh giá galaxy ' + LET['s'] + ' [n:23] ' + ac('FE') + ' sau sáu tháng.')
add('v-prd-69', D, 'Phiên bản 2.10.3 thêm chế độ tối.', 'phiên bản [v:2.10.3] thêm chế độ tối.')
add('v-prd-70', E, 'Chuột Logitech G502 X Plus giá 3 triệu.', 'chuột logitech ' + LET['g'] + ' ' + n2('502') + ' ' + LET['x'] + ' plus giá ba triệu.')
add('v-prd-71', E, 'Xe Ford Ranger XLS 2.0L.', 'xe ford ranger ' + ac('XLS') + ' [p:2.0] {lít|l|lờ}.')
add('v-prd-72', E, 'Camera hành trình GoPro Hero 12 Black.', 'camera hành trình gopro hero [n:12] black.')
add('v-prd-73', D, 'Trình điều khiển 551.86 sửa lỗi game.', 'trình điều khiển [v:551.86] sửa lỗi game.')
add('v-prd-74', E, 'Máy chạy Linux kernel 6.8 ổn định.', 'máy chạy linux kernel [v:6.8] ổn định.')
add('v-prd-75', E, 'Sạc dự phòng 20000mAh sạc được 4 lần.', 'sạc dự phòng [n:20000] mi li {am pe|am be} giờ sạc được bốn lần.')

# ============ family 3: numbers and amounts in foreign formats
add('v-fmt-01', CU, 'MacBook Pro giá $1,299 tại Mỹ.', 'macbook pro giá [n:1299] ' + DOL + ' tại mỹ.', '$ + comma + 3 digits: thousands')
add('v-fmt-02', CU, 'Doanh thu đạt €2.5M trong quý.', 'doanh thu đạt [p:2.5] triệu ' + EUR + ' trong quý.', 'M after an amount: triệu')
add('v-fmt-03', CU, 'Khoản vay 1,000,000 USD đã được giải ngân.', 'khoản vay một triệu ' + USD + ' đã được giải ngân.')
add('v-fmt-04', M, 'Quãng đường dài 12.5 km.', 'quãng đường dài [p:12.5] ' + KM + '.')
add('v-fmt-05', M, 'Quãng đường dài 12,5 km.', 'quãng đường dài [c:12,5] ' + KM + '.')
add('v-fmt-06', CU, 'Vé máy bay chỉ $99.99 một chiều.', 'vé máy bay chỉ {[p:99.99] ' + DOL + '|[n:99] ' + DOL + ' [n:99] xu} một chiều.')
add('v-fmt-07', CU, 'Startup gọi vốn $3.2B.', 'startup gọi vốn [p:3.2] <T> ' + DOL + '.', 'B after an amount: tỷ')
add('v-fmt-08', CU, 'Giá vé £50 cho người lớn.', 'giá vé [n:50] ' + GBP + ' cho người lớn.')
add('v-fmt-09', CU, 'Chiếc túi giá €1,250.', 'chiếc túi giá [n:1250] ' + EUR + '.')
add('v-fmt-10', CU, 'Apple đạt doanh thu $94.9 tỷ.', 'apple đạt doanh thu [p:94.9] <T> ' + DOL + '.')
add('v-fmt-11', CU, 'Giá dầu lên $85.5 một thùng.', 'giá dầu lên {[p:85.5] ' + DOL + '|[n:85] ' + DOL + ' [n:50] xu} một thùng.')
add('v-fmt-12', CU, 'Vốn hóa đạt $3 nghìn tỷ.', 'vốn hóa đạt ba <N> <T> ' + DOL + '.')
add('v-fmt-13', CU, 'Mua hàng Mỹ $25, phí ship $10.', 'mua hàng mỹ [n:25] ' + DOL + ', phí ship mười ' + DOL + '.')
add('v-fmt-14', CU, 'Lương tháng $2,500 ở Singapore.', 'lương tháng [n:2500] ' + DOL + ' ở singapore.')
add('v-fmt-15', CU, 'Giá cổ phiếu Apple $189.50.', 'giá cổ phiếu apple {[p:189.50] ' + DOL + '|[n:189] ' + DOL + ' [n:50] xu}.')
add('v-fmt-16', CU, 'Xuất khẩu đạt 12,5 tỷ USD.', 'xuất khẩu đạt [c:12,5] <T> ' + USD + '.')
add('v-fmt-17', CU, 'Xuất khẩu đạt 12.5 tỷ USD.', 'xuất khẩu đạt [p:12.5] <T> ' + USD + '.')
add('v-fmt-18', CU, 'Giá bitcoin vượt $100,000.', 'giá bitcoin vượt [n:100000] ' + DOL + '.')
add('v-fmt-19', CU, 'Phí dịch vụ US$15 mỗi tháng.', 'phí dịch vụ [n:15] ' + DOL + ' mỗi tháng.')
add('v-fmt-20', CU, 'Hợp đồng trị giá 2,5 triệu USD.', 'hợp đồng trị giá [c:2,5] triệu ' + USD + '.')
add('v-fmt-21', CU, 'Tàu chở 1,500,000 thùng dầu.', 'tàu chở một triệu năm trăm <N> thùng dầu.')
add('v-fmt-22', C, 'Dân số đạt 100,000,000 người.', 'dân số đạt một trăm triệu người.')
add('v-fmt-23', D, 'Số pi xấp xỉ 3.14159.', 'số pi xấp xỉ [p:3.14159].')
add('v-fmt-24', M, 'Cân nặng 0.5 kg mỗi gói.', 'cân nặng [p:0.5] ' + KG + ' mỗi gói.')
add('v-fmt-25', PC, 'Lạm phát Mỹ tăng 3.5%.', 'lạm phát mỹ tăng [p:3.5] phần trăm.')
add('v-fmt-26', PC, 'Lãi suất 6,5% một năm.', 'lãi suất [c:6,5] phần trăm một năm.')
add('v-fmt-27', M, 'Chiều cao 1.75 m.', 'chiều cao [p:1.75] mét.')
add('v-fmt-28', CU, 'Giá vàng thế giới $2,650 một ounce.', 'giá vàng thế giới [n:2650] ' + DOL + ' một ounce.')
add('v-fmt-29', CU, 'Nợ công 1.234,56 tỷ đồng.', 'nợ công [n:1234] phẩy [d:56] <T> đồng.', 'Vietnamese: dot thousands, comma decimal')
add('v-fmt-30', CU, 'Thu nhập 1,234.56 USD.', 'thu nhập [n:1234] {phẩy|chấm} {năm sáu|năm mươi sáu} ' + USD + '.', 'English: comma thousands, dot decimal')
add('v-fmt-31', CU, 'Giá thuê 800 USD/tháng.', 'giá thuê [n:800] ' + USD + ' {trên|một|mỗi} tháng.')
add('v-fmt-32', CU, 'Tài sản ròng ¥10,000,000.', 'tài sản ròng mười triệu yên.')
add('v-fmt-33', CU, 'Điện thoại giá ₩1,200,000 ở Hàn.', 'điện thoại giá một triệu hai trăm <N> won ở hàn.')
add('v-fmt-34', CU, 'Quỹ đầu tư $500K vào startup Việt.', 'quỹ đầu tư [n:500] <N> ' + DOL + ' vào startup việt.', 'K after an amount: nghìn')
add('v-fmt-35', CU, 'Thương vụ $1.5B gây chú ý.', 'thương vụ [p:1.5] <T> ' + DOL + ' gây chú ý.')
add('v-fmt-36', CU, 'Lương cầu thủ €300K mỗi tuần.', 'lương cầu thủ [n:300] <N> ' + EUR + ' mỗi tuần.')
add('v-fmt-37', CU, 'Giá chuyển nhượng €120M.', 'giá chuyển nhượng [n:120] triệu ' + EUR + '.')
add('v-fmt-38', M, 'Tốc độ tối đa 2.5 GHz.', 'tốc độ tối đa [p:2.5] {ghz|gi ga héc|ghi ga héc}.')
add('v-fmt-39', M, 'Thép dày 1.2 mm.', 'thép dày [p:1.2] mi li mét.')
add('v-fmt-40', M, 'Nhà cao 3,5 m.', 'nhà cao [c:3,5] mét.')
add('v-fmt-41', CU, 'Ví có 1.000.000 đồng.', 'ví có một triệu đồng.')
add('v-fmt-42', CU, 'Chỉ $5 cho một ly cà phê.', 'chỉ năm ' + DOL + ' cho một ly cà phê.')
add('v-fmt-43', CU, 'Giá $1,299.99 đã gồm thuế.', 'giá {[n:1299] {phẩy|chấm} {chín chín|chín mươi chín} ' + DOL + '|[n:1299] ' + DOL + ' [n:99] xu} đã gồm thuế.')
add('v-fmt-44', CU, 'Doanh thu 5.2 triệu USD.', 'doanh thu [p:5.2] triệu ' + USD + '.')
add('v-fmt-45', D, 'Điểm trung bình 8.25.', 'điểm trung bình [p:8.25].')
add('v-fmt-46', C, 'Nhà máy sản xuất 10,000 xe mỗi năm.', 'nhà máy sản xuất mười <N> xe mỗi năm.', 'decided: a comma then exactly 3 digits in a count of >= 10,000 is a thousands separator')
add('v-fmt-47', M, 'Nhiệt độ 36.6°C.', 'nhiệt độ [p:36.6] <DC>.')
add('v-fmt-48', CU, 'Giảm giá từ $1,499 xuống $1,199.', 'giảm giá từ [n:1499] ' + DOL + ' xuống [n:1199] ' + DOL + '.')
add('v-fmt-49', CU, 'Ngân sách £2.5 tỷ cho y tế.', 'ngân sách [p:2.5] <T> ' + GBP + ' cho y tế.')
add('v-fmt-50', CU, 'Kiều hối đạt 16 tỷ USD năm 2024.', 'kiều hối đạt mười sáu <T> ' + USD + ' năm [n:2024].')
add('v-fmt-51', CU, 'Mức phạt 5,000 USD.', 'mức phạt [n:5000] ' + USD + '.', 'comma + 3 digits before a foreign currency code: thousands')
add('v-fmt-52', CU, 'Tôi mua đôi giày $120 trên Amazon.', 'tôi mua đôi giày [n:120] ' + DOL + ' trên amazon.')
add('v-fmt-53', CU, 'Cầu thủ có giá €85 triệu.', 'cầu thủ có giá [n:85] triệu ' + EUR + '.')
add('v-fmt-54', CU, 'Khoản đầu tư 2.3 tỷ đô.', 'khoản đầu tư [p:2.3] <T> đô.')
add('v-fmt-55', M, 'Chạy 42.195 km marathon.', 'chạy [n:42195] ' + KM + ' marathon.', 'dot + 3 digits: thousands (README)')
add('v-fmt-56', M, 'Xe tiêu thụ 5.8 lít/100 km.', 'xe tiêu thụ [p:5.8] lít {trên|một|mỗi} một trăm ' + KM + '.')
add('v-fmt-57', CU, 'Giá 49.99 USD mỗi năm.', 'giá {[p:49.99] ' + USD + '|[n:49] ' + USD + ' [n:99] xu} mỗi năm.')
add('v-fmt-58', PC, 'GDP tăng trưởng 7.09% năm 2024.', '{gdp|gờ đê pê|giê đê pê|gi đi pi} tăng trưởng [p:7.09] phần trăm năm [n:2024].')
add('v-fmt-59', CU, 'Lương $4,200/tháng ở Mỹ.', 'lương [n:4200] ' + DOL + ' {trên|một|mỗi} tháng ở mỹ.')
add('v-fmt-60', CU, 'Giá thanh lý €15.', 'giá thanh lý [n:15] ' + EUR + '.')
add('v-fmt-61', CU, 'Bộ sưu tập trị giá $25,000,000.', 'bộ sưu tập trị giá [n:25] triệu ' + DOL + '.')
add('v-fmt-62', M, 'Cọc tiêu cao 0.75 m.', 'cọc tiêu cao [p:0.75] mét.')
add('v-fmt-63', CU, 'Anh ấy trả $1,050 tiền thuê.', 'anh ấy trả [n:1050] ' + DOL + ' tiền thuê.')
add('v-fmt-64', CU, 'Giá gốc $2,000, giảm còn $1,500.', 'giá gốc [n:2000] ' + DOL + ', giảm còn [n:1500] ' + DOL + '.')
add('v-fmt-65', M, 'Độ dày màn hình 7.9 mm.', 'độ dày màn hình [p:7.9] mi li mét.')
add('v-fmt-66', CU, 'Lỗ 1.2 tỷ đồng trong quý.', 'lỗ [p:1.2] <T> đồng trong quý.')
add('v-fmt-67', CU, 'Thu về €3.75 triệu.', 'thu về [p:3.75] triệu ' + EUR + '.')
add('v-fmt-68', CU, 'Phí chuyển tiền $2.5 mỗi lần.', 'phí chuyển tiền {[p:2.5] ' + DOL + '|hai ' + DOL + ' [n:50] xu} mỗi lần.')
add('v-fmt-69', CU, 'Quỹ có 2,000,000,000 USD.', 'quỹ có hai <T> ' + USD + '.')
add('v-fmt-70', CU, 'Đơn hàng $1,000 được miễn phí ship.', 'đơn hàng một <N> ' + DOL + ' được miễn phí ship.')
add('v-fmt-71', M, 'Vận tốc 9.8 m/s2.', 'vận tốc [p:9.8] mét {trên|một|mỗi} giây bình phương.')
add('v-fmt-72', CU, 'Hàng về giá €9.99 thôi nha!', 'hàng về giá {[p:9.99] ' + EUR + '|chín ' + EUR + ' [n:99] xu} thôi nha!')
add('v-fmt-73', CU, 'Năm 2023 thu hút 36,6 tỷ USD FDI.', 'năm [n:2023] thu hút [c:36,6] <T> ' + USD + ' ' + ac('FDI') + '.')
add('v-fmt-74', M, 'Kích thước 15.6 inch.', 'kích thước [p:15.6] {inch|in|in sơ}.')
add('v-fmt-75', CU, 'Chi phí ước tính $750,000.', 'chi phí ước tính [n:750000] ' + DOL + '.')

# ============ family 4: codes read digit by digit / letter by letter
add('v-cod-01', AB, 'Khách ở P.201, tầng 2.', 'khách ở phòng {[n:201]|[d:201]}, tầng hai.', 'P. + 3-digit number: phòng (wards are numbered low)')
add('v-cod-02', AB, 'Họp tại P.305 nhà A.', 'họp tại phòng {[n:305]|[d:305]} nhà a.')
add('v-cod-03', SC, 'Quang Hải ghi bàn phút 30\'.', 'quang hải ghi bàn phút [n:30].', "30' after phút: the minute once")
add('v-cod-04', SC, 'Công Phượng 45\' mở tỷ số.', 'công phượng {phút [n:45]|[n:45] phút} mở tỷ số.', "N' is the minute")
add('v-cod-05', FR, 'Cho 1/2-3/4 cốc đường.', 'cho một phần hai <D> ba phần {tư|bốn} cốc đường.', 'proper fractions either side: a fraction range')
add('v-cod-06', FR, 'Dùng 1/4-1/2 thìa muối.', 'dùng một phần {tư|bốn} <D> một phần hai thìa muối.')
add('v-cod-07', E, 'Chuyến bay VN123 cất cánh lúc 8h.', 'chuyến bay ' + ac('VN') + ' {[n:123]|[d:123]} cất cánh lúc tám giờ.')
add('v-cod-08', E, 'Chuyến VJ 125 bị hoãn 2 tiếng.', 'chuyến ' + ac('VJ') + ' {[n:125]|[d:125]} bị hoãn hai tiếng.')
add('v-cod-09', E, 'Tàu SE1 khởi hành từ ga Hà Nội.', 'tàu ' + ac('SE') + ' một khởi hành từ ga hà nội.')
add('v-cod-10', E, 'Tàu SE22 về đến Sài Gòn lúc 5h30.', 'tàu ' + ac('SE') + ' {[n:22]|[d:22]} về đến sài gòn lúc năm giờ ba mươi{ phút|}.')
add('v-cod-11', C, 'Mã bưu chính Hà Nội là 100000.', 'mã bưu chính hà nội là [d:100000].')
add('v-cod-12', C, 'Postcode 70000 của TP.HCM.', 'postcode [d:70000] của thành phố hồ chí minh.')
add('v-cod-13', E, 'Mã SKU: AB-1234-XL còn hàng.', 'mã ' + ac('SKU') + ': ' + ac('AB') + ' [d:1234] ' + ac('XL') + ' còn hàng.')
add('v-cod-14', E, 'Cổ phiếu VNM tăng trần.', 'cổ phiếu ' + ac('VNM') + ' tăng trần.')
add('v-cod-15', E, 'Mã HPG giảm 2%.', 'mã ' + ac('HPG') + ' giảm hai phần trăm.')
add('v-cod-16', E, 'Cổ phiếu AAPL và NVDA cùng tăng.', 'cổ phiếu ' + ac('AAPL') + ' và ' + ac('NVDA') + ' cùng tăng.')
add('v-cod-17', C, 'Mã đơn hàng 240512ABC đã giao.', 'mã đơn hàng [d:240512] ' + ac('ABC') + ' đã giao.')
add('v-cod-18', C, 'Số hiệu chuyến bay VN 7201.', 'số hiệu chuyến bay ' + ac('VN') + ' {[n:7201]|[d:7201]}.')
add('v-cod-19', E, 'Chuyến bay QH1521 đi Đà Nẵng.', 'chuyến bay ' + ac('QH') + ' {[n:1521]|[d:1521]} đi đà nẵng.')
add('v-cod-20', C, 'Nhập mã giảm giá SALE50 nhé!', 'nhập mã giảm giá sale {[n:50]|[d:50]} nhé!')
add('v-cod-21', C, 'Mã vạch 8934567890123 trên hộp.', 'mã vạch [d:8934567890123] trên hộp.')
add('v-cod-22', C, 'Số tài khoản 0071000123456 tại Vietcombank.', 'số tài khoản [d:0071000123456] tại vietcombank.')
add('v-cod-23', C, 'Mã OTP của bạn là 053918.', 'mã {otp|ô tê pê} của bạn là [d:053918].')
add('v-cod-24', C, 'Xe buýt số 03 chạy tuyến Bến Thành.', 'xe buýt số [d:03] chạy tuyến bến thành.')
add('v-cod-25', AB, 'Quốc lộ 1A bị ngập.', 'quốc lộ một ' + LET['a'] + ' bị ngập.')
add('v-cod-26', AB, 'Kẹt xe trên QL1A sáng nay.', 'kẹt xe trên quốc lộ một ' + LET['a'] + ' sáng nay.')
add('v-cod-27', C, 'IMEI 356789012345678 bị khóa.', '{imei|i mei|ai em i ai} [d:356789012345678] bị khóa.')
add('v-cod-28', E, 'Tàu SE3 dừng ở ga Huế.', 'tàu ' + ac('SE') + ' ba dừng ở ga huế.')
add('v-cod-29', E, 'Chuyến VN 254 hạ cánh an toàn.', 'chuyến ' + ac('VN') + ' {[n:254]|[d:254]} hạ cánh an toàn.')
add('v-cod-30', SC, 'Bàn thắng ở phút 90+3 gây tranh cãi.', 'bàn thắng ở phút [n:90] cộng ba gây tranh cãi.')
add('v-cod-31', SC, 'Văn Hậu bị thẻ đỏ phút 67\'.', 'văn hậu bị thẻ đỏ phút [n:67].')
add('v-cod-32', FR, 'Trộn 1/3-2/3 chén bột.', 'trộn một phần ba <D> hai phần ba chén bột.')
add('v-cod-33', DT, 'Nghỉ từ ngày 1/2-3/2.', 'nghỉ từ ngày một tháng hai <D> {ngày |}ba tháng hai.', 'with ngày/từ it stays a date range')
add('v-cod-34', E, 'Mã cổ phiếu FPT lên 130 nghìn.', 'mã cổ phiếu ' + ac('FPT') + ' lên [n:130] <N>.')
add('v-cod-35', C, 'Hộ chiếu số C1234567 hết hạn.', 'hộ chiếu số ' + '{c|xê|xi}' + ' [d:1234567] hết hạn.')
add('v-cod-36', C, 'Mã sản phẩm SP00123.', 'mã sản phẩm ' + ac('SP') + ' [d:00123].')
add('v-cod-37', C, 'ISBN 978-604-1-23456-7.', '{isbn|i ét bê nờ|ai ét bi en} [d:978] [d:604] một [d:23456] bảy.')
add('v-cod-38', AB, 'Phòng A2.05 ở tầng 2.', 'phòng ' + LET['a'] + ' hai chấm [d:05] ở tầng hai.')
add('v-cod-39', C, 'Tổng đài 1900 1234 hỗ trợ 24/7.', 'tổng đài [d:1900]{,|} [d:1234] hỗ trợ hai mươi {tư|bốn} {trên|gạch chéo|xuyệt|trên} bảy.')
add('v-cod-40', C, 'Mã vận đơn GHN123456789.', 'mã vận đơn ' + ac('GHN') + ' [d:123456789].')
add('v-cod-41', C, 'Số seri 5CD1234XYZ.', 'số seri năm ' + ac('CD') + ' [d:1234] ' + ac('XYZ') + '.')
add('v-cod-42', C, 'Mã bưu điện 550000 ở Đà Nẵng.', 'mã bưu điện [d:550000] ở đà nẵng.')
add('v-cod-43', E, 'Chuyến bay VJ 9801 đi Seoul.', 'chuyến bay ' + ac('VJ') + ' {[n:9801]|[d:9801]} đi seoul.')
add('v-cod-44', E, 'Cổ phiếu SSI và VCB giao dịch sôi động.', 'cổ phiếu ' + ac('SSI') + ' và ' + ac('VCB') + ' giao dịch sôi động.')
add('v-cod-45', C, 'Mã PIN 0000 là mặc định.', 'mã {pin|pin|pê i nờ} [d:0000] là mặc định.')
add('v-cod-46', C, 'Liên hệ số máy lẻ 105.', 'liên hệ số máy lẻ {[n:105]|[d:105]}.')
add('v-cod-47', C, 'Mã lớp CS101 học thứ 2.', 'mã lớp ' + ac('CS') + ' {[n:101]|[d:101]} học thứ hai.')
add('v-cod-48', SC, 'Bàn gỡ ở phút 88\' quá đẹp!', 'bàn gỡ ở phút [n:88] quá đẹp!')
add('v-cod-49', FR, 'Ống nước phi 1/2-3/4 inch.', 'ống nước phi một phần hai <D> ba phần {tư|bốn} {inch|in|in sơ}.')
add('v-cod-50', C, 'Mã số sinh viên 20215678.', 'mã số sinh viên [d:20215678].')
add('v-cod-51', E, 'Chuyến tàu TN2 đã chạy.', 'chuyến tàu ' + ac('TN') + ' hai đã chạy.')
add('v-cod-52', C, 'Mã khách hàng PE01234567.', 'mã khách hàng ' + ac('PE') + ' [d:01234567].')
add('v-cod-53', E, 'Mã chứng khoán VIC giảm sàn.', 'mã chứng khoán ' + ac('VIC') + ' giảm sàn.')
add('v-cod-54', C, 'Số phòng 1205 ở tầng 12.', 'số phòng {[n:1205]|[d:1205]} ở tầng mười hai.')
add('v-cod-55', SC, 'Tiến Linh lập cú đúp (23\', 56\').', 'tiến linh lập cú đúp' + PAR + ' {phút [n:23]|[n:23] phút}, {phút [n:56]|[n:56] phút}' + PAR + '.')
add('v-cod-56', C, 'Mã tra cứu hóa đơn X7K9P2.', 'mã tra cứu hóa đơn ' + LET['x'] + ' bảy {k|ca|cây} chín {p|pê|pi} hai.')
add('v-cod-57', E, 'Cổ phiếu TSLA giảm mạnh đêm qua.', 'cổ phiếu ' + ac('TSLA') + ' giảm mạnh đêm qua.')
add('v-cod-58', C, 'Số hợp đồng HD-2024-0015.', 'số hợp đồng ' + ac('HD') + ' [n:2024] [d:0015].')
add('v-cod-59', C, 'Mã xác thực gửi tới máy là 7391.', 'mã xác thực gửi tới máy là [d:7391].')
add('v-cod-60', E, 'Chuyến bay VN-A321 bị hoãn.', 'chuyến bay ' + ac('VN') + ' ' + LET['a'] + ' {[n:321]|[d:321]} bị hoãn.')
add('v-cod-61', C, 'Bảo hành theo số serial SN20240123.', 'bảo hành theo số serial ' + ac('SN') + ' [d:20240123].')
add('v-cod-62', E, 'Tàu SE8 chậm 30 phút.', 'tàu ' + ac('SE') + ' tám chậm [n:30] phút.')
add('v-cod-63', SC, 'Phút 45+2\' Hùng Dũng ghi bàn.', 'phút [n:45] cộng hai hùng dũng ghi bàn.')
add('v-cod-64', C, 'Mã số BHXH 0123456789.', 'mã số bảo hiểm xã hội [d:0123456789].')
add('v-cod-65', C, 'Mã ngành 7480201 Công nghệ thông tin.', 'mã ngành [d:7480201] công nghệ thông tin.')
add('v-cod-66', E, 'Chuyến bay BL 6020 khởi hành 6h15.', 'chuyến bay ' + ac('BL') + ' {[n:6020]|[d:6020]} khởi hành sáu giờ mười lăm{ phút|}.')
add('v-cod-67', C, 'Mã hồ sơ 000123 đã được duyệt.', 'mã hồ sơ [d:000123] đã được duyệt.')
add('v-cod-68', C, 'Mã thẻ cào 123456789012.', 'mã thẻ cào [d:123456789012].')
add('v-cod-69', AB, 'Gặp ở P.102 nhé!', 'gặp ở phòng {[n:102]|[d:102]} nhé!')
add('v-cod-70', AB, 'Cửa hàng ở P.3, Q.10.', 'cửa hàng ở phường ba, quận mười.', 'P. + low number: still phường')
add('v-cod-71', FR, 'Lấy 1/2-1 chén nước.', 'lấy một phần hai <D> một chén nước.')
add('v-cod-72', C, 'Nhập mã KM2024 để giảm giá.', 'nhập mã ' + ac('KM') + ' {[n:2024]|[d:2024]} để giảm giá.')
add('v-cod-73', E, 'Chuyến VN 1 sớm nhất trong ngày.', 'chuyến ' + ac('VN') + ' một sớm nhất trong ngày.')
add('v-cod-74', C, 'Mã tỉnh 079 là TP.HCM.', 'mã tỉnh [d:079] là thành phố hồ chí minh.')
add('v-cod-75', C, 'Mã số hộ kinh doanh 41K8012345.', 'mã số hộ kinh doanh [d:41] {k|ca|cây} [d:8012345].')

if __name__ == '__main__':
    write_cases(cases, sys.argv[1])
