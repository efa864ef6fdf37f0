#!/usr/bin/env python3
# gen_textnorm_cases_r.py - regenerates tests/golden/textnorm_cases_r.jsonl: a
# third set of our own normaliser cases, written by hand from the rules of
# ../shared/textnorm/README.md (not from the normaliser's output), with inputs
# in the style of news, e-commerce, weather, sports, finance, medical, legal
# and chat text. Where the README leaves a choice every accepted reading is
# listed; cases it does not decide are left out.
# Template syntax and shared readings: textnorm_casegen.py.
# Usage: gen_textnorm_cases_r.py OUT.jsonl
import sys

from textnorm_casegen import Cases, nfd, DOL, ELL, K1, KG, KM, NG, PCT, PER, PH, USD, VND

_cases = Cases(tones=False, digits_ok=True)
add = _cases.add
Y23 = 'hai <N> <K>hai mươi ba'
Y24 = 'hai <N> <K>hai mươi <F>'
Y25 = 'hai <N> <K>hai mươi lăm'
EUR = '{ơ rô|ê rô|euro}'
GB = '{gi ga bai|ghi ga bai|ghi ga bay|gigabyte}'
VN = '{vn|vi en|vê nờ}'
AT = '{a còng|a móc}'
SL = '{gạch chéo|xuyệt}'
W3 = '{vê kép vê kép vê kép|đắp liu đắp liu đắp liu|ba vê kép}'

C = 'cardinal'
add('r-card-01', C, 'Hôm nay có 0 ca mắc mới.', 'hôm nay có không ca mắc mới.')
add('r-card-02', C, 'Lớp có 10 bạn nam và 15 bạn nữ.', 'lớp có mười bạn nam và mười lăm bạn nữ.')
add('r-card-03', C, 'Xã có 101 hộ nghèo.', 'xã có một trăm <L> một hộ nghèo.')
add('r-card-04', C, 'Khu trọ có 105 phòng.', 'khu trọ có một trăm <L> năm phòng.')
add('r-card-05', C, 'Cần 1005 viên gạch.', 'cần một <N> <K><L> năm viên gạch.')
add('r-card-06', C, 'Video có 2 500 000 lượt xem.', 'video có hai triệu năm trăm <N> lượt xem.')
add('r-card-07', C, 'Vốn điều lệ 1.200.000.000.000 đồng.', 'vốn điều lệ một <N> hai trăm <T> đồng.')
add('r-card-08', C, 'Công ty thu về 4.500.000.000 đồng.', 'công ty thu về bốn <T> năm trăm triệu đồng.')
add('r-card-09', C, 'Tổng chi 7.050.000.000 đồng.', 'tổng chi bảy <T> <K>năm mươi triệu đồng.')
add('r-card-10', C, 'Sân có sức chứa 40.000 chỗ.', 'sân có sức chứa bốn mươi <N> chỗ.')
add('r-card-11', C, 'Đội có 44 thành viên.', 'đội có bốn mươi <F> thành viên.')
add('r-card-12', C, 'Trang web có 123.456.789 lượt truy cập.',
    'trang web có một trăm hai mươi ba triệu bốn trăm năm mươi sáu <N> bảy trăm tám mươi chín lượt truy cập.')
add('r-card-13', C, 'Doanh thu 3,200,000 đồng.', 'doanh thu ba triệu hai trăm <N> đồng.')
add('r-card-14', C, 'Chỉ số biến động -15 điểm.', 'chỉ số biến động {âm|trừ} mười lăm điểm.')
add('r-card-15', C, 'Tòa tháp cao 555 mét.', '{tòa|toà} tháp cao năm trăm năm mươi lăm mét.')
add('r-card-16', C, 'Có 1.010 thí sinh dự thi.', 'có một <N> <K>mười thí sinh dự thi.')
add('r-card-17', C, 'Có 1.100 đại biểu tham dự.', 'có một <N> một trăm đại biểu tham dự.')
add('r-card-18', C, 'Dân số đạt 100.000.000 người.', 'dân số đạt một trăm triệu người.')
add('r-card-19', C, 'Chuyến bay chở 215 hành khách.', 'chuyến bay chở hai trăm mười lăm hành khách.')
add('r-card-20', C, 'Thế giới có khoảng 8.000.000.000 người.', 'thế giới có khoảng tám <T> người.')
add('r-card-21', C, 'Lớp có 31 học sinh, 24 em là nữ.', 'lớp có ba mươi mốt học sinh, hai mươi <F> em là nữ.')
add('r-card-22', C, 'Gói tín dụng 2.000.000.000.000 đồng.', 'gói tín dụng hai <N> <T> đồng.')
add('r-card-23', C, 'Quỹ có 1.000.000.000 đồng.', 'quỹ có một <T> đồng.')
add('r-card-24', C, 'Tổng số ca nhiễm là 1 234 567.',
    'tổng số ca nhiễm là một triệu hai trăm ba mươi <F> <N> năm trăm sáu mươi bảy.')
add('r-card-25', C, 'Công ty lỗ 3 tỷ đồng, đối thủ lỗ 5 tỉ.', 'công ty lỗ ba tỷ đồng, đối thủ lỗ năm tỉ.',
    'input words kept as written')
add('r-card-26', C, 'Năm 2010 có 25 đội tham gia.', 'năm hai <N> <K>mười có hai mươi lăm đội tham gia.')
add('r-card-27', C, 'Lô đất rộng 1.000.500 mét vuông.', 'lô đất rộng một triệu {không <N> |}năm trăm mét vuông.')
add('r-card-28', C, 'Giải chạy có 1.024 vận động viên.', 'giải chạy có một <N> <K>hai mươi <F> vận động viên.')

D = 'decimal'
add('r-dec-01', D, 'Chỉ số tăng 3,75 điểm.', 'chỉ số tăng ba phẩy {bảy năm|bảy mươi lăm} điểm.')
add('r-dec-02', D, 'Lô hàng nặng 0,25 tấn.', 'lô hàng nặng không phẩy {hai năm|hai mươi lăm} tấn.')
add('r-dec-03', D, 'Sản lượng tăng 5,05 lần.', 'sản lượng tăng năm phẩy không năm lần.')
add('r-dec-04', D, 'Hệ số điều chỉnh là 1,125.', 'hệ số điều chỉnh là một phẩy {một hai năm|một trăm hai mươi lăm}.')
add('r-dec-05', D, 'Nồng độ chỉ 0,015 phần triệu.', 'nồng độ chỉ không phẩy {không một năm|không mười lăm} phần triệu.')
add('r-dec-06', D, 'Điểm trung bình của em là 7.5.', 'điểm trung bình của em là bảy {phẩy|chấm} năm.')
add('r-dec-07', D, 'Hệ số 0.75 được áp dụng.', 'hệ số không {phẩy|chấm} {bảy năm|bảy mươi lăm} được áp dụng.')
add('r-dec-08', D, 'Cách mạng công nghiệp 4.0 đang đến.', 'cách mạng công nghiệp bốn chấm không đang đến.')
add('r-dec-09', D, 'Nhiệt độ giảm -1,5 độ.', 'nhiệt độ giảm {âm|trừ} một phẩy năm độ.')
add('r-dec-10', D, 'Thí sinh đạt 98,6 điểm.', 'thí sinh đạt chín mươi tám phẩy sáu điểm.')
add('r-dec-11', D, 'Chỉ số đạt 12,345 điểm.', 'chỉ số đạt mười hai phẩy {ba bốn năm|ba trăm bốn mươi lăm} điểm.',
    'a single comma is the decimal mark')
add('r-dec-12', D, 'Tỷ giá trung tâm 23.456,78 đồng.',
    'tỷ giá trung tâm hai mươi ba <N> bốn trăm năm mươi sáu phẩy {bảy tám|bảy mươi tám} đồng.')
add('r-dec-13', D, 'Mức 5,0 là tối đa.', 'mức năm phẩy không là tối đa.')
add('r-dec-14', D, 'Hãy cập nhật iOS 17.2 ngay.', 'hãy cập nhật ios mười bảy chấm hai ngay.', 'version number')
add('r-dec-15', D, 'Giá nhà tăng 2.5 lần.', 'giá nhà tăng hai {phẩy|chấm} năm lần.')
add('r-dec-16', D, 'Tăng trưởng thêm 0,1 điểm.', 'tăng trưởng thêm không phẩy một điểm.')

