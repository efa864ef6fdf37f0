#!/usr/bin/env python3
# gen_textnorm_cases.py - regenerates tests/golden/textnorm_cases.jsonl (our own
# normaliser cases in the ../shared/textnorm format) from compact templates:
# {a|b} lists accepted alternatives; <N> <L> <T> are nghìn/ngàn, linh/lẻ, tỷ/tỉ,
# chosen once per accepted string (textnorm_casegen.py).
# Usage: gen_textnorm_cases.py OUT.jsonl
import sys

from textnorm_casegen import Cases

_cases = Cases(tones=False)
add = _cases.add
C='cardinal'
add('o-card-01',C,'Có 21 người và 24 con gà.','có hai mươi mốt người và hai mươi {tư|bốn} con gà.')
add('o-card-02',C,'Số 105 và 110.','số một trăm <L> năm và một trăm mười.')
add('o-card-03',C,'Dân số 1.050.003 người.','dân số một triệu {không trăm |}năm mươi <N> {không trăm |}<L> ba người.')
add('o-card-04',C,'Tổng cộng 1 000 000 đồng.','tổng cộng một triệu đồng.')
add('o-card-05',C,'Có 1,000,000 người.','có một triệu người.')
add('o-card-06',C,'Năm 15 tuổi, 55 kg.','năm mười lăm tuổi, năm mươi lăm {ki|kí} lô gam.')
add('o-card-07',C,'Ngân sách 1.000.000.000.000 đồng.','ngân sách một <N> <T> đồng.')
add('o-card-08',C,'Khoảng 2.500.000.000 đồng.','khoảng hai <T> năm trăm triệu đồng.')
add('o-card-09',C,'Có 10 người, 100 con và 1000 cây.','có mười người, một trăm con và một <N> cây.')
add('o-card-10',C,'Nhiệt độ -5 độ.','nhiệt độ {âm|trừ} năm độ.')
add('o-card-11',C,'Mã số 007.','mã số không không bảy.')
add('o-card-12',C,'Có 14 và 11 học sinh.','có mười bốn và mười một học sinh.')
add('o-card-13',C,'Có 1.000.005 người.','có một triệu {không <N> |}không trăm <L> năm người.')
add('o-card-14',C,'Có 3.021 người.','có ba <N> không trăm hai mươi mốt người.')
D='decimal'
add('o-dec-01',D,'Số pi là 3,14.','số pi là ba phẩy {một bốn|mười bốn}.')
add('o-dec-02',D,'Tăng 1,05 lần.','tăng một phẩy không năm lần.')
add('o-dec-03',D,'Phiên bản 3.12 ra mắt.','phiên bản ba chấm mười hai ra mắt.')
add('o-dec-04',D,'Giá 1.234,5 đồng.','giá một <N> hai trăm ba mươi {tư|bốn} phẩy năm đồng.')
add('o-dec-05',D,'Chỉ số 0,5.','chỉ số không phẩy năm.')
O='ordinal'
add('o-ord-01',O,'Anh ấy đứng thứ 1.','anh ấy đứng thứ nhất.')
add('o-ord-02',O,'Hẹn thứ 2 tuần sau.','hẹn thứ hai tuần sau.')
add('o-ord-03',O,'Lần thứ 14 tổ chức.','lần thứ mười bốn tổ chức.')
add('o-ord-04',O,'Thứ 7 và chủ nhật.','thứ bảy và chủ nhật.')
DT='date'
add('o-date-01',DT,'Sinh ngày 01-01-2000.','sinh ngày một tháng một năm hai <N> .')
add('o-date-02',DT,'Hạn chót 31.12.2025.','hạn chót {ngày |}ba mươi mốt tháng mười hai năm hai <N> {không trăm |}hai mươi lăm.')
add('o-date-03',DT,'Ngày 30/4 là ngày lễ.','ngày ba mươi tháng tư là ngày lễ.')
add('o-date-04',DT,'Tháng 5/2024 trời nóng.','tháng năm năm hai <N> {không trăm |}hai mươi {tư|bốn} trời nóng.')
add('o-date-05',DT,'Hội chợ ngày 20-25/12.','hội chợ ngày hai mươi đến {ngày |}hai mươi lăm tháng mười hai.')
add('o-date-06',DT,'Ngày 2-9 là quốc khánh.','ngày hai tháng chín là quốc khánh.')
add('o-date-07',DT,'Từ 15/8 đến 20/8.','từ {ngày |}mười lăm tháng tám đến {ngày |}hai mươi tháng tám.')
TI='time'
add('o-time-01',TI,'Họp lúc 15:45.','họp lúc mười lăm giờ bốn mươi lăm{ phút|}.')
add('o-time-02',TI,'Khai mạc lúc 7g30.','khai mạc lúc bảy giờ ba mươi{ phút|}.')
add('o-time-03',TI,'Mở cửa 8h-17h.','mở cửa tám giờ đến mười bảy giờ.')
add('o-time-04',TI,'Lúc 0h đêm.','lúc không giờ đêm.')
add('o-time-05',TI,'Lúc 10:00 sáng.','lúc mười giờ sáng.')
add('o-time-06',TI,'Kỷ lục 2:05:30.','kỷ lục hai giờ năm phút ba mươi giây.')
add('o-time-07',TI,'Lúc 00:30.','lúc không giờ ba mươi{ phút|}.')
P='phone'
add('o-tel-01',P,'Liên hệ 0912.345.678.','liên hệ không chín một hai{,|} ba bốn năm{,|} sáu bảy tám.')
add('o-tel-02',P,'Gọi +84 912 345 678.','gọi cộng tám {bốn|tư} chín một hai ba bốn năm sáu bảy tám.')
add('o-tel-03',P,'Hotline 1900 1234.','hotline một chín không không{,|} một hai ba bốn.')
add('o-tel-04',P,'Gọi 113 ngay.','gọi một một ba ngay.')
CU='currency'
add('o-cur-01',CU,'Giá 25k một ly.','giá hai mươi lăm {<N>|ca} một ly.')
add('o-cur-02',CU,'Lương 1tr5 một tháng.','lương {một triệu năm trăm <N>|một triệu rưỡi|một triệu năm} một tháng.')
add('o-cur-03',CU,'Giá $5.','giá năm {đô la|đô la mỹ|đô}.')
add('o-cur-04',CU,'Vé 50 €.','vé năm mươi {ơ rô|ê rô|euro}.')
add('o-cur-05',CU,'Nợ 100 VND.','nợ một trăm {đồng|việt nam đồng}.')
add('o-cur-06',CU,'Giá 10,5$.','giá {mười phẩy năm đô la|mười đô la năm mươi xu}.')
add('o-cur-07',CU,'Thịt 200.000đ/kg.','thịt hai trăm <N> đồng {trên|một|mỗi} {ki|kí} lô gam.')
PC='percent'
add('o-pct-01',PC,'Tăng 30-40%.','tăng {ba mươi đến bốn mươi phần trăm|ba mươi phần trăm đến bốn mươi phần trăm}.')
add('o-pct-02',PC,'Giảm 0,5%.','giảm không phẩy năm phần trăm.')
add('o-pct-03',PC,'Đạt 100%.','đạt một trăm phần trăm.')
M='measure'
add('o-meas-01',M,'Dài 3-5 km.','dài ba {đến|tới} năm {ki|kí} lô mét.')
add('o-meas-02',M,'Căn hộ 75 m2.','căn hộ bảy mươi lăm mét vuông.')
add('o-meas-03',M,'Tốc độ 60 km/h.','tốc độ sáu mươi {ki|kí} lô mét {trên|một|mỗi} giờ.')
add('o-meas-04',M,'Pin 5000 mAh.','pin năm <N> mi li am {pe|be} giờ.')
add('o-meas-05',M,'Bộ nhớ 64 GB.','bộ nhớ sáu mươi {tư|bốn} {gi ga bai|ghi ga bai|ghi ga bay|gigabyte}.')
add('o-meas-06',M,'Chai 500 ml.','chai năm trăm mi li lít.')
add('o-meas-07',M,'Cao 170 cm.','cao một trăm bảy mươi {xen|xăng} ti mét.')
add('o-meas-08',M,'Trang trại 2 ha.','trang trại hai héc ta.')
A='abbreviation'
add('o-abbr-01',A,'Trụ sở ở TP.HCM.','trụ sở ở thành phố hồ chí minh.')
add('o-abbr-02',A,'Nhà ở Q.1, TP. Hà Nội.','nhà ở quận một, thành phố hà nội.')
add('o-abbr-03',A,'PGS.TS. Nguyễn Văn Hùng phát biểu.','phó giáo sư tiến {sĩ|sỹ} nguyễn văn hùng phát biểu.')
add('o-abbr-04',A,'Mua rau, cá, v.v.','mua rau, cá, vân vân.')
add('o-abbr-05',A,'Sở GD&ĐT tỉnh.','sở giáo dục và đào tạo tỉnh.')
add('o-abbr-06',A,'Tôi ko biết.','tôi không biết.')
add('o-abbr-07',A,'HLV của CLB.','huấn luyện viên của câu lạc bộ.')
R='roman'
add('o-rom-01',R,'Lần thứ IV diễn ra.','lần thứ tư diễn ra.')
add('o-rom-02',R,'Đại hội XIII của Đảng.','đại hội mười ba của đảng.')
add('o-rom-03',R,'Doanh thu quý III/2024 tăng.','doanh thu quý ba năm hai <N> {không trăm |}hai mươi {tư|bốn} tăng.')
add('o-rom-04',R,'Uống vitamin C mỗi ngày.','uống vitamin {c|xê} mỗi ngày.')
add('o-rom-05',R,'Thế kỉ XIX.','thế kỉ mười chín.')
RG='range'
add('o-rng-01',RG,'Từ 5 - 10 người.','từ năm {đến|tới} mười người.')
add('o-rng-02',RG,'Khoảng 100-200 khách.','khoảng một trăm {đến|tới} hai trăm khách.')
S='score'
add('o-score-01',S,'Hai đội hòa 1-1.','hai đội hòa một một.')
add('o-score-02',S,'Tỷ số 3-2 nghiêng về chủ nhà.','tỷ số ba hai nghiêng về chủ nhà.')
add('o-score-03',S,'Sơ đồ 4-3-3.','sơ đồ bốn ba ba.')
U='url_email'
add('o-url-01',U,'Xem tại vnexpress.net.','xem tại vnexpress chấm {net|nét}.')
add('o-url-02',U,'Truy cập www.google.com.','truy cập {vê kép vê kép vê kép|đắp liu đắp liu đắp liu|ba vê kép} chấm google chấm com.')
add('o-url-03',U,'Email: an.nguyen@gmail.com','email: an chấm nguyen {a còng|a móc} gmail chấm com')
E='english_mixed'
add('o-eng-01',E,'Dùng Facebook và Windows.','dùng facebook và windows.')
add('o-eng-02',E,'Mua iPhone 15 Pro.','mua iphone mười lăm pro.')
add('o-eng-03',E,'Deadline là thứ 6.','deadline là thứ sáu.')
UN='unicode'
add('o-uni-01',UN,'Xin\u00a0chào\u200b bạn.','xin chào bạn.')
add('o-uni-02',UN,'\u00d0à Nẵng\tđẹp.','đà nẵng đẹp.')
add('o-uni-03',UN,'Tie\u0302\u0301ng Vie\u0323\u0302t.','tiếng việt.')
PU='punctuation'
add('o-punc-01',PU,'Anh nói: “Đi thôi!”','anh nói: đi thôi!')
add('o-punc-02',PU,'Chờ chút... rồi đi.','chờ chút{...|…|.|,|} rồi đi.')
add('o-punc-03',PU,'Phở (món ăn) rất ngon.','phở{,|} món ăn{,|} rất ngon.')
add('o-punc-04',PU,'Hà Nội – thủ đô.','hà nội{,|} thủ đô.')
SS='sentence_split'
add('o-split-01',SS,'Tôi ở TP.HCM. Anh ở đâu?','tôi ở thành phố hồ chí minh.\nanh ở đâu?')
add('o-split-02',SS,'Giá 3.5 đô. Rẻ quá!','giá ba {chấm|phẩy} năm đô.\nrẻ quá!')
add('o-split-03',SS,'Dòng một\nDòng hai.','dòng một\ndòng hai.')
F='fraction'
add('o-frac-01',F,'Chiếm 3/4 diện tích.','chiếm ba phần {tư|bốn} diện tích.')
add('o-frac-02',F,'Khoảng 2/5 số phiếu.','khoảng hai phần năm số phiếu.')
MX='mixed'
add('o-mix-01',MX,'Sáng 10/10, UBND Q.3 họp lúc 8h30.','sáng {ngày |}mười tháng mười, {ủy|uỷ} ban nhân dân quận ba họp lúc tám giờ ba mươi{ phút|}.')
add('o-mix-02',MX,'Xe chạy 60 km/h trong 2 giờ.','xe chạy sáu mươi {ki|kí} lô mét {trên|một|mỗi} giờ trong hai giờ.')

