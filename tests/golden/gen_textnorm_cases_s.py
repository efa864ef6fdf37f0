#!/usr/bin/env python3
# gen_textnorm_cases_s.py - regenerates tests/golden/textnorm_cases_s.jsonl: a
# fourth set of our own normaliser cases, written blind from the rules of
# ../shared/textnorm/README.md (before running the normaliser on them), in
# domains the other files cover less: street addresses and administrative
# units, legal text, medical text, school grades, sports, stock market and
# finance, tech specs, transport, year ranges and decades, durations, list
# numbering and headings, quoted speech, chat text, product names, all-caps
# headlines and stray spaces. Where the README leaves a choice every accepted
# reading is listed; cases it does not decide are left out.
# Template syntax and shared readings: textnorm_casegen.py.
# Usage: gen_textnorm_cases_s.py OUT.jsonl
import sys

from textnorm_casegen import Cases, nfd, DOL, ELL, K1, KG, KM, NG, PCT, PER, PH, USD, VND

_cases = Cases(tones=True, digits_ok=False)
add = _cases.add
CM = '<XE> ti mét'
GB = '<GB>'
G5 = '{g|gờ|giê|gi}'  # the G of 4G/5G
MAH = 'mi li {am pe|am be} giờ'
INCH = '{inch|in|in sơ}'
VNX = '{vn|vi en|vê nờ}'
EXC = '{!!!|!}'
PAR = '{,|}'  # a comma in place of dropped parentheses or dash
Y = {
    1945: 'một <N> chín trăm bốn mươi lăm', 1975: 'một <N> chín trăm bảy mươi lăm',
    1946: 'một <N> chín trăm bốn mươi sáu', 1954: 'một <N> chín trăm năm mươi <F>',
    1980: 'một <N> chín trăm tám mươi', 1960: 'một <N> chín trăm sáu mươi',
    1981: 'một <N> chín trăm tám mươi mốt', 1990: 'một <N> chín trăm chín mươi',
    2013: 'hai <N> <K>mười ba', 2019: 'hai <N> <K>mười chín', 2020: 'hai <N> <K>hai mươi',
    2021: 'hai <N> <K>hai mươi mốt', 2023: 'hai <N> <K>hai mươi ba', 2024: 'hai <N> <K>hai mươi <F>',
    2025: 'hai <N> <K>hai mươi lăm', 2026: 'hai <N> <K>hai mươi sáu', 2027: 'hai <N> <K>hai mươi bảy',
    2030: 'hai <N> <K>ba mươi', 2045: 'hai <N> <K>bốn mươi lăm', 2000: 'hai <N>',
    1009: 'một <N> <K><L> chín', 1225: 'một <N> hai trăm hai mươi lăm',
    1385: 'một <N> ba trăm tám mươi lăm', 1433: 'một <N> bốn trăm ba mươi ba',
    1890: 'một <N> tám trăm chín mươi', 1969: 'một <N> chín trăm sáu mươi chín',
    1986: 'một <N> chín trăm tám mươi sáu', 1930: 'một <N> chín trăm ba mươi',
}
AB, MX, C, M = 'abbreviation', 'mixed', 'cardinal', 'measure'
SS, PU, R, RG = 'sentence_split', 'punctuation', 'roman', 'range'
DT, TM, O, SC = 'date', 'time', 'ordinal', 'score'
CU, PC, D, FR = 'currency', 'percent', 'decimal', 'fraction'
E, UN, U, P = 'english_mixed', 'unicode', 'url_email', 'phone'

# --- addresses and administrative units
add('s-addr-01', AB, 'Nhà tôi ở số 12 đường Nguyễn Trãi, P.3, Q.5.',
    'nhà tôi ở số mười hai đường nguyễn trãi, phường ba, quận năm.')
add('s-addr-02', AB, 'Trụ sở: 25 Lý Thường Kiệt, Q. Hoàn Kiếm, TP. Hà Nội.',
    'trụ sở: hai mươi lăm lý thường kiệt, quận hoàn kiếm, thành phố hà nội.')
add('s-addr-03', AB, 'Cửa hàng tại P.Tân Định, Q.1, TP.HCM.',
    'cửa hàng tại phường tân định, quận một, thành phố hồ chí minh.')
add('s-addr-04', AB, 'Chi nhánh mới đặt ở Tp.HCM.', 'chi nhánh mới đặt ở thành phố hồ chí minh.')
add('s-addr-05', AB, 'Dự án nằm ở Q.7, TP.HCM.', 'dự án nằm ở quận bảy, thành phố hồ chí minh.')
add('s-addr-06', AB, 'UBND P.Bến Thành họp dân.', '<UB> ban nhân dân phường bến thành họp dân.')
add('s-addr-07', AB, 'UBND tỉnh Quảng Nam và HĐND huyện Duy Xuyên ký kết.',
    '<UB> ban nhân dân tỉnh quảng nam và hội đồng nhân dân huyện duy xuyên ký kết.')
add('s-addr-08', C, 'Số nhà 102, ngõ 45, phố Huế.', 'số nhà một trăm <L> hai, ngõ bốn mươi lăm, phố huế.')
add('s-addr-09', C, 'Phòng 305, tầng 3, tòa A.', 'phòng ba trăm <L> năm, tầng ba, tòa a.')
add('s-addr-10', AB, 'Ngõ 34 Hoàng Cầu, Q. Đống Đa.', 'ngõ ba mươi <F> hoàng cầu, quận đống đa.')
add('s-addr-11', AB, 'Anh ấy sống ở P. 12, Q. Gò Vấp.', 'anh ấy sống ở phường mười hai, quận gò vấp.')
add('s-addr-12', AB, 'Bệnh nhân cư trú tại TP. Thủ Đức.', 'bệnh nhân cư trú tại thành phố thủ đức.')
add('s-addr-13', AB, 'Khu phố 3, P.Linh Trung có 2.000 hộ.',
    'khu phố ba, phường linh trung có hai <N> hộ.')
add('s-addr-14', AB, 'ĐBSCL có 13 tỉnh, thành.', 'đồng bằng sông cửu long có mười ba tỉnh, thành.')
add('s-addr-15', C, 'Tỉnh có 9 huyện, 1 thị xã và 1 thành phố.', 'tỉnh có chín huyện, một thị xã và một thành phố.')
add('s-addr-16', AB, 'Địa chỉ: 268 Lý Thường Kiệt, P.14, Q.10, TP.HCM.',
    'địa chỉ: hai trăm sáu mươi tám lý thường kiệt, phường mười bốn, quận mười, thành phố hồ chí minh.')
add('s-addr-17', AB, 'Đoàn công tác thăm TP. Cần Thơ và TP. Đà Nẵng.',
    'đoàn công tác thăm thành phố cần thơ và thành phố đà nẵng.')
add('s-addr-18', AB, 'Sở GD&ĐT TP.HCM công bố lịch thi.',
    'sở giáo dục và đào tạo thành phố hồ chí minh công bố lịch thi.')
add('s-addr-19', AB, 'Công an Q.Bình Thạnh vào cuộc.', 'công an quận bình thạnh vào cuộc.')
add('s-addr-20', AB, 'Cư dân P.7 phản ánh tình trạng ngập.', 'cư dân phường bảy phản ánh tình trạng ngập.')
add('s-addr-21', AB, 'Từ Q.1 đến Q.3 mất 15 phút.', 'từ quận một đến quận ba mất mười lăm phút.')
add('s-addr-22', SS, 'Tôi ở P.3. Anh ở Q.5.', 'tôi ở phường ba.\nanh ở quận năm.')
add('s-addr-23', SS, 'Văn phòng tại TP. Hà Nội. Chi nhánh tại TP.HCM.',
    'văn phòng tại thành phố hà nội.\nchi nhánh tại thành phố hồ chí minh.')
add('s-addr-24', AB, 'HĐND TP. Hải Phòng khai mạc kỳ họp.', 'hội đồng nhân dân thành phố hải phòng khai mạc kỳ họp.')
add('s-addr-25', UN, 'Cửa hàng ở TP.\u200bHCM.', 'cửa hàng ở thành phố hồ chí minh.', 'zero-width space inside an abbreviation')
add('s-addr-26', UN, 'Nhà\tsố 5,\tP.2.', 'nhà số năm, phường hai.', 'tabs')

