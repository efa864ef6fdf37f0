#!/usr/bin/env python3
# gen_textnorm_cases_w.py - regenerates tests/golden/textnorm_cases_w.jsonl: the
# seventh set of our own normaliser cases (issue 16, second blind pass), written
# from the rules of ../shared/textnorm/README.md and the readings decided in
# docs/textnorm-codes.md BEFORE running the normaliser on them, with inputs
# different from textnorm_cases_v. Four families across registers (news, legal,
# e-commerce, tech reviews, sports, chat):
#   w-leg-*  legal and administrative document numbers and references
#   w-prd-*  product names, versions and model numbers
#   w-fmt-*  numbers and amounts in foreign formats
#   w-cod-*  codes read digit by digit or letter by letter (flights, trains,
#            licence plates, postcodes, SKUs, tickers, rooms, minutes, fractions)
# The family is the id's second field; the category is the README's.
# Helpers (document numbers, acronym spellings, number markers) come from
# gen_textnorm_cases_v.py / gen_textnorm_cases_t.py.
# Usage: gen_textnorm_cases_w.py OUT.jsonl
import json, re, sys

from gen_textnorm_cases_t import expand, DOL, USD, VND, KM, KG, EUR, GBP, SL, AT, MIN, CM, MM, X
from gen_textnorm_cases_v import ac, n2, doc, DOC, H, GBW, CS, YS
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

HZ = '{hz|héc}'
GHZ = '{ghz|gi ga héc|ghi ga héc}'
MHZ = '{mhz|mê ga héc}'
MAH = 'mi li {am pe|am be} giờ'
IN = '{inch|in|in sơ}'
TB = '{tb|tê ra bai|tê bê|terabyte}'
MP = '{mp|mê ga pixel|mờ pê|em pi}'
PER = '{trên|một|mỗi}'
G5 = '{g|gờ|giê|gi}'


def dd(s):
    """A digit string inside a code: read as a number or digit by digit."""
    return n2(s)


DOC.update({'BKHĐT': 'bộ kế hoạch và đầu tư', 'BVHTTDL': 'bộ văn hóa thể thao và du lịch',
            'BNG': 'bộ ngoại giao', 'VKSNDTC': 'viện kiểm sát nhân dân tối cao',
            'SGDĐT': 'sở giáo dục và đào tạo', 'BB': 'biên bản', 'VPHC': 'vi phạm hành chính',
            'HC': 'hành chính', 'KDTM': 'kinh doanh thương mại', 'HNGĐ': 'hôn nhân gia đình',
            'XPVPHC': 'xử phạt vi phạm hành chính', 'TTr': 'tờ trình', 'HD': 'hướng dẫn',
            'CĐ': 'công điện', 'BKHCN': 'bộ khoa học và công nghệ', 'L': 'lệnh',
            'CTN': 'chủ tịch nước', 'AL': 'án lệ', 'TW': 'trung ương', 'KCB': 'khám chữa bệnh',
            'QĐi': 'quy định', 'BTNMT': 'bộ tài nguyên và môi trường', 'SYT': 'sở y tế',
            'STNMT': 'sở tài nguyên và môi trường', 'CAT': 'công an tỉnh', 'UBTVQH': '{ủy|uỷ} ban thường vụ quốc hội'})

# ============ family 1: legal and administrative document numbers and references
LEG = [
    ('Nghị định 15/2018/NĐ-CP hướng dẫn Luật An toàn thực phẩm.', 'nghị định {d} hướng dẫn luật an toàn thực phẩm.', '15/2018/NĐ-CP'),
    ('Thông tư 43/2024/TT-BGTVT có hiệu lực năm sau.', 'thông tư {d} có hiệu lực năm sau.', '43/2024/TT-BGTVT'),
    ('Quyết định 2567/QĐ-UBND về giá nước sạch.', 'quyết định {d} về giá nước sạch.', '2567/QĐ-UBND'),
    ('Luật Doanh nghiệp số 59/2020/QH14 thay thế luật cũ.', 'luật doanh nghiệp số {d} thay thế luật cũ.', '59/2020/QH14'),
    ('Nghị quyết 119/2020/QH14 về chính quyền đô thị Đà Nẵng.', 'nghị quyết {d} về chính quyền đô thị đà nẵng.', '119/2020/QH14'),
    ('Thông tư 01/2021/TT-BKHĐT hướng dẫn đăng ký doanh nghiệp.', 'thông tư {d} hướng dẫn đăng ký doanh nghiệp.', '01/2021/TT-BKHĐT'),
    ('Quyết định 1229/QĐ-BVHTTDL công nhận di sản.', 'quyết định {d} công nhận di sản.', '1229/QĐ-BVHTTDL'),
    ('Công điện 1089/CĐ-TTg về ứng phó bão.', 'công điện {d} về ứng phó bão.', '1089/CĐ-TTg'),
    ('Tờ trình 345/TTr-BTC trình Chính phủ.', 'tờ trình {d} trình chính phủ.', '345/TTr-BTC'),
    ('Biên bản vi phạm số 05/BB-VPHC đã lập.', 'biên bản vi phạm số {d} đã lập.', '05/BB-VPHC'),
    ('Quyết định xử phạt 12/QĐ-XPVPHC gửi chủ xe.', 'quyết định xử phạt {d} gửi chủ xe.', '12/QĐ-XPVPHC'),
    ('Bản án 45/2024/DS-PT bác đơn kháng cáo.', 'bản án {d} bác đơn kháng cáo.', '45/2024/DS-PT'),
    ('Bản án số 123/2022/KDTM-ST xử vụ tranh chấp hợp đồng.', 'bản án số {d} xử vụ tranh chấp hợp đồng.', '123/2022/KDTM-ST'),
    ('Bản án 08/2024/HNGĐ-ST giải quyết ly hôn.', 'bản án {d} giải quyết ly hôn.', '08/2024/HNGĐ-ST'),
    ('Bản án 15/2023/HC-PT của Tòa cấp cao.', 'bản án {d} của tòa cấp cao.', '15/2023/HC-PT'),
    ('Án lệ số 47/2021/AL về hợp đồng đặt cọc.', 'án lệ số {d} về hợp đồng đặt cọc.', '47/2021/AL'),
    ('Lệnh số 05/2024/L-CTN công bố luật.', 'lệnh số {d} công bố luật.', '05/2024/L-CTN'),
    ('Hướng dẫn 36-HD/TW về kết nạp đảng viên.', 'hướng dẫn [n:36] hướng dẫn {|trên }trung ương về kết nạp đảng viên.', None),
    ('Nghị quyết 29-NQ/TW về đổi mới giáo dục.', 'nghị quyết [n:29] nghị quyết {|trên }trung ương về đổi mới giáo dục.', None),
    ('Thông tư 10/2024/TT-BKHCN về đo lường.', 'thông tư {d} về đo lường.', '10/2024/TT-BKHCN'),
    ('Nghị định 08/2022/NĐ-CP ngày 10/01/2022 quy định chi tiết Luật Bảo vệ môi trường.', 'nghị định {d} ngày mười tháng một năm [n:2022] quy định chi tiết luật bảo vệ môi trường.', '08/2022/NĐ-CP'),
    ('Quyết định 1055/QĐ-TTg ngày 20/7/2020 ban hành kế hoạch.', 'quyết định {d} ngày hai mươi tháng bảy năm [n:2020] ban hành kế hoạch.', '1055/QĐ-TTg'),
    ('Công văn 2345/SGDĐT-GDTrH gửi các trường.', 'công văn {d} gửi các trường.', '2345/SGDĐT-GDTrH'),
    ('Nghị định 65/2023/NĐ-CP về sở hữu trí tuệ.', 'nghị định {d} về sở hữu trí tuệ.', '65/2023/NĐ-CP'),
    ('Thông tư 80/2021/TT-BTC hướng dẫn Luật Quản lý thuế.', 'thông tư {d} hướng dẫn luật quản lý thuế.', '80/2021/TT-BTC'),
    ('Quyết định 720/QĐ-BNG bổ nhiệm đại sứ.', 'quyết định {d} bổ nhiệm đại sứ.', '720/QĐ-BNG'),
    ('Thông tư 02/2023/TT-VKSNDTC về kiểm sát.', 'thông tư {d} về kiểm sát.', '02/2023/TT-VKSNDTC'),
    ('Nghị quyết 04/2017/NQ-HĐTP hướng dẫn Bộ luật Dân sự.', 'nghị quyết {d} hướng dẫn bộ luật dân sự.', '04/2017/NQ-HĐTP'),
    ('Chị xem giúp em Thông tư 200/2014/TT-BTC với ạ?', 'chị xem giúp em thông tư {d} với ạ?', '200/2014/TT-BTC'),
    ('Nghị định 38/2022/NĐ-CP tăng lương tối thiểu vùng.', 'nghị định {d} tăng lương tối thiểu vùng.', '38/2022/NĐ-CP'),
    ('Quyết định 4567/QĐ-SYT về phòng dịch.', 'quyết định {d} về phòng dịch.', '4567/QĐ-SYT'),
    ('Thông báo 210/TB-STNMT về thu hồi đất.', 'thông báo {d} về thu hồi đất.', '210/TB-STNMT'),
    ('Luật Đấu thầu 22/2023/QH15 có hiệu lực từ năm 2024.', 'luật đấu thầu {d} có hiệu lực từ năm [n:2024].', '22/2023/QH15'),
    ('Nghị quyết 27/2022/UBTVQH15 về kỳ họp.', 'nghị quyết {d} về kỳ họp.', '27/2022/UBTVQH15'),
    ('Thông tư 17/2023/TT-BTNMT ban hành quy chuẩn.', 'thông tư {d} ban hành quy chuẩn.', '17/2023/TT-BTNMT'),
    ('Quyết định 99/QĐ-CAT xử lý vi phạm.', 'quyết định {d} xử lý vi phạm.', '99/QĐ-CAT'),
    ('Nghị định 100/2019/NĐ-CP, Điều 5, khoản 4.', 'nghị định {d}, điều năm, khoản bốn.', '100/2019/NĐ-CP'),
    ('Theo Quyết định số 330/QĐ-UBND, dự án phải dừng. Chủ đầu tư kháng nghị.', 'theo quyết định số {d}, dự án phải dừng. chủ đầu tư kháng nghị.', '330/QĐ-UBND'),
    ('Kế hoạch 56/KH-UBND về chuyển đổi số năm 2025.', 'kế hoạch {d} về chuyển đổi số năm [n:2025].', '56/KH-UBND'),
    ('Báo cáo 789/BC-BYT gửi Quốc hội.', 'báo cáo {d} gửi quốc hội.', '789/BC-BYT'),
]
for i, (inp, tmpl, dn) in enumerate(LEG, 1):
    t = tmpl.replace('{d}', doc(dn)) if dn else tmpl
    add('w-leg-%02d' % i, MX, inp, t, 'document number ' + (dn or ''))
