#!/usr/bin/env python3
# gen_textnorm_cases_u.py - regenerates tests/golden/textnorm_cases_u.jsonl: a
# fifth set of our own normaliser cases, written blind from the rules of
# ../shared/textnorm/README.md (before running the normaliser on them), in the
# plain news/everyday style of sample.jsonl: six or so per category, then three
# shorter batches (each also written before its run) further from the sample.
# Where the README leaves a choice every accepted reading is listed; cases it
# does not decide are left out.
# Template syntax and shared readings: textnorm_casegen.py.
# Usage: gen_textnorm_cases_u.py OUT.jsonl
import sys

from textnorm_casegen import Cases, nfd, DOL, ELL, K1, KG, KM, NG, PCT, PER, PH, VND

_cases = Cases(tones=True, digits_ok=False)
add = _cases.add
VNX = '{vn|vi en|vê nờ}'
WWW = '{vê kép vê kép vê kép|đắp liu đắp liu đắp liu|ba vê kép}'
AT = '{a còng|a móc}'
SL = '{gạch chéo|xuyệt}'
DOLS = ('đô la', 'đô la mỹ', 'đô')
Y2024 = 'hai <N> <K>hai mươi <F>'


def alts(*forms):
    """Whole-reading alternatives (one comma choice per entry)."""
    return '{' + '|'.join(forms) + '}'


# cardinal
add('u-card-001', 'cardinal', 'Trường có 1.250 học sinh.', 'trường có một <N> hai trăm năm mươi học sinh.')
add('u-card-002', 'cardinal', 'Dân số xã là 12.405 người.', 'dân số xã là mười hai <N> bốn trăm <L> năm người.')
add('u-card-003', 'cardinal', 'Nhà máy có 105 công nhân.', 'nhà máy có một trăm <L> năm công nhân.')
add('u-card-004', 'cardinal', 'Giải chạy thu hút 21 đội.', 'giải chạy thu hút hai mươi mốt đội.')
add('u-card-005', 'cardinal', 'Huyện có 1.034 hộ nghèo.', 'huyện có một <N> <K>ba mươi <F> hộ nghèo.')
add('u-card-006', 'cardinal', 'Công ty có 1.500.000 khách hàng.', 'công ty có một triệu năm trăm <N> khách hàng.')
add('u-card-007', 'cardinal', 'Lớp em có 44 bạn.', 'lớp em có bốn mươi <F> bạn.')

# decimal
add('u-dec-001', 'decimal', 'Chiều cao trung bình là 1,65 mét.', 'chiều cao trung bình là một phẩy {sáu năm|sáu mươi lăm} mét.')
add('u-dec-002', 'decimal', 'Lãi suất tăng 0,5 điểm.', 'lãi suất tăng không phẩy năm điểm.')
add('u-dec-003', 'decimal', 'Con cá nặng 3,2 kg.', 'con cá nặng ba phẩy hai ' + KG + '.')
add('u-dec-004', 'decimal', 'Giá cổ phiếu tăng 2,05 lần.', 'giá cổ phiếu tăng hai phẩy không năm lần.')
add('u-dec-005', 'decimal', 'Điểm trung bình đạt 8,25.', 'điểm trung bình đạt tám phẩy {hai năm|hai mươi lăm}.')
add('u-dec-006', 'decimal', 'Lượng mưa đo được 12,7 mm.', 'lượng mưa đo được mười hai phẩy bảy mi li mét.')

# ordinal
add('u-ord-001', 'ordinal', 'Anh ấy đứng thứ 2 chung cuộc.', 'anh ấy đứng thứ hai chung cuộc.')
add('u-ord-002', 'ordinal', 'Đây là lần thứ 3 cô ấy đến Huế.', 'đây là lần thứ ba cô ấy đến huế.')
add('u-ord-003', 'ordinal', 'Thứ 4 tuần này tôi bận.', 'thứ tư tuần này tôi bận.')
add('u-ord-004', 'ordinal', 'Đội tuyển xếp thứ 15 thế giới.', 'đội tuyển xếp thứ mười lăm thế giới.')
add('u-ord-005', 'ordinal', 'Em đạt giải thứ 1 môn toán.', 'em đạt giải thứ nhất môn toán.')
add('u-ord-006', 'ordinal', 'Đây là kỳ họp thứ 21 của Quốc hội.', 'đây là kỳ họp thứ hai mươi mốt của quốc hội.')

# date
add('u-date-001', 'date', 'Ngày 2/9/1945, Bác Hồ đọc bản Tuyên ngôn Độc lập.',
    'ngày hai tháng chín năm một <N> chín trăm bốn mươi lăm, bác hồ đọc bản tuyên ngôn độc lập.')
add('u-date-002', 'date', 'Hội nghị diễn ra vào ngày 15-08-2023.',
    'hội nghị diễn ra vào ngày mười lăm tháng tám năm hai <N> <K>hai mươi ba.')
add('u-date-003', 'date', 'Hạn chót nộp hồ sơ là 30/4.', 'hạn chót nộp hồ sơ là ' + NG + 'ba mươi tháng tư.')
add('u-date-004', 'date', 'Luật có hiệu lực từ tháng 7/2025.', 'luật có hiệu lực từ tháng bảy năm hai <N> <K>hai mươi lăm.')
add('u-date-005', 'date', 'Lễ khai giảng vào ngày 05.09.2024.', 'lễ khai giảng vào ngày năm tháng chín năm ' + Y2024 + '.')
add('u-date-006', 'date', 'Hội chợ diễn ra từ ngày 10-15/11.', 'hội chợ diễn ra từ ngày mười đến ' + NG + 'mười lăm tháng mười một.')