PC = 'percent'
add('r-pct-01', PC, 'Giảm 50% toàn bộ sản phẩm.', 'giảm năm mươi phần trăm toàn bộ sản phẩm.')
add('r-pct-02', PC, 'Lãi suất tăng 0,25%.', 'lãi suất tăng không phẩy {hai năm|hai mươi lăm} phần trăm.')
add('r-pct-03', PC, 'Lãi suất 6%/năm.', 'lãi suất sáu phần trăm ' + PER + ' năm.')
add('r-pct-04', PC, 'Độ ẩm 10–20%.', 'độ ẩm mười ' + PCT + '<D> hai mươi phần trăm.')
add('r-pct-05', PC, 'Lương tăng 5 - 7%.', 'lương tăng năm ' + PCT + '<D> bảy phần trăm.')
add('r-pct-06', PC, 'Nhóm này chiếm 45% dân số.', 'nhóm này chiếm bốn mươi lăm phần trăm dân số.')
add('r-pct-07', PC, 'Nhà máy vượt 101% kế hoạch.', 'nhà máy vượt một trăm <L> một phần trăm kế hoạch.')
add('r-pct-08', PC, 'Độ chính xác 99.5%.', 'độ chính xác chín mươi chín {phẩy|chấm} năm phần trăm.')
add('r-pct-09', PC, 'Lạm phát giảm từ 8% xuống 6%.', 'lạm phát giảm từ tám phần trăm xuống sáu phần trăm.')
add('r-pct-10', PC, 'Doanh số tăng 21%.', 'doanh số tăng hai mươi mốt phần trăm.')
add('r-pct-11', PC, 'Khoảng 15% người dùng gặp lỗi.', 'khoảng mười lăm phần trăm người dùng gặp lỗi.')
add('r-pct-12', PC, 'Lợi nhuận đạt -5%.', 'lợi nhuận đạt {âm|trừ} năm phần trăm.')
add('r-pct-13', PC, 'Giá tăng 1,5-2%.', 'giá tăng một phẩy năm ' + PCT + '<D> hai phần trăm.')
add('r-pct-14', PC, 'Pin chỉ còn 4%.', 'pin chỉ còn bốn phần trăm.')

O = 'ordinal'
add('r-ord-01', O, 'Cô ấy đạt giải thứ 3.', 'cô ấy đạt giải thứ ba.')
add('r-ord-02', O, 'Việt Nam đứng thứ 41 thế giới.', 'việt nam đứng thứ bốn mươi mốt thế giới.')
add('r-ord-03', O, 'Đây là lần thứ 10 giải được tổ chức.', 'đây là lần thứ mười giải được tổ chức.')
add('r-ord-04', O, 'Khách hàng thứ 104 trúng thưởng.', 'khách hàng thứ một trăm <L> {bốn|tư} trúng thưởng.')
add('r-ord-05', O, 'Thứ 2, ngày 5/8, trời mưa.', 'thứ hai, ngày năm tháng tám, trời mưa.')
add('r-ord-06', O, 'Chợ họp vào thứ 4 và thứ 7.', 'chợ họp vào thứ tư và thứ bảy.')
add('r-ord-07', O, 'Đây là mùa giải thứ 24.', 'đây là mùa giải thứ hai mươi <F>.')
add('r-ord-08', O, 'Anh là người thứ 1 về đích.', 'anh là người thứ nhất về đích.')
add('r-ord-09', O, 'Đội xếp hạng 1 bảng A.', 'đội xếp hạng một bảng a.', 'no thứ: the cardinal')
add('r-ord-10', O, 'Văn phòng ở tầng thứ 25.', 'văn phòng ở tầng thứ hai mươi lăm.')
add('r-ord-11', O, 'Lịch học T2, T4, T6.', 'lịch học thứ hai, thứ tư, thứ sáu.')
add('r-ord-12', O, 'Cửa hàng nghỉ T7 và CN.', 'cửa hàng nghỉ thứ bảy và chủ nhật.')
add('r-ord-13', O, 'Tuần thứ 15 của năm.', 'tuần thứ mười lăm của năm.')
add('r-ord-14', O, 'Ngày thứ 1 của hội chợ rất đông.', 'ngày thứ nhất của hội chợ rất đông.')

DT = 'date'
add('r-date-01', DT, 'Ngày 12/3/2024 khai mạc.', 'ngày mười hai tháng ba năm ' + Y24 + ' khai mạc.')
add('r-date-02', DT, 'Hội nghị diễn ra 12-3-2024.', 'hội nghị diễn ra ' + NG + 'mười hai tháng ba năm ' + Y24 + '.')
add('r-date-03', DT, 'Ngày 2024-03-12 hệ thống bảo trì.', 'ngày mười hai tháng ba năm ' + Y24 + ' hệ thống bảo trì.')
add('r-date-04', DT, 'Ngày 1/1 là Tết dương lịch.', 'ngày một tháng một là tết dương lịch.')
add('r-date-05', DT, 'Tháng 3/2024 có nhiều mưa.', 'tháng ba năm ' + Y24 + ' có nhiều mưa.')
add('r-date-06', DT, 'Năm 2024 là năm nhuận.', 'năm ' + Y24 + ' là năm nhuận.')
add('r-date-07', DT, 'Ngày 05/04/2023 ký hợp đồng.', 'ngày năm tháng tư năm ' + Y23 + ' ký hợp đồng.')
add('r-date-08', DT, 'Từ 1/4 đến 30/4.', 'từ ' + NG + 'một tháng tư đến ' + NG + 'ba mươi tháng tư.')
add('r-date-09', DT, 'Ngày 10-12/5 có hội chợ.', 'ngày mười đến ' + NG + 'mười hai tháng năm có hội chợ.')
add('r-date-10', DT, 'Tháng 11/2023 trời lạnh.', 'tháng mười một năm ' + Y23 + ' trời lạnh.')
add('r-date-11', DT, 'Ngày 8.3 tặng hoa cho mẹ.', 'ngày tám tháng ba tặng hoa cho mẹ.')
add('r-date-12', DT, 'Bà sinh năm 1945.', 'bà sinh năm một <N> chín trăm bốn mươi lăm.')
add('r-date-13', DT, 'Năm 2000 mở ra thiên niên kỷ mới.', 'năm hai <N> mở ra thiên niên kỷ mới.')
add('r-date-14', DT, 'Năm 2005 anh vào đại học.', 'năm hai <N> <K><L> năm anh vào đại học.')
add('r-date-15', DT, 'Cách mạng thành công ngày 19/08/1945.',
    'cách mạng thành công ngày mười chín tháng tám năm một <N> chín trăm bốn mươi lăm.')
add('r-date-16', DT, 'Kế hoạch kéo dài đến 10/2025.', 'kế hoạch kéo dài đến tháng mười năm ' + Y25 + '.')
add('r-date-17', DT, 'Ngày 29/2/2024 chỉ có trong năm nhuận.',
    'ngày hai mươi chín tháng hai năm ' + Y24 + ' chỉ có trong năm nhuận.')
add('r-date-18', DT, 'Ngày 1-5 là ngày quốc tế lao động.', 'ngày một tháng năm là ngày quốc tế lao động.')
add('r-date-19', DT, 'Sáng 21/10/2021, trời rét.',
    'sáng ' + NG + 'hai mươi mốt tháng mười năm hai <N> <K>hai mươi mốt, trời rét.')
add('r-date-20', DT, 'Hạn đăng ký là 31/3.', 'hạn đăng ký là ' + NG + 'ba mươi mốt tháng ba.')
add('r-date-21', DT, 'Mùng 2/9 được nghỉ.', 'mùng hai tháng chín được nghỉ.')
add('r-date-22', DT, 'Tháng 4 năm 1975 đất nước thống nhất.',
    'tháng tư năm một <N> chín trăm bảy mươi lăm đất nước thống nhất.')
add('r-date-23', DT, 'Ngày 24/12 là đêm Giáng sinh.', 'ngày hai mươi <F> tháng mười hai là đêm giáng sinh.')
add('r-date-24', DT, 'Từ ngày 20/12/2023 đến ngày 5/1/2024.',
    'từ ngày hai mươi tháng mười hai năm ' + Y23 + ' đến ngày năm tháng một năm ' + Y24 + '.')