DOC['GDTrH'] = 'giáo dục trung học'

DOC.update({'TLST': 'thụ lý sơ thẩm', 'KT': 'kinh tế', 'TK': 'tờ khai', 'TNCN': 'thu nhập cá nhân'})
REF = [
    (AB, 'Theo Điều 51 Bộ luật Hình sự 2015, bị cáo được giảm nhẹ.', 'theo điều [n:51] bộ luật hình sự [n:2015], bị cáo được giảm nhẹ.'),
    (AB, 'Vi phạm khoản 3 Điều 134 Bộ luật Hình sự.', 'vi phạm khoản ba điều [n:134] bộ luật hình sự.'),
    (AB, 'Áp dụng điểm b khoản 1 Điều 52.', 'áp dụng điểm {b|bê|bờ} khoản một điều [n:52].'),
    (AB, 'Căn cứ điểm đ khoản 2 Điều 6 Nghị định 100/2019/NĐ-CP;', 'căn cứ điểm {đ|đê|đờ} khoản hai điều sáu nghị định ' + doc('100/2019/NĐ-CP') + ';'),
    (R, 'Chương XII quy định về hiệu lực thi hành.', 'chương mười hai quy định về hiệu lực thi hành.'),
    (R, 'Mục IV của Phần thứ hai bàn về thừa kế.', 'mục bốn của phần thứ hai bàn về thừa kế.'),
    (R, 'Chương III Luật Đất đai 2024 có 15 điều.', 'chương ba luật đất đai [n:2024] có mười lăm điều.'),
    (AB, 'Hiến pháp 2013, Điều 14.', 'hiến pháp [n:2013], điều mười bốn.'),
    (C, 'Số hộ chiếu C1234567 hết hạn năm 2030.', 'số hộ chiếu ' + ac('C') + ' [d:1234567] hết hạn năm [n:2030].'),
    (C, 'Căn cước công dân số 079095001234 cấp ngày 12/3/2021.', 'căn cước công dân số [d:079095001234] cấp ngày mười hai tháng ba năm [n:2021].'),
    (C, 'Mã số doanh nghiệp 0312345678 do Sở cấp.', 'mã số doanh nghiệp [d:0312345678] do sở cấp.'),
    (C, 'Thửa đất số 125, tờ bản đồ số 34.', 'thửa đất số [n:125], tờ bản đồ số [n:34].'),
    (C, 'Số BHXH của tôi là 7912345678.', 'số bảo hiểm xã hội của tôi là [d:7912345678].'),
    (C, 'Hồ sơ số 000456 đã được tiếp nhận.', 'hồ sơ số [d:000456] đã được tiếp nhận.'),
    (AB, 'Điều 2 Thông tư 06/2023/TT-BCA quy định đối tượng áp dụng.', 'điều hai thông tư ' + doc('06/2023/TT-BCA') + ' quy định đối tượng áp dụng.'),
    (AB, 'Luật sư trích dẫn Điều 328 Bộ luật Dân sự về đặt cọc.', 'luật sư trích dẫn điều [n:328] bộ luật dân sự về đặt cọc.'),
    (AB, 'Điểm c khoản 2 Điều 260 quy định khung hình phạt.', 'điểm {c|xê|xờ} khoản hai điều [n:260] quy định khung hình phạt.'),
    (R, 'Khóa XV Quốc hội họp kỳ thứ 8.', 'khóa mười lăm quốc hội họp kỳ thứ tám.'),
    (R, 'Đại hội XIII của Đảng diễn ra năm 2021.', 'đại hội mười ba của đảng diễn ra năm [n:2021].'),
    (R, 'Hội nghị Trung ương lần thứ X bàn về nhân sự.', 'hội nghị trung ương lần thứ mười bàn về nhân sự.'),
    (C, 'Giấy phép lái xe số 790123456789 hạng B2.', 'giấy phép lái xe số [d:790123456789] hạng ' + ac('B') + ' hai.'),
    (C, 'Mã số thuế cá nhân 8012345678 đã kích hoạt.', 'mã số thuế cá nhân [d:8012345678] đã kích hoạt.'),
    (AB, 'Nghị định 100/2019/NĐ-CP được sửa bởi Nghị định 123/2021/NĐ-CP.', 'nghị định ' + doc('100/2019/NĐ-CP') + ' được sửa bởi nghị định ' + doc('123/2021/NĐ-CP') + '.'),
    (AB, 'Quyết định số 18/2023/QĐ-UBND ngày 5/6/2023.', 'quyết định số ' + doc('18/2023/QĐ-UBND') + ' ngày năm tháng sáu năm [n:2023].'),
    (AB, 'Vụ án số 56/2024/TLST-HS đang thụ lý.', 'vụ án số [n:56] ' + YS + ' [n:2024] ' + CS + 'thụ lý sơ thẩm hình sự đang thụ lý.'),
    (AB, 'Nghị định số 70/NĐ-CP năm 2025.', 'nghị định số [n:70] ' + CS + 'nghị định chính phủ năm [n:2025].'),
    (AB, 'Thông tư này thay thế Thông tư số 09/2019/TT-BYT.', 'thông tư này thay thế thông tư số ' + doc('09/2019/TT-BYT') + '.'),
    (AB, 'Phạt theo Điều 6, Nghị định 168/2024/NĐ-CP: 6-8 triệu.', 'phạt theo điều sáu, nghị định ' + doc('168/2024/NĐ-CP') + ': sáu <D> tám triệu.'),
    (AB, 'Văn bản số 1234/UBND-KT gửi các phường.', 'văn bản số [n:1234] ' + CS + '{ủy|uỷ} ban nhân dân kinh tế gửi các phường.'),
    (AB, 'Quy định 08-QĐi/TW về trách nhiệm nêu gương.', 'quy định [d:08] quy định {|trên }trung ương về trách nhiệm nêu gương.'),
    (AB, 'Mẫu 01/TK-TNCN dùng để quyết toán thuế.', 'mẫu ' + doc('01/TK-TNCN') + ' dùng để quyết toán thuế.'),
    (AB, 'Theo Điều 5.2 của hợp đồng, bên B phải thanh toán.', 'theo điều [v:5.2] của hợp đồng, bên ' + ac('B') + ' phải thanh toán.'),
    (AB, 'QCVN 41:2019/BGTVT là quy chuẩn báo hiệu đường bộ.', '{' + ac('QCVN')[1:-1] + '|quy chuẩn việt nam} [n:41] {hai chấm |năm |}[n:2019] ' + CS + 'bộ giao thông vận tải là quy chuẩn báo hiệu đường bộ.'),
    (AB, 'Tiêu chuẩn TCVN 5574:2018 về kết cấu bê tông.', 'tiêu chuẩn {' + ac('TCVN')[1:-1] + '|việt nam} {[n:5574]|[d:5574]} {hai chấm |năm |}[n:2018] về kết cấu bê tông.'),
]
for i, row in enumerate(REF, len(LEG) + 1):
    add('w-leg-%02d' % i, *row)
add('w-leg-75', MX, 'Nghị quyết số 57-NQ/TW và Nghị quyết 66-NQ/TW là hai nghị quyết quan trọng.',
    'nghị quyết số [n:57] nghị quyết {|trên }trung ương và nghị quyết [n:66] nghị quyết {|trên }trung ương là hai nghị quyết quan trọng.')