# --- legal text
L_ = MX
add('s-law-01', L_, 'Theo Điều 5 Luật Giáo dục.', 'theo điều năm luật giáo dục.')
add('s-law-02', L_, 'Căn cứ khoản 2 Điều 8 Nghị định này.', 'căn cứ khoản hai điều tám nghị định này.')
add('s-law-03', L_, 'Vi phạm điểm a khoản 1 Điều 12.', 'vi phạm điểm a khoản một điều mười hai.')
add('s-law-04', L_, 'Điều 134 Bộ luật Hình sự quy định tội cố ý gây thương tích.',
    'điều một trăm ba mươi <F> bộ luật hình sự quy định tội cố ý gây thương tích.')
add('s-law-05', L_, 'Chương II, Mục 3, Điều 15.', 'chương hai, mục ba, điều mười lăm.')
add('s-law-06', L_, 'Khoản 3, Điều 7 bị bãi bỏ.', 'khoản ba, điều bảy bị bãi bỏ.')
add('s-law-07', C, 'Hiến pháp năm 2013 có 11 chương, 120 điều.',
    'hiến pháp năm ' + Y[2013] + ' có mười một chương, một trăm hai mươi điều.')
add('s-law-08', CU, 'Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng.',
    'phạt tiền từ năm triệu đồng đến mười triệu đồng.')
add('s-law-09', RG, 'Mức phạt 800.000-1.000.000 đồng.', 'mức phạt tám trăm <N> <D> một triệu đồng.')
add('s-law-10', C, 'Phạt tù từ 2 đến 7 năm.', 'phạt tù từ hai đến bảy năm.')
add('s-law-11', DT, 'Luật có hiệu lực từ ngày 1/1/2025.', 'luật có hiệu lực từ ngày một tháng một năm ' + Y[2025] + '.')
add('s-law-12', DT, 'Nghị định số 100 ban hành ngày 30/12/2019.',
    'nghị định số một trăm ban hành ngày ba mươi tháng mười hai năm ' + Y[2019] + '.')
add('s-law-13', R, 'Điều IX của Hiến chương.', 'điều chín của hiến chương.')
add('s-law-14', R, 'Khoản II được sửa đổi.', 'khoản hai được sửa đổi.')
add('s-law-15', R, 'Phần thứ ba, Chương IV.', 'phần thứ ba, chương bốn.')
add('s-law-16', R, 'Mục III, Chương V quy định chi tiết.', 'mục ba, chương năm quy định chi tiết.')
add('s-law-17', R, 'Quốc hội khóa XV thông qua Luật Đất đai.', 'quốc hội khóa mười lăm thông qua luật đất đai.')
add('s-law-18', O, 'Kỳ họp thứ 7, Quốc hội khóa XV.', 'kỳ họp thứ bảy, quốc hội khóa mười lăm.')
add('s-law-19', AB, 'TAND TP. Hà Nội tuyên phạt bị cáo 12 năm tù.',
    'tòa án nhân dân thành phố hà nội tuyên phạt bị cáo mười hai năm tù.')
add('s-law-20', C, 'Quy định tại Điều 5, 6 và 7.', 'quy định tại điều năm, sáu và bảy.')
add('s-law-21', C, 'Từ Điều 10 đến Điều 12 nói về thuế.', 'từ điều mười đến điều mười hai nói về thuế.')
add('s-law-22', MX, 'Điều 1. Phạm vi điều chỉnh', 'điều một. phạm vi điều chỉnh')
add('s-law-23', MX, 'ĐIỀU 5. QUYỀN VÀ NGHĨA VỤ', 'điều năm. quyền và nghĩa vụ')
add('s-law-24', R, 'CHƯƠNG I. NHỮNG QUY ĐỊNH CHUNG', 'chương một. những quy định chung')
add('s-law-25', CU, 'Phạt từ 3-5 triệu đồng với hành vi này.', 'phạt từ ba <D> năm triệu đồng với hành vi này.')
add('s-law-26', UN, nfd('Căn cứ Điều 51 Bộ luật Hình sự.'), 'căn cứ điều năm mươi mốt bộ luật hình sự.', 'NFD input')
add('s-law-27', MX, 'Bị cáo lĩnh 20 năm tù, bồi thường 150 triệu đồng.',
    'bị cáo lĩnh hai mươi năm tù, bồi thường một trăm năm mươi triệu đồng.')

# --- medical
add('s-med-01', M, 'Uống 500mg x 2 lần/ngày.', 'uống năm trăm mi li gam {nhân|x} hai lần ' + PER + ' ngày.')
add('s-med-02', M, 'Liều dùng 2 viên/lần, 3 lần/ngày.', 'liều dùng hai viên ' + PER + ' lần, ba lần ' + PER + ' ngày.')
add('s-med-03', M, 'Nhiệt độ cơ thể 38,5°C.', 'nhiệt độ cơ thể ba mươi tám phẩy năm <DC>.')
add('s-med-04', M, 'Bé sốt 39°C kèm co giật.', 'bé sốt ba mươi chín <DC> kèm co giật.')
add('s-med-05', C, 'Tiêm 2 mũi vắc xin cách nhau 28 ngày.', 'tiêm hai mũi vắc xin cách nhau hai mươi tám ngày.')
add('s-med-06', M, 'Truyền 500 ml dịch.', 'truyền năm trăm mi li lít dịch.')
add('s-med-07', M, 'Bệnh nhân nặng 60kg, cao 1m65.', 'bệnh nhân nặng sáu mươi ' + KG + ', cao một mét sáu mươi lăm.')
add('s-med-08', D, 'Chỉ số BMI của anh là 22,5.', 'chỉ số {bmi|bê mờ i|bê em i|bi em ai} của anh là hai mươi hai phẩy năm.')
add('s-med-09', M, 'Nhịp tim 110 lần/phút.', 'nhịp tim một trăm mười lần ' + PER + ' phút.')
add('s-med-10', AB, 'BV Bạch Mai tiếp nhận 15 ca.', 'bệnh viện bạch mai tiếp nhận mười lăm ca.')
add('s-med-11', M, 'BS. Lan khuyên uống 2 lít nước/ngày.', 'bác <S> lan khuyên uống hai lít nước ' + PER + ' ngày.')
add('s-med-12', RG, 'Mỗi ngày uống 1-2 viên.', 'mỗi ngày uống một <D> hai viên.')
add('s-med-13', M, 'Uống vitamin C 1000mg mỗi ngày.', 'uống vitamin c một <N> mi li gam mỗi ngày.')
add('s-med-14', M, 'Thai 32 tuần, nặng 1,8 kg.', 'thai ba mươi hai tuần, nặng một phẩy tám ' + KG + '.')
add('s-med-15', C, 'Bé 18 tháng tuổi bị sốt.', 'bé mười tám tháng tuổi bị sốt.')
add('s-med-16', TM, 'Uống thuốc lúc 8h và 20h.', 'uống thuốc lúc tám giờ và hai mươi giờ.')
add('s-med-17', M, 'Liều 0,5 mg/kg.', 'liều không phẩy năm mi li gam ' + PER + ' ' + KG + '.')
add('s-med-18', PC, 'Tỷ lệ tử vong khoảng 0,5%.', 'tỷ lệ tử vong khoảng không phẩy năm phần trăm.')
add('s-med-19', C, 'Trẻ 4 tháng tuổi cần bú mẹ.', 'trẻ bốn tháng tuổi cần bú mẹ.', 'a count of months, not month 4')
add('s-med-20', M, 'Sốt cao trên 40°C rất nguy hiểm.', 'sốt cao trên bốn mươi <DC> rất nguy hiểm.')
add('s-med-21', SS, 'Bé sốt 38,5°C. Mẹ cho uống thuốc.', 'bé sốt ba mươi tám phẩy năm <DC>.\nmẹ cho uống thuốc.')
add('s-med-22', SS, 'Uống 2 viên/ngày. Tái khám sau 7 ngày.',
    'uống hai viên ' + PER + ' ngày.\ntái khám sau bảy ngày.')
add('s-med-23', M, 'Mỗi lần nhỏ 2-3 giọt, ngày 3 lần.', 'mỗi lần nhỏ hai <D> ba giọt, ngày ba lần.')
add('s-med-24', M, 'Tiêm 0,5 ml vào bắp tay.', 'tiêm không phẩy năm mi li lít vào bắp tay.')