add('r-date-25', DT, 'Tháng 12 năm ngoái rất lạnh.', 'tháng mười hai năm ngoái rất lạnh.')
add('r-date-26', DT, 'Hợp đồng hết hạn vào 30.06.2025.', 'hợp đồng hết hạn vào ' + NG + 'ba mươi tháng sáu năm ' + Y25 + '.')

TM = 'time'
add('r-time-01', TM, 'Họp lúc 8h.', 'họp lúc tám giờ.')
add('r-time-02', TM, 'Khởi hành lúc 8h30.', 'khởi hành lúc tám giờ ba mươi' + PH + '.')
add('r-time-03', TM, 'Lúc 8:30 sáng mai.', 'lúc tám giờ ba mươi' + PH + ' sáng mai.')
add('r-time-04', TM, 'Sự cố ghi nhận lúc 20:15:30.', 'sự cố ghi nhận lúc hai mươi giờ mười lăm phút ba mươi giây.')
add('r-time-05', TM, 'Xe chạy lúc 6h05.', 'xe chạy lúc sáu giờ năm' + PH + '.')
add('r-time-06', TM, 'Nghỉ trưa lúc 12h00.', 'nghỉ trưa lúc mười hai giờ.')
add('r-time-07', TM, 'Làm việc 7h30 - 11h30.', 'làm việc bảy giờ ba mươi' + PH + ' đến mười một giờ ba mươi' + PH + '.')
add('r-time-08', TM, 'Đúng 0h15 thì mất điện.', 'đúng không giờ mười lăm' + PH + ' thì mất điện.')
add('r-time-09', TM, 'Hẹn 9g15 tại quán.', 'hẹn chín giờ mười lăm' + PH + ' tại quán.')
add('r-time-10', TM, 'Tan học lúc 17h45.', 'tan học lúc mười bảy giờ bốn mươi lăm' + PH + '.')
add('r-time-11', TM, 'Báo thức reo lúc 05:45.', 'báo thức reo lúc năm giờ bốn mươi lăm' + PH + '.')
add('r-time-12', TM, 'Trận đấu bắt đầu lúc 21h.', 'trận đấu bắt đầu lúc hai mươi mốt giờ.')
add('r-time-13', TM, 'Chuyến bay cất cánh 23:05.', 'chuyến bay cất cánh hai mươi ba giờ năm' + PH + '.')
add('r-time-14', TM, 'Giờ mở cửa: 8h-22h.', 'giờ mở cửa: tám giờ đến hai mươi hai giờ.')
add('r-time-15', TM, 'Lễ bắt đầu lúc 14 giờ 30 phút.', 'lễ bắt đầu lúc mười bốn giờ ba mươi phút.')
add('r-time-16', TM, 'Mở cửa từ 6h đến 18h hằng ngày.', 'mở cửa từ sáu giờ đến mười tám giờ hằng ngày.')
add('r-time-17', TM, 'Tàu đến ga lúc 4h24.', 'tàu đến ga lúc bốn giờ hai mươi <F>' + PH + '.')

P = 'phone'
add('r-tel-01', P, 'Liên hệ 0987 654 321.', 'liên hệ không chín tám bảy{,|} sáu năm bốn{,|} ba hai một.')
add('r-tel-02', P, 'Gọi 0912-345-678 để đặt bàn.', 'gọi không chín một hai{,|} ba bốn năm{,|} sáu bảy tám để đặt bàn.')
add('r-tel-03', P, 'Số máy của tôi là 0912345678.', 'số máy của tôi là không chín một hai ba bốn năm sáu bảy tám.')
add('r-tel-04', P, 'Liên hệ +84 987 654 321.',
    'liên hệ cộng {tám bốn|tám tư|tám mươi tư}{,|} chín tám bảy{,|} sáu năm bốn{,|} ba hai một.')
add('r-tel-05', P, 'Hotline 1900 1009.', 'hotline một chín không không{,|} một không không chín.')
add('r-tel-06', P, 'Tổng đài 1800 599 920.', 'tổng đài một tám không không{,|} năm chín chín{,|} chín hai không.')
add('r-tel-07', P, 'Gọi 112 khi gặp nạn.', 'gọi một một hai khi gặp nạn.')
add('r-tel-08', P, 'SĐT: 0903.123.456.', 'số điện thoại: không chín không ba{,|} một hai ba{,|} bốn năm sáu.')
add('r-tel-09', P, 'Số điện thoại: 0243 8262 626.', 'số điện thoại: không hai bốn ba{,|} tám hai sáu hai{,|} sáu hai sáu.')
add('r-tel-10', P, 'Zalo: 0977.888.999.', 'zalo: không chín bảy bảy{,|} tám tám tám{,|} chín chín chín.')
add('r-tel-11', P, 'Mã xác nhận: 845120.', 'mã xác nhận: tám bốn năm một hai không.')
add('r-tel-12', P, 'Số tài khoản 1903 5678 9012.', 'số tài khoản một chín không ba{,|} năm sáu bảy tám{,|} chín không một hai.')
add('r-tel-13', P, 'STK: 0011004455667 tại Vietcombank.',
    'số tài khoản: không không một một không không bốn bốn năm năm sáu sáu bảy tại vietcombank.')
add('r-tel-14', P, 'Gọi ngay 0868 123 456!', 'gọi ngay không tám sáu tám{,|} một hai ba{,|} bốn năm sáu!')
add('r-tel-15', P, 'Đường dây nóng 111 hỗ trợ trẻ em.', 'đường dây nóng một một một hỗ trợ trẻ em.')
add('r-tel-16', P, 'Số hotline 19001234.', 'số hotline một chín không không{,|} một hai ba bốn.')

CU = 'currency'
add('r-cur-01', CU, 'Giá 50.000 VNĐ.', 'giá năm mươi <N> ' + VND + '.')
add('r-cur-02', CU, 'Lương khởi điểm 10 triệu đồng.', 'lương khởi điểm mười triệu đồng.')
add('r-cur-03', CU, 'Dự án trị giá 2,5 tỷ đồng.', 'dự án trị giá hai phẩy năm tỷ đồng.')
add('r-cur-04', CU, 'Chiếc đồng hồ giá $1.000.', 'chiếc đồng hồ giá một <N> ' + DOL + '.')
add('r-cur-05', CU, 'Áo khoác giá 1.200.000đ.', 'áo khoác giá một triệu hai trăm <N> đồng.')
add('r-cur-06', CU, 'Vé tham quan €50.', 'vé tham quan năm mươi ' + EUR + '.')
add('r-cur-07', CU, 'Phí đăng ký 20 USD.', 'phí đăng ký hai mươi ' + USD + '.')
add('r-cur-08', CU, 'Cuốn sách giá £10.', 'cuốn sách giá mười {bảng anh|bảng}.')
add('r-cur-09', CU, 'Trà sữa chỉ 30k.', 'trà sữa chỉ ba mươi ' + K1 + '.')
add('r-cur-10', CU, 'Lương tuần này 1tr2.', 'lương tuần này một triệu hai{ trăm <N>|}.')
add('r-cur-11', CU, 'Điện thoại cũ bán 2tr5.', 'điện thoại cũ bán hai triệu {năm trăm <N>|rưỡi|năm}.')
add('r-cur-12', CU, 'Vé 120.000 đồng/người.', 'vé một trăm hai mươi <N> đồng ' + PER + ' người.')
add('r-cur-13', CU, 'Thuê xe 100 USD/ngày.', 'thuê xe một trăm ' + USD + ' ' + PER + ' ngày.')
add('r-cur-14', CU, 'Khoản vay 3.500 USD.', 'khoản vay ba <N> năm trăm ' + USD + '.')
add('r-cur-15', CU, 'Tiền điện 500 nghìn đồng, tiền nước 200 ngàn.', 'tiền điện năm trăm nghìn đồng, tiền nước hai trăm ngàn.')
add('r-cur-16', CU, 'Tập đoàn đầu tư 1 tỷ USD.', 'tập đoàn đầu tư một tỷ ' + USD + '.')
add('r-cur-17', CU, 'Bánh giá 99k/hộp.', 'bánh giá chín mươi chín ' + K1 + ' ' + PER + ' hộp.')
add('r-cur-18', CU, 'Tổng thanh toán 1.000.000 ₫.', 'tổng thanh toán một triệu đồng.')
add('r-cur-19', CU, 'Giá chỉ 9.990.000đ.', 'giá chỉ chín triệu chín trăm chín mươi <N> đồng.')
add('r-cur-20', CU, 'Thưởng 500 $ cho người thắng.', 'thưởng năm trăm ' + DOL + ' cho người thắng.')
add('r-cur-21', CU, 'Xe máy giá 15,5 triệu VNĐ.', 'xe máy giá mười lăm phẩy năm triệu ' + VND + '.')
add('r-cur-22', CU, 'Chi phí 2 triệu 500 nghìn.', 'chi phí hai triệu năm trăm nghìn.')
add('r-cur-23', CU, 'Game giá $25.', 'game giá hai mươi lăm ' + DOL + '.')
add('r-cur-24', CU, 'Vàng nhẫn 8,5 triệu đồng/chỉ.', 'vàng nhẫn tám phẩy năm triệu đồng ' + PER + ' chỉ.')