# ============ family 2: product names, versions and model numbers
PRD = [
    (E, 'iPhone 16 Pro Max có nút Camera Control mới.', 'iphone [n:16] pro max có nút camera control mới.'),
    (E, 'Galaxy S25 Ultra dùng chip Snapdragon 8 Elite.', 'galaxy ' + ac('S') + ' [n:25] ultra dùng chip snapdragon tám elite.'),
    (E, 'Card GTX 1650 vẫn chơi tốt game eSports.', 'card ' + ac('GTX') + ' ' + dd('1650') + ' vẫn chơi tốt game esports.'),
    (E, 'Tesla Model 3 và Model Y bán chạy nhất.', 'tesla model ba và model ' + ac('Y') + ' bán chạy nhất.'),
    (E, 'Honda CR-V 2025 có bản hybrid.', 'honda ' + ac('CR') + ' ' + ac('V') + ' [n:2025] có bản hybrid.'),
    (E, 'Mazda 3 bản 1.5L giá hơn 600 triệu.', 'mazda ba bản [p:1.5] {l|lít|lờ} giá hơn [n:600] triệu.'),
    (E, 'Chip Core i5-13400F đủ cho văn phòng.', 'chip core ' + ac('I') + ' năm ' + dd('13400') + ' ' + ac('F') + ' đủ cho văn phòng.'),
    (E, 'MacBook Pro M4 Pro có 24GB RAM.', 'macbook pro ' + ac('M') + ' bốn pro có [n:24] ' + GBW + ' ram.'),
    (E, 'Máy PS4 Pro giờ chỉ còn 5 triệu.', '{ps|pê ét|pi ét} bốn pro giờ chỉ còn năm triệu.'.replace('{ps', 'máy {ps')),
    (E, 'Nintendo Switch 2 ra mắt tháng 6.', 'nintendo switch hai ra mắt tháng sáu.'),
    (D, 'Python 3.11.4 sửa nhiều lỗi.', 'python [v:3.11.4] sửa nhiều lỗi.'),
    (D, 'Dự án yêu cầu Java 17 trở lên.', 'dự án yêu cầu java [n:17] trở lên.'),
    (D, 'Android 15 có tính năng chống trộm.', 'android [n:15] có tính năng chống trộm.'),
    (D, 'Tai nghe hỗ trợ Bluetooth 5.3.', 'tai nghe hỗ trợ bluetooth [v:5.3].'),
    (E, 'Router Wi-Fi 7 giá khá cao.', 'router {wi fi|wifi|oai phai} bảy giá khá cao.'),
    (E, 'Mạng 5G đã phủ sóng Hà Nội.', 'mạng năm ' + G5 + ' đã phủ sóng hà nội.'),
    (E, 'RAM DDR4 3200MHz giá rẻ.', 'ram ' + ac('DDR') + ' bốn ' + dd('3200') + ' ' + MHZ + ' giá rẻ.'),
    (M, 'Màn hình 120Hz rất mượt.', 'màn hình [n:120] ' + HZ + ' rất mượt.'),
    (M, 'Pin 5000mAh dùng cả ngày.', 'pin [n:5000] ' + MAH + ' dùng cả ngày.'),
    (E, 'Camera chính 50MP, góc rộng 12MP.', 'camera chính [n:50] ' + MP + ', góc rộng [n:12] ' + MP + '.'),
    (E, 'Ổ cứng 2TB SSD NVMe.', 'ổ cứng hai ' + TB + ' ' + ac('SSD') + ' nvme.'),
    (E, 'Xe Kia K3 bản 2.0 Premium.', 'xe kia ' + ac('K') + ' ba bản [p:2.0] premium.'),
    (E, 'Hyundai Tucson 1.6 Turbo mạnh mẽ.', 'hyundai tucson [p:1.6] turbo mạnh mẽ.'),
    (E, 'VinFast VF 9 có 7 chỗ.', 'vinfast ' + ac('VF') + ' chín có bảy chỗ.'),
    (E, 'Honda Vision 2024 giá 31 triệu.', 'honda vision [n:2024] giá [n:31] triệu.'),
    (E, 'Yamaha NVX 155 bản mới.', 'yamaha ' + ac('NVX') + ' [n:155] bản mới.'),
    (E, 'Máy ảnh Canon EOS R6 quay 4K.', 'máy ảnh canon ' + ac('EOS') + ' ' + ac('R') + ' sáu quay bốn {k|ca|cây}.'),
    (E, 'Sony WH-1000XM5 chống ồn đỉnh.', 'sony ' + ac('WH') + ' ' + dd('1000') + ' ' + ac('XM') + ' năm chống ồn đỉnh.'),
    (E, 'Chip Apple A18 Pro sản xuất trên tiến trình 3nm.', 'chip apple ' + ac('A') + ' [n:18] pro sản xuất trên tiến trình ba {nm|na nô mét}.'),
    (E, 'Laptop ThinkPad X1 Carbon Gen 12.', 'laptop thinkpad ' + ac('X') + ' một carbon gen [n:12].'),
    (E, 'Asus ROG Strix G16 dành cho game thủ.', 'asus ' + ac('ROG') + ' strix ' + ac('G') + ' [n:16] dành cho game thủ.'),
    (E, 'Màn hình Dell U2723QE có cổng USB-C.', 'màn hình dell ' + ac('U') + ' ' + dd('2723') + ' ' + ac('QE') + ' có cổng ' + ac('USB') + ' ' + ac('C') + '.'),
    (E, 'Galaxy Tab S9 FE có bút S Pen.', 'galaxy tab ' + ac('S') + ' chín ' + ac('FE') + ' có bút ' + ac('S') + ' pen.'),
    (E, 'Oppo Reno12 F giá mềm.', 'oppo reno ' + dd('12') + ' ' + ac('F') + ' giá mềm.'),
    (E, 'Xiaomi Redmi 13C pin trâu.', 'xiaomi redmi ' + dd('13') + ' ' + ac('C') + ' pin trâu.'),
    (E, 'Máy giặt Electrolux 10kg cửa trước.', 'máy giặt electrolux mười ' + KG + ' cửa trước.'),
    (E, 'Tủ lạnh Panasonic 322 lít tiết kiệm điện.', 'tủ lạnh panasonic [n:322] lít tiết kiệm điện.'),
    (E, 'Điều hòa Daikin 1HP làm lạnh nhanh.', 'điều hòa daikin một {hp|hát pê|ếch pi|ngựa|mã lực} làm lạnh nhanh.'),
    (E, 'Nồi chiên không dầu 5.5L cho gia đình.', 'nồi chiên không dầu [p:5.5] {l|lít|lờ} cho gia đình.'),
    (D, 'Phiên bản v2.3.1 vá lỗi đăng nhập.', 'phiên bản {v|vê|vi} [v:2.3.1] vá lỗi đăng nhập.'),
    (D, 'Cập nhật lên iOS 18.2 để dùng Apple Intelligence.', 'cập nhật lên ios [v:18.2] để dùng apple intelligence.'),
    (D, 'Bản Windows 11 build 26100 đang thử nghiệm.', 'bản windows [n:11] build ' + dd('26100') + ' đang thử nghiệm.'),
    (D, 'Docker 27.0 hỗ trợ tốt hơn.', 'docker [v:27.0] hỗ trợ tốt hơn.'),
    (D, 'Ứng dụng MoMo bản 4.1.5 có giao diện mới.', 'ứng dụng momo bản [v:4.1.5] có giao diện mới.'),
    (D, 'Unity 6 và Unreal Engine 5.4 so kè.', 'unity sáu và unreal engine [v:5.4] so kè.'),
    (E, 'Xe Ford Ranger Raptor 2.0 Bi-Turbo.', 'xe ford ranger raptor [p:2.0] {bi turbo|biturbo}.'),
    (E, 'Toyota Vios 1.5G CVT giá tốt.', 'toyota vios [p:1.5] ' + ac('G') + ' ' + ac('CVT') + ' giá tốt.'),
    (E, 'Mercedes C300 AMG màu đen.', 'mercedes ' + ac('C') + ' ' + dd('300') + ' ' + ac('AMG') + ' màu đen.'),
    (E, 'BMW X5 đời 2022 còn mới.', ac('BMW') + ' ' + ac('X') + ' năm đời [n:2022] còn mới.'),
    (E, 'Đồng hồ Garmin Forerunner 965 đo nhịp tim.', 'đồng hồ garmin forerunner ' + dd('965') + ' đo nhịp tim.'),
    (E, 'Loa Marshall Emberton II nghe hay.', 'loa marshall emberton {ii|hai|i i} nghe hay.'),
    (E, 'Máy lọc nước Kangaroo KG100HQ bán chạy.', 'máy lọc nước kangaroo ' + ac('KG') + ' ' + dd('100') + ' ' + ac('HQ') + ' bán chạy.'),
    (E, 'Bàn phím cơ Keychron K2 V2.', 'bàn phím cơ keychron ' + ac('K') + ' hai ' + ac('V') + ' hai.'),
    (E, 'Chuột Logitech G502 Hero cho game thủ.', 'chuột logitech ' + ac('G') + ' ' + dd('502') + ' hero cho game thủ.'),
    (E, 'Card RX 9070 XT cạnh tranh RTX 5070.', 'card ' + ac('RX') + ' ' + dd('9070') + ' ' + ac('XT') + ' cạnh tranh ' + ac('RTX') + ' ' + dd('5070') + '.'),
    (E, 'Máy bay Boeing 737 MAX bị điều tra.', 'máy bay boeing ' + dd('737') + ' max bị điều tra.'),
    (E, 'Airbus A350 bay thẳng đi Paris.', 'airbus ' + ac('A') + ' ' + dd('350') + ' bay thẳng đi paris.'),
    (E, 'Sạc dự phòng 20000mAh sạc được 4 lần.', 'sạc dự phòng [n:20000] ' + MAH + ' sạc được bốn lần.'),
    (E, 'Vi xử lý 8 nhân xung nhịp 3.2GHz.', 'vi xử lý tám nhân xung nhịp [p:3.2] ' + GHZ + '.'),
    (E, 'Củ sạc 33W sạc đầy trong 1 giờ.', 'củ sạc [n:33] oát sạc đầy trong một giờ.'),
    (E, 'Review Galaxy A55: đáng tiền không?', 'review galaxy ' + ac('A') + ' [n:55]: đáng tiền không?'),
    (E, 'Mình mới mua con S24 FE, xài ok lắm!', 'mình mới mua con ' + ac('S') + ' [n:24] ' + ac('FE') + ', xài ok lắm!'),
    (E, 'Có nên lên iPhone 15 từ 11 không mọi người?', 'có nên lên iphone [n:15] từ [n:11] không mọi người?'),
    (D, 'Cài Node.js 22 LTS rồi build lại.', 'cài node {chấm|} js [n:22] ' + ac('LTS') + ' rồi build lại.'),
    (D, 'Nâng Laravel lên 11.x cần PHP 8.2.', 'nâng laravel lên [n:11] {chấm |}{x|ích} cần ' + ac('PHP') + ' [v:8.2].'),
    (E, 'Kính VR Meta Quest 3 giá 13 triệu.', 'kính ' + ac('VR') + ' meta quest ba giá [n:13] triệu.'),
    (E, 'Máy hút bụi Dreame L10s Ultra tự giặt giẻ.', 'máy hút bụi dreame ' + ac('L') + ' ' + dd('10') + ' ' + ac('S') + ' ultra tự giặt giẻ.'),
    (E, 'Tivi LG OLED C3 55 inch.', 'tivi ' + ac('LG') + ' oled ' + ac('C') + ' ba [n:55] ' + IN + '.'),
    (E, 'Surface Pro 11 chạy chip Snapdragon X Elite.', 'surface pro [n:11] chạy chip snapdragon ' + ac('X') + ' elite.'),
    (E, 'Xe Suzuki XL7 hybrid 7 chỗ.', 'xe suzuki ' + ac('XL') + ' bảy hybrid bảy chỗ.'),
    (E, 'Tiêu chuẩn chống nước IP68 cho điện thoại.', 'tiêu chuẩn chống nước ' + ac('IP') + ' ' + dd('68') + ' cho điện thoại.'),
    (E, 'Ổ SSD Samsung 990 Pro đọc 7450MB/s.', 'ổ ' + ac('SSD') + ' samsung ' + dd('990') + ' pro đọc [n:7450] {mb|mê ga bai|mờ bê|megabyte} ' + PER + ' giây.'),
    (E, 'Cổng Thunderbolt 4 truyền 40Gbps.', 'cổng thunderbolt bốn truyền [n:40] {gbps|gi ga bít trên giây|ghi ga bít trên giây|gigabit trên giây}.'),
    (E, 'Galaxy Z Fold 6 màn hình 7.6 inch.', 'galaxy ' + ac('Z') + ' fold sáu màn hình [p:7.6] ' + IN + '.'),
    (E, 'Huawei Mate X6 gập ba.', 'huawei mate ' + ac('X') + ' sáu gập ba.'),
]
for i, row in enumerate(PRD, 1):
    add('w-prd-%02d' % i, *row)