# time
add('u-time-001', 'time', 'Cuộc họp bắt đầu lúc 14h30.', 'cuộc họp bắt đầu lúc mười bốn giờ ba mươi' + PH + '.')
add('u-time-002', 'time', 'Tàu khởi hành lúc 7:15.', 'tàu khởi hành lúc bảy giờ mười lăm' + PH + '.')
add('u-time-003', 'time', 'Cửa hàng mở cửa từ 8h-22h.', 'cửa hàng mở cửa từ tám giờ đến hai mươi hai giờ.')
add('u-time-004', 'time', 'Trận đấu kết thúc lúc 21:00.', 'trận đấu kết thúc lúc hai mươi mốt giờ.')
add('u-time-005', 'time', 'Đồng hồ chỉ 10:20:45.', 'đồng hồ chỉ mười giờ hai mươi phút bốn mươi lăm giây.')
add('u-time-006', 'time', 'Anh ấy về nhà lúc 0h15.', 'anh ấy về nhà lúc không giờ mười lăm' + PH + '.')

# phone
add('u-tel-001', 'phone', 'Liên hệ 0912 345 678 để được tư vấn.',
    'liên hệ ' + alts('không chín một hai ba bốn năm sáu bảy tám', 'không chín một hai, ba bốn năm, sáu bảy tám')
    + ' để được tư vấn.')
add('u-tel-002', 'phone', 'Số điện thoại của tôi là 0987654321.',
    'số điện thoại của tôi là không chín tám bảy sáu năm bốn ba hai một.')
add('u-tel-003', 'phone', 'Gọi hotline 1900 1234 để được hỗ trợ.',
    'gọi hotline ' + alts('một chín không không một hai ba bốn', 'một chín không không, một hai ba bốn') + ' để được hỗ trợ.')
add('u-tel-004', 'phone', 'Khi có cháy, hãy gọi 114.', 'khi có cháy, hãy gọi một một bốn.')
add('u-tel-005', 'phone', 'Số quốc tế của anh ấy là +84 912 345 678.',
    'số quốc tế của anh ấy là ' + alts(*[f'cộng {p} chín một hai ba bốn năm sáu bảy tám' for p in ('tám bốn', 'tám tư', 'tám mươi tư')],
                                      *[f'cộng {p}, chín một hai, ba bốn năm, sáu bảy tám' for p in ('tám bốn', 'tám tư', 'tám mươi tư')]) + '.')
add('u-tel-006', 'phone', 'SĐT: 0243 825 1234.',
    'số điện thoại: ' + alts('không hai bốn ba tám hai năm một hai ba bốn', 'không hai bốn ba, tám hai năm, một hai ba bốn') + '.')

# currency
add('u-cur-001', 'currency', 'Chiếc áo giá 250.000 đồng.', 'chiếc áo giá hai trăm năm mươi <N> đồng.')
add('u-cur-002', 'currency', 'Vé xem phim 90k.', 'vé xem phim chín mươi ' + K1 + '.')
add('u-cur-003', 'currency', 'Căn hộ có giá 2,5 tỷ đồng.', 'căn hộ có giá hai phẩy năm tỷ đồng.')
add('u-cur-004', 'currency', 'Anh ấy trả $50.', 'anh ấy trả năm mươi ' + DOL + '.')
add('u-cur-005', 'currency', 'Điện thoại giá 1tr5.', 'điện thoại giá một triệu {năm trăm <N>|rưỡi|năm}.')
add('u-cur-006', 'currency', 'Hóa đơn 1.200.000 VND.', 'hóa đơn một triệu hai trăm <N> ' + VND + '.')
add('u-cur-007', 'currency', 'Chuyến đi tốn 500 €.', 'chuyến đi tốn năm trăm {ơ rô|ê rô|euro}.')

# percent
add('u-pct-001', 'percent', 'Lạm phát ở mức 3,5%.', 'lạm phát ở mức ba phẩy năm phần trăm.')
add('u-pct-002', 'percent', 'Có 100% học sinh tốt nghiệp.', 'có một trăm phần trăm học sinh tốt nghiệp.')
add('u-pct-003', 'percent', 'Giá giảm 20-30%.', 'giá giảm hai mươi <D> ' + PCT + 'ba mươi phần trăm.')
add('u-pct-004', 'percent', 'Tỷ lệ thất nghiệp là 2,25%.', 'tỷ lệ thất nghiệp là hai phẩy {hai năm|hai mươi lăm} phần trăm.')
add('u-pct-005', 'percent', 'Khoảng 45% dân số sống ở nông thôn.', 'khoảng bốn mươi lăm phần trăm dân số sống ở nông thôn.')
add('u-pct-006', 'percent', 'Lãi suất 0,8% mỗi tháng.', 'lãi suất không phẩy tám phần trăm mỗi tháng.')

# measure
add('u-meas-001', 'measure', 'Quãng đường dài 120 km.', 'quãng đường dài một trăm hai mươi ' + KM + '.')
add('u-meas-002', 'measure', 'Bao gạo nặng 50 kg.', 'bao gạo nặng năm mươi ' + KG + '.')
add('u-meas-003', 'measure', 'Căn nhà rộng 80 m2.', 'căn nhà rộng tám mươi mét vuông.')
add('u-meas-004', 'measure', 'Chai nước 500 ml.', 'chai nước năm trăm mi li lít.')
add('u-meas-005', 'measure', 'Xe chạy với tốc độ 60 km/h.', 'xe chạy với tốc độ sáu mươi ' + KM + ' ' + PER + ' giờ.')
add('u-meas-006', 'measure', 'Lượng mưa đạt 150 mm.', 'lượng mưa đạt một trăm năm mươi mi li mét.')
add('u-meas-007', 'measure', 'Trang trại rộng 5 ha.', 'trang trại rộng năm héc ta.')