M = 'measure'
DC = '<DC>'
add('r-meas-01', M, 'Nhiệt độ cao nhất 25°C.', 'nhiệt độ cao nhất hai mươi lăm ' + DC + '.')
add('r-meas-02', M, 'Đêm nay xuống -5°C.', 'đêm nay xuống {âm|trừ} năm ' + DC + '.')
add('r-meas-03', M, 'Mua 2 kg gạo.', 'mua hai ' + KG + ' gạo.')
add('r-meas-04', M, 'Cân 500g thịt bò.', 'cân năm trăm gam thịt bò.')
add('r-meas-05', M, 'Uống 250ml sữa.', 'uống hai trăm năm mươi mi li lít sữa.')
add('r-meas-06', M, 'Ổ cứng 512 GB.', 'ổ cứng năm trăm mười hai ' + GB + '.')
add('r-meas-07', M, 'Điện áp 220 V.', 'điện áp hai trăm hai mươi vôn.')
add('r-meas-08', M, 'Bóng đèn 100W.', 'bóng đèn một trăm oát.')
add('r-meas-09', M, 'Pin 4500mAh.', 'pin bốn <N> năm trăm mi li {am pe|am be} giờ.')
add('r-meas-10', M, 'Anh ấy cao 1m70.', 'anh ấy cao một mét bảy mươi.')
add('r-meas-11', M, 'Vết cắt dài 15 cm.', 'vết cắt dài mười lăm <XE> ti mét.')
add('r-meas-12', M, 'Lượng mưa 30 mm.', 'lượng mưa ba mươi mi li mét.')
add('r-meas-13', M, 'Nhà rộng 100 m2.', 'nhà rộng một trăm mét vuông.')
add('r-meas-14', M, 'Hồ rộng 50 km2.', 'hồ rộng năm mươi ' + KM + ' vuông.')
add('r-meas-15', M, 'Xe chạy 100km/h.', 'xe chạy một trăm ' + KM + ' ' + PER + ' giờ.')
add('r-meas-16', M, 'Đường đua dài 1.500 m.', 'đường đua dài một <N> năm trăm mét.')
add('r-meas-17', M, 'Gió mạnh 5 m/s.', 'gió mạnh năm mét ' + PER + ' giây.')
add('r-meas-18', M, 'Tấm ván 2 x 3 m.', 'tấm ván hai {nhân|x} ba mét.')
add('r-meas-19', M, 'Màn hình 6,7 inch.', 'màn hình sáu phẩy bảy {inch|in|in sơ}.')
add('r-meas-20', M, 'Bé sốt 37,5°C.', 'bé sốt ba mươi bảy phẩy năm ' + DC + '.')
add('r-meas-21', M, 'Uống 500 mg mỗi ngày.', 'uống năm trăm mi li gam mỗi ngày.')
add('r-meas-22', M, 'Bể chứa 20 m3 nước.', 'bể chứa hai mươi mét khối nước.')
add('r-meas-23', M, 'Thửa ruộng 1,5 ha.', 'thửa ruộng một phẩy năm héc ta.')
add('r-meas-24', M, 'Mực nước lên 2,5m.', 'mực nước lên hai phẩy năm mét.')
add('r-meas-25', M, 'Võ sĩ nặng 75kg.', 'võ sĩ nặng bảy mươi lăm ' + KG + '.')
add('r-meas-26', M, 'Chạy 10 km mỗi sáng.', 'chạy mười ' + KM + ' mỗi sáng.')
add('r-meas-27', M, 'Điện thoại có bộ nhớ 8 GB.', 'điện thoại có bộ nhớ tám ' + GB + '.')

AB = 'abbreviation'
add('r-abbr-01', AB, 'UBND TP.HCM vừa ban hành quyết định.',
    '<UB> ban nhân dân thành phố hồ chí minh vừa ban hành quyết định.')
add('r-abbr-02', AB, 'Nhà tôi ở P.5, Q.3.', 'nhà tôi ở phường năm, quận ba.')
add('r-abbr-03', AB, 'Tp. Đà Nẵng đón nhiều khách.', 'thành phố đà nẵng đón nhiều khách.')
add('r-abbr-04', AB, 'Văn phòng ở Q. Bình Thạnh.', 'văn phòng ở quận bình thạnh.')
add('r-abbr-05', AB, 'ThS.BS. Trần Văn Nam khám bệnh.', 'thạc <S> bác <S> trần văn nam khám bệnh.')
add('r-abbr-06', AB, 'TS.BS Lê Văn Hòa trả lời.', 'tiến <S> bác <S> lê văn {hòa|hoà} trả lời.')
add('r-abbr-07', AB, 'HĐND và UBND tỉnh họp.', 'hội đồng nhân dân và <UB> ban nhân dân tỉnh họp.')
add('r-abbr-08', AB, 'Bộ GD&ĐT công bố đề thi THPT.', 'bộ giáo dục và đào tạo công bố đề thi trung học phổ thông.')
add('r-abbr-09', AB, 'TAND TP. Hà Nội xét xử.', '{tòa|toà} án nhân dân thành phố hà nội xét xử.')
add('r-abbr-10', AB, 'Người có BHYT được miễn phí.', 'người có bảo hiểm y tế được miễn phí.')
add('r-abbr-11', AB, 'Tôi ko đi đc.', 'tôi không đi được.')
add('r-abbr-12', AB, 'Mình k biết nữa.', 'mình không biết nữa.')
add('r-abbr-13', AB, 'Tăng trưởng GDP cao.', 'tăng trưởng {gdp|gờ đê pê|giê đê pê} cao.')
add('r-abbr-14', AB, 'CLB Sài Gòn có HLV mới.', 'câu lạc bộ sài gòn có huấn luyện viên mới.')
add('r-abbr-15', AB, 'Năm 111 TCN nhà Hán xâm lược.', 'năm một trăm mười một trước công nguyên nhà hán xâm lược.')
add('r-abbr-16', AB, 'Lịch họp T3 hàng tuần.', 'lịch họp thứ ba hàng tuần.')
add('r-abbr-17', AB, 'Ban Bí thư TW Đảng.', 'ban bí thư trung ương đảng.')
add('r-abbr-18', AB, 'Gửi SĐT cho tôi.', 'gửi số điện thoại cho tôi.')
add('r-abbr-19', AB, 'Mua rau, thịt, cá, v.v. ở chợ.', 'mua rau, thịt, cá, vân vân ở chợ.')
add('r-abbr-20', AB, 'ĐẠI HỘI ĐẢNG BỘ TỈNH.', 'đại hội đảng bộ tỉnh.')
add('r-abbr-21', AB, 'Bệnh nhân được chuyển lên BV Chợ Rẫy.', 'bệnh nhân được chuyển lên bệnh viện chợ rẫy.')
add('r-abbr-22', AB, 'Công ty TNHH Hoàng Long tuyển dụng.', 'công ty trách nhiệm hữu hạn hoàng long tuyển dụng.')
add('r-abbr-23', AB, 'GS. Ngô Bảo Châu giảng bài.', 'giáo sư ngô bảo châu giảng bài.')
add('r-abbr-24', AB, 'Trường ĐH Bách khoa tuyển sinh.', 'trường đại học bách khoa tuyển sinh.')
add('r-abbr-25', AB, 'Trụ sở tại TP HCM.', 'trụ sở tại thành phố hồ chí minh.')
add('r-abbr-26', AB, 'CSGT xử phạt 20 trường hợp.', 'cảnh sát giao thông xử phạt hai mươi trường hợp.')
add('r-abbr-27', AB, 'UBND Q.1 họp khẩn.', '<UB> ban nhân dân quận một họp khẩn.')
add('r-abbr-28', AB, 'Học sinh THCS và THPT nghỉ học.', 'học sinh trung học cơ sở và trung học phổ thông nghỉ học.')
add('r-abbr-29', AB, 'Thẻ BHXH được cấp lại.', 'thẻ bảo hiểm xã hội được cấp lại.')