# ============ family 3: numbers and amounts in foreign formats
YEN = 'yên'
FMT = [
    (CU, 'Vé xem concert giá $350 tại Singapore.', 'vé xem concert giá [n:350] ' + DOL + ' tại singapore.'),
    (CU, 'Chiếc xe được bán với giá $45,900.', 'chiếc xe được bán với giá [n:45900] ' + DOL + '.'),
    (CU, 'Hợp đồng trị giá $12,000,000 được ký.', 'hợp đồng trị giá mười hai triệu ' + DOL + ' được ký.'),
    (CU, 'Lương khởi điểm $3,750/tháng.', 'lương khởi điểm [n:3750] ' + DOL + ' ' + PER + ' tháng.'),
    (CU, 'Gói cước $19.99 mỗi tháng.', 'gói cước {[p:19.99] ' + DOL + '|[n:19] ' + DOL + ' [n:99] xu} mỗi tháng.'),
    (CU, 'Cổ phiếu đóng cửa ở $142.75.', 'cổ phiếu đóng cửa ở {[p:142.75] ' + DOL + '|[n:142] ' + DOL + ' [n:75] xu}.'),
    (CU, 'Doanh thu quý đạt $4.8B.', 'doanh thu quý đạt [p:4.8] <T> ' + DOL + '.'),
    (CU, 'Startup nhận $750K vốn mồi.', 'startup nhận [n:750] <N> ' + DOL + ' vốn mồi.'),
    (CU, 'Thương vụ €2.1B giữa hai hãng.', 'thương vụ [p:2.1] <T> ' + EUR + ' giữa hai hãng.'),
    (CU, 'Phí chuyển nhượng €65M cho tiền đạo.', 'phí chuyển nhượng [n:65] triệu ' + EUR + ' cho tiền đạo.'),
    (CU, 'Chiếc áo đấu giá £85.', 'chiếc áo đấu giá [n:85] ' + GBP + '.'),
    (CU, 'Lương tuần £200,000 của ngôi sao.', 'lương tuần [n:200000] ' + GBP + ' của ngôi sao.'),
    (CU, 'Bữa tối ở Tokyo hết ¥8,500.', 'bữa tối ở tokyo hết [n:8500] ' + YEN + '.'),
    (CU, 'Tai nghe giá ¥25,000 ở Nhật.', 'tai nghe giá [n:25000] ' + YEN + ' ở nhật.'),
    (CU, 'Mỹ phẩm Hàn giá ₩35,000.', 'mỹ phẩm hàn giá [n:35000] won.'),
    (CU, 'Khoản vay 5,000,000 USD trả trong 3 năm.', 'khoản vay năm triệu ' + USD + ' trả trong ba năm.'),
    (CU, 'Quỹ cam kết 250,000 EUR cho dự án.', 'quỹ cam kết [n:250000] ' + EUR + ' cho dự án.'),
    (CU, 'Giá thuê 1,200 USD mỗi tháng.', 'giá thuê [n:1200] ' + USD + ' mỗi tháng.'),
    (CU, 'Mức lương 2.500 USD cho kỹ sư.', 'mức lương [n:2500] ' + USD + ' cho kỹ sư.'),
    (CU, 'Doanh thu 1.234.567,89 đồng.', 'doanh thu [n:1234567] phẩy {tám chín|tám mươi chín} đồng.'),
    (CU, 'Tổng tiền 3,456.78 USD.', 'tổng tiền [n:3456] {phẩy|chấm} {bảy tám|bảy mươi tám} ' + USD + '.'),
    (C, 'Dân số thế giới vượt 8,000,000,000 người.', 'dân số thế giới vượt tám <T> người.'),
    (C, 'Sân vận động có 60,000 chỗ ngồi.', 'sân vận động có [n:60000] chỗ ngồi.'),
    (C, 'Đã bán được 1,250,000 bản.', 'đã bán được một triệu hai trăm năm mươi <N> bản.'),
    (C, 'Dân số thành phố là 9 200 000 người.', 'dân số thành phố là chín triệu hai trăm <N> người.'),
    (CU, 'Giá căn hộ 3 500 000 000 đồng.', 'giá căn hộ ba <T> năm trăm triệu đồng.'),
    (D, 'Tỷ giá EUR/USD ở mức 1.0850.', 'tỷ giá {' + ac('EUR')[1:-1] + '|' + EUR[1:-1] + '} ' + SL.replace('}', '|trên}') + ' ' + USD + ' ở mức [p:1.0850].', 'after review: a currency code may be read by its name (as USD is)'),
    (PC, 'Lợi suất trái phiếu 4.25%.', 'lợi suất trái phiếu [p:4.25] phần trăm.'),
    (PC, 'Chỉ số S&P 500 giảm 1.5%.', 'chỉ số ' + ac('S') + ' và ' + ac('P') + ' [n:500] giảm [p:1.5] phần trăm.'),
    (PC, 'Lạm phát giảm còn -0.3%.', 'lạm phát giảm còn ' + MIN + ' [p:0.3] phần trăm.'),
    (PC, 'Cổ phiếu tăng +2,5% trong phiên.', 'cổ phiếu tăng cộng [c:2,5] phần trăm trong phiên.'),
    (PC, 'GDP quý III tăng 7.4%.', ac('GDP') + ' quý ba tăng [p:7.4] phần trăm.'),
    (M, 'Nhiệt độ ở New York là 77°F.', 'nhiệt độ ở new york là [n:77] độ {f|ép|ép phờ}.'),
    (M, 'Xe chạy 60 mph trên cao tốc.', 'xe chạy [n:60] {mph|dặm trên giờ|dặm một giờ|dặm mỗi giờ} trên cao tốc.'),
    (M, 'Quãng đường 26.2 dặm của marathon.', 'quãng đường [p:26.2] dặm của marathon.'),
    (M, 'Màn hình 6.7 inch sắc nét.', 'màn hình [p:6.7] ' + IN + ' sắc nét.'),
    (M, 'Cân nặng 2.3 kg vẫn nhẹ.', 'cân nặng [p:2.3] ' + KG + ' vẫn nhẹ.'),
    (M, 'Chiều dài 4.695 mm của chiếc SUV.', 'chiều dài [n:4695] ' + MM + ' của chiếc ' + ac('SUV') + '.'),
    (M, 'Dung tích 1.5 lít.', 'dung tích [p:1.5] lít.'),
    (M, 'Bể bơi dài 50.0 m.', 'bể bơi dài [p:50.0] mét.'),
    (M, 'Tốc độ gió 12.5 m/s.', 'tốc độ gió [p:12.5] mét ' + PER + ' giây.'),
    (M, 'Diện tích 1,500 m2 mặt sàn.', 'diện tích {[n:1500]|[c:1,500]} mét vuông mặt sàn.'),
    (D, 'Tỷ lệ 0.618 gọi là tỷ lệ vàng.', 'tỷ lệ [p:0.618] gọi là tỷ lệ vàng.'),
    (D, 'Hệ số ma sát khoảng 0.35.', 'hệ số ma sát khoảng [p:0.35].'),
    (D, 'Điểm IELTS 6.5 là đủ.', 'điểm ' + ac('IELTS') + ' [p:6.5] là đủ.'),
    (D, 'Điểm GPA 3.75 trên thang 4.', 'điểm ' + ac('GPA') + ' [p:3.75] trên thang bốn.'),
    (CU, 'Giá vàng $2,345.60 một ounce.', 'giá vàng {[n:2345] {phẩy|chấm} {sáu không|sáu mươi} ' + DOL + '|[n:2345] ' + DOL + ' [n:60] xu} một ounce.'),
    (CU, 'Bitcoin chạm mốc $98,500.', 'bitcoin chạm mốc [n:98500] ' + DOL + '.'),
    (CU, 'Giá xăng Mỹ $3.45 một gallon.', 'giá xăng mỹ {[p:3.45] ' + DOL + '|ba ' + DOL + ' [n:45] xu} một gallon.'),
    (CU, 'Tổng giá trị $1.2 nghìn tỷ.', 'tổng giá trị [p:1.2] <N> <T> ' + DOL + '.'),
    (CU, 'Khoản viện trợ US$500 triệu.', 'khoản viện trợ [n:500] triệu ' + DOL + '.'),
    (CU, 'Thu nhập bình quân 4,300 USD/người/năm.', 'thu nhập bình quân [n:4300] ' + USD + ' ' + PER + ' người ' + PER + ' năm.'),
    (CU, 'Mua sắm hết $1,050.25 trên Amazon.', 'mua sắm hết {[n:1050] {phẩy|chấm} {hai năm|hai mươi lăm} ' + DOL + '|[n:1050] ' + DOL + ' [n:25] xu} trên amazon.'),
    (CU, 'Đơn hàng từ $35 được freeship.', 'đơn hàng từ [n:35] ' + DOL + ' được freeship.'),
    (CU, 'Giá ¥1,500 một bát ramen.', 'giá [n:1500] ' + YEN + ' một bát ramen.'),
    (CU, 'Phí visa là €80 cho người lớn.', 'phí visa là [n:80] ' + EUR + ' cho người lớn.'),
    (CU, 'Vốn điều lệ 10,000,000,000 đồng.', 'vốn điều lệ mười <T> đồng.'),
    (CU, 'Lãi ròng 1.5 tỷ USD năm ngoái.', 'lãi ròng [p:1.5] <T> ' + USD + ' năm ngoái.'),
    (CU, 'Giá trị xuất khẩu 405,5 tỷ USD.', 'giá trị xuất khẩu [c:405,5] <T> ' + USD + '.'),
    (CU, 'Công ty huy động $20M vòng Series B.', 'công ty huy động [n:20] triệu ' + DOL + ' vòng series ' + ac('B') + '.'),
    (CU, 'Ông ấy có tài sản $250 tỷ.', 'ông ấy có tài sản [n:250] <T> ' + DOL + '.'),
    (CU, 'Anh ơi, cái này $15 thôi hả?', 'anh ơi, cái này mười lăm ' + DOL + ' thôi hả?'),
    (CU, 'Giá vé €12.50 cho sinh viên.', 'giá vé {[p:12.50] ' + EUR + '|[n:12] ' + EUR + ' [n:50] xu} cho sinh viên.'),
    (CU, 'Giá trị hợp đồng 3,2 triệu EUR.', 'giá trị hợp đồng [c:3,2] triệu ' + EUR + '.'),
    (CU, 'Phạt £1,000 nếu vi phạm.', 'phạt một <N> ' + GBP + ' nếu vi phạm.'),
    (C, 'Giải chạy có 12,000 vận động viên.', 'giải chạy có mười hai <N> vận động viên.'),
    (C, 'Video đạt 2,500,000 lượt xem.', 'video đạt hai triệu năm trăm <N> lượt xem.'),
    (M, 'Đỉnh Everest cao 8,849 m.', 'đỉnh everest cao {[n:8849]|[c:8,849]} mét.'),
    (M, 'Khoảng cách 384,400 km tới Mặt Trăng.', 'khoảng cách {[n:384400]|[c:384,400]} ' + KM + ' tới mặt trăng.', 'after review: a single comma is the decimal mark (README), as in w-fmt-42/68'),
    (CU, 'Tiền thưởng $1,000,000 cho nhà vô địch.', 'tiền thưởng một triệu ' + DOL + ' cho nhà vô địch.'),
    (PC, 'Tỷ lệ thất nghiệp 3.9% tại Mỹ.', 'tỷ lệ thất nghiệp [p:3.9] phần trăm tại mỹ.'),
    (CU, 'Gói Pro giá $9.99/tháng.', 'gói pro giá {[p:9.99] ' + DOL + '|chín ' + DOL + ' [n:99] xu} ' + PER + ' tháng.'),
    (CU, 'Tỷ giá 1 USD = 25.400 VND.', 'tỷ giá một ' + USD + ' bằng [n:25400] ' + VND + '.'),
    (CU, 'Giá 0.5 USD một cái.', 'giá [p:0.5] ' + USD + ' một cái.'),
]
for i, row in enumerate(FMT, 1):
    add('w-fmt-%02d' % i, *row)