# abbreviation
add('u-abbr-001', 'abbreviation', 'HĐND tỉnh họp phiên cuối năm.', 'hội đồng nhân dân tỉnh họp phiên cuối năm.')
add('u-abbr-002', 'abbreviation', 'Anh ấy sống ở TP.HCM.', 'anh ấy sống ở thành phố hồ chí minh.')
add('u-abbr-003', 'abbreviation', 'Trụ sở đặt tại Q.3.', 'trụ sở đặt tại quận ba.')
add('u-abbr-004', 'abbreviation', 'Ông là HLV của CLB Hà Nội.', 'ông là huấn luyện viên của câu lạc bộ hà nội.')
add('u-abbr-005', 'abbreviation', 'PGS.TS Nguyễn Văn Bình phát biểu.', 'phó giáo sư tiến <S> nguyễn văn bình phát biểu.')
add('u-abbr-006', 'abbreviation', 'TAND tỉnh Bình Dương xét xử vụ án.', 'tòa án nhân dân tỉnh bình dương xét xử vụ án.')
add('u-abbr-007', 'abbreviation', 'Chợ bán rau, cá, thịt, v.v.', 'chợ bán rau, cá, thịt, vân vân.')
add('u-abbr-008', 'abbreviation', 'Người dân cần mang thẻ BHYT khi đi khám.', 'người dân cần mang thẻ bảo hiểm y tế khi đi khám.')

# roman
add('u-rom-001', 'roman', 'Thế kỷ XXI là thế kỷ của công nghệ.', 'thế kỷ hai mươi mốt là thế kỷ của công nghệ.')
add('u-rom-002', 'roman', 'Đại hội XIII của Đảng thành công tốt đẹp.', 'đại hội mười ba của đảng thành công tốt đẹp.')
add('u-rom-003', 'roman', 'Quý II năm nay doanh thu tăng.', 'quý hai năm nay doanh thu tăng.')
add('u-rom-004', 'roman', 'Chương V nói về luật đất đai.', 'chương năm nói về luật đất đai.')
add('u-rom-005', 'roman', 'Đây là lần thứ IX giải được tổ chức.', 'đây là lần thứ chín giải được tổ chức.')
add('u-rom-006', 'roman', 'Học sinh khóa XV đã tốt nghiệp.', 'học sinh khóa mười lăm đã tốt nghiệp.')

# range
add('u-rng-001', 'range', 'Mỗi ngày uống 2-3 lít nước.', 'mỗi ngày uống hai <D> ba lít nước.')
add('u-rng-002', 'range', 'Nhiệt độ từ 25-30°C.', 'nhiệt độ từ hai mươi lăm <D> ba mươi <DC>.')
add('u-rng-003', 'range', 'Quãng đường 5 - 7 km.', 'quãng đường năm <D> bảy ' + KM + '.')
add('u-rng-004', 'range', 'Giá từ 100–200 nghìn đồng.', 'giá từ một trăm <D> hai trăm nghìn đồng.')
add('u-rng-005', 'range', 'Trẻ từ 6-10 tuổi được miễn phí.', 'trẻ từ sáu <D> mười tuổi được miễn phí.')
add('u-rng-006', 'range', 'Chờ khoảng 10-15 phút.', 'chờ khoảng mười <D> mười lăm phút.')

# score
add('u-score-001', 'score', 'Việt Nam thắng Thái Lan 3-1.', 'việt nam thắng thái lan ba một.')
add('u-score-002', 'score', 'Hai đội hòa 1-1.', 'hai đội hòa một một.')
add('u-score-003', 'score', 'Trận đấu kết thúc với tỷ số 2-2.', 'trận đấu kết thúc với tỷ số hai hai.')
add('u-score-004', 'score', 'Đội khách thua 0-3.', 'đội khách thua không ba.')
add('u-score-005', 'score', 'Đội nhà chọn sơ đồ 4-3-3.', 'đội nhà chọn sơ đồ bốn ba ba.')
add('u-score-006', 'score', 'Tay vợt Việt Nam thắng 6-3, 6-4.', 'tay vợt việt nam thắng sáu ba, sáu bốn.')

# url_email
add('u-url-001', 'url_email', 'Truy cập www.vnexpress.net để đọc tin.', 'truy cập ' + WWW + ' chấm vnexpress chấm {net|nét} để đọc tin.')
add('u-url-002', 'url_email', 'Email: lienhe@gmail.com.', 'email: lienhe ' + AT + ' gmail chấm com.')
add('u-url-003', 'url_email', 'Xem chi tiết tại dantri.com.vn.', 'xem chi tiết tại dantri chấm com chấm ' + VNX + '.')
add('u-url-004', 'url_email', 'Gửi hồ sơ về tuyendung@vinamilk.com.vn.', 'gửi hồ sơ về tuyendung ' + AT + ' vinamilk chấm com chấm ' + VNX + '.')
add('u-url-005', 'url_email', 'Trang web thanhnien.vn có nhiều bài hay.', 'trang web thanhnien chấm ' + VNX + ' có nhiều bài hay.')
add('u-url-006', 'url_email', 'Xem video tại youtube.com/hoctoan.', 'xem video tại youtube chấm com ' + SL + ' hoctoan.')