R = 'roman'
add('r-rom-01', R, 'Chương III nói về lịch sử.', 'chương ba nói về lịch sử.')
add('r-rom-02', R, 'Thế kỷ XV có nhiều biến cố.', 'thế kỷ mười lăm có nhiều biến cố.')
add('r-rom-03', R, 'Đại hội XIV của Đảng.', 'đại hội mười bốn của đảng.')
add('r-rom-04', R, 'Doanh thu quý IV/2023 tăng mạnh.', 'doanh thu quý bốn năm ' + Y23 + ' tăng mạnh.')
add('r-rom-05', R, 'Quý I năm nay khởi sắc.', 'quý một năm nay khởi sắc.')
add('r-rom-06', R, 'Phần III của luận văn.', 'phần ba của luận văn.')
add('r-rom-07', R, 'Mục IV quy định rõ.', 'mục bốn quy định rõ.')
add('r-rom-08', R, 'Đội vô địch lần thứ IX.', 'đội vô địch lần thứ chín.')
add('r-rom-09', R, 'Vua Charles III lên ngôi.', 'vua charles ba lên ngôi.')
add('r-rom-10', R, 'Chiến tranh thế giới thứ II kết thúc.', 'chiến tranh thế giới thứ hai kết thúc.')
add('r-rom-11', R, 'Áo size XL còn hàng.', 'áo size xl còn hàng.', 'not a numeral')
add('r-rom-12', R, 'MC Trấn Thành dẫn chương trình.', '{mc|em xi|em xê|mờ xê} trấn thành dẫn chương trình.')
add('r-rom-13', R, 'I love you.', 'i love you.')
add('r-rom-14', R, 'Kỳ họp thứ VI Quốc hội khóa XV.', 'kỳ họp thứ sáu quốc hội khóa mười lăm.')
add('r-rom-15', R, 'Vua Rama IX băng hà.', 'vua rama chín băng hà.', 'regnal name')
add('r-rom-16', R, 'Điều IV của hiến chương.', 'điều bốn của hiến chương.')
add('r-rom-17', R, 'Uống vitamin D hằng ngày.', 'uống vitamin d hằng ngày.')
add('r-rom-18', R, 'Kiến trúc thế kỉ XVIII.', 'kiến trúc thế kỉ mười tám.')
add('r-rom-19', R, 'Học viên khóa IX tốt nghiệp.', 'học viên khóa chín tốt nghiệp.')
add('r-rom-20', R, 'Giáo hoàng Gioan Phaolô II.', 'giáo hoàng gioan phaolô hai.')

RG = 'range'
add('r-rng-01', RG, 'Mất 5-7 ngày làm việc.', 'mất năm <D> bảy ngày làm việc.')
add('r-rng-02', RG, 'Khoảng 10–20 người.', 'khoảng mười <D> hai mươi người.')
add('r-rng-03', RG, 'Dành cho trẻ 6-11 tuổi.', 'dành cho trẻ sáu <D> mười một tuổi.')
add('r-rng-04', RG, 'Giá 100-150 nghìn đồng.', 'giá một trăm <D> một trăm năm mươi nghìn đồng.')
add('r-rng-05', RG, 'Lương 1,5-2 triệu.', 'lương một phẩy năm <D> hai triệu.')
add('r-rng-06', RG, 'Nhiệt độ 20-25°C.', 'nhiệt độ hai mươi <D> hai mươi lăm ' + DC + '.')
add('r-rng-07', RG, 'Tốc độ 50-60 km/h.', 'tốc độ năm mươi <D> sáu mươi ' + KM + ' ' + PER + ' giờ.')
add('r-rng-08', RG, 'Giá 200.000-300.000 đồng.', 'giá hai trăm <N> <D> ba trăm <N> đồng.')
add('r-rng-09', RG, 'Từ 1.000 - 2.000 người.', 'từ một <N> <D> hai <N> người.')
add('r-rng-10', RG, 'Phạt 4-6 triệu đồng.', 'phạt bốn <D> sáu triệu đồng.')
add('r-rng-11', RG, 'Trong 2-3 năm tới.', 'trong hai <D> ba năm tới.')
add('r-rng-12', RG, 'Mưa 50-100 mm.', 'mưa năm mươi <D> một trăm mi li mét.')
add('r-rng-13', RG, 'Cao 1,6-1,7 m.', 'cao một phẩy sáu <D> một phẩy bảy mét.')
add('r-rng-14', RG, 'Uống 2 – 3 lần mỗi ngày.', 'uống hai <D> ba lần mỗi ngày.')
add('r-rng-15', RG, 'Độ tuổi 25-35.', 'độ tuổi hai mươi lăm <D> ba mươi lăm.')
add('r-rng-16', RG, 'Giá 5-10 USD.', 'giá năm <D> mười ' + USD + '.')
add('r-rng-17', RG, 'Nhiệt độ 20°C-25°C.', 'nhiệt độ hai mươi ' + DC + ' <D> hai mươi lăm ' + DC + '.')
add('r-rng-18', RG, 'Từ 8-10 giờ sáng.', 'từ tám <D> mười giờ sáng.')
add('r-rng-19', RG, 'Gió giật cấp 12-13.', 'gió giật cấp mười hai <D> mười ba.')

SC = 'score'
add('r-score-01', SC, 'Đội tuyển thắng 2-1.', 'đội tuyển thắng hai một.')
add('r-score-02', SC, 'Họ thua 0-3.', 'họ thua không ba.')
add('r-score-03', SC, 'Hai đội hòa 2-2.', 'hai đội {hòa|hoà} hai hai.')
add('r-score-04', SC, 'Tỷ số 1-0 nghiêng về đội khách.', 'tỷ số một không nghiêng về đội khách.')
add('r-score-05', SC, 'Đội nhà thắng 2 - 0.', 'đội nhà thắng hai không.')
add('r-score-06', SC, 'CLB Hà Nội thắng 4:1.', 'câu lạc bộ hà nội thắng bốn một.')
add('r-score-07', SC, 'Đội hình 3-5-2.', 'đội hình ba năm hai.')
add('r-score-08', SC, 'Thua 1-2 đáng tiếc.', 'thua một hai đáng tiếc.')
add('r-score-09', SC, 'Cô thắng set 1 với tỷ số 6-3.', 'cô thắng set một với tỷ số sáu ba.')
add('r-score-10', SC, 'Chung cuộc 4-1.', 'chung cuộc bốn một.')
add('r-score-11', SC, 'Trận đấu hòa 0-0.', 'trận đấu {hòa|hoà} không không.')
add('r-score-12', SC, 'Việt Nam thắng 10-0.', 'việt nam thắng mười không.')
add('r-score-13', SC, 'Thắng cách biệt 3-0.', 'thắng cách biệt ba không.')
add('r-score-14', SC, 'Đội bạn dẫn trước 1-0.', 'đội bạn dẫn trước một không.')
add('r-score-15', SC, 'Tỉ số hiện tại là 2-3.', 'tỉ số hiện tại là hai ba.')