add('w-fmt-75', CU, 'Ví điện tử nhận 1,500 USD từ Mỹ.', 'ví điện tử nhận [n:1500] ' + USD + ' từ mỹ.')


def plate(prov, ser, a, b=None):
    """Licence plate: province code (number or digits), series letters and
    digits as written, serial digit by digit or as numbers, the dot 'chấm' or
    dropped (docs/textnorm-codes.md)."""
    s = dd(prov) + ' ' + ' '.join(ac(c) if c.isalpha() else dd(c) for c in re.findall(r'[A-Z]+|\d+', ser))
    s += ' ' + dd(a)
    if b:
        s += ' {chấm |}' + dd(b)
    return s


# ============ family 4: codes read digit by digit or letter by letter
COD = [
    (E, 'Chuyến bay VN254 hạ cánh lúc 9h.', 'chuyến bay ' + ac('VN') + ' ' + dd('254') + ' hạ cánh lúc chín giờ.'),
    (E, 'Chuyến VJ 133 đi Phú Quốc đã mở cửa.', 'chuyến ' + ac('VJ') + ' ' + dd('133') + ' đi phú quốc đã mở cửa.'),
    (E, 'Hành khách chuyến QH205 vui lòng ra cửa số 12.', 'hành khách chuyến ' + ac('QH') + ' ' + dd('205') + ' vui lòng ra cửa số [n:12].'),
    (E, 'Chuyến bay SQ185 từ Singapore bị trễ.', 'chuyến bay ' + ac('SQ') + ' ' + dd('185') + ' từ singapore bị trễ.'),
    (E, 'Mình bay chuyến VJ 8821 tối nay.', 'mình bay chuyến ' + ac('VJ') + ' ' + dd('8821') + ' tối nay.'),
    (E, 'Tàu SE3 xuất phát lúc 19h.', 'tàu ' + ac('SE') + ' ba xuất phát lúc [n:19] giờ.'),
    (E, 'Tàu TN1 dừng ở ga Huế.', 'tàu ' + ac('TN') + ' một dừng ở ga huế.'),
    (E, 'Đoàn tàu SNT2 đi Nha Trang.', 'đoàn tàu ' + ac('SNT') + ' hai đi nha trang.'),
    (E, 'Vé tàu SE7, toa 5, giường 23.', 'vé tàu ' + ac('SE') + ' bảy, toa năm, giường [n:23].'),
    (C, 'Biển số 30A-123.45 bị phạt nguội.', 'biển số ' + plate('30', 'A', '123', '45') + ' bị phạt nguội.'),
    (C, 'Xe biển 51G-888.88 vượt đèn đỏ.', 'xe biển ' + plate('51', 'G', '888', '88') + ' vượt đèn đỏ.'),
    (C, 'Biển số 29B1-123.45 là xe máy Hà Nội.', 'biển số ' + plate('29', 'B1', '123', '45') + ' là xe máy hà nội.'),
    (C, 'Ô tô biển 43A-02345 gây tai nạn.', 'ô tô biển ' + dd('43') + ' ' + ac('A') + ' [d:02345] gây tai nạn.'),
    (C, 'Tìm chủ xe biển số 60C-567.89.', 'tìm chủ xe biển số ' + plate('60', 'C', '567', '89') + '.'),
    (C, 'Mã bưu chính Đà Nẵng là 550000.', 'mã bưu chính đà nẵng là [d:550000].'),
    (C, 'Ghi mã bưu điện 700000 khi gửi hàng.', 'ghi mã bưu điện [d:700000] khi gửi hàng.'),
    (C, 'Zip code 10001 là ở New York.', 'zip code [d:10001] là ở new york.'),
    (C, 'Mã sản phẩm SP-00123 đã hết hàng.', 'mã sản phẩm ' + ac('SP') + ' [d:00123] đã hết hàng.'),
    (C, 'Mã SKU TS-2024-087 còn size M.', 'mã ' + ac('SKU') + ' ' + ac('TS') + ' {[d:2024]|[n:2024]} [d:087] còn size ' + ac('M') + '.'),
    (C, 'Đặt mã hàng AO-123-XL nhé shop!', 'đặt mã hàng ' + ac('AO') + ' [d:123] ' + ac('XL') + ' nhé shop!'),
    (C, 'Mã vận đơn SPXVN0123456789 đang giao.', 'mã vận đơn ' + ac('SPXVN') + ' [d:0123456789] đang giao.'),
    (C, 'Mã bưu gửi EE123456789VN đã phát.', 'mã bưu gửi ' + ac('EE') + ' [d:123456789] ' + ac('VN') + ' đã phát.'),
    (C, 'Mã đặt chỗ của anh là ABC123.', 'mã đặt chỗ của anh là ' + ac('ABC') + ' ' + dd('123') + '.'),
    (E, 'Cổ phiếu FPT lập đỉnh mới.', 'cổ phiếu ' + ac('FPT') + ' lập đỉnh mới.'),
    (E, 'Mã MWG và VCB tăng mạnh.', 'mã ' + ac('MWG') + ' và ' + ac('VCB') + ' tăng mạnh.'),
    (E, 'Cổ phiếu TSLA giảm 5% sau báo cáo.', 'cổ phiếu ' + ac('TSLA') + ' giảm năm phần trăm sau báo cáo.'),
    (E, 'Nhà đầu tư mua MSFT và GOOGL.', 'nhà đầu tư mua ' + ac('MSFT') + ' và ' + ac('GOOGL') + '.'),
    (E, 'Mã VIC kéo chỉ số đi lên.', 'mã ' + ac('VIC') + ' kéo chỉ số đi lên.'),
    (E, 'Rổ VN30 có 30 cổ phiếu.', 'rổ ' + ac('VN') + ' ' + dd('30') + ' có [n:30] cổ phiếu.'),
    (AB, 'Phòng họp ở P.405, tầng 4.', 'phòng họp ở phòng ' + dd('405') + ', tầng bốn.'),
    (AB, 'Bệnh nhân nằm P.312 khoa Nội.', 'bệnh nhân nằm phòng ' + dd('312') + ' khoa nội.'),
    (AB, 'Khách sạn xếp tôi vào P.1208.', 'khách sạn xếp tôi vào phòng ' + dd('1208') + '.'),
    (AB, 'Nhà tôi ở P.7, Q.3.', 'nhà tôi ở phường bảy, quận ba.'),
    (AB, 'Văn phòng tại P.Bến Nghé, Q.1.', 'văn phòng tại phường bến nghé, quận một.'),
    (SC, 'Tiến Linh ghi bàn ở phút 67\'.', 'tiến linh ghi bàn ở phút [n:67].'),
    (SC, 'Văn Toàn 12\' mở tỷ số cho Việt Nam.', 'văn toàn {phút [n:12]|[n:12] phút} mở tỷ số cho việt nam.'),
    (SC, 'Bàn thắng phút 90+3\' đem về chiến thắng.', 'bàn thắng phút [n:90] cộng ba đem về chiến thắng.'),
    (SC, 'Thẻ đỏ ở phút 55\' khiến đội nhà chơi thiếu người.', 'thẻ đỏ ở phút [n:55] khiến đội nhà chơi thiếu người.'),
    (FR, 'Thêm 1/3-1/2 cốc sữa.', 'thêm một phần ba <D> một phần hai cốc sữa.'),
    (FR, 'Pha 1/2-2/3 thìa cà phê.', 'pha một phần hai <D> hai phần ba thìa cà phê.'),
    (FR, 'Dùng 3/4-1 chén gạo.', 'dùng ba phần {tư|bốn} <D> một chén gạo.'),
    (FR, 'Đổ 1/4-1/3 lít nước.', 'đổ một phần {tư|bốn} <D> một phần ba lít nước.'),
    (C, 'Mã OTP 482913 có hiệu lực 5 phút.', 'mã {otp|ô tê pê} [d:482913] có hiệu lực năm phút.'),
    (C, 'Nhập mã PIN 2580 để mở khóa.', 'nhập mã {pin|pê i nờ} [d:2580] để mở khóa.'),
    (C, 'Mã xác nhận của bạn: 0917.', 'mã xác nhận của bạn: [d:0917].'),
    (C, 'Số seri 00123 trên hóa đơn.', 'số seri [d:00123] trên hóa đơn.'),
    (P, 'Gọi tổng đài 1900 1234 để được hỗ trợ.', 'gọi tổng đài [d:1900] {,|} [d:1234] để được hỗ trợ.'),
    (P, 'Hotline 18001090 miễn phí.', 'hotline [d:18001090] miễn phí.'),
    (C, 'Ngồi ghế 12A gần cửa sổ.', 'ngồi ghế [n:12] ' + ac('A') + ' gần cửa sổ.'),
    (C, 'Ra cửa C12 để lên máy bay.', 'ra cửa ' + ac('C') + ' [n:12] để lên máy bay.'),
    (C, 'Căn hộ A-12-05 có view hồ.', 'căn hộ ' + ac('A') + ' ' + dd('12') + ' [d:05] có view hồ.'),
    (C, 'Lô B-07 khu công nghiệp.', 'lô ' + ac('B') + ' [d:07] khu công nghiệp.'),
    (C, 'Tuyến xe buýt 09 đi Mỹ Đình.', 'tuyến xe buýt [d:09] đi mỹ đình.'),
    (C, 'Điệp viên 007 trở lại.', 'điệp viên [d:007] trở lại.'),
    (C, 'Mã lỗi 0x80070005 khi cập nhật.', 'mã lỗi {không ích|không x} [d:80070005] khi cập nhật.'),
    (C, 'Lỗi 404 khi mở trang.', 'lỗi ' + dd('404') + ' khi mở trang.'),
    (C, 'Mã ngân hàng SWIFT BFTVVNVX.', 'mã ngân hàng ' + ac('SWIFT').replace('{swift', '{swift|xuýt') + ' ' + ac('BFTVVNVX') + '.'),
    (C, 'Mã giảm giá FREESHIP30 hết hạn hôm nay.', 'mã giảm giá freeship ' + dd('30') + ' hết hạn hôm nay.'),
    (C, 'Nhập mã TET2025 giảm 10%.', 'nhập mã ' + ac('TET') + ' ' + dd('2025') + ' giảm mười phần trăm.'),
    (C, 'Mã học phần INT3306 có 3 tín chỉ.', 'mã học phần ' + ac('INT') + ' ' + dd('3306') + ' có ba tín chỉ.', 'after review: digits glued to letters, fewer than 5: a number (docs/textnorm-codes.md)'),
    (C, 'Số báo danh 02001234 thi khối A.', 'số báo danh [d:02001234] thi khối ' + ac('A') + '.'),
    (C, 'Mã nhân viên NV00452 nghỉ phép.', 'mã nhân viên ' + ac('NV') + ' [d:00452] nghỉ phép.'),
    (C, 'Số khung RLHJC5210LY123456 đã kiểm tra.', 'số khung ' + ac('RLHJC') + ' [d:5210] ' + ac('LY') + ' [d:123456] đã kiểm tra.'),
    (C, 'Số IMEI 864512034567891 bị báo mất.', 'số {imei|i mei|ai em i ai} [d:864512034567891] bị báo mất.'),
    (C, 'Mã bảo hành BH240915 còn hạn.', 'mã bảo hành ' + ac('BH') + ' [d:240915] còn hạn.'),
    (C, 'Số hợp đồng HD2024-0456 đã ký.', 'số hợp đồng ' + ac('HD') + ' {[d:2024]|[n:2024]} [d:0456] đã ký.', 'after review: a 20xx part of a code is a year (docs/textnorm-codes.md)'),
    (E, 'Chuyến VN 6 bay thẳng đi Frankfurt.', 'chuyến ' + ac('VN') + ' sáu bay thẳng đi frankfurt.'),
    (E, 'Tàu SE19 bị hủy do mưa lũ.', 'tàu ' + ac('SE') + ' ' + dd('19') + ' bị hủy do mưa lũ.'),
    (C, 'Kiện hàng mã GHN12345678 giao thành công.', 'kiện hàng mã ' + ac('GHN') + ' [d:12345678] giao thành công.'),
    (C, 'Mã tra cứu hóa đơn: X7K9P2.', 'mã tra cứu hóa đơn: ' + ac('X') + ' bảy ' + ac('K') + ' chín ' + ac('P') + ' hai.'),
    (C, 'Đầu số 0912 là của Vinaphone.', 'đầu số [d:0912] là của vinaphone.'),
    (C, 'Mã tỉnh 01 là Hà Nội, 79 là TP.HCM.', 'mã tỉnh [d:01] là hà nội, ' + dd('79') + ' là thành phố hồ chí minh.'),
    (C, 'Mã vùng 028 của TP.HCM.', 'mã vùng [d:028] của thành phố hồ chí minh.'),
    (C, 'Số tài khoản 19031234567890 Techcombank.', 'số tài khoản [d:19031234567890] techcombank.'),
    (E, 'Chuyến bay VN 310 và VN 311 bị hủy.', 'chuyến bay ' + ac('VN') + ' ' + dd('310') + ' và ' + ac('VN') + ' ' + dd('311') + ' bị hủy.'),
]
for i, row in enumerate(COD, 1):
    add('w-cod-%02d' % i, *row)