# --- school grades and scores
G_ = D
add('s-edu-01', G_, 'Em đạt 8,5 điểm môn Toán.', 'em đạt tám phẩy năm điểm môn toán.')
add('s-edu-02', G_, 'Điểm chuẩn năm nay là 27,25.', 'điểm chuẩn năm nay là hai mươi bảy phẩy {hai năm|hai mươi lăm}.')
add('s-edu-03', G_, 'Tổng điểm 3 môn đạt 29,75.', 'tổng điểm ba môn đạt hai mươi chín phẩy {bảy năm|bảy mươi lăm}.')
add('s-edu-04', FR, 'Bài kiểm tra được 27/30 điểm.', 'bài kiểm tra được hai mươi bảy {phần|trên} ba mươi điểm.')
add('s-edu-05', C, 'Học sinh lớp 9 thi vào lớp 10.', 'học sinh lớp chín thi vào lớp mười.')
add('s-edu-06', R, 'Điểm trung bình học kỳ I là 8,2.', 'điểm trung bình học kỳ một là tám phẩy hai.')
add('s-edu-07', DT, 'Học kỳ II năm học 2023-2024 kết thúc.',
    'học kỳ hai năm học ' + Y[2023] + ' <D> ' + Y[2024] + ' kết thúc.')
add('s-edu-08', C, 'Có 15 em đạt điểm 10.', 'có mười lăm em đạt điểm mười.')
add('s-edu-09', G_, 'Điểm thi: Toán 9; Văn 7,5; Anh 8,75.',
    'điểm thi: toán chín; văn bảy phẩy năm; anh tám phẩy {bảy năm|bảy mươi lăm}.')
add('s-edu-10', PU, 'Xếp loại giỏi (8,0 trở lên).', 'xếp loại giỏi' + PAR + ' tám phẩy không trở lên.')
add('s-edu-11', PC, 'Tỉ lệ tốt nghiệp đạt 99,2%.', 'tỉ lệ tốt nghiệp đạt chín mươi chín phẩy hai phần trăm.')
add('s-edu-12', FR, 'Thí sinh đạt 30/30 điểm.', 'thí sinh đạt ba mươi {phần|trên} ba mươi điểm.')
add('s-edu-13', C, 'Trường có 1.250 học sinh, 36 lớp.', 'trường có một <N> hai trăm năm mươi học sinh, ba mươi sáu lớp.')
add('s-edu-14', AB, 'Kỳ thi tốt nghiệp THPT năm 2025 có 1,1 triệu thí sinh.',
    'kỳ thi tốt nghiệp trung học phổ thông năm ' + Y[2025] + ' có một phẩy một triệu thí sinh.')
add('s-edu-15', MX, 'Lớp 12A1 có 40 học sinh.', 'lớp mười hai a một có bốn mươi học sinh.')
add('s-edu-16', C, 'Em xếp thứ 3 trong lớp với 9,1 điểm.', 'em xếp thứ ba trong lớp với chín phẩy một điểm.')
add('s-edu-17', D, 'Điểm IELTS của em là 7.5.', 'điểm ielts của em là bảy {phẩy|chấm} năm.')
add('s-edu-18', AB, 'Học sinh THCS được miễn học phí.', 'học sinh trung học cơ sở được miễn học phí.')
add('s-edu-19', G_, 'Môn Văn được 6,25 điểm.', 'môn văn được sáu phẩy {hai năm|hai mươi lăm} điểm.')
add('s-edu-20', SS, 'Em được 10 điểm. Mẹ rất vui!', 'em được mười điểm.\nmẹ rất vui!')
# --- sports
add('s-spo-01', SC, 'Việt Nam thắng Indonesia 3-0.', 'việt nam thắng indonesia ba không.')
add('s-spo-02', SC, 'Đội tuyển thua Nhật Bản 1-4.', 'đội tuyển thua nhật bản một bốn.')
add('s-spo-03', SC, 'Hai đội hòa 2-2 sau 90 phút.', 'hai đội hòa hai hai sau chín mươi phút.')
add('s-spo-04', SC, 'Tỉ số chung cuộc 3-1.', 'tỉ số chung cuộc ba một.')
add('s-spo-05', MX, 'Phút 45+2, đội khách gỡ hòa.', 'phút bốn mươi lăm cộng hai, đội khách gỡ hòa.')
add('s-spo-06', MX, 'Bàn thắng đến ở phút 90+5.', 'bàn thắng đến ở phút chín mươi cộng năm.')
add('s-spo-07', C, 'Đội xếp hạng 3 với 45 điểm.', 'đội xếp hạng ba với bốn mươi lăm điểm.')
add('s-spo-08', SC, 'Nadal thắng 6-3, 6-4, 7-5.', 'nadal thắng sáu ba, sáu bốn, bảy năm.', 'set scores')
add('s-spo-09', AB, 'Sau 20 vòng đấu, CLB Hà Nội có 38 điểm.',
    'sau hai mươi vòng đấu, câu lạc bộ hà nội có ba mươi tám điểm.')
add('s-spo-10', AB, 'HLV Kim Sang-sik chốt danh sách 23 cầu thủ.',
    'huấn luyện viên kim sang sik chốt danh sách hai mươi ba cầu thủ.')
add('s-spo-11', C, 'Cầu thủ mặc áo số 10.', 'cầu thủ mặc áo số mười.')
add('s-spo-12', M, 'Anh về nhất ở cự ly 100m.', 'anh về nhất ở cự ly một trăm mét.')
add('s-spo-13', D, 'Thành tích 9,89 giây là kỷ lục.', 'thành tích chín phẩy {tám chín|tám mươi chín} giây là kỷ lục.')
add('s-spo-14', M, 'Vận động viên chạy 42,195 km.',
    'vận động viên chạy bốn mươi hai phẩy {một chín năm|một trăm chín mươi lăm} ' + KM + '.')
add('s-spo-15', SC, 'HLV chọn sơ đồ 4-2-3-1.', 'huấn luyện viên chọn sơ đồ bốn hai ba một.')
add('s-spo-16', TM, 'Trận bán kết diễn ra lúc 19h30 ngày 26/12.',
    'trận bán kết diễn ra lúc mười chín giờ ba mươi' + PH + ' ngày hai mươi sáu tháng mười hai.')
add('s-spo-17', O, 'Đội đứng thứ 2 bảng B.', 'đội đứng thứ hai bảng b.')
add('s-spo-18', SC, 'Kết quả: Hà Nội 2-1 Hải Phòng.', 'kết quả: hà nội hai một hải phòng.')
add('s-spo-19', SC, 'Hiệp 1 kết thúc với tỉ số 0-0.', 'hiệp một kết thúc với tỉ số không không.')
add('s-spo-20', SC, 'Man City thắng 4-1 trên sân nhà.', 'man city thắng bốn một trên sân nhà.')
add('s-spo-21', SC, 'Federer thua 4-6 ở set 1.', 'federer thua bốn sáu ở set một.')
add('s-spo-22', E, 'Asian Cup 2027 diễn ra ở Ả Rập Xê Út.', 'asian cup ' + Y[2027] + ' diễn ra ở ả rập xê út.')
add('s-spo-23', SC, 'U23 Việt Nam thắng 2-0.', 'u hai mươi ba việt nam thắng hai không.')
add('s-spo-24', SS, 'Việt Nam thắng 2-0! Người hâm mộ vỡ òa.', 'việt nam thắng hai không!\nngười hâm mộ vỡ òa.')
add('s-spo-25', SC, 'Trận đấu hòa 3-3 sau hai hiệp phụ.', 'trận đấu hòa ba ba sau hai hiệp phụ.')
add('s-spo-26', SC, 'Tỷ số 1-2 giữ nguyên đến hết trận.', 'tỷ số một hai giữ nguyên đến hết trận.')
add('s-spo-27', O, 'Cô giành huy chương ở lần thứ 3 tham dự.', 'cô giành huy chương ở lần thứ ba tham dự.')
add('s-spo-28', C, 'Giải có 16 đội chia làm 4 bảng.', 'giải có mười sáu đội chia làm bốn bảng.')
add('s-spo-29', C, 'Sân Mỹ Đình có sức chứa 40.192 chỗ ngồi.',
    'sân mỹ đình có sức chứa bốn mươi <N> một trăm chín mươi hai chỗ ngồi.')
add('s-spo-30', SC, 'Thắng 1-0, đội nhà lên đầu bảng.', 'thắng một không, đội nhà lên đầu bảng.')

# --- stock market and finance
add('s-fin-01', MX, 'VN-Index tăng 12,5 điểm (+1,02%).',
    VNX + ' index tăng mười hai phẩy năm điểm' + PAR + ' cộng một phẩy không hai phần trăm.')
add('s-fin-02', MX, 'VN-Index giảm 8,35 điểm (-0,65%).',
    VNX + ' index giảm tám phẩy {ba năm|ba mươi lăm} điểm' + PAR +
    ' {âm|trừ} không phẩy {sáu năm|sáu mươi lăm} phần trăm.')