add('o-tel-05',P,'Mã OTP của bạn là 482913.','mã otp của bạn là bốn tám hai chín một ba.')
add('o-tel-06',P,'Số tài khoản 0123456789.','số tài khoản không một hai ba bốn năm sáu bảy tám chín.')
add('o-tel-07',P,'Gọi (028) 3822 1234.','gọi không hai tám{,|} ba tám hai hai{,|} một hai ba bốn.')
add('o-cur-08',CU,'Vàng 85 triệu đồng/lượng.','vàng tám mươi lăm triệu đồng {trên|một|mỗi} lượng.')
add('o-cur-09',CU,'Một USD bằng 25.000 VND.','một {đô la|đô la mỹ|đô|u ét đê|diu ét đi} bằng hai mươi lăm <N> {đồng|việt nam đồng}.')
add('o-meas-09',M,'Chiều cao 1m75.','chiều cao một mét bảy mươi lăm.')
add('o-meas-10',M,'Phòng 3 x 4 m.','phòng ba {nhân|x} bốn mét.')
add('o-score-04',S,'Tỷ số 1 - 0.','tỷ số một không.')
add('o-punc-05',PU,'Bạn tên gì?Tôi tên Nam.','bạn tên gì? tôi tên nam.')
add('o-split-04',SS,'Được rồi... Để mai nhé!','được rồi{...|…|.}\nđể mai nhé!')
add('o-abbr-08',A,'PGS. TS Lê Văn Tám.','phó giáo sư tiến {sĩ|sỹ} lê văn tám.')
add('o-date-08',DT,'Thành lập ngày 3/2/1930.','thành lập ngày ba tháng hai năm một <N> chín trăm ba mươi.')
add('o-frac-03',F,'Uống ½ cốc.','uống một phần hai cốc.')
add('o-eng-04',E,'Huấn luyện viên Park Hang-seo.','huấn luyện viên park hang seo.')
add('o-mix-03',MX,'Từ 1/7/2024, lương tăng lên 2.340.000 đồng/tháng.','từ {ngày |}một tháng bảy năm hai <N> {không trăm |}hai mươi {tư|bốn}, lương tăng lên hai triệu ba trăm bốn mươi <N> đồng {trên|một|mỗi} tháng.')

add('o-date-09',DT,'Ngày 2023-06-05 khai trương.','ngày năm tháng sáu năm hai <N> {không trăm |}hai mươi ba khai trương.')
add('o-date-10',DT,'Hạn chót là 12/12.','hạn chót là {ngày |}mười hai tháng mười hai.')
add('o-tel-08',P,'Gọi ngay 1900.6789 để được hỗ trợ.','gọi ngay một chín không không{,|} sáu bảy tám chín để được hỗ trợ.')
add('o-score-05',S,'Tỉ số chung cuộc là 2-2.','tỉ số chung cuộc là hai hai.')
add('o-abbr-09',A,'Ông Nam là GĐ công ty.','ông nam là giám đốc công ty.')
add('o-abbr-10',A,'Tôi sống ở TP.','tôi sống ở thành phố.')
add('o-cur-10',CU,'Giá 5 tr.','giá năm triệu.')
add('o-eng-05',E,"I'm fine, don't worry.","i'm fine, don't worry.")
_cases.write(sys.argv[1])
print(len(_cases.cases))