U = 'url_email'
HT = '{|https hai chấm gạch chéo gạch chéo |https hai chấm xuyệt xuyệt }'
add('r-url-01', U, 'Truy cập https://vnexpress.net để đọc tin.', 'truy cập ' + HT + 'vnexpress chấm {net|nét} để đọc tin.')
add('r-url-02', U, 'Email: hotro@vietcombank.com.vn', 'email: hotro ' + AT + ' vietcombank chấm com chấm ' + VN)
add('r-url-03', U, 'Xem tại www.dantri.com.vn.', 'xem tại ' + W3 + ' chấm dantri chấm com chấm ' + VN + '.')
add('r-url-04', U, 'Đọc tại tuoitre.vn/phapluat.', 'đọc tại tuoitre chấm ' + VN + ' ' + SL + ' phapluat.')
add('r-url-05', U, 'Gửi hồ sơ về nguyen.van.a@gmail.com.', 'gửi hồ sơ về nguyen chấm van chấm a ' + AT + ' gmail chấm com.')
add('r-url-06', U, 'Liên hệ an123@yahoo.com.', 'liên hệ an {một hai ba|một trăm hai mươi ba} ' + AT + ' yahoo chấm com.')
add('r-url-07', U, 'Website: shopee.vn', 'website: shopee chấm ' + VN)
add('r-url-08', U, 'Theo dõi facebook.com/vtv24.',
    'theo dõi facebook chấm com ' + SL + ' vtv {hai bốn|hai mươi tư|hai mươi bốn}.')
add('r-url-09', U, 'Tra cứu tại dichvucong.gov.vn.', 'tra cứu tại dichvucong chấm gov chấm ' + VN + '.')
add('r-url-10', U, 'Trang http://thanhnien.vn cập nhật.',
    'trang {|http hai chấm gạch chéo gạch chéo |http hai chấm xuyệt xuyệt }thanhnien chấm ' + VN + ' cập nhật.')
add('r-url-11', U, 'Email của trường: tuyensinh@hust.edu.vn.',
    'email của trường: tuyensinh ' + AT + ' hust chấm edu chấm ' + VN + '.')
add('r-url-12', U, 'Tham khảo wikipedia.org.', 'tham khảo wikipedia chấm org.')

E = 'english_mixed'
add('r-eng-01', E, 'Đặt Grab về nhà.', 'đặt grab về nhà.')
add('r-eng-02', E, 'Meeting lúc 9h sáng mai.', 'meeting lúc chín giờ sáng mai.')
add('r-eng-03', E, 'Livestream bán hàng trên TikTok.', 'livestream bán hàng trên tiktok.')
add('r-eng-04', E, 'Sale 50% toàn bộ cửa hàng.', 'sale năm mươi phần trăm toàn bộ cửa hàng.')
add('r-eng-05', E, 'Máy tính chạy Windows 10.', 'máy tính chạy windows mười.')
add('r-eng-06', E, 'Xem World Cup 2022 cùng bạn bè.', 'xem world cup hai <N> <K>hai mươi hai cùng bạn bè.')
add('r-eng-07', E, 'Mua Apple Watch Series 9.', 'mua apple watch series chín.')
add('r-eng-08', E, 'Chơi PlayStation 5 cả ngày.', 'chơi playstation năm cả ngày.')
add('r-eng-09', E, 'Đơn hàng được freeship.', 'đơn hàng được freeship.')
add('r-eng-10', E, 'Cô ấy là influencer nổi tiếng.', 'cô ấy là influencer nổi tiếng.')
add('r-eng-11', E, 'Tôi dùng Google Maps để tìm đường.', 'tôi dùng google maps để tìm đường.')
add('r-eng-12', E, 'Bài hát hit nhất năm 2023.', 'bài hát hit nhất năm ' + Y23 + '.')
add('r-eng-13', E, 'Gói Netflix Premium 260k/tháng.', 'gói netflix premium hai trăm sáu mươi ' + K1 + ' ' + PER + ' tháng.')
add('r-eng-14', E, 'Săn deal Black Friday.', 'săn deal black friday.')
add('r-eng-15', E, 'Team mình làm việc rất professional.', 'team mình làm việc rất professional.')

UN = 'unicode'
add('r-uni-01', UN, nfd('Người Việt Nam yêu hòa bình.'), 'người việt nam yêu {hòa|hoà} bình.', 'NFD input')
add('r-uni-02', UN, 'Giá 1\u00a0000\u00a0000 đồng.', 'giá một triệu đồng.', 'NBSP thousands separator')
add('r-uni-03', UN, 'Hà\u200b Nội\u200b mùa thu.', 'hà nội mùa thu.')
add('r-uni-04', UN, '\u00d0BSCL mùa nước nổi.', 'đồng bằng sông cửu long mùa nước nổi.', 'U+00D0 then an abbreviation')
add('r-uni-05', UN, 'Ca\u0302\u0323u be\u0301 ngoan.', 'cậu bé ngoan.', 'combining marks in non-canonical order')
add('r-uni-06', UN, 'Tie\u0301\u0302ng chim hót.', 'tiếng chim hót.', 'tone mark typed before the circumflex')
add('r-uni-07', UN, '50\u00a0% khách hàng hài lòng.', 'năm mươi phần trăm khách hàng hài lòng.')
add('r-uni-08', UN, 'Quãng đường 5\u2009km.', 'quãng đường năm ' + KM + '.')
add('r-uni-09', UN, 'HÀ NỘI MÙA THU.', 'hà nội mùa thu.')
add('r-uni-10', UN, 'Thanh Hoá và Khánh Hòa.', 'thanh {hoá|hóa} và khánh {hòa|hoà}.')
add('r-uni-11', UN, 'Tổng\u3000cộng 5 người.', 'tổng cộng năm người.')
add('r-uni-12', UN, nfd('Điểm thi môn Toán là 9,25.'), 'điểm thi môn toán là chín phẩy {hai năm|hai mươi lăm}.')
add('r-uni-13', UN, 'Tỉnh \u00d0ồng Tháp.', 'tỉnh đồng tháp.')
add('r-uni-14', UN, 'Giá 20\u200b000đ.', 'giá hai mươi <N> đồng.')
add('r-uni-15', UN, '\u00a0\u00a0Chào\u00a0buổi\u00a0tối.\u00a0', 'chào buổi tối.')
add('r-uni-16', UN, 'To\u0302\u0341i nay trời mát.', 'tối nay trời mát.', 'U+0341 combining acute tone mark')

PU = 'punctuation'
add('r-punc-01', PU, 'Anh ấy (35 tuổi) là kỹ sư.', 'anh ấy{,|} ba mươi lăm tuổi{,|} là kỹ sư.')
add('r-punc-02', PU, 'Ôi… thật sao?', 'ôi' + ELL + ' thật sao?')
add('r-punc-03', PU, 'Tuyệt quá!!!', 'tuyệt quá{!!!|!}')
add('r-punc-04', PU, '[Cập nhật] Giá vàng tăng mạnh.', 'cập nhật{,|} giá vàng tăng mạnh.')
add('r-punc-05', PU, '**Lưu ý**: đội mũ bảo hiểm.', 'lưu ý: đội mũ bảo hiểm.')
add('r-punc-06', PU, '- Giá: 200k', 'giá: hai trăm ' + K1, 'a list bullet dash')
add('r-punc-07', PU, "'Xin chào', cô bé nói.", 'xin chào, cô bé nói.')
add('r-punc-08', PU, 'Để xem...', 'để xem{...|…|.}')
add('r-punc-09', PU, 'Anh đi đâu vậy?!', 'anh đi đâu vậy?!')
add('r-punc-10', PU, 'Chuyến Hà Nội - Sài Gòn mất 2 giờ bay.', 'chuyến hà nội{,|} sài gòn mất hai giờ bay.')
add('r-punc-11', PU, 'Các món: phở; bún; cơm.', 'các món: phở; bún; cơm.')
add('r-punc-12', PU, '«Truyện Kiều» của Nguyễn Du.', 'truyện kiều của nguyễn du.')
add('r-punc-13', PU, 'Chị ấy nói: “Mai em về”.', 'chị ấy nói: mai em về.')
add('r-punc-14', PU, 'Sản phẩm (mới) giá 99k.', 'sản phẩm{,|} mới{,|} giá chín mươi chín ' + K1 + '.')
add('r-punc-15', PU, 'Ừ... để anh nghĩ đã.', 'ừ' + ELL + ' để anh nghĩ đã.')
add('r-punc-16', PU, 'Thật không ?', 'thật không?')
add('r-punc-17', PU, '• Bước 1: mở máy.', 'bước một: mở máy.')