# english_mixed
add('u-eng-001', 'english_mixed', 'Tôi vừa mua iPhone 15.', 'tôi vừa mua iphone mười lăm.')
add('u-eng-002', 'english_mixed', 'Deadline của dự án là thứ 6.', 'deadline của dự án là thứ sáu.')
add('u-eng-003', 'english_mixed', 'Cô ấy đăng ảnh lên Facebook mỗi ngày.', 'cô ấy đăng ảnh lên facebook mỗi ngày.')
add('u-eng-004', 'english_mixed', 'Máy tính chạy Windows 11.', 'máy tính chạy windows mười một.')
add('u-eng-005', 'english_mixed', 'Team marketing họp online lúc 9h.', 'team marketing họp online lúc chín giờ.')
add('u-eng-006', 'english_mixed', 'Anh ấy là fan của Real Madrid.', 'anh ấy là fan của real madrid.')

# unicode
add('u-uni-001', 'unicode', nfd('Hôm nay trời đẹp quá.'), 'hôm nay trời đẹp quá.')
add('u-uni-002', 'unicode', 'Tôi\u00a0yêu\u00a0Việt\u00a0Nam.', 'tôi yêu việt nam.')
add('u-uni-003', 'unicode', 'Chúng tôi\u200b đi học.', 'chúng tôi đi học.')
add('u-uni-004', 'unicode', '\u00d0à Nẵng là thành phố đẹp.', 'đà nẵng là thành phố đẹp.')
add('u-uni-005', 'unicode', 'Anh\tấy\t\tđang   đọc sách.', 'anh ấy đang đọc sách.')
add('u-uni-006', 'unicode', 'Tôi học tie\u0302\u0301ng Vie\u0302\u0323t.', 'tôi học tiếng việt.')

# punctuation
add('u-punc-001', 'punctuation', 'Ông nói: “Tôi sẽ trở lại.”', 'ông nói: tôi sẽ trở lại.')
add('u-punc-002', 'punctuation', 'Tuyệt vời quá!!!', 'tuyệt vời quá{!!!|!}')
add('u-punc-003', 'punctuation', 'Chờ một chút... rồi đi.', 'chờ một chút' + ELL + ' rồi đi.')
add('u-punc-004', 'punctuation', 'Hà Nội (thủ đô) rất đẹp.', 'hà nội{,|} thủ đô{,|} rất đẹp.')
add('u-punc-005', 'punctuation', 'Anh ấy – một bác sĩ – rất tận tâm.', 'anh ấy{,|} một bác sĩ{,|} rất tận tâm.')
add('u-punc-006', 'punctuation', "Cô ấy hỏi: 'Em tên gì?'", 'cô ấy hỏi: em tên gì?')

# sentence_split
add('u-split-001', 'sentence_split', 'Hôm nay trời mưa. Tôi ở nhà.', 'hôm nay trời mưa.\ntôi ở nhà.')
add('u-split-002', 'sentence_split', 'Bạn đi đâu? Tôi đi chợ.', 'bạn đi đâu?\ntôi đi chợ.')
add('u-split-003', 'sentence_split', 'Ông sống ở TP.HCM. Bà sống ở Hà Nội.', 'ông sống ở thành phố hồ chí minh.\nbà sống ở hà nội.')
add('u-split-004', 'sentence_split', 'Giá là 1.500 đồng. Rẻ quá!', 'giá là một <N> năm trăm đồng.\nrẻ quá!')
add('u-split-005', 'sentence_split', 'Dòng thứ nhất\nDòng thứ hai', 'dòng thứ nhất\ndòng thứ hai')
add('u-split-006', 'sentence_split', 'Chờ đã... Anh ấy đến rồi.', 'chờ đã{...|…|.}\nanh ấy đến rồi.')
add('u-split-007', 'sentence_split', 'Cô ấy nói: “Tôi đồng ý.” Sau đó cô ấy đi.', 'cô ấy nói: tôi đồng ý.\nsau đó cô ấy đi.')

# fraction
add('u-frac-001', 'fraction', 'Khoảng 2/3 diện tích là rừng.', 'khoảng hai phần ba diện tích là rừng.')
add('u-frac-002', 'fraction', 'Chỉ 1/4 số người đồng ý.', 'chỉ một phần {tư|bốn} số người đồng ý.')
add('u-frac-003', 'fraction', 'Cô ấy ăn hết 3/4 cái bánh.', 'cô ấy ăn hết ba phần {tư|bốn} cái bánh.')
add('u-frac-004', 'fraction', 'Hơn 1/5 dân số là người cao tuổi.', 'hơn một phần năm dân số là người cao tuổi.')
add('u-frac-005', 'fraction', 'Gần 1/10 ngân sách dành cho giáo dục.', 'gần một phần mười ngân sách dành cho giáo dục.')
add('u-frac-006', 'fraction', 'Chỉ còn 5/8 số vé.', 'chỉ còn năm phần tám số vé.')

# mixed
add('u-mix-001', 'mixed', 'Ngày 1/6, giá xăng tăng 2%.', 'ngày một tháng sáu, giá xăng tăng hai phần trăm.')
add('u-mix-002', 'mixed', 'Lúc 8h sáng 20/11, UBND quận tổ chức lễ.',
    'lúc tám giờ sáng ' + NG + 'hai mươi tháng mười một, <UB> ban nhân dân quận tổ chức lễ.')
add('u-mix-003', 'mixed', 'Công ty bán 1.200 xe trong quý III/2024.',
    'công ty bán một <N> hai trăm xe trong quý ba năm ' + Y2024 + '.')
add('u-mix-004', 'mixed', 'Từ 1/7/2024, lương cơ sở tăng lên 2,34 triệu đồng.',
    'từ ' + NG + 'một tháng bảy năm ' + Y2024 + ', lương cơ sở tăng lên hai phẩy {ba bốn|ba mươi <F>} triệu đồng.')