# ============ a second, smaller blind batch (written 13:40 UTC, before running the normaliser on it)
DOC.update({'PL': 'pháp lệnh', 'LĐ': 'lao động'})
MORE = [
    ('leg', MX, 'Nghị định 117/2020/NĐ-CP xử phạt trong lĩnh vực y tế.', 'nghị định ' + doc('117/2020/NĐ-CP') + ' xử phạt trong lĩnh vực y tế.'),
    ('leg', MX, 'Thông tư 04/2022/TT-BTP hướng dẫn chứng thực.', 'thông tư ' + doc('04/2022/TT-BTP') + ' hướng dẫn chứng thực.'),
    ('leg', MX, 'Quyết định 1111/QĐ-BLĐTBXH phê duyệt đề án.', 'quyết định ' + doc('1111/QĐ-BLĐTBXH') + ' phê duyệt đề án.'),
    ('leg', MX, 'Pháp lệnh số 01/2023/PL-UBTVQH15 về chi phí tố tụng.', 'pháp lệnh số ' + doc('01/2023/PL-UBTVQH15') + ' về chi phí tố tụng.'),
    ('leg', MX, 'Công văn 456/STC-QLG gửi doanh nghiệp.', 'công văn [n:456] ' + CS + 'sở tài chính ' + ac('QLG') + ' gửi doanh nghiệp.'),
    ('leg', AB, 'Điều 12 khoản 3 điểm a Luật Giao thông.', 'điều mười hai khoản ba điểm a luật giao thông.'),
    ('leg', R, 'Phần thứ IV Bộ luật Tố tụng dân sự.', 'phần thứ tư bộ luật tố tụng dân sự.'),
    ('leg', MX, 'Bản án 99/2024/LĐ-PT về tranh chấp lao động.', 'bản án ' + doc('99/2024/LĐ-PT') + ' về tranh chấp lao động.'),
    ('leg', MX, 'Ông ấy dẫn Nghị định 15/2020/NĐ-CP và Thông tư 25/2021/TT-BTTTT.', 'ông ấy dẫn nghị định ' + doc('15/2020/NĐ-CP') + ' và thông tư ' + doc('25/2021/TT-BTTTT') + '.'),
    ('leg', MX, 'Quyết định số 2233/QĐ-UBND ngày 01/8/2024 của UBND tỉnh.', 'quyết định số ' + doc('2233/QĐ-UBND') + ' ngày một tháng tám năm [n:2024] của {ủy|uỷ} ban nhân dân tỉnh.'),
    ('leg', MX, 'Nghị quyết 43/2022/QH15 về phục hồi kinh tế.', 'nghị quyết ' + doc('43/2022/QH15') + ' về phục hồi kinh tế.'),
    ('leg', MX, 'Thông tư 15/2022/TT-BYT có hiệu lực.', 'thông tư ' + doc('15/2022/TT-BYT') + ' có hiệu lực.'),
    ('leg', C, 'Số định danh cá nhân 001099012345.', 'số định danh cá nhân [d:001099012345].'),
    ('leg', MX, 'Chỉ thị 05/CT-UBND về phòng cháy.', 'chỉ thị ' + doc('05/CT-UBND') + ' về phòng cháy.'),
    ('leg', MX, 'Kết luận 14-KL/TW về khuyến khích cán bộ.', 'kết luận [n:14] kết luận {|trên }trung ương về khuyến khích cán bộ.'),
    ('prd', E, 'Galaxy S23 giảm còn 12 triệu.', 'galaxy ' + ac('S') + ' [n:23] giảm còn [n:12] triệu.'),
    ('prd', E, 'Chip M3 Max có 40 nhân GPU.', 'chip ' + ac('M') + ' ba max có [n:40] nhân ' + ac('GPU') + '.'),
    ('prd', D, 'Cập nhật Chrome 131 để vá lỗi.', 'cập nhật chrome [n:131] để vá lỗi.'),
    ('prd', D, 'Phiên bản 3.0.12 đã sẵn sàng.', 'phiên bản [v:3.0.12] đã sẵn sàng.'),
    ('prd', E, 'Xe Mitsubishi Xpander 1.5 AT bán chạy.', 'xe mitsubishi xpander [p:1.5] ' + ac('AT') + ' bán chạy.'),
    ('prd', E, 'Honda Air Blade 160 có phanh ABS.', 'honda air blade [n:160] có phanh ' + ac('ABS') + '.'),
    ('prd', E, 'Card RTX 4060 Ti 16GB.', 'card ' + ac('RTX') + ' ' + dd('4060') + ' ti [n:16] ' + GBW + '.'),
    ('prd', E, 'iPad Pro M4 mỏng 5.1 mm.', 'ipad pro ' + ac('M') + ' bốn mỏng [p:5.1] ' + MM + '.'),
    ('prd', E, 'Sony A7C II nhỏ gọn.', 'sony ' + ac('A') + ' bảy ' + ac('C') + ' {ii|hai|i i} nhỏ gọn.'),
    ('prd', D, 'Ubuntu 22.04.4 vẫn được hỗ trợ.', 'ubuntu [v:22.04.4] vẫn được hỗ trợ.'),
    ('prd', E, 'Laptop có RAM 16GB, SSD 512GB.', 'laptop có ram [n:16] ' + GBW + ', ' + ac('SSD') + ' [n:512] ' + GBW + '.'),
    ('prd', E, 'Tai nghe Galaxy Buds3 Pro.', 'tai nghe galaxy buds ba pro.'),
    ('prd', E, 'Vivo X200 Pro chụp đêm tốt.', 'vivo ' + ac('X') + ' ' + dd('200') + ' pro chụp đêm tốt.'),
    ('prd', E, 'Pin 4500 mAh, sạc 67W.', 'pin [n:4500] ' + MAH + ', sạc [n:67] oát.'),
    ('prd', E, 'Máy chạy Intel Core i7-1360P.', 'máy chạy intel core ' + ac('I') + ' bảy ' + dd('1360') + ' ' + ac('P') + '.'),
    ('prd', E, 'Xe VinFast VF e34 đã ngừng bán.', 'xe vinfast ' + ac('VF') + ' ' + ac('E') + ' ' + dd('34') + ' đã ngừng bán.'),
    ('fmt', CU, 'Giá $2,199 cho bản cao nhất.', 'giá [n:2199] ' + DOL + ' cho bản cao nhất.'),
    ('fmt', CU, 'Tiền phạt €4,500.', 'tiền phạt [n:4500] ' + EUR + '.'),
    ('fmt', CU, 'Thưởng £10,000 cho người thắng.', 'thưởng mười <N> ' + GBP + ' cho người thắng.'),
    ('fmt', CU, 'Doanh thu 3,500 USD mỗi tháng.', 'doanh thu [n:3500] ' + USD + ' mỗi tháng.'),
    ('fmt', PC, 'Tăng 0.8% so với tháng trước.', 'tăng [p:0.8] phần trăm so với tháng trước.'),
    ('fmt', M, 'Cao 1.68 m, nặng 55.5 kg.', 'cao [p:1.68] mét, nặng [p:55.5] ' + KG + '.'),
    ('fmt', CU, 'Vé tàu 1.200.000 đồng một chiều.', 'vé tàu một triệu hai trăm <N> đồng một chiều.'),
    ('fmt', CU, 'Giá $0.99 một bài hát.', 'giá {[p:0.99] ' + DOL + '|[n:99] xu} một bài hát.'),
    ('fmt', C, 'Có 3,000,000 người theo dõi.', 'có ba triệu người theo dõi.'),
    ('fmt', CU, 'Khoản nợ 1,5 tỷ USD.', 'khoản nợ [c:1,5] <T> ' + USD + '.'),
    ('fmt', CU, 'Nhập khẩu $2.75 tỷ hàng hóa.', 'nhập khẩu [p:2.75] <T> ' + DOL + ' hàng hóa.'),
    ('fmt', D, 'Tỷ lệ 0.25 là quá thấp.', 'tỷ lệ [p:0.25] là quá thấp.'),
    ('fmt', CU, 'Phí ship ¥500.', 'phí ship [n:500] yên.'),
    ('fmt', CU, 'Lương 2,000 USD/tháng chưa thuế.', 'lương [n:2000] ' + USD + ' ' + PER + ' tháng chưa thuế.'),
    ('fmt', M, 'Ổ đĩa còn 0.5 TB trống.', 'ổ đĩa còn [p:0.5] ' + TB + ' trống.'),
    ('cod', E, 'Chuyến bay VJ122 bị đổi giờ.', 'chuyến bay ' + ac('VJ') + ' ' + dd('122') + ' bị đổi giờ.'),
    ('cod', E, 'Tàu SE5 về ga Đà Nẵng.', 'tàu ' + ac('SE') + ' năm về ga đà nẵng.'),
    ('cod', C, 'Biển số 51F-123.45 bị thu hồi.', 'biển số ' + plate('51', 'F', '123', '45') + ' bị thu hồi.'),
    ('cod', C, 'Xe mang biển 29A-99999.', 'xe mang biển ' + dd('29') + ' ' + ac('A') + ' {[d:99999]|[n:99999]}.'),
    ('cod', C, 'Mã bưu chính 650000 là Khánh Hòa.', 'mã bưu chính [d:650000] là khánh hòa.'),
    ('cod', AB, 'Hội thảo tại P.508 tòa nhà C.', 'hội thảo tại phòng ' + dd('508') + ' tòa nhà ' + ac('C') + '.'),
    ('cod', SC, 'Phút 88\' Hoàng Đức ấn định tỷ số.', 'phút [n:88] hoàng đức ấn định tỷ số.'),
    ('cod', FR, 'Thêm 1/2-1 thìa đường.', 'thêm một phần hai <D> một thìa đường.'),
    ('cod', E, 'Cổ phiếu SSI và VND tăng điểm.', 'cổ phiếu ' + ac('SSI') + ' và ' + ac('VND').replace('}', '|đồng|việt nam đồng}') + ' tăng điểm.'),
    ('cod', C, 'Mã OTP là 123 456.', 'mã {otp|ô tê pê} là [d:123] {,|} [d:456].'),
    ('cod', C, 'Số serial ABC12345678 in trên hộp.', 'số serial ' + ac('ABC') + ' [d:12345678] in trên hộp.'),
    ('cod', C, 'Mã đơn 2405ABC12 đang xử lý.', 'mã đơn {[d:2405]|[n:2405]} ' + ac('ABC') + ' ' + dd('12') + ' đang xử lý.'),
    ('cod', E, 'Chuyến VN 1546 hạ cánh Cam Ranh.', 'chuyến ' + ac('VN') + ' ' + dd('1546') + ' hạ cánh cam ranh.'),
    ('cod', C, 'Mã giảm giá GIAM50K áp dụng hôm nay.', 'mã giảm giá ' + ac('GIAM') + ' {[n:50] {k|ca|cây|nghìn|ngàn}|[d:50] {k|ca|cây}} áp dụng hôm nay.'),
    ('cod', C, 'Tra cứu vận đơn 850123456789.', 'tra cứu vận đơn [d:850123456789].'),
]
cnt = {}
for fam, cat, inp, tmpl in MORE:
    cnt[fam] = cnt.get(fam, 75) + 1
    add('w-%s-%02d' % (fam, cnt[fam]), cat, inp, tmpl, 'second batch')