add('s-fin-03', PC, 'Lãi suất tiết kiệm 6,5%/năm.', 'lãi suất tiết kiệm sáu phẩy năm phần trăm ' + PER + ' năm.')
add('s-fin-04', CU, 'Tỷ giá 24.500 VND/USD.', 'tỷ giá hai mươi <F> <N> năm trăm ' + VND + ' ' + PER + ' ' + USD + '.')
add('s-fin-05', CU, 'Giá vàng nhẫn 85,5 triệu đồng/lượng.',
    'giá vàng nhẫn tám mươi lăm phẩy năm triệu đồng ' + PER + ' lượng.')
add('s-fin-06', CU, 'Vốn hóa đạt 5,2 tỷ USD.', 'vốn hóa đạt năm phẩy hai tỷ ' + USD + '.')
add('s-fin-07', PC, 'Cổ phiếu tăng trần 6,9%.', 'cổ phiếu tăng trần sáu phẩy chín phần trăm.')
add('s-fin-08', CU, 'Khối ngoại bán ròng 1.200 tỷ đồng.', 'khối ngoại bán ròng một <N> hai trăm tỷ đồng.')
add('s-fin-09', CU, 'Thanh khoản đạt 20.500 tỷ đồng.', 'thanh khoản đạt hai mươi <N> năm trăm tỷ đồng.')
add('s-fin-10', R, 'Lợi nhuận quý III/2024 đạt 3.250 tỷ đồng.',
    'lợi nhuận quý ba năm ' + Y[2024] + ' đạt ba <N> hai trăm năm mươi tỷ đồng.')
add('s-fin-11', PC, 'GDP tăng 7,09% trong năm 2024.',
    '{gdp|gờ đê pê|giê đê pê} tăng bảy phẩy không chín phần trăm trong năm ' + Y[2024] + '.')
add('s-fin-12', PC, 'Lạm phát mục tiêu dưới 4,5%.', 'lạm phát mục tiêu dưới bốn phẩy năm phần trăm.')
add('s-fin-13', CU, 'Tỷ giá trung tâm 24.265 đồng/USD.',
    'tỷ giá trung tâm hai mươi <F> <N> hai trăm sáu mươi lăm đồng ' + PER + ' ' + USD + '.')
add('s-fin-14', CU, '1 USD = 25.400 VND.', 'một ' + USD + ' bằng hai mươi lăm <N> bốn trăm ' + VND + '.')
add('s-fin-15', CU, 'Doanh thu đạt 1,2 nghìn tỷ đồng.', 'doanh thu đạt một phẩy hai nghìn tỷ đồng.')
add('s-fin-16', PC, 'Lãi suất cho vay 8-10%/năm.', 'lãi suất cho vay tám ' + PCT + '<D> mười phần trăm ' + PER + ' năm.')
add('s-fin-17', CU, 'Giá dầu Brent lên 85,3 USD/thùng.', 'giá dầu brent lên tám mươi lăm phẩy ba ' + USD + ' ' + PER + ' thùng.')
add('s-fin-18', CU, 'Tổng tài sản 2,1 triệu tỷ đồng.', 'tổng tài sản hai phẩy một triệu tỷ đồng.')
add('s-fin-19', PC, 'Vay 500 triệu, lãi 0,8%/tháng.', 'vay năm trăm triệu, lãi không phẩy tám phần trăm ' + PER + ' tháng.')
add('s-fin-20', CU, 'Bitcoin vượt mốc 100.000 USD.', 'bitcoin vượt mốc một trăm <N> ' + USD + '.')
add('s-fin-21', PC, 'Chỉ số tăng +2,5% so với phiên trước.', 'chỉ số tăng cộng hai phẩy năm phần trăm so với phiên trước.')
add('s-fin-22', CU, 'Cổ tức 1.500 đồng/cổ phiếu.', 'cổ tức một <N> năm trăm đồng ' + PER + ' cổ phiếu.')
add('s-fin-23', CU, 'Ngân sách chi 2.000.000 tỷ đồng.', 'ngân sách chi hai triệu tỷ đồng.')
add('s-fin-24', CU, 'Giá xăng hôm nay là 21.050 đồng/lít.',
    'giá xăng hôm nay là hai mươi mốt <N> <K>năm mươi đồng ' + PER + ' lít.')
add('s-fin-25', SS, 'Giá vàng tăng 2%. VN-Index giảm 5 điểm.',
    'giá vàng tăng hai phần trăm.\n' + VNX + ' index giảm năm điểm.')
add('s-fin-26', CU, 'Lương tối thiểu vùng I là 4.960.000 đồng/tháng.',
    'lương tối thiểu vùng một là bốn triệu chín trăm sáu mươi <N> đồng ' + PER + ' tháng.')
add('s-fin-27', CU, 'Giá USD tự do 25.700 đồng.', 'giá ' + USD + ' tự do hai mươi lăm <N> bảy trăm đồng.')
add('s-fin-28', CU, 'Euro giảm còn 27.100 VNĐ.', 'euro giảm còn hai mươi bảy <N> một trăm ' + VND + '.')
add('s-fin-29', PC, 'Doanh nghiệp nộp thuế 20% lợi nhuận.', 'doanh nghiệp nộp thuế hai mươi phần trăm lợi nhuận.')
add('s-fin-30', CU, 'Vay 2 tỷ trả góp 15 năm.', 'vay hai tỷ trả góp mười lăm năm.')

# --- tech specs
add('s-tec-01', M, 'Điện thoại có RAM 8GB, bộ nhớ 256GB.',
    'điện thoại có ram tám ' + GB + ', bộ nhớ hai trăm năm mươi sáu ' + GB + '.')
add('s-tec-02', M, 'Màn hình 6,7 inch, tần số quét 120Hz.',
    'màn hình sáu phẩy bảy ' + INCH + ', tần số quét một trăm hai mươi {héc|hertz}.')
add('s-tec-03', M, 'Pin 4.500 mAh, sạc nhanh 25W.',
    'pin bốn <N> năm trăm ' + MAH + ', sạc nhanh hai mươi lăm oát.')
add('s-tec-04', E, 'Mạng 5G phủ sóng 63 tỉnh thành.', 'mạng năm ' + G5 + ' phủ sóng sáu mươi ba tỉnh thành.')
add('s-tec-05', E, 'Hỗ trợ Wi-Fi 6 và Bluetooth 5.3.',
    'hỗ trợ {wi fi|wifi|oai phai} sáu và bluetooth năm chấm ba.', 'version number: chấm')
add('s-tec-06', E, 'Chip Snapdragon 8 Gen 3 rất mạnh.', 'chip snapdragon tám gen ba rất mạnh.')
add('s-tec-07', M, 'Laptop nặng 1,2 kg, pin dùng 10 tiếng.', 'laptop nặng một phẩy hai ' + KG + ', pin dùng mười tiếng.')
add('s-tec-08', M, 'Xung nhịp tối đa 3,2 GHz.', 'xung nhịp tối đa ba phẩy hai {gi ga héc|ghi ga héc}.')
add('s-tec-09', M, 'Tủ lạnh tiêu thụ 1,2 kWh/ngày.', 'tủ lạnh tiêu thụ một phẩy hai <KI> lô oát giờ ' + PER + ' ngày.')
add('s-tec-10', M, 'Tivi 55 inch giá 12 triệu.', 'tivi năm mươi lăm ' + INCH + ' giá mười hai triệu.')
add('s-tec-11', E, 'Máy chạy Android 14.', 'máy chạy android mười bốn.')
add('s-tec-12', D, 'Cập nhật iOS 18.1 để sửa lỗi.', 'cập nhật ios mười tám chấm một để sửa lỗi.')
add('s-tec-13', M, 'Adapter 220V, công suất 65W.', 'adapter hai trăm hai mươi vôn, công suất sáu mươi lăm oát.')
add('s-tec-14', M, 'Máy giặt lồng ngang 9 kg.', 'máy giặt lồng ngang chín ' + KG + '.')
add('s-tec-15', M, 'Ổ cứng 512GB và RAM 16GB.', 'ổ cứng năm trăm mười hai ' + GB + ' và ram mười sáu ' + GB + '.')
add('s-tec-16', E, 'Tai nghe AirPods Pro 2 chống ồn tốt.', 'tai nghe airpods pro hai chống ồn tốt.')
add('s-tec-17', E, 'Xe Tesla Model 3 chạy 500 km mỗi lần sạc.',
    'xe tesla model ba chạy năm trăm ' + KM + ' mỗi lần sạc.')