add('u-mix-005', 'mixed', 'Xe chạy 100 km hết 7 lít xăng.', 'xe chạy một trăm ' + KM + ' hết bảy lít xăng.')
add('u-mix-006', 'mixed', 'Đội bóng thắng 2-1 lúc 21h.', 'đội bóng thắng hai một lúc hai mươi mốt giờ.')

# a second blind batch: the same categories, a little further from the sample
add('u-card-101', 'cardinal', 'Sân vận động có sức chứa 40.000 chỗ ngồi.', 'sân vận động có sức chứa bốn mươi <N> chỗ ngồi.')
add('u-card-102', 'cardinal', 'Dân số thành phố là 5.037.000 người.', 'dân số thành phố là năm triệu <K>ba mươi bảy <N> người.')
add('u-card-103', 'cardinal', 'Giải thưởng trị giá 1.000.000.000 đồng.', 'giải thưởng trị giá một <T> đồng.')
add('u-card-104', 'cardinal', 'Kho chứa 3.001 tấn hàng.', 'kho chứa ba <N> <K><L> một tấn hàng.')
add('u-card-105', 'cardinal', 'Nhiệt độ xuống -5 độ.', 'nhiệt độ xuống {âm|trừ} năm độ.')
add('u-card-106', 'cardinal', 'Đã có 15.000 người đăng ký.', 'đã có mười lăm <N> người đăng ký.')
add('u-dec-101', 'decimal', 'Chỉ số tăng 7,08 điểm.', 'chỉ số tăng bảy phẩy không tám điểm.')
add('u-dec-102', 'decimal', 'Chiếc xe dài 4,5 mét.', 'chiếc xe dài bốn phẩy năm mét.')
add('u-dec-103', 'decimal', 'Giá xăng còn 23,5 nghìn đồng.', 'giá xăng còn hai mươi ba phẩy năm nghìn đồng.')
add('u-ord-101', 'ordinal', 'Hẹn gặp vào thứ 7.', 'hẹn gặp vào thứ bảy.')
add('u-ord-102', 'ordinal', 'Cô ấy là người thứ 100 đăng ký.', 'cô ấy là người thứ một trăm đăng ký.')
add('u-ord-103', 'ordinal', 'Anh ấy về thứ 24.', 'anh ấy về thứ hai mươi <F>.')
add('u-date-101', 'date', 'Ngày 01/01/2025 là ngày đầu năm.', 'ngày một tháng một năm hai <N> <K>hai mươi lăm là ngày đầu năm.')
add('u-date-102', 'date', 'Ông sinh ngày 31/12/1999.', 'ông sinh ngày ba mươi mốt tháng mười hai năm một <N> chín trăm chín mươi chín.')
add('u-date-103', 'date', 'Tháng 4/1975 là mốc lịch sử.', 'tháng tư năm một <N> chín trăm bảy mươi lăm là mốc lịch sử.')
add('u-date-104', 'date', 'Từ 1/10 đến 15/10 trường nghỉ.', 'từ ' + NG + 'một tháng mười đến ' + NG + 'mười lăm tháng mười trường nghỉ.')
add('u-time-101', 'time', 'Phim chiếu lúc 19g45.', 'phim chiếu lúc mười chín giờ bốn mươi lăm' + PH + '.')
add('u-time-102', 'time', 'Hẹn nhau lúc 6:00 sáng.', 'hẹn nhau lúc sáu giờ sáng.')
add('u-time-103', 'time', 'Làm việc từ 7h30 đến 11h30.', 'làm việc từ bảy giờ ba mươi' + PH + ' đến mười một giờ ba mươi' + PH + '.')
add('u-tel-101', 'phone', 'Số tổng đài 18001090.', 'số tổng đài một tám không không một không chín không.')
add('u-tel-102', 'phone', 'Gọi 113 khi gặp cướp.', 'gọi một một ba khi gặp cướp.')
add('u-tel-103', 'phone', 'Số của chị là 0905.123.456.',
    'số của chị là ' + alts('không chín không năm một hai ba bốn năm sáu', 'không chín không năm, một hai ba, bốn năm sáu') + '.')