# ============ a third blind batch (13:41 UTC): harder surface forms (brackets, sentence ends,
# NFD input, chat spellings, several codes in one sentence)
import unicodedata
HARD = [
    ('leg', MX, '(Ban hành kèm theo Thông tư 05/2024/TT-BTC)', 'ban hành kèm theo thông tư ' + doc('05/2024/TT-BTC')),
    ('leg', MX, 'Nghị định 100/2019/NĐ-CP.', 'nghị định ' + doc('100/2019/NĐ-CP') + '.'),
    ('leg', MX, 'Xem thêm: Quyết định 1234/QĐ-UBND, Nghị quyết 12/NQ-HĐND.', 'xem thêm: quyết định ' + doc('1234/QĐ-UBND') + ', nghị quyết ' + doc('12/NQ-HĐND') + '.'),
    ('leg', MX, unicodedata.normalize('NFD', 'Thông tư 38/2024/TT-BGDĐT về học thêm.'), 'thông tư ' + doc('38/2024/TT-BGDĐT') + ' về học thêm.'),
    ('leg', MX, 'NGHỊ ĐỊNH 24/2023/NĐ-CP QUY ĐỊNH MỨC LƯƠNG CƠ SỞ', 'nghị định ' + doc('24/2023/NĐ-CP') + ' quy định mức lương cơ sở'),
    ('leg', MX, 'Căn cứ Luật số 45/2019/QH14 ngày 20 tháng 11 năm 2019;', 'căn cứ luật số ' + doc('45/2019/QH14') + ' ngày hai mươi tháng mười một năm [n:2019];'),
    ('leg', MX, 'Theo "Nghị định 91/2024/NĐ-CP", mức phạt tăng.', 'theo nghị định ' + doc('91/2024/NĐ-CP') + ', mức phạt tăng.'),
    ('leg', AB, 'Điều 3. Giải thích từ ngữ', 'điều ba. giải thích từ ngữ'),
    ('prd', E, 'mình xài iphone 13 mini, pin hơi yếu', 'mình xài iphone [n:13] mini, pin hơi yếu'),
    ('prd', E, '(Ảnh: Galaxy S24 Ultra)', 'ảnh: galaxy ' + ac('S') + ' [n:24] ultra'),
    ('prd', D, 'Bản cập nhật iOS 17.5.1.', 'bản cập nhật ios [v:17.5.1].'),
    ('prd', E, 'So sánh RTX 4070 với RX 7800.', 'so sánh ' + ac('RTX') + ' ' + dd('4070') + ' với ' + ac('RX') + ' ' + dd('7800') + '.'),
    ('prd', E, 'Giá Honda SH 350i là bao nhiêu?', 'giá honda ' + ac('SH') + ' ' + dd('350') + ' ' + ac('I') + ' là bao nhiêu?'),
    ('prd', D, 'Node 20.x và Python 3.x', 'node [n:20] {chấm |}{x|ích} và python ba {chấm |}{x|ích}'),
    ('prd', E, 'MÀN HÌNH 15.6 INCH FULL HD', 'màn hình [p:15.6] ' + IN + ' full ' + ac('HD')),
    ('fmt', CU, 'Giá chỉ $49!', 'giá chỉ [n:49] ' + DOL + '!'),
    ('fmt', CU, '(khoảng $1,200)', 'khoảng [n:1200] ' + DOL),
    ('fmt', CU, 'Tổng cộng: 12,345.67 USD.', 'tổng cộng: [n:12345] {phẩy|chấm} {sáu bảy|sáu mươi bảy} ' + USD + '.'),
    ('fmt', CU, 'Ví mất €250, còn €50.', 'ví mất [n:250] ' + EUR + ', còn [n:50] ' + EUR + '.'),
    ('fmt', CU, 'GIÁ $999 DUY NHẤT HÔM NAY', 'giá [n:999] ' + DOL + ' duy nhất hôm nay'),
    ('fmt', PC, 'Lãi suất (4.5%) thấp hơn năm ngoái.', 'lãi suất {, |}[p:4.5] phần trăm{, |} thấp hơn năm ngoái.'),
    ('fmt', CU, 'Anh chuyển giúp em 1,000 USD nha.', 'anh chuyển giúp em một <N> ' + USD + ' nha.'),
    ('cod', E, 'Bay chuyến VN254.', 'bay chuyến ' + ac('VN') + ' ' + dd('254') + '.'),
    ('cod', C, 'Biển số: 30A-123.45.', 'biển số: ' + plate('30', 'A', '123', '45') + '.'),
    ('cod', C, '(Mã SP: AB-1234-XL)', 'mã ' + ac('SP') + ': ' + ac('AB') + ' [d:1234] ' + ac('XL')),
    ('cod', AB, 'Phòng họp: P.302.', 'phòng họp: phòng ' + dd('302') + '.'),
    ('cod', C, 'Mã OTP: 482913.', 'mã {otp|ô tê pê}: [d:482913].'),
    ('cod', SC, 'Bàn thắng (phút 23\') của Quang Hải.', 'bàn thắng {, |}phút [n:23]{, |} của quang hải.'),
    ('cod', E, 'tàu SE2 chạy lúc 19h30 nha', 'tàu ' + ac('SE') + ' hai chạy lúc [n:19] giờ ba mươi{ phút|} nha'),
    ('cod', C, unicodedata.normalize('NFD', 'Mã bưu chính Huế là 530000.'), 'mã bưu chính huế là [d:530000].'),
]
cnt = {}
for fam, cat, inp, tmpl in HARD:
    cnt[fam] = cnt.get(fam, {'leg': 90, 'prd': 91, 'fmt': 90, 'cod': 90}[fam]) + 1
    add('w-%s-%02d' % (fam, cnt[fam]), cat, inp, tmpl, 'third batch')