SS = 'sentence_split'
add('r-split-01', SS, 'Hôm nay trời đẹp. Chúng tôi đi chơi!', 'hôm nay trời đẹp.\nchúng tôi đi chơi!')
add('r-split-02', SS, 'Giá 1.500.000đ. Mua ngay!', 'giá một triệu năm trăm <N> đồng.\nmua ngay!')
add('r-split-03', SS, 'BS. Lan khám cho bé. Bé đã hết sốt.', 'bác <S> lan khám cho bé.\nbé đã hết sốt.')
add('r-split-04', SS, 'Anh ở Q.1. Tôi ở Q.3.', 'anh ở quận một.\ntôi ở quận ba.')
add('r-split-05', SS, 'Thật không?! Không thể nào.', 'thật không?!\nkhông thể nào.')
add('r-split-06', SS, 'Cô ấy nói: "Tôi đi đây." Rồi cô đi.', 'cô ấy nói: tôi đi đây.\nrồi cô đi.')
add('r-split-07', SS, 'Trời mưa… Đường ngập.', 'trời mưa{...|…|.}\nđường ngập.')
add('r-split-08', SS, 'Họp lúc 8h. Xong lúc 10h30.', 'họp lúc tám giờ.\nxong lúc mười giờ ba mươi' + PH + '.')
add('r-split-09', SS, 'Giá tăng 2,5%. Người dân lo lắng.', 'giá tăng hai phẩy năm phần trăm.\nngười dân lo lắng.')
add('r-split-10', SS, 'Sáng nay, tại TP.HCM, mưa lớn. Nhiều tuyến đường ngập.',
    'sáng nay, tại thành phố hồ chí minh, mưa lớn.\nnhiều tuyến đường ngập.')
add('r-split-11', SS, 'Xin chào\nTôi là Nam.', 'xin chào\ntôi là nam.')
add('r-split-12', SS, 'Năm 2024 sắp hết. Năm 2025 sắp đến!', 'năm ' + Y24 + ' sắp hết.\nnăm ' + Y25 + ' sắp đến!')
add('r-split-13', SS, 'Liên hệ hotro@tiki.vn. Chúng tôi sẽ trả lời.',
    'liên hệ hotro ' + AT + ' tiki chấm ' + VN + '.\nchúng tôi sẽ trả lời.')
add('r-split-14', SS, 'Bạn đi đâu? Tôi về quê.', 'bạn đi đâu?\ntôi về quê.')
add('r-split-15', SS, 'Ông Nam sinh năm 1960. Ông là kỹ sư.', 'ông nam sinh năm một <N> chín trăm sáu mươi.\nông là kỹ sư.')
add('r-split-16', SS, 'Thứ 2 họp. Thứ 3 nghỉ.', 'thứ hai họp.\nthứ ba nghỉ.')
add('r-split-17', SS, 'Tôi tên Lan. Tôi 20 tuổi. Tôi sống ở Huế.', 'tôi tên lan.\ntôi hai mươi tuổi.\ntôi sống ở huế.')

FR = 'fraction'
add('r-frac-01', FR, 'Giảm 1/4 giá vé.', 'giảm một phần {tư|bốn} giá vé.')
add('r-frac-02', FR, 'Khoảng 2/3 diện tích bị ngập.', 'khoảng hai phần ba diện tích bị ngập.')
add('r-frac-03', FR, 'Ăn 1/2 ổ bánh mì.', 'ăn một phần hai ổ bánh mì.')
add('r-frac-04', FR, 'Chiếm 1/10 dân số.', 'chiếm một phần mười dân số.')
add('r-frac-05', FR, 'Thêm ¾ cốc nước.', 'thêm ba phần {tư|bốn} cốc nước.')
add('r-frac-06', FR, 'Có 5/6 thành viên đồng ý.', 'có năm phần sáu thành viên đồng ý.')
add('r-frac-07', FR, 'Khoảng 12/25 người mắc bệnh.', 'khoảng mười hai phần hai mươi lăm người mắc bệnh.')
add('r-frac-08', FR, 'Khoảng 3/10 số người được hỏi.', 'khoảng ba phần mười số người được hỏi.')
add('r-frac-09', FR, 'Hơn 4/5 học sinh đạt yêu cầu.', 'hơn bốn phần năm học sinh đạt yêu cầu.')
add('r-frac-10', FR, 'Chỉ 1/100 số mẫu bị lỗi.', 'chỉ một phần một trăm số mẫu bị lỗi.')
add('r-frac-11', FR, 'Đổ 2/3 chai nước.', 'đổ hai phần ba chai nước.')
add('r-frac-12', FR, 'Được 7/8 số phiếu.', 'được bảy phần tám số phiếu.')
add('r-frac-13', FR, 'Chiếm 3/4 thị phần.', 'chiếm ba phần {tư|bốn} thị phần.')
add('r-frac-14', FR, 'Mất 1/5 thời gian.', 'mất một phần năm thời gian.')
add('r-frac-15', FR, 'Giảm ⅓ lượng đường.', 'giảm một phần ba lượng đường.')

MX = 'mixed'
add('r-mix-01', MX, 'Lúc 14h30 ngày 20/7, Bộ GD&ĐT công bố điểm thi THPT.',
    'lúc mười bốn giờ ba mươi' + PH + ' ngày hai mươi tháng bảy, bộ giáo dục và đào tạo công bố điểm thi trung học phổ thông.')
add('r-mix-02', MX, 'Hà Nội 28-32°C, độ ẩm 70-80%.',
    'hà nội hai mươi tám <D> ba mươi hai ' + DC + ', độ ẩm bảy mươi ' + PCT + '<D> tám mươi phần trăm.')
add('r-mix-03', MX, 'Sốt 39,5°C, uống 500 mg paracetamol.',
    'sốt ba mươi chín phẩy năm ' + DC + ', uống năm trăm mi li gam paracetamol.')
add('r-mix-04', MX, 'Theo khoản 1 Điều 51 Bộ luật Hình sự.', 'theo khoản một điều năm mươi mốt bộ luật hình sự.')
add('r-mix-05', MX, 'Phút 90+3, Quang Hải ghi bàn.', 'phút chín mươi cộng ba, quang hải ghi bàn.')
add('r-mix-06', MX, 'Giảm 30% chỉ còn 199k, freeship đơn từ 150k.',
    'giảm ba mươi phần trăm chỉ còn một trăm chín mươi chín ' + K1 + ', freeship đơn từ một trăm năm mươi ' + K1 + '.')
add('r-mix-07', MX, 'Mai 7h ko đc đâu.', 'mai bảy giờ không được đâu.')
add('r-mix-08', MX, 'Ngày 5/6/2024, giá vàng tăng 500.000đ/lượng.',
    'ngày năm tháng sáu năm ' + Y24 + ', giá vàng tăng năm trăm <N> đồng ' + PER + ' lượng.')
add('r-mix-09', MX, 'Bão số 3 gây mưa 200-300 mm tại ĐBSCL.',
    'bão số ba gây mưa hai trăm <D> ba trăm mi li mét tại đồng bằng sông cửu long.')
add('r-mix-10', MX, 'Chỉ số giảm 0,8% xuống 1.250 điểm.',
    'chỉ số giảm không phẩy tám phần trăm xuống một <N> hai trăm năm mươi điểm.')
add('r-mix-11', MX, 'Từ 1/7, lương cơ sở tăng lên 2,34 triệu đồng/tháng.',
    'từ ' + NG + 'một tháng bảy, lương cơ sở tăng lên hai phẩy {ba bốn|ba mươi <F>} triệu đồng ' + PER + ' tháng.')
add('r-mix-12', MX, 'Căn hộ 70m2 giá 3,5 tỷ đồng.', 'căn hộ bảy mươi mét vuông giá ba phẩy năm tỷ đồng.')
add('r-mix-13', MX, 'Lúc 6h sáng 15/3, nhiệt độ xuống 12°C.',
    'lúc sáu giờ sáng ' + NG + 'mười lăm tháng ba, nhiệt độ xuống mười hai ' + DC + '.')