add('u-cur-101', 'currency', 'Giá vé là 150.000₫.', 'giá vé là một trăm năm mươi <N> đồng.')
add('u-cur-102', 'currency', 'Giá 2 USD một chiếc.', 'giá hai {đô la|đô la mỹ|đô|u ét đê|diu ét đi} một chiếc.')
add('u-cur-103', 'currency', 'Cô ấy được thưởng 5tr.', 'cô ấy được thưởng năm triệu.')
add('u-cur-104', 'currency', 'Món này giá 10,5$.', 'món này giá ' + alts(*[f'mười phẩy năm {d}' for d in DOLS], *[f'mười {d} năm mươi xu' for d in DOLS]) + '.')
add('u-pct-101', 'percent', 'Doanh thu tăng 12,5% so với cùng kỳ.', 'doanh thu tăng mười hai phẩy năm phần trăm so với cùng kỳ.')
add('u-pct-102', 'percent', 'Giảm giá 50% cho khách hàng mới.', 'giảm giá năm mươi phần trăm cho khách hàng mới.')
add('u-pct-103', 'percent', 'Lãi suất từ 5-7%.', 'lãi suất từ năm <D> ' + PCT + 'bảy phần trăm.')
add('u-meas-101', 'measure', 'Nhiệt độ cao nhất 38°C.', 'nhiệt độ cao nhất ba mươi tám <DC>.')
add('u-meas-102', 'measure', 'Pin dung lượng 5000 mAh.', 'pin dung lượng năm <N> mi li {am pe|am be} giờ.')
add('u-meas-103', 'measure', 'Điện áp 220V.', 'điện áp hai trăm hai mươi vôn.')
add('u-meas-104', 'measure', 'Chiếc bàn dài 120 cm.', 'chiếc bàn dài một trăm hai mươi <XE> ti mét.')
add('u-meas-105', 'measure', 'Điện thoại có bộ nhớ 128 GB.', 'điện thoại có bộ nhớ một trăm hai mươi tám <GB>.')
add('u-meas-106', 'measure', 'Căn phòng rộng 4 x 5 m.', 'căn phòng rộng bốn {nhân|x} năm mét.')
add('u-meas-107', 'measure', 'Bồn chứa 2 m3 nước.', 'bồn chứa hai mét khối nước.')
add('u-abbr-101', 'abbreviation', 'Em là học sinh THCS Lê Lợi.', 'em là học sinh trung học cơ sở lê lợi.')
add('u-abbr-102', 'abbreviation', 'ThS. Trần Thị Hoa giảng bài.', 'thạc <S> trần thị hoa giảng bài.')
add('u-abbr-103', 'abbreviation', 'BS. Lê Minh khám bệnh.', 'bác <S> lê minh khám bệnh.')
add('u-abbr-104', 'abbreviation', 'Sở GD&ĐT thông báo lịch thi.', 'sở giáo dục và đào tạo thông báo lịch thi.')
add('u-abbr-105', 'abbreviation', 'Tôi ko biết.', 'tôi không biết.')
add('u-abbr-106', 'abbreviation', 'Lũ lớn ở ĐBSCL.', 'lũ lớn ở đồng bằng sông cửu long.')
add('u-abbr-107', 'abbreviation', 'Nhà ở P.Bến Nghé, Q.1, TP.HCM.', 'nhà ở phường bến nghé, quận một, thành phố hồ chí minh.')
add('u-rom-101', 'roman', 'Chiến tranh thế giới thứ II kết thúc năm 1945.',
    'chiến tranh thế giới thứ hai kết thúc năm một <N> chín trăm bốn mươi lăm.')
add('u-rom-102', 'roman', 'Phần IV của cuốn sách rất hay.', 'phần bốn của cuốn sách rất hay.')
add('u-rom-103', 'roman', 'Thế kỷ XIX có nhiều phát minh.', 'thế kỷ mười chín có nhiều phát minh.')
add('u-rng-101', 'range', 'Giá dao động 15.000-20.000 đồng.', 'giá dao động mười lăm <N> <D> hai mươi <N> đồng.')
add('u-rng-102', 'range', 'Mưa 50-100 mm.', 'mưa năm mươi <D> một trăm mi li mét.')
add('u-rng-103', 'range', 'Kế hoạch giai đoạn 2020-2025.', 'kế hoạch giai đoạn hai <N> <K>hai mươi <D> hai <N> <K>hai mươi lăm.')
add('u-score-101', 'score', 'Đội tuyển thua 1-2 trước Indonesia.', 'đội tuyển thua một hai trước indonesia.')
add('u-score-102', 'score', 'Tỷ số 3-0 nghiêng về đội nhà.', 'tỷ số ba không nghiêng về đội nhà.')
add('u-score-103', 'score', 'Hai đội hòa 0-0.', 'hai đội hòa không không.')
add('u-url-101', 'url_email', 'Liên hệ hotro@shopee.vn.', 'liên hệ hotro ' + AT + ' shopee chấm ' + VNX + '.')
add('u-url-102', 'url_email', 'Đọc báo tại tuoitre.vn.', 'đọc báo tại tuoitre chấm ' + VNX + '.')
add('u-url-103', 'url_email', 'Trang web www.google.com.', 'trang web ' + WWW + ' chấm google chấm com.')
add('u-eng-101', 'english_mixed', 'Cô ấy thích xem Netflix vào cuối tuần.', 'cô ấy thích xem netflix vào cuối tuần.')
add('u-eng-102', 'english_mixed', 'Chúng tôi họp qua Zoom lúc 10h.', 'chúng tôi họp qua zoom lúc mười giờ.')
add('u-eng-103', 'english_mixed', 'Bài hát này đứng top 1 trên Spotify.', 'bài hát này đứng top một trên spotify.')
add('u-uni-101', 'unicode', nfd('Thành phố Hồ Chí Minh đông dân.'), 'thành phố hồ chí minh đông dân.')
add('u-uni-102', 'unicode', 'Giá\u00a0100.000\u00a0đồng.', 'giá một trăm <N> đồng.')
add('u-uni-103', 'unicode', '\ufeffXin chào\u200c\u200d bạn.', 'xin chào bạn.')
add('u-punc-101', 'punctuation', 'Anh ấy đến muộn… vì tắc đường.', 'anh ấy đến muộn' + ELL + ' vì tắc đường.')
add('u-punc-102', 'punctuation', 'Mua rau, thịt, cá; nấu cơm.', 'mua rau, thịt, cá; nấu cơm.')
add('u-punc-103', 'punctuation', 'Ông ấy - người hàng xóm - rất tốt.', 'ông ấy{,|} người hàng xóm{,|} rất tốt.')
add('u-split-101', 'sentence_split', 'Tôi sinh năm 1990. Năm nay tôi 34 tuổi.',
    'tôi sinh năm một <N> chín trăm chín mươi.\nnăm nay tôi ba mươi <F> tuổi.')
add('u-split-102', 'sentence_split', 'PGS.TS. Lê Văn Hùng phát biểu. Hội nghị kết thúc.',
    'phó giáo sư tiến <S> lê văn hùng phát biểu.\nhội nghị kết thúc.')