# ============ regression cases from probing (13:43 UTC; NOT blind: written after seeing the
# misreadings "một trăm phần hai nghìn..." and "tháng một năm ..." and fixing them)
PROBE = [
    ('leg', MX, 'Theo NĐ 100/2019, mức phạt tăng.', 'theo nghị định [n:100] ' + YS + ' [n:2019], mức phạt tăng.'),
    ('leg', MX, 'Thông tư 01/2024 hướng dẫn chi tiết.', 'thông tư {[d:01]|một} ' + YS + ' [n:2024] hướng dẫn chi tiết.'),
    ('leg', MX, 'Nghị định số 15/2020 về xử phạt.', 'nghị định số [n:15] ' + YS + ' [n:2020] về xử phạt.'),
    ('fmt', CU, 'Giá USD 1,500 cho mỗi vé.', 'giá [n:1500] ' + USD + ' cho mỗi vé.'),
    ('cod', C, 'Mã vé ABC-123456 đã xuất.', 'mã vé ' + ac('ABC') + ' [d:123456] đã xuất.'),
    ('cod', C, 'Dịch COVID-19 đã qua.', 'dịch {covid|cô vít} [n:19] đã qua.'),
    ('fmt', CU, 'Thương vụ £3.2bn gây chấn động.', 'thương vụ [p:3.2] <T> ' + GBP + ' gây chấn động.'),
    ('fmt', CU, 'Họ gọi vốn $5m cho vòng A.', 'họ gọi vốn năm triệu ' + DOL + ' cho vòng ' + ac('A') + '.'),
    ('cod', C, 'Căn hộ ở tòa T2 tầng 15.', 'căn hộ ở tòa ' + ac('T') + ' hai tầng [n:15].'),
    ('cod', C, 'Đón khách ở nhà ga T2 Nội Bài.', 'đón khách ở nhà ga ' + ac('T') + ' hai nội bài.'),
    ('cod', AB, 'Họp vào T2 tuần sau.', 'họp vào thứ hai tuần sau.'),
    ('leg', R, 'Phụ lục II ban hành kèm theo Thông tư này.', 'phụ lục hai ban hành kèm theo thông tư này.'),
    ('fmt', CU, 'Giá gạo xuất khẩu US$ 1,250/tấn.', 'giá gạo xuất khẩu [n:1250] ' + DOL + ' ' + PER + ' tấn.'),
    ('cod', C, 'Xe máy biển 59-X1 234.56 vượt đèn đỏ.', 'xe máy biển ' + dd('59') + ' ' + ac('X') + ' một ' + dd('234') + ' {chấm |}' + dd('56') + ' vượt đèn đỏ.'),
]
cnt = {}
for fam, cat, inp, tmpl in PROBE:
    cnt[fam] = cnt.get(fam, {'leg': 98, 'prd': 98, 'fmt': 97, 'cod': 98}[fam]) + 1
    add('w-%s-%02d' % (fam, cnt[fam]), cat, inp, tmpl, 'probe regression (not blind)')

if __name__ == '__main__':
    write_cases(cases, sys.argv[1])