add('s-tec-18', E, 'Samsung Galaxy S25 Ultra có bút S Pen.',
    'samsung galaxy {s|ét|ét xì} hai mươi lăm ultra có bút {s|ét|ét xì} pen.')
add('s-tec-19', M, 'Pin dự phòng 20.000mAh.', 'pin dự phòng hai mươi <N> ' + MAH + '.')
add('s-tec-20', M, 'Màn hình 27 inch, tần số 144 Hz.',
    'màn hình hai mươi bảy ' + INCH + ', tần số một trăm bốn mươi <F> {héc|hertz}.')
add('s-tec-21', E, 'Gói cước 5G giá 150k/tháng.',
    'gói cước năm ' + G5 + ' giá một trăm năm mươi ' + K1 + ' ' + PER + ' tháng.')
add('s-tec-22', M, 'Điện thoại 6.1 inch, pin 3.349 mAh.',
    'điện thoại sáu {phẩy|chấm} một ' + INCH + ', pin ba <N> ba trăm bốn mươi chín ' + MAH + '.')
add('s-tec-23', E, 'Mạng 4G chậm hơn 5G.', 'mạng bốn ' + G5 + ' chậm hơn năm ' + G5 + '.')
add('s-tec-24', M, 'Bình nóng lạnh 30 lít, 2500W.', 'bình nóng lạnh ba mươi lít, hai <N> năm trăm oát.')

# --- transport
add('s-tra-01', AB, 'Tai nạn trên QL1A làm 2 người bị thương.', 'tai nạn trên quốc lộ một a làm hai người bị thương.')
add('s-tra-02', MX, 'Sự cố xảy ra tại km 25+300.', 'sự cố xảy ra tại ' + KM + ' hai mươi lăm cộng ba trăm.')
add('s-tra-03', MX, 'Chuyến bay VN123 cất cánh lúc 7h15.',
    'chuyến bay ' + VNX + ' {một hai ba|một trăm hai mươi ba} cất cánh lúc bảy giờ mười lăm' + PH + '.')
add('s-tra-04', C, 'Xe khách 45 chỗ bị lật.', 'xe khách bốn mươi lăm chỗ bị lật.')
add('s-tra-05', M, 'Cao tốc dài 55 km, tốc độ tối đa 120 km/h.',
    'cao tốc dài năm mươi lăm ' + KM + ', tốc độ tối đa một trăm hai mươi ' + KM + ' ' + PER + ' giờ.')
add('s-tra-06', M, 'Tuyến metro số 1 dài 19,7 km.', 'tuyến metro số một dài mười chín phẩy bảy ' + KM + '.')
add('s-tra-07', TM, 'Xe buýt số 32 chạy từ 5h đến 21h.', 'xe buýt số ba mươi hai chạy từ năm giờ đến hai mươi mốt giờ.')
add('s-tra-08', CU, 'Giá vé 7.000đ/lượt.', 'giá vé bảy <N> đồng ' + PER + ' lượt.')
add('s-tra-09', C, 'Sân bay Long Thành đón 25 triệu khách/năm.',
    'sân bay long thành đón hai mươi lăm triệu khách ' + PER + ' năm.')
add('s-tra-10', M, 'Đèo cao 1.000 m so với mực nước biển.', 'đèo cao một <N> mét so với mực nước biển.')
add('s-tra-11', PU, 'Tuyến đường sắt Bắc - Nam dài 1.726 km.',
    'tuyến đường sắt bắc' + PAR + ' nam dài một <N> bảy trăm hai mươi sáu ' + KM + '.')
add('s-tra-12', MX, 'Chuyến bay Hà Nội – TP.HCM mất 2 giờ 10 phút.',
    'chuyến bay hà nội' + PAR + ' thành phố hồ chí minh mất hai giờ mười phút.')
add('s-tra-13', C, 'Quốc lộ 1A bị ngập 30 cm.', 'quốc lộ một a bị ngập ba mươi ' + CM + '.')
add('s-tra-14', M, 'Xe chở quá tải 15 tấn.', 'xe chở quá tải mười lăm tấn.')
add('s-tra-15', M, 'Vượt quá tốc độ 20 km/h bị phạt.', 'vượt quá tốc độ hai mươi ' + KM + ' ' + PER + ' giờ bị phạt.')
add('s-tra-16', TM, 'Tàu rời ga lúc 19h, đến nơi lúc 5h sáng.', 'tàu rời ga lúc mười chín giờ, đến nơi lúc năm giờ sáng.')
add('s-tra-17', M, 'Cầu dài 2,5 km, rộng 24 m.', 'cầu dài hai phẩy năm ' + KM + ', rộng hai mươi <F> mét.')
add('s-tra-18', TM, 'Chuyến tàu khởi hành 6:45 sáng.', 'chuyến tàu khởi hành sáu giờ bốn mươi lăm' + PH + ' sáng.')
# --- year ranges and decades
add('s-yr-01', RG, 'Giai đoạn 1945-1975 đầy biến động.',
    'giai đoạn ' + Y[1945] + ' <D> ' + Y[1975] + ' đầy biến động.')
add('s-yr-02', PU, 'Kháng chiến chống Pháp (1946–1954).',
    'kháng chiến chống pháp' + PAR + ' ' + Y[1946] + ' <D> ' + Y[1954] + '.')
add('s-yr-03', C, 'Thập niên 90 là thời hoàng kim.', 'thập niên chín mươi là thời hoàng kim.')
add('s-yr-04', DT, 'Những năm 1980, kinh tế khó khăn.', 'những năm ' + Y[1980] + ', kinh tế khó khăn.')
add('s-yr-05', C, 'Nhạc thập niên 1960 vẫn được yêu thích.', 'nhạc thập niên ' + Y[1960] + ' vẫn được yêu thích.')
add('s-yr-06', R, 'Những năm 80 của thế kỷ XX.', 'những năm tám mươi của thế kỷ hai mươi.')
add('s-yr-07', RG, 'Chiến lược phát triển 2021-2030.', 'chiến lược phát triển ' + Y[2021] + ' <D> ' + Y[2030] + '.')
add('s-yr-08', DT, 'Tầm nhìn đến năm 2045.', 'tầm nhìn đến năm ' + Y[2045] + '.')
add('s-yr-09', RG, 'Năm tài chính 2024–2025 khép lại.', 'năm tài chính ' + Y[2024] + ' <D> ' + Y[2025] + ' khép lại.')
add('s-yr-10', PU, 'Hồ Chí Minh (1890-1969) là lãnh tụ.',
    'hồ chí minh' + PAR + ' ' + Y[1890] + ' <D> ' + Y[1969] + PAR + ' là lãnh tụ.')
add('s-yr-11', C, 'Từ năm 2000 đến 2020, dân số tăng mạnh.', 'từ năm ' + Y[2000] + ' đến ' + Y[2020] + ', dân số tăng mạnh.')
add('s-yr-12', C, 'Thế kỷ 21 là thế kỷ của công nghệ.', 'thế kỷ hai mươi mốt là thế kỷ của công nghệ.')
add('s-yr-13', R, 'Cuối thế kỷ XIX, đầu thế kỷ XX.', 'cuối thế kỷ mười chín, đầu thế kỷ hai mươi.')
add('s-yr-14', C, 'Năm 938, Ngô Quyền đánh tan quân Nam Hán.', 'năm chín trăm ba mươi tám, ngô quyền đánh tan quân nam hán.')
add('s-yr-15', AB, 'Năm 179 TCN, nước ta bị phương Bắc đô hộ.',
    'năm một trăm bảy mươi chín trước công nguyên, nước ta bị phương bắc đô hộ.')
add('s-yr-16', PU, 'Nhà Lý (1009–1225) tồn tại hơn 200 năm.',
    'nhà lý' + PAR + ' ' + Y[1009] + ' <D> ' + Y[1225] + PAR + ' tồn tại hơn hai trăm năm.')
add('s-yr-17', C, 'Vào thập kỷ 70, đời sống còn khó khăn.', 'vào thập kỷ bảy mươi, đời sống còn khó khăn.')
add('s-yr-18', PU, 'Lê Lợi [1385-1433] là vị vua sáng lập nhà Hậu Lê.',
    'lê lợi' + PAR + ' ' + Y[1385] + ' <D> ' + Y[1433] + PAR + ' là vị vua sáng lập nhà hậu lê.')