add('u-split-103', 'sentence_split', 'Giá vàng tăng 1,5%. Nhà đầu tư vui mừng!',
    'giá vàng tăng một phẩy năm phần trăm.\nnhà đầu tư vui mừng!')
add('u-split-104', 'sentence_split', 'Xem tại vnexpress.net. Cảm ơn!', 'xem tại vnexpress chấm {net|nét}.\ncảm ơn!')
add('u-frac-101', 'fraction', 'Chỉ 2/5 số ứng viên đạt yêu cầu.', 'chỉ hai phần năm số ứng viên đạt yêu cầu.')
add('u-frac-102', 'fraction', 'Khoảng 1/2 số tiền đã được trả.', 'khoảng một phần hai số tiền đã được trả.')
add('u-frac-103', 'fraction', 'Hơn 3/10 hộ dân có xe ô tô.', 'hơn ba phần mười hộ dân có xe ô tô.')
add('u-mix-101', 'mixed', 'Sáng 5/3, giá vàng tăng 200.000 đồng/lượng.',
    'sáng ' + NG + 'năm tháng ba, giá vàng tăng hai trăm <N> đồng ' + PER + ' lượng.')
add('u-mix-102', 'mixed', 'Lúc 15h ngày 2/9, hơn 1.000 người tham gia diễu hành.',
    'lúc mười lăm giờ ngày hai tháng chín, hơn một <N> người tham gia diễu hành.')
add('u-mix-103', 'mixed', 'Năm 2023, xuất khẩu tăng 5,05%.',
    'năm hai <N> <K>hai mươi ba, xuất khẩu tăng năm phẩy không năm phần trăm.')
add('u-mix-104', 'mixed', 'Trận đấu lúc 19h30 ngày 20/12 tại sân Mỹ Đình.',
    'trận đấu lúc mười chín giờ ba mươi' + PH + ' ngày hai mươi tháng mười hai tại sân mỹ đình.')

# a third blind batch: zero groups, separators, symbols, shorthand
add('u-card-201', 'cardinal', 'Cả nước có 1.050.003 thuê bao mới.', 'cả nước có một triệu <K>năm mươi <N> <K><L> ba thuê bao mới.')
add('u-card-202', 'cardinal', 'Khoảng 10 000 người tham dự.', 'khoảng mười <N> người tham dự.')
add('u-card-203', 'cardinal', 'Dự án thu hút 1,000,000 lượt xem.', 'dự án thu hút một triệu lượt xem.')
add('u-card-204', 'cardinal', 'Cụ bà thọ 101 tuổi.', 'cụ bà thọ một trăm <L> một tuổi.')
add('u-card-205', 'cardinal', 'Đoàn có 110 người.', 'đoàn có một trăm mười người.')
add('u-card-206', 'cardinal', 'Ngân sách đạt 1.000.000.000.000 đồng.', 'ngân sách đạt một <N> <T> đồng.')
add('u-card-207', 'cardinal', 'Xã có 1.004 hộ dân.', 'xã có một <N> <K><L> {bốn|tư} hộ dân.')
add('u-dec-201', 'decimal', 'Số pi xấp xỉ 3,14.', 'số pi xấp xỉ ba phẩy {một bốn|mười bốn}.')
add('u-dec-202', 'decimal', 'Sản lượng tăng 2.5 lần.', 'sản lượng tăng hai {phẩy|chấm} năm lần.')
add('u-dec-203', 'decimal', 'Khoảng 2,5 triệu người xem trận đấu.', 'khoảng hai phẩy năm triệu người xem trận đấu.')
add('u-time-201', 'time', 'Chuyến bay cất cánh lúc 00:30.', 'chuyến bay cất cánh lúc không giờ ba mươi' + PH + '.')
add('u-time-202', 'time', 'Tan học lúc 12h.', 'tan học lúc mười hai giờ.')
add('u-time-203', 'time', 'Mất điện từ 9h-10h.', 'mất điện từ chín giờ đến mười giờ.')
add('u-cur-201', 'currency', 'Chiếc máy giá $1.000.', 'chiếc máy giá một <N> ' + DOL + '.')
add('u-cur-202', 'currency', 'Lương tháng 20 triệu VNĐ.', 'lương tháng hai mươi triệu ' + VND + '.')
add('u-cur-203', 'currency', 'Táo bán 50.000 đ/kg.', 'táo bán năm mươi <N> đồng ' + PER + ' ' + KG + '.')
add('u-cur-204', 'currency', 'Gói cước 120k mỗi tháng.', 'gói cước một trăm hai mươi ' + K1 + ' mỗi tháng.')
add('u-meas-201', 'measure', 'Anh ấy nặng 70kg.', 'anh ấy nặng bảy mươi ' + KG + '.')
add('u-meas-202', 'measure', 'Bóng đèn 100 W.', 'bóng đèn một trăm oát.')
add('u-meas-203', 'measure', 'Xe chạy 80km/h.', 'xe chạy tám mươi ' + KM + ' ' + PER + ' giờ.')
add('u-meas-204', 'measure', 'Bức tường cao 3 m.', 'bức tường cao ba mét.')
add('u-rng-201', 'range', 'Trẻ 3 – 5 tuổi đi học mẫu giáo.', 'trẻ ba <D> năm tuổi đi học mẫu giáo.')
add('u-rng-202', 'range', 'Mức phạt 2-3 triệu đồng.', 'mức phạt hai <D> ba triệu đồng.')
add('u-abbr-201', 'abbreviation', 'UBND TP.Hà Nội ban hành quyết định.', '<UB> ban nhân dân thành phố hà nội ban hành quyết định.')
add('u-abbr-202', 'abbreviation', 'Tp. Đà Nẵng rất sạch.', 'thành phố đà nẵng rất sạch.')
add('u-abbr-203', 'abbreviation', 'Cửa hàng mở cả CN.', 'cửa hàng mở cả chủ nhật.')
add('u-abbr-204', 'abbreviation', 'SĐT của bạn là gì?', 'số điện thoại của bạn là gì?')
add('u-abbr-205', 'abbreviation', 'Thành cổ xây năm 200 TCN.', 'thành cổ xây năm hai trăm trước công nguyên.')
add('u-rom-201', 'roman', 'Doanh thu quý IV/2023 tăng mạnh.', 'doanh thu quý bốn năm hai <N> <K>hai mươi ba tăng mạnh.')
add('u-rom-202', 'roman', 'Đại hội đại biểu toàn quốc lần thứ XIII diễn ra tại Hà Nội.',
    'đại hội đại biểu toàn quốc lần thứ mười ba diễn ra tại hà nội.')