add('r-mix-14', MX, 'iPhone 15 Pro Max 256GB giá 34.990.000đ.',
    'iphone mười lăm pro max hai trăm năm mươi sáu ' + GB + ' giá ba mươi <F> triệu chín trăm chín mươi <N> đồng.')
add('r-mix-15', MX, 'Hơn 2/3 cử tri đi bầu ngày 23/5.', 'hơn hai phần ba cử tri đi bầu ngày hai mươi ba tháng năm.')
add('r-mix-16', MX, 'Xe điện đi được 80 km/lần sạc.', 'xe điện đi được tám mươi ' + KM + ' ' + PER + ' lần sạc.')

# --- round 2: weekdays, titles, regnal names, scores further from "tỷ số", codes
add('r-date-27', DT, 'Thứ Hai 7/10 họp giao ban.', 'thứ hai ' + NG + 'bảy tháng mười họp giao ban.', 'a weekday makes d/m a date')
add('r-date-28', DT, 'Thứ 3, 8/10 có mưa.', 'thứ ba, ' + NG + 'tám tháng mười có mưa.')
add('r-date-29', DT, 'Chủ nhật 5/10 trời nắng.', 'chủ nhật ' + NG + 'năm tháng mười trời nắng.')
add('r-date-30', DT, 'Thứ bảy 2/11 có hội chợ.', 'thứ bảy ' + NG + 'hai tháng mười một có hội chợ.')
add('r-date-31', DT, 'Đầu tháng 04, trời ấm dần.', 'đầu tháng tư, trời ấm dần.')
add('r-date-32', DT, 'Năm học 2024-2025 bắt đầu.', 'năm học ' + Y24 + ' <D> ' + Y25 + ' bắt đầu.')
add('r-date-33', DT, 'Hôm qua (5/11), trời mưa.', 'hôm qua{,|} ' + NG + 'năm tháng mười một{,|} trời mưa.')
add('r-card-29', C, 'Chờ 3 tháng 4 ngày.', 'chờ ba tháng bốn ngày.', 'tháng as a duration: 4 is a count, not month 4')
add('r-rng-20', RG, 'Làm việc từ thứ 2 - thứ 6.', 'làm việc từ thứ hai <D> thứ sáu.')
add('r-rng-21', RG, 'Mở cửa T2-T7.', 'mở cửa thứ hai <D> thứ bảy.')
add('r-rng-22', RG, 'Giờ làm việc: Thứ 2 – Thứ 6.', 'giờ làm việc: thứ hai <D> thứ sáu.')
add('r-rng-23', RG, 'Giá 1.500.000 - 2.000.000 đồng.', 'giá một triệu năm trăm <N> <D> hai triệu đồng.')
add('r-score-16', SC, 'Tỷ số trận lượt đi là 1 - 2.', 'tỷ số trận lượt đi là một hai.')
add('r-abbr-30', AB, 'TS.BS. Lê Hoa tư vấn.', 'tiến <S> bác <S> lê hoa tư vấn.')
add('r-abbr-31', AB, 'GS.TSKH Nguyễn Văn Đạo.', 'giáo sư tiến <S> khoa học nguyễn văn đạo.')
add('r-rom-21', R, 'Giáo viên hạng III được nâng lương.', 'giáo viên hạng ba được nâng lương.')
add('r-rom-22', R, 'Lương tối thiểu vùng I tăng.', 'lương tối thiểu vùng một tăng.')
add('r-rom-23', R, 'Thiết bị y tế loại B.', 'thiết bị y tế loại b.', 'a letter, not a numeral')
add('r-rom-24', R, 'Pharaoh Ramesses II cai trị Ai Cập.', 'pharaoh ramesses hai cai trị ai cập.')
add('r-rom-25', R, 'Anh Hoàng Văn X bị bắt.', 'anh hoàng văn x bị bắt.', 'an initial after a surname, not ten')
add('r-tel-17', P, 'Gọi (028) 38.123.456.', 'gọi không hai tám{,|} ba tám{,|} một hai ba{,|} bốn năm sáu.')
add('r-tel-18', P, 'Mã vận đơn SPX123456789.', 'mã vận đơn spx một hai ba bốn năm sáu bảy tám chín.', 'a code glued to letters')
add('r-punc-18', PU, 'Ông Trần Văn B., 45 tuổi, bị bắt.', 'ông trần văn {b|bê}, bốn mươi lăm tuổi, bị bắt.',
    'the dot of an initial is not punctuation')
add('r-cur-25', CU, 'Đơn từ 500k+ được freeship.', 'đơn từ năm trăm ' + K1 + ' cộng được freeship.')
add('r-meas-28', M, 'Sai số ±0,5 độ.', 'sai số {cộng trừ|cộng hoặc trừ} không phẩy năm độ.')
add('r-split-18', SS, 'Tôi sống ở TP. Hồ Chí Minh. Tôi yêu nơi này.', 'tôi sống ở thành phố hồ chí minh.\ntôi yêu nơi này.')
add('r-split-19', SS, 'Anh hỏi: "Em đi đâu?" Em không trả lời.', 'anh hỏi: em đi đâu?\nem không trả lời.')

# --- round 3: amounts near identifier words, glued sentences, handles in URL paths
add('r-cur-26', CU, 'Tài khoản bị trừ 500.000 đồng.', 'tài khoản bị trừ năm trăm <N> đồng.',
    'an amount, not an account number')
add('r-meas-29', M, 'Điện thoại 6.1 inch.', 'điện thoại sáu {phẩy|chấm} một {inch|in|in sơ}.')
add('r-date-34', DT, 'Tháng 09 khai giảng.', 'tháng chín khai giảng.', 'leading zeros are ignored')
add('r-cur-27', CU, 'Lương tháng 4 triệu đồng.', 'lương tháng bốn triệu đồng.', 'an amount, not month 4')
add('r-punc-19', PU, 'Mình đi nhé.Hẹn gặp lại!', 'mình đi nhé. hẹn gặp lại!', 'no space after the period')
add('r-split-20', SS, 'Xong rồi.Mai gặp nhé.', 'xong rồi.\nmai gặp nhé.')
add('r-url-13', U, 'Xem trên youtube.com/@vtv24.',
    'xem trên youtube chấm com ' + SL + ' ' + AT + ' vtv {hai bốn|hai mươi tư|hai mươi bốn}.')

# --- round 4: quarters with a year, chat emoticons
add('r-date-35', DT, 'Doanh thu quý 1/2025 tăng.', 'doanh thu quý một năm ' + Y25 + ' tăng.', 'a quarter, not a month')
add('r-punc-20', PU, 'Vui quá =))', 'vui quá', 'an emoticon is not the symbol =')
add('r-punc-21', PU, 'Hay lắm :D', 'hay lắm')
add('r-punc-22', PU, 'Buồn :( thật.', 'buồn thật.')

# --- round 5: chained per-units, shorthand before a per-unit
add('r-cur-28', CU, 'Giá thuê 300.000đ/m2/tháng.',
    'giá thuê ba trăm <N> đồng ' + PER + ' mét vuông ' + PER + ' tháng.')
add('r-cur-29', CU, 'Phòng trọ giá 1,2 tr/tháng.', 'phòng trọ giá một phẩy hai triệu ' + PER + ' tháng.')

# --- round 6: chat forms capitalised at the start of a sentence
add('r-abbr-32', AB, 'Đc rồi, cảm ơn nha.', 'được rồi, cảm ơn nha.')
add('r-abbr-33', AB, 'Trc 5h nhé.', 'trước năm giờ nhé.')
add('r-abbr-34', AB, 'Hnay trời đẹp quá.', 'hôm nay trời đẹp quá.')
add('r-abbr-35', AB, 'Uống vitamin K mỗi ngày.', 'uống vitamin k mỗi ngày.', 'a letter, not the chat form k')

# --- round 7: ranges of numbered items and of Roman numerals
add('r-rom-26', R, 'Văn học thế kỷ XIX - XX.', 'văn học thế kỷ mười chín <D> hai mươi.')
add('r-rng-24', RG, 'Đọc từ Chương I - Chương V.', 'đọc từ chương một <D> chương năm.')
add('r-rng-25', RG, 'Xem Tập 1 - Tập 5.', 'xem tập một <D> tập năm.')

_cases.write(sys.argv[1])