add('s-yr-19', DT, 'Đổi mới bắt đầu từ năm 1986.', 'đổi mới bắt đầu từ năm ' + Y[1986] + '.')
add('s-yr-20', DT, 'Đảng ra đời ngày 3/2/1930.', 'đảng ra đời ngày ba tháng hai năm ' + Y[1930] + '.')

# --- durations
add('s-dur-01', TM, "Phim dài 2h30'.", 'phim dài hai giờ ba mươi' + PH + '.', "the minute mark ' is not spoken twice")
add('s-dur-02', C, 'Thời gian làm bài: 120 phút.', 'thời gian làm bài: một trăm hai mươi phút.')
add('s-dur-03', C, 'Chuyến đi mất 2 tiếng 15 phút.', 'chuyến đi mất hai tiếng mười lăm phút.')
add('s-dur-04', TM, 'Thời gian hoàn thành 1:30:45.', 'thời gian hoàn thành một giờ ba mươi phút bốn mươi lăm giây.')
add('s-dur-05', TM, 'Bay mất 1h45 từ Hà Nội.', 'bay mất một giờ bốn mươi lăm' + PH + ' từ hà nội.')
add('s-dur-06', M, 'Ca làm việc 8 tiếng/ngày.', 'ca làm việc tám tiếng ' + PER + ' ngày.')
add('s-dur-07', RG, 'Thời gian chờ 3-5 phút.', 'thời gian chờ ba <D> năm phút.')
add('s-dur-08', RG, 'Đun sôi 10–15 phút rồi tắt bếp.', 'đun sôi mười <D> mười lăm phút rồi tắt bếp.')
add('s-dur-09', C, 'Phim dài 148 phút.', 'phim dài một trăm bốn mươi tám phút.')
add('s-dur-10', C, 'Mất 1 năm 6 tháng để hoàn thành.', 'mất một năm sáu tháng để hoàn thành.')
add('s-dur-11', M, 'Làm việc 40 giờ/tuần.', 'làm việc bốn mươi giờ ' + PER + ' tuần.')
add('s-dur-12', C, 'Phẫu thuật kéo dài 6 giờ.', 'phẫu thuật kéo dài sáu giờ.')
add('s-dur-13', C, 'Trẻ dưới 6 tháng tuổi không nên uống nước.', 'trẻ dưới sáu tháng tuổi không nên uống nước.')
add('s-dur-14', TM, 'Anh về đích với thời gian 3:05:12.', 'anh về đích với thời gian ba giờ năm phút mười hai giây.')
add('s-dur-15', C, 'Hợp đồng có thời hạn 12 tháng.', 'hợp đồng có thời hạn mười hai tháng.')

# --- list numbering and headings
add('s-lst-01', MX, 'Bước 2: Cài đặt phần mềm.', 'bước hai: cài đặt phần mềm.')
add('s-lst-02', PU, 'Câu 3 (2 điểm): Giải phương trình.', 'câu ba' + PAR + ' hai điểm: giải phương trình.')
add('s-lst-03', MX, 'Phần 1: Lý thuyết', 'phần một: lý thuyết')
add('s-lst-04', MX, 'Chương 2. Phương pháp nghiên cứu', 'chương hai. phương pháp nghiên cứu')
add('s-lst-05', D, 'Xem mục 1.2 của báo cáo.', 'xem mục một {chấm|phẩy} hai của báo cáo.')
add('s-lst-06', MX, 'Câu 1: Chọn đáp án đúng.', 'câu một: chọn đáp án đúng.')
add('s-lst-07', PU, '1) Mở máy; 2) Cài đặt; 3) Khởi động lại.',
    'một' + PAR + ' mở máy; hai' + PAR + ' cài đặt; ba' + PAR + ' khởi động lại.')
add('s-lst-08', MX, 'Bài 5. Hàm số bậc hai', 'bài năm. hàm số bậc hai')
add('s-lst-09', PU, 'a) Người lao động có quyền nghỉ phép.', 'a' + PAR + ' người lao động có quyền nghỉ phép.')
add('s-lst-10', PU, '- Bước 1: Rửa sạch rau.', 'bước một: rửa sạch rau.')
add('s-lst-11', PU, '* Ghi chú: mang theo CMND.', 'ghi chú: mang theo {cmnd|chứng minh nhân dân|xê em en đê}.')
add('s-lst-12', PU, '• Giá: 50k/người', 'giá: năm mươi ' + K1 + ' ' + PER + ' người')
add('s-lst-13', MX, '1. Giới thiệu chung', 'một{.|} giới thiệu chung')
add('s-lst-14', R, 'I. MỞ ĐẦU', '{một|i}{.|} mở đầu')
add('s-lst-15', MX, 'Tập 3 của bộ truyện đã ra mắt.', 'tập ba của bộ truyện đã ra mắt.')
add('s-lst-16', R, 'Đọc kỹ Chương III trước khi làm Bài tập 4.', 'đọc kỹ chương ba trước khi làm bài tập bốn.')

# --- quoted speech and parentheses
add('s-quo-01', PU, 'Ông nói: “Chúng ta phải làm ngay.”', 'ông nói: chúng ta phải làm ngay.')
add('s-quo-02', PU, 'Cô bé hỏi: "Mẹ ơi, mấy giờ rồi?"', 'cô bé hỏi: mẹ ơi, mấy giờ rồi?')
add('s-quo-03', PU, 'Bộ phim "Mắt biếc" thu 180 tỷ đồng.', 'bộ phim mắt biếc thu một trăm tám mươi tỷ đồng.')
add('s-quo-04', PU, 'Theo ông Nam (giám đốc sở), dự án chậm 3 tháng.',
    'theo ông nam' + PAR + ' giám đốc sở, dự án chậm ba tháng.')
add('s-quo-05', PU, 'Ca sĩ Mỹ Tâm (sinh năm 1981) vừa ra album.',
    'ca sĩ mỹ tâm' + PAR + ' sinh năm ' + Y[1981] + PAR + ' vừa ra album.')
add('s-quo-06', PU, "Anh ta nói 'không' rồi bỏ đi.", 'anh ta nói không rồi bỏ đi.')
add('s-quo-07', PU, '«Tắt đèn» là tác phẩm của Ngô Tất Tố.', 'tắt đèn là tác phẩm của ngô tất tố.')
add('s-quo-08', PU, 'Dự án (giai đoạn 2) sắp khởi công.', 'dự án' + PAR + ' giai đoạn hai' + PAR + ' sắp khởi công.')
add('s-quo-09', PU, 'Theo báo cáo (trang 15), doanh thu tăng.', 'theo báo cáo' + PAR + ' trang mười lăm, doanh thu tăng.')
add('s-quo-10', PU, 'Anh ấy hét lên: “Vào!!!”', 'anh ấy hét lên: vào' + EXC)
add('s-quo-11', PU, 'Họ gọi đó là “cú sốc”.', 'họ gọi đó là cú sốc.')
add('s-quo-12', SS, 'Bà nói: “Con về đi.” Tôi im lặng.', 'bà nói: con về đi.\ntôi im lặng.')
add('s-quo-13', PU, 'Giá cà phê (loại 1) là 120.000đ/kg.',
    'giá cà phê' + PAR + ' loại một' + PAR + ' là một trăm hai mươi <N> đồng ' + PER + ' ' + KG + '.')
add('s-quo-14', PU, 'Thủ tướng nhấn mạnh: “Không để ai bị bỏ lại phía sau”.',
    'thủ tướng nhấn mạnh: không để ai bị bỏ lại phía sau.')
add('s-quo-15', PU, 'Ông ấy – một kỹ sư 30 tuổi – đã thắng giải.',
    'ông ấy' + PAR + ' một kỹ sư ba mươi tuổi' + PAR + ' đã thắng giải.')

# --- chat and social-media text
add('s-chat-01', AB, 'Mai đi chơi ko?', 'mai đi chơi không?')
add('s-chat-02', PU, 'Mình ko biết đâu :))', 'mình không biết đâu')
add('s-chat-03', MX, 'Sale sốc 50% từ 9h-12h hôm nay!!!',
    'sale sốc năm mươi phần trăm từ chín giờ <D> mười hai giờ hôm nay' + EXC)