add('u-url-201', 'url_email', 'Email của tôi là nguyen.van.an@gmail.com.',
    'email của tôi là nguyen chấm van chấm an ' + AT + ' gmail chấm com.')
add('u-score-201', 'score', 'Đội tuyển thắng 4-0 trên sân nhà.', 'đội tuyển thắng bốn không trên sân nhà.')
add('u-mix-201', 'mixed', 'Từ 1/1/2025, mức phạt là 2-3 triệu đồng.',
    'từ ' + NG + 'một tháng một năm hai <N> <K>hai mươi lăm, mức phạt là hai <D> ba triệu đồng.')
add('u-mix-202', 'mixed', 'Ta có 2 + 2 = 4.', 'ta có hai cộng hai bằng bốn.')
add('u-mix-203', 'mixed', 'Cảnh báo khi nhiệt độ > 40°C.', 'cảnh báo khi nhiệt độ lớn hơn bốn mươi <DC>.')
add('u-mix-204', 'mixed', 'Có ~50 người bị thương.', 'có {khoảng|xấp xỉ} năm mươi người bị thương.')
add('u-mix-205', 'mixed', 'Công ty Minh & Cộng sự khai trương.', 'công ty minh và cộng sự khai trương.')
add('u-split-201', 'sentence_split', 'Tạm biệt!\nHẹn gặp lại.', 'tạm biệt!\nhẹn gặp lại.')
add('u-split-202', 'sentence_split', 'Đường dài 5 km. Đi bộ mất 1 giờ.', 'đường dài năm ' + KM + '.\nđi bộ mất một giờ.')

# a fourth blind batch: README examples in new sentences
add('u-card-301', 'cardinal', 'Tỉnh có 1 050 003 cư dân.', 'tỉnh có một triệu <K>năm mươi <N> <K><L> ba cư dân.')
add('u-date-301', 'date', 'Lễ hội kéo dài từ ngày 20-25/12.', 'lễ hội kéo dài từ ngày hai mươi đến ' + NG + 'hai mươi lăm tháng mười hai.')
add('u-date-302', 'date', 'Hà Nội, ngày 15 tháng 8 năm 2024.', 'hà nội, ngày mười lăm tháng tám năm ' + Y2024 + '.')
add('u-date-303', 'date', 'Tháng 1 năm nay trời rét.', 'tháng một năm nay trời rét.')
add('u-punc-301', 'punctuation', 'Thôi được...', 'thôi được{...|…|.}')
add('u-punc-302', 'punctuation', 'Nhanh lên!!! Muộn rồi.', 'nhanh lên{!!!|!} muộn rồi.')
add('u-punc-303', 'punctuation', 'Chợ có tôm, cua, cá, v.v. rất tươi.', 'chợ có tôm, cua, cá, vân vân rất tươi.')
add('u-meas-301', 'measure', 'Căn hộ rộng 50m2.', 'căn hộ rộng năm mươi mét vuông.')
add('u-meas-302', 'measure', 'Vườn cây rộng 5ha.', 'vườn cây rộng năm héc ta.')
add('u-time-301', 'time', 'Xe xuất bến lúc 7g.', 'xe xuất bến lúc bảy giờ.')
add('u-abbr-301', 'abbreviation', 'Lịch học: T2, T4, T6.', 'lịch học: thứ hai, thứ tư, thứ sáu.')
add('u-abbr-302', 'abbreviation', 'Anh ấy sống ở Q.Bình Thạnh.', 'anh ấy sống ở quận bình thạnh.')
add('u-abbr-303', 'abbreviation', 'Ban chấp hành TW Đảng họp.', 'ban chấp hành trung ương đảng họp.')
add('u-rom-301', 'roman', 'Thế kỉ XX có hai cuộc chiến tranh lớn.', 'thế kỉ hai mươi có hai cuộc chiến tranh lớn.')
add('u-eng-301', 'english_mixed', 'HLV Park Hang-seo rất được yêu mến.', 'huấn luyện viên park hang seo rất được yêu mến.')
add('u-eng-302', 'english_mixed', 'ĐẠI HỘI ĐẢNG TOÀN QUỐC khai mạc.', 'đại hội đảng toàn quốc khai mạc.')
add('u-cur-301', 'currency', 'Áo khoác giá 1tr2.', 'áo khoác giá một triệu {hai trăm <N>|hai}.')
add('u-ord-301', 'ordinal', 'Hẹn gặp vào thứ 2 tuần sau.', 'hẹn gặp vào thứ hai tuần sau.')
add('u-uni-301', 'unicode', nfd('Tôi\u00a0đã\u200b về   nhà.'), 'tôi đã về nhà.')

if __name__ == '__main__':
    _cases.write(sys.argv[1] if len(sys.argv) > 1 else 'textnorm_cases_u.jsonl')