add('s-chat-04', E, 'Inbox mình để được tư vấn nha.', 'inbox mình để được tư vấn nha.')
add('s-chat-05', PU, 'Order ngay kẻo hết 😍', 'order ngay kẻo hết', 'an emoji is not spoken')
add('s-chat-06', PU, 'Giá chỉ 199k thôi nha cả nhà ❤️', 'giá chỉ một trăm chín mươi chín ' + K1 + ' thôi nha cả nhà')
add('s-chat-07', PU, 'Trời ơi!!! Đẹp quá đi', 'trời ơi' + EXC + ' đẹp quá đi')
add('s-chat-08', PU, 'Hôm nay 35 độ, nóng quá trời :(', 'hôm nay ba mươi lăm độ, nóng quá trời')
add('s-chat-09', E, 'Like và share giúp mình nhé.', 'like và share giúp mình nhé.')
add('s-chat-10', E, 'Cần tuyển 2 bạn part-time ca sáng.', 'cần tuyển hai bạn {part time|parttime} ca sáng.')
add('s-chat-11', AB, 'Tối nay ko đc đâu, mai nhé.', 'tối nay không được đâu, mai nhé.')
add('s-chat-12', AB, 'Em k đi đâu, anh đi đi.', 'em không đi đâu, anh đi đi.')
add('s-chat-13', PU, 'Đẹp quá!!', 'đẹp quá{!!|!}')
add('s-chat-14', PU, 'Thật ư ?!', 'thật ư?!')
add('s-chat-15', MX, 'Freeship đơn từ 300k, hotline 0909 123 456.',
    'freeship đơn từ ba trăm ' + K1 + ', hotline không chín không chín{,|} một hai ba{,|} bốn năm sáu.')
add('s-chat-16', CU, 'Thanh lý áo 50k, quần 80k.', 'thanh lý áo năm mươi ' + K1 + ', quần tám mươi ' + K1 + '.')
add('s-chat-17', PU, 'Hihi, cảm ơn bạn nha =)', 'hihi, cảm ơn bạn nha')
add('s-chat-18', PU, 'Chuẩn luôn 👍👍', 'chuẩn luôn')
# --- mixed Vietnamese/English product names
add('s-prd-01', E, 'iPhone 16 Pro Max 256GB giá 34 triệu.',
    'iphone mười sáu pro max hai trăm năm mươi sáu ' + GB + ' giá ba mươi <F> triệu.')
add('s-prd-02', M, 'Sữa Vinamilk hộp 180ml.', 'sữa vinamilk hộp một trăm tám mươi mi li lít.')
add('s-prd-03', E, 'Chai Coca-Cola 1,5 lít giá 20k.', 'chai coca cola một phẩy năm lít giá hai mươi ' + K1 + '.')
add('s-prd-04', E, 'Honda Vision 2024 giá 31 triệu đồng.', 'honda vision ' + Y[2024] + ' giá ba mươi mốt triệu đồng.')
add('s-prd-05', M, 'Nồi cơm điện Sharp 1,8 lít.', 'nồi cơm điện sharp một phẩy tám lít.')
add('s-prd-06', E, 'Máy lọc không khí Xiaomi 4 Lite.', 'máy lọc không khí xiaomi bốn lite.')
add('s-prd-07', E, 'Giày Nike Air Force 1 bán chạy nhất.', 'giày nike air force một bán chạy nhất.')
add('s-prd-08', E, 'MacBook Air M2 giảm còn 22,9 triệu.',
    'macbook air {m|em|mờ} hai giảm còn hai mươi hai phẩy chín triệu.')
add('s-prd-09', E, 'Loa JBL Charge 5 chống nước.', 'loa {jbl|giê bê lờ|gi bi eo} charge năm chống nước.')
add('s-prd-10', E, 'Galaxy Tab S9 có màn hình 11 inch.', 'galaxy tab {s|ét|ét xì} chín có màn hình mười một ' + INCH + '.')
add('s-prd-11', E, 'Google Pixel 9 chụp ảnh đẹp.', 'google pixel chín chụp ảnh đẹp.')
add('s-prd-12', E, 'Mua combo KFC 2 người giá 159k.',
    'mua combo {kfc|ca ép xê|cây ép xi} hai người giá một trăm năm mươi chín ' + K1 + '.')
add('s-prd-13', E, 'Netflix tăng giá gói Premium lên 260.000đ.',
    'netflix tăng giá gói premium lên hai trăm sáu mươi <N> đồng.')
add('s-prd-14', E, 'Xe VinFast có bảo hành 10 năm.', 'xe vinfast có bảo hành mười năm.')
add('s-prd-15', E, 'Nintendo Switch 2 ra mắt năm 2025.', 'nintendo switch hai ra mắt năm ' + Y[2025] + '.')
add('s-prd-16', E, 'Điện thoại Oppo Reno 12 giá 12,99 triệu.',
    'điện thoại oppo reno mười hai giá mười hai phẩy {chín chín|chín mươi chín} triệu.')

# --- all-caps headlines
add('s-cap-01', M, 'GIÁ XĂNG GIẢM 500 ĐỒNG/LÍT', 'giá xăng giảm năm trăm đồng ' + PER + ' lít')
add('s-cap-02', C, 'BÃO SỐ 3 ĐỔ BỘ VÀO QUẢNG NINH', 'bão số ba đổ bộ vào quảng ninh')
add('s-cap-03', UN, 'CẢNH BÁO MƯA LỚN TẠI CÁC TỈNH MIỀN TRUNG', 'cảnh báo mưa lớn tại các tỉnh miền trung')
add('s-cap-04', AB, 'TP.HCM: NGẬP SÂU SAU MƯA LỚN', 'thành phố hồ chí minh: ngập sâu sau mưa lớn')
add('s-cap-05', UN, 'HÀ NỘI CÓ MƯA TO', 'hà nội có mưa to')
add('s-cap-06', R, 'KHAI MẠC ĐẠI HỘI XIV CỦA ĐẢNG', 'khai mạc đại hội mười bốn của đảng')
add('s-cap-07', CU, 'TIN NÓNG: GIÁ VÀNG TĂNG 2 TRIỆU ĐỒNG/LƯỢNG',
    'tin nóng: giá vàng tăng hai triệu đồng ' + PER + ' lượng')
add('s-cap-08', C, 'CHÚC MỪNG NĂM MỚI 2025!', 'chúc mừng năm mới ' + Y[2025] + '!')
add('s-cap-09', DT, 'THÔNG BÁO NGHỈ TẾT TỪ 25/1 ĐẾN 2/2',
    'thông báo nghỉ tết từ ' + NG + 'hai mươi lăm tháng một đến ' + NG + 'hai tháng hai')
add('s-cap-10', UN, 'AI CŨNG CÓ THỂ LÀM ĐƯỢC', 'ai cũng có thể làm được', 'all-caps words are words')
add('s-cap-11', UN, 'SỞ Y TẾ HÀ NỘI KHUYẾN CÁO NGƯỜI DÂN', 'sở y tế hà nội khuyến cáo người dân')
add('s-cap-12', SC, 'ĐỘI TUYỂN U23 VIỆT NAM THẮNG 2-0', 'đội tuyển u hai mươi ba việt nam thắng hai không')
add('s-cap-13', AB, 'NÓNG: CHÁY LỚN TẠI Q.7', 'nóng: cháy lớn tại quận bảy')
add('s-cap-14', AB, 'CÔNG AN TP. ĐÀ NẴNG THÔNG TIN VỤ VIỆC', 'công an thành phố đà nẵng thông tin vụ việc')
add('s-cap-15', AB, 'TRƯỜNG THPT NGUYỄN HUỆ TUYỂN SINH LỚP 10',
    'trường trung học phổ thông nguyễn huệ tuyển sinh lớp mười')
add('s-cap-16', PU, 'SẢN PHẨM MỚI, GIÁ SỐC!', 'sản phẩm mới, giá sốc!')
add('s-cap-17', M, 'CON ĐƯỜNG NÀY DÀI 5 KM', 'con đường này dài năm ' + KM)
add('s-cap-18', C, 'MUA 1 TẶNG 1', 'mua một tặng một')
add('s-cap-19', PC, 'GIẢM GIÁ 50% TOÀN BỘ SẢN PHẨM', 'giảm giá năm mươi phần trăm toàn bộ sản phẩm')
add('s-cap-20', AB, 'UBND TỈNH BẮC NINH THÔNG BÁO', '<UB> ban nhân dân tỉnh bắc ninh thông báo')
add('s-cap-21', UN, 'MAI BAN TỔ CHỨC SẼ HỌP', 'mai ban tổ chức sẽ họp')
add('s-cap-22', UN, 'CON MÈO CỦA TÔI TÊN LÀ MI', 'con mèo của tôi tên là mi')

# --- stray spaces and punctuation
add('s-spc-01', PU, 'Xin chào , các bạn !', 'xin chào, các bạn!')
add('s-spc-02', PU, 'Hôm nay ,trời rất đẹp.', 'hôm nay, trời rất đẹp.')
add('s-spc-03', PU, 'Tôi đi làm.Về nhà lúc 6h.', 'tôi đi làm. về nhà lúc sáu giờ.')
add('s-spc-04', PU, '  Chào buổi sáng .', 'chào buổi sáng.')
add('s-spc-05', PU, 'Nhà có 3 phòng ;2 toilet.', 'nhà có ba phòng; hai toilet.')
add('s-spc-06', PU, 'Bạn ơi...mình đây', 'bạn ơi' + ELL + ' mình đây')
add('s-spc-07', UN, 'Tôi   yêu\t\tHà   Nội', 'tôi yêu hà nội')
add('s-spc-08', CU, 'Giá: 20.000 đ', 'giá: hai mươi <N> đồng')
add('s-spc-09', PU, 'Số lượng : 5 cái', 'số lượng: năm cái')
add('s-spc-10', PU, '( Ảnh minh họa )', 'ảnh minh họa')
add('s-spc-11', PU, 'Cam , quýt , bưởi .', 'cam, quýt, bưởi.')
add('s-spc-12', PU, 'Giá tăng 5 %  so với tháng trước .', 'giá tăng năm phần trăm so với tháng trước.')
add('s-spc-13', UN, 'Giá\u00a0150.000\u00a0đồng/kg.', 'giá một trăm năm mươi <N> đồng ' + PER + ' ' + KG + '.')
add('s-spc-14', UN, 'Nhiệt độ \u2212\u200b5°C.', 'nhiệt độ {âm|trừ} năm <DC>.', 'U+2212 minus sign, zero-width space')
add('s-spc-15', PU, 'Ồ ,thế à ?', 'ồ, thế à?')
add('s-spc-16', SS, 'Xong rồi .Về thôi !', 'xong rồi.\nvề thôi!')

# --- dates, times, fractions, e-mails and phones in these domains
add('s-dt-01', DT, 'Sáng 2/9/1945, Bác Hồ đọc Tuyên ngôn Độc lập.',
    'sáng ' + NG + 'hai tháng chín năm ' + Y[1945] + ', bác hồ đọc tuyên ngôn độc lập.')
add('s-dt-02', DT, 'Đợt nghỉ từ ngày 15-20/7.', 'đợt nghỉ từ ngày mười lăm <D> ' + NG + 'hai mươi tháng bảy.')
add('s-dt-03', DT, 'Hạn nộp hồ sơ: 15/08/2025.', 'hạn nộp hồ sơ: ' + NG + 'mười lăm tháng tám năm ' + Y[2025] + '.')
add('s-dt-04', DT, 'Quyết định có hiệu lực từ 01/7/2026.',
    'quyết định có hiệu lực từ ' + NG + 'một tháng bảy năm ' + Y[2026] + '.')
add('s-dt-05', DT, 'Bản án ngày 14.11.2023 bị kháng cáo.',
    'bản án ngày mười bốn tháng mười một năm ' + Y[2023] + ' bị kháng cáo.')
add('s-dt-06', DT, 'Chỉ tiêu đến tháng 6/2025 chưa đạt.', 'chỉ tiêu đến tháng sáu năm ' + Y[2025] + ' chưa đạt.')
add('s-dt-07', SS, 'Hạn chót 30/6. Nộp sớm nhé!', 'hạn chót ' + NG + 'ba mươi tháng sáu.\nnộp sớm nhé!')
add('s-dt-08', DT, 'Ngày 4/4 có mưa rào.', 'ngày bốn tháng tư có mưa rào.')
add('s-dt-09', DT, 'Lịch thi: thứ 7, 21/6/2025.', 'lịch thi: thứ bảy, ' + NG + 'hai mươi mốt tháng sáu năm ' + Y[2025] + '.')
add('s-tm-01', TM, 'Phiên giao dịch mở cửa lúc 9:15.', 'phiên giao dịch mở cửa lúc chín giờ mười lăm' + PH + '.')
add('s-tm-02', TM, 'Khám bệnh từ 7h30 đến 16h30.',
    'khám bệnh từ bảy giờ ba mươi' + PH + ' đến mười sáu giờ ba mươi' + PH + '.')
add('s-tm-03', TM, 'Trận đấu bắt đầu lúc 18:00 giờ Việt Nam.', 'trận đấu bắt đầu lúc mười tám giờ giờ việt nam.')
add('s-tm-04', TM, 'Hệ thống bảo trì từ 0h đến 4h sáng.', 'hệ thống bảo trì từ không giờ đến bốn giờ sáng.')
add('s-fr-01', FR, 'Khoảng 2/3 số cổ phiếu giảm giá.', 'khoảng hai phần ba số cổ phiếu giảm giá.')
add('s-fr-02', FR, 'Hơn 3/4 số bệnh nhân đã xuất viện.', 'hơn ba phần {tư|bốn} số bệnh nhân đã xuất viện.')
add('s-fr-03', FR, 'Chỉ 1/5 số học sinh đạt điểm giỏi.', 'chỉ một phần năm số học sinh đạt điểm giỏi.')
add('s-url-01', U, 'Tra cứu điểm thi tại diemthi.hanoi.edu.vn.',
    'tra cứu điểm thi tại diemthi chấm hanoi chấm edu chấm ' + VNX + '.')
add('s-url-02', U, 'Nộp hồ sơ qua dichvucong.gov.vn hoặc email tuyendung@viettel.vn.',
    'nộp hồ sơ qua dichvucong chấm gov chấm ' + VNX + ' hoặc email tuyendung {a còng|a móc} viettel chấm ' + VNX + '.')
add('s-tel-01', P, 'Đường dây nóng y tế: 1900 9095.', 'đường dây nóng y tế: một chín không không{,|} chín không chín năm.')
add('s-tel-02', P, 'Gọi 115 khi cấp cứu.', 'gọi một một năm khi cấp cứu.')
add('s-tel-03', P, 'Liên hệ BS. Hùng: 0912 555 888.',
    'liên hệ bác <S> hùng: không chín một hai{,|} năm năm năm{,|} tám tám tám.')

# --- round 2: written after the blind run, from probes of the same domains
# (the blind score was taken on the 358 cases above)
add('s-r2-01', TM, 'Phim dài 2h30 phút.', 'phim dài hai giờ ba mươi phút.', 'the input word phút is not doubled')
add('s-r2-02', PU, 'Anh ấy nói :"Không sao".', 'anh ấy nói: không sao.', 'a spaced colon glued to a quote')
add('s-r2-03', M, 'Mức tiêu hao 6,5 lít/100 km.',
    'mức tiêu hao sáu phẩy năm lít ' + PER + ' một trăm ' + KM + '.', 'per a number of units')
add('s-r2-04', CU, 'Giá 20.000đ/100g.', 'giá hai mươi <N> đồng ' + PER + ' một trăm gam.')
add('s-r2-05', FR, 'Thêm 1/2 kg đường.', 'thêm một phần hai ' + KG + ' đường.', 'a unit after a fraction')
add('s-r2-06', M, 'HÀ NỘI MƯA 100MM', 'hà nội mưa một trăm mi li mét', 'an all-caps unit glued to the number')
add('s-r2-07', M, 'XE CHẠY 80 KM/H', 'xe chạy tám mươi ' + KM + ' ' + PER + ' giờ')
add('s-r2-08', MX, 'Sự cố tại Km 15+200 QL1A.',
    'sự cố tại ' + KM + ' mười lăm cộng hai trăm quốc lộ một a.')
add('s-r2-09', AB, 'Xe đi trên QL5 rồi rẽ vào QL18.', 'xe đi trên quốc lộ năm rồi rẽ vào quốc lộ mười tám.')
add('s-r2-10', PU, 'Hôm nay trời đẹp ;ngày mai mưa .', 'hôm nay trời đẹp; ngày mai mưa.')
add('s-r2-11', SS, 'Bạn khỏe không ?Mình khỏe !', 'bạn khỏe không?\nmình khỏe!')
add('s-r2-12', CU, 'GIÁ XĂNG TĂNG 1.000 ĐỒNG/LÍT TỪ 15H CHIỀU NAY',
    'giá xăng tăng một <N> đồng ' + PER + ' lít từ mười lăm giờ chiều nay')
add('s-r2-13', C, 'Tỷ lệ 3 ca/100.000 dân.', 'tỷ lệ ba ca ' + PER + ' một trăm <N> dân.')

_cases.write(sys.argv[1])
