# ruff: noqa: E501  (the hand-checked lists quote text beginnings, one pair a line)
"""Diff on real parent → child pairs no one here wrote (../shared), imported with the
current importer: the floor of evidence defended on hand-checked pairs, no pair claimed
without evidence, every copied item aligned, and the right alignments of two pairs read by a
person from both documents (by the beginnings of their texts)."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from shared import shared

from planwriter.diff import Basis, PlanDiff, Status, compare
from planwriter.diff.align import scorer, side
from planwriter.diff.evidence import FLOOR, HINT
from planwriter.importer import import_file
from planwriter.model import Plan
from planwriter.text import fold

PAIRS = {
    "CV-174": ("real/text/CV-174-BCD.txt", "real/text/KL-221-TW.txt"),
    "CV-UBND-HN": ("real/text/CV-UBND-HN-2530.txt", "real/text/QD-2530-TTg.txt"),
    "HiepThuong-KH16": (
        "real/text/KH-HiepThuong-MTTQ-LuongMinh.txt",
        "real/text/KH-16-MTTQ-LuongMinh.txt",
    ),
    "HiepThuong-HD": (
        "real/text/KH-HiepThuong-MTTQ-LuongMinh.txt",
        "real/text/HD-HiepThuong-MTTQ-QuangNinh-draft.txt",
    ),
    "KTGS": ("real/text/KH-KTGS-MTTQ-LuongMinh.txt", "real/text/KH-KTGS-MTTQ-BacCamRanh.txt"),
    "3260": ("reference/3260-KH-DDQH15.txt", "reference/57-NQ-TW.txt"),
    "03-NQ-CP": ("reference/03-NQ-CP.txt", "reference/57-NQ-TW.txt"),
}

# For each child item, the parent item its content words pointed to most (candidates from the
# alignment's own index, all pairs scoring above 0.15 in a first run), each read in full in
# both documents and judged: True the same item (copied, reworded, or the child carrying the
# parent's sentence out), False another item on the same subject. (pair, child text begins,
# parent text begins, judgement.)
CHECKED = [
    ("CV-174", 'Về phân cấp, phân quyền, phân định thẩm quyền kh', 'Giao Ban Tổ chức Trung ương tiếp tục chủ trì, ph', False),
    ("CV-174", 'Đối với 355 nhiệm vụ cần ban hành văn bản để hướ', 'Giao Đảng uỷ Chính phủ lãnh đạo, chỉ đạo các bộ,', False),
    ("CV-174", 'Đối với 10 nhiệm vụ cần điều chỉnh thẩm quyền gi', 'Yêu cầu Đảng uỷ Chính phủ chỉ đạo các cấp uỷ, tổ', False),
    ("CV-174", 'Trên cơ sở các Nghị định của Chính phủ về phân c', 'Giao Đảng uỷ Chính phủ lãnh đạo, chỉ đạo các bộ,', False),
    ("CV-174", 'Về việc tháo gỡ khó khăn, vướng mắc phát trong q', 'Bộ Chính trị, Ban Bí thư ghi nhận và biểu dương ', False),
    ("CV-174", 'Các Bộ, cơ quan ngang Bộ tiếp tục phối hợp với B', 'Giao Đảng uỷ Chính phủ lãnh đạo, chỉ đạo các bộ,', True),
    ("CV-174", 'Khẩn trương nghiên cứu, giải quyết, xử lý các ki', 'Yêu cầu Đảng uỷ Chính phủ chỉ đạo các cấp uỷ, tổ', True),
    ("CV-174", 'Trên đây là một số nội dung trọng tâm cần thực h', 'Yêu cầu các đồng chí bí thư tỉnh uỷ, thành uỷ, c', False),
    ("CV-UBND-HN", 'Thực hiện Quyết định số 2530/QĐ-TTg ngày 19/11/2', 'Điều 1. Phê duyệt “Kế hoạch hành động quốc gia v', False),
    ("CV-UBND-HN", 'Có văn bản yêu cầu và giám sát các chủ đầu tư, n', 'Bổ sung vật liệu che phủ (cây xanh hoặc vật liệu', False),
    ("CV-UBND-HN", 'Nghiên cứu và thí điểm công nghệ phun sương giảm', 'Nghiên cứu và thí điểm triển khai hệ thống vệ si', True),
    ("CV-UBND-HN", 'Mở đợt cao điểm tuyên truyền, vận động các cơ sở', 'Thí điểm các biện pháp giảm thiểu bụi, khí thải ', True),
    ("CV-UBND-HN", 'Chỉ đạo lực lượng cảnh sát môi trường và công an', 'Bộ Công an chỉ đạo lực lượng công an các cấp, đặ', True),
    ("CV-UBND-HN", 'Đối với các cơ sở sản xuất có lưu lượng xả bụi, ', '100% các nguồn phát sinh khí thải lớn thuộc các ', False),
    ("CV-UBND-HN", 'Đảm bảo số liệu quan trắc từ hệ thống quan trắc ', 'Tập trung đầu tư, kết nối các trạm quan trắc khô', False),
    ("CV-UBND-HN", 'Tăng cường kiểm tra, giám sát các công trường xâ', 'Thanh tra, kiểm tra, giám sát chặt chẽ tình trạn', False),
    ("CV-UBND-HN", 'Chủ tịch UBND các phường, xã chịu trách nhiệm to', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc t', False),
    ("CV-UBND-HN", 'Chỉ đạo lực lượng cảnh sát giao thông tăng cường', 'Bộ Công an chỉ đạo lực lượng công an các cấp, đặ', False),
    ("CV-UBND-HN", 'Phối hợp với UBND các phường, xã và lực lượng ch', 'Hoàn thiện Nghị định về xử lý vi phạm hành chính', False),
    ("CV-UBND-HN", 'Phối hợp với các cơ quan báo chí, truyền hình đă', 'Hình thành và đưa vào hoạt động “Hệ thống Cảnh b', False),
    ("HiepThuong-KH16", 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu', 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu', True),
    ("HiepThuong-KH16", 'Căn cứ Nghị quyết số 101/2025/UBTVQH15 ngày 26/9', 'Tổ chức Hội nghị tiếp xúc cử tri để người ứng cử', False),
    ("HiepThuong-KH16", 'Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/', 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu', False),
    ("HiepThuong-KH16", 'Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ) V', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ) V', True),
    ("HiepThuong-KH16", 'Bảo đảm quy trình hiệp thương được thực hiện dân', 'Nguyên tắc tổ chức hiệp thương: Bảo đảm dân chủ,', False),
    ("HiepThuong-KH16", 'Bảo đảm sự phối hợp chặt chẽ và phân công rõ ràn', 'Phân công rõ ràng trách nhiệm từng thành viên Ba', True),
    ("HiepThuong-KH16", 'Hội nghị hiệp thương lần thứ nhất.', 'Tổ chức các hội nghị hiệp thương', False),
    ("HiepThuong-KH16", 'Thời gian: Dự kiến ngày 05/12/2025 (Chậm nhất ng', '(1) Tổ chức hiệp thương lần thứ nhất: Chậm nhất ', False),
    ("HiepThuong-KH16", 'Đơn vị chủ trì: Ban Công tác mặt trận thôn.', 'Ban công tác Mặt trận các thôn trên địa bàn xã', False),
    ("HiepThuong-KH16", 'Hội nghị hiệp thương lần thứ hai', 'Tổ chức các hội nghị hiệp thương', False),
    ("HiepThuong-KH16", 'Nội dung: Hiệp thương lập danh sách sơ bộ những ', 'Tham gia thành lập các tổ chức phụ trách bầu cử ', False),
    ("HiepThuong-KH16", 'Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt', 'Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trự', False),
    ("HiepThuong-KH16", 'Hội nghị hiệp thương lần thứ ba', 'Tổ chức các hội nghị hiệp thương', False),
    ("HiepThuong-KH16", 'Đơn vị chủ trì: Ban Công tác mặt trận thôn.', 'Ban công tác Mặt trận các thôn trên địa bàn xã', False),
    ("HiepThuong-KH16", 'Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệ', 'Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch', False),
    ("HiepThuong-KH16", 'Phối hợp chặt chẽ với Ban Thường trực Ủy ban MTT', 'Xây dựng và ban hành Hướng dẫn của Ban Thường tr', False),
    ("HiepThuong-KH16", 'Cử đại diện lãnh đạo tham dự đầy đủ các hội nghị', 'Tổ chức các hội nghị hiệp thương', False),
    ("HiepThuong-KH16", 'Thực hiện chế độ thông tin báo cáo về Ban Thường', 'Kết quả: Báo cáo theo hướng dẫn của Ban Thường t', False),
    ("HiepThuong-KH16", 'Trên đây là Kế hoạch của Ban Thường trực Ủy ban ', 'Trên đây là Kế hoạch của Ban Thường trực Ủy ban ', True),
    ("HiepThuong-HD", 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu', 'Căn cứ Luật Bầu cử đại biểu Quốc hội và dại biểu', True),
    ("HiepThuong-HD", 'Thực hiện Kế hoạch số 16/KH-MTTQ-BTT ngày 18/11/', 'Căn cứ Nghị quyết 40/NQ-HĐBCQG \xa0ngày 29/9/2025 c', False),
    ("HiepThuong-HD", 'Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ) V', 'Hội nghị cử chủ tọa trong Ban Thường trực Ủy ban', False),
    ("HiepThuong-HD", 'MỤC ĐÍCH, YÊU CẦU', 'Giới thiệu về mục đích, yêu cầu của hội nghị;', False),
    ("HiepThuong-HD", 'Hội nghị hiệp thương lần thứ nhất.', 'Kết quả thỏa thuận tại hội nghị hiệp thương lần ', False),
    ("HiepThuong-HD", 'Thời gian: Dự kiến ngày 05/12/2025 (Chậm nhất ng', '(Thực hiện từ ngày 01/12 đến ngày 10/12/2025)', False),
    ("HiepThuong-HD", 'Hội nghị hiệp thương lần thứ hai', 'Hội nghị hiệp thương lần thứ hai gồm các thành p', False),
    ("HiepThuong-HD", 'Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam', False),
    ("HiepThuong-HD", 'Hội nghị hiệp thương lần thứ ba', 'Hội nghị hiệp thương lần thứ ba gồm các thành ph', False),
    ("HiepThuong-HD", 'Đối với thôn có dưới 100 cử tri: Phải tổ chức hộ', 'Đối với nơi có dưới 100 cử tri thì tổ chức hội n', True),
    ("HiepThuong-HD", 'Đối với thôn có từ 100 cử tri trở lên: Có thể tổ', 'Đối với nơi có dưới 100 cử tri thì tổ chức hội n', True),
    ("HiepThuong-HD", 'Hình thức biểu quyết: Hội nghị quyết định biểu q', 'Hội nghị quyết định biểu quyết danh sách chính t', True),
    ("HiepThuong-HD", 'Tổ kiểm phiếu sẽ thực hiện kiểm đếm và công bố k', 'Trường hợp hội nghị biểu quyết bằng hình thức gi', True),
    ("HiepThuong-HD", 'Kết quả tín nhiệm: Người được giới thiệu ứng cử ', 'Trường hợp  người được dự kiến giới thiệu ứng cử', False),
    ("HiepThuong-HD", 'TỔ CHỨC THỰC HIỆN', 'Trình tự tổ chức hội nghị được thực hiện như sau', False),
    ("HiepThuong-HD", 'Ban Thường trực Ủy ban MTTQ Việt Nam xã', 'Đại diện Thường trực Hội đồng nhân dân, Ủy ban n', False),
    ("KTGS", 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu', 'Căn cứ Thông tri số 04/TT-MTTW-BTT Ngày 04/11/20', False),
    ("KTGS", 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Mi', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường Bắc ', True),
    ("KTGS", 'Đối tượng kiểm tra: Ban Thường trực Ủy ban Mặt t', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường kiểm', True),
    ("KTGS", 'Ban Công tác Mặt trận ở các thôn (khu dân cư) tr', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường kiểm', False),
    ("KTGS", 'NỘI DUNG VÀ THỜI GIAN THỰC HIỆN', '* Thời gian thực hiện:', False),
    ("KTGS", 'Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026:', 'Đợt 3: Trong khoảng thời gian từ ngày 09/02/2026', False),
    ("KTGS", 'Giám sát việc thành lập và hoạt động của Ủy ban ', 'Giám sát việc thành lập và hoạt động của Ủy ban ', True),
    ("KTGS", 'Giám sát việc ban hành các văn bản chỉ đạo bầu c', 'Việc ban hành các văn bản liên quan đến công tác', True),
    ("KTGS", 'Kiểm tra công tác tổ chức lấy ý kiến nhận xét và', 'Kiểm tra, giám sát việc tổ chức lấy ý kiến cử tr', True),
    ("KTGS", 'Kiểm tra việc Ban CTMT xác minh các vụ việc do c', 'Việc xác minh và trả lời các vụ việc mà cử tri n', True),
    ("KTGS", 'Giám sát việc giải quyết khiếu nại về danh sách ', 'Việc giải quyết khiếu nại về danh sách cử tri (q', True),
    ("KTGS", 'Giám sát việc tổ chức Hội nghị hiệp thương lần t', 'Đảm bảo danh sách chính thức những người ứng cử ', False),
    ("KTGS", 'Giám sát việc tổ chức lấy ý kiến cử tri nơi cư t', 'Kiểm tra, giám sát việc tổ chức lấy ý kiến cử tr', True),
    ("KTGS", 'Giám sát việc vận động bầu cử thông qua các hội ', 'Đảm bảo công bằng về số lượng các hội nghị tiếp ', True),
    ("KTGS", 'Kiểm tra việc tham gia phụ trách các Tổ bầu cử c', 'Việc tham gia các tổ chức phụ trách bầu cử các c', True),
    ("KTGS", 'Kiểm tra việc tiếp nhận, xử lý, giải quyết đơn t', 'Kiểm tra, giám sát việc tiếp nhận, xử lý, giải q', True),
    ("KTGS", 'Kiểm tra công tác tuyên truyền bầu cử tại khu dâ', 'Công tác tuyên truyền bầu cử: Từ khi triển khai,', True),
    ("KTGS", 'Giám sát việc vận động bầu cử (đảm bảo công bằng', 'Kiểm tra, giám sát việc tuyên truyền, vận động b', True),
    ("KTGS", 'Giám sát việc niêm yết danh sách người ứng cử.', 'Giám sát việc lập, niêm yết danh sách những ngườ', True),
    ("KTGS", 'Giám sát hoạt động của các Tổ bầu cử: Việc bố tr', 'Việc bố trí khu vực bỏ phiếu, vị trí, khoảng các', True),
    ("KTGS", 'Giám sát việc chấp hành nguyên tắc phổ thông, bì', 'Việc chấp hành nguyên tắc phổ thông, bình đẳng, ', True),
    ("KTGS", 'Giám sát trực tiếp Ban Thường trực Ủy ban MTTQ x', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường giám', True),
    ("KTGS", 'Trực tiếp tham dự các Hội nghị cử tri giới thiệu', 'Về hình thức tổ chức lấy ý kiến nhận xét của cử ', False),
    ("KTGS", 'Tham dự các hội nghị tiếp xúc cử tri để vận động', 'Việc tổ chức hội nghị tiếp xúc cử tri cho những ', True),
    ("KTGS", 'Thông qua công tác tiếp công dân, tiếp nhận và x', 'Thông qua tiếp công dân, tiếp nhận, xử lý đơn th', True),
    ("KTGS", 'Phối hợp kiểm tra, giám sát: Cử đại diện lãnh đạ', 'Cử đại diện tham gia phối hợp kiểm tra, giám sát', True),
    ("KTGS", 'Tổ chức Đoàn kiểm tra, giám sát: Ban Thường trực', 'Ban Thường trực Ủy ban MTTQ phường thành lập đoà', True),
    ("KTGS", 'Giám sát trực tiếp tại các điểm bỏ phiếu trong n', 'Giám sát trực tiếp', True),
    ("KTGS", 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Mi', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường giám', False),
    ("KTGS", 'Ban hành Kế hoạch và Quyết định thành lập Đoàn k', 'Ban hành quyết định thành lập Đoàn kiểm tra, giá', True),
    ("KTGS", 'Chế độ báo cáo: Tổng hợp kết quả hoạt động kiểm ', 'Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban MTT', True),
    ("KTGS", 'Các tổ chức thành viên của Mặt trận Tổ quốc xã', 'Các tổ chức thành viên của MTTQ Việt Nam phường ', True),
    ("KTGS", 'Ban Công tác Mặt trận các', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường kiểm', False),
    ("KTGS", 'Kinh phí thực hiện: Kinh phí phục vụ công tác ki', 'Kinh phí phục vụ công tác kiểm tra, giám sát côn', True),
    ("KTGS", 'Trên đây là Kế hoạch của Ban Thường trực Ủy ban ', 'Trên đây là Kế hoạch kiểm tra, giám sát công tác', True),
    ("3260", 'Ngày 22/12/2024, Bộ Chính trị đã ban hành Nghị q', 'Đảng đoàn Quốc hội lãnh đạo, chỉ đạo rà soát, ho', True),
    ("3260", 'Khẩn trương, quyết liệt tổ chức rà soát, nhận di', 'Khẩn trương, quyết liệt hoàn thiện thể chế; xoá ', True),
    ("3260", 'Chủ trì thẩm tra các dự án luật, pháp lệnh, dự t', 'Có cơ chế, chính sách hỗ trợ các doanh nghiệp tr', False),
    ("03-NQ-CP", 'Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 n', 'Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ', False),
    ("03-NQ-CP", 'Theo đề nghị của Bộ trưởng Bộ Khoa học và Công n', 'Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ', False),
    ("03-NQ-CP", 'Điều 1. Ban hành kèm theo Nghị quyết này Chương ', 'Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ', False),
    ("03-NQ-CP", '*Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng ', 'Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ', False),
    ("03-NQ-CP", 'Tổ chức thể chế hóa và thực hiện đầy đủ các quan', 'Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ', False),
    ("03-NQ-CP", 'Xác định nhiệm vụ cụ thể để các Bộ, ngành, địa p', 'Phát triển khoa học, công nghệ, đổi mới sáng tạo', True),
    ("03-NQ-CP", 'Ban hành Chương trình phát triển công nghệ và cô', 'Ban hành Chương trình phát triển công nghệ và cô', True),
    ("03-NQ-CP", 'Tiềm lực, trình độ khoa học, công nghệ và đổi mớ', 'Tiềm lực, trình độ khoa học, công nghệ và đổi mớ', True),
    ("03-NQ-CP", 'Quản lý nhà nước từ Trung ương đến địa phương tr', 'Quản lý nhà nước từ Trung ương đến địa phương tr', True),
    ("03-NQ-CP", 'Đến năm 2045', 'Tầm nhìn đến năm 2045', True),
    ("03-NQ-CP", 'PHỤ LỤC II: DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI CHƯƠNG', 'Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ', False),
    ("03-NQ-CP", 'Rà soát, xây dựng chính sách ưu đãi, khuyến khíc', 'Có các chính sách ưu đãi, khuyến khích doanh ngh', True),
    ("03-NQ-CP", 'Xây dựng Đề án phát triển, trọng dụng nhân tài, ', 'Phát triển, trọng dụng nhân lực chất lượng cao, ', True),
    ("03-NQ-CP", 'Xây dựng, ban hành cơ chế đặc biệt về nhập quốc ', 'Tăng cường đầu tư, đổi mới, nâng cao chất lượng ', True),
]

# KH-HiepThuong → KH-16 (the commune's sub-plan of item II.2 of its own plan), read whole:
# every pair the diff makes, and it is right. (child text begins, parent text begins)
RIGHT_HIEPTHUONG = [
    ('Căn cứ Luật Bầu cử đại biểu Quốc hội và đại b', 'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại b'),
    ('Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ'),
    ('MỤC ĐÍCH, YÊU CẦU', 'MỤC ĐÍCH, YÊU CẦU'),
    ('NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC', 'NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC'),
    ('TỔ CHỨC THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN'),
    ('Ban Thường trực Ủy ban MTTQ Việt Nam xã', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã'),
    ('Cán bộ phụ trách lĩnh vực giám sát và phản bi', 'Cán bộ phụ trách lĩnh vực giám sát và phản bi'),
    ('Chuyên viên phụ trách lĩnh vực Hành chính, Vă', 'Chuyên viên phụ trách lĩnh vực Hành chính, Vă'),
    ('Bảo đảm thông tin liên lạc thông suốt, kịp th', 'Bảo đảm thông tin liên lạc thông suốt, kịp th'),
    ('Tham mưu xây dựng Kế hoạch, triển khai tổ chứ', 'Tham mưu xây dựng Kế hoạch, triển khai tổ chứ'),
    ('Thực hiện các nhiệm vụ khác theo yêu cầu của ', 'Thực hiện các nhiệm vụ khác theo yêu cầu của '),
    ('Ban công tác Mặt trận các thôn trên địa bàn x', 'Ban công tác Mặt trận các thôn trên địa bàn x'),
    ('Trên đây là Kế hoạch của Ban Thường trực Ủy b', 'Trên đây là Kế hoạch của Ban Thường trực Ủy b'),
]
# KH-KTGS Lương Minh ↔ Bắc Cam Ranh (siblings: two wards' supervision plans from one
# instruction), read whole: the pairs that are right …
RIGHT_KTGS = [
    ('Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường B'),
    ('MỤC ĐÍCH, YÊU CẦU', 'MỤC ĐÍCH - YÊU CẦU'),
    ('ĐỐI TƯỢNG KIỂM TRA, GIÁM SÁT', 'ĐỐI TƯỢNG KIỂM TRA, GIÁM SÁT'),
    ('Các cơ quan, tổ chức, cá nhân có liên quan đế', 'Ban Thường trực Ủy ban MTTQ Việt Nam phường g'),
    ('Giám sát việc thành lập và hoạt động của Ủy b', 'Giám sát việc thành lập và hoạt động của Ủy b'),
    ('Giám sát việc ban hành các văn bản chỉ đạo bầ', 'Việc ban hành các văn bản liên quan đến công '),
    ('Kiểm tra việc Ban CTMT xác minh các vụ việc d', 'Việc xác minh và trả lời các vụ việc mà cử tr'),
    ('Giám sát việc lập và niêm yết danh sách cử tr', 'Giám sát việc lập, niêm yết danh sách cử tri'),
    ('Giám sát việc giải quyết khiếu nại về danh sá', 'Việc giải quyết khiếu nại về danh sách cử tri'),
    ('Giám sát việc tổ chức lấy ý kiến cử tri nơi c', 'Kiểm tra, giám sát việc tổ chức lấy ý kiến cử'),
    ('Giám sát việc vận động bầu cử thông qua các h', 'Đảm bảo công bằng về số lượng các hội nghị ti'),
    ('Kiểm tra việc tham gia phụ trách các Tổ bầu c', 'Việc tham gia các tổ chức phụ trách bầu cử cá'),
    ('Kiểm tra việc tiếp nhận, xử lý, giải quyết đơ', 'Kiểm tra, giám sát việc tiếp nhận, xử lý, giả'),
    ('Giám sát việc niêm yết danh sách người ứng cử', 'Giám sát việc lập, niêm yết danh sách những n'),
    ('Giám sát hoạt động của các Tổ bầu cử: Việc bố', 'Việc bố trí khu vực bỏ phiếu, vị trí, khoảng '),
    ('Giám sát việc chấp hành nguyên tắc phổ thông,', 'Việc chấp hành nguyên tắc phổ thông, bình đẳn'),
    ('HÌNH THỨC KIỂM TRA, GIÁM SÁT', 'HÌNH THỨC KIỂM TRA, GIÁM SÁT'),
    ('Tham dự các hội nghị tiếp xúc cử tri để vận đ', 'Việc tổ chức hội nghị tiếp xúc cử tri cho nhữ'),
    ('Thông qua công tác tiếp công dân, tiếp nhận v', 'Thông qua tiếp công dân, tiếp nhận, xử lý đơn'),
    ('TỔ CHỨC THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN'),
    ('Chế độ báo cáo: Tổng hợp kết quả hoạt động ki', 'Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban '),
    ('Các tổ chức thành viên của Mặt trận Tổ quốc x', 'Các tổ chức thành viên của MTTQ Việt Nam phườ'),
    ('Kinh phí thực hiện: Kinh phí phục vụ công tác', 'Kinh phí phục vụ công tác kiểm tra, giám sát '),
]
# … and those that are not, known and said: the Lương Minh item watches the third conference
# that makes the official list, the Bắc Cam Ranh one the list as posted after it; the other
# is about attending the candidates' voter meetings, its counterpart about organising the
# workplace meetings. Each shares content above the floor with a different item.
WRONG_KTGS = [
    ('Giám sát việc tổ chức Hội nghị hiệp thương lầ', 'Đảm bảo danh sách chính thức những người ứng '),
    ('Trực tiếp tham dự các Hội nghị cử tri giới th', 'Tổ chức hội nghị lấy ý kiến nhận xét của cử t'),
]


@cache
def _plans(name: str) -> tuple[Plan, Plan]:
    child, parent = PAIRS[name]
    return import_file(shared(child)).plan, import_file(shared(parent)).plan


@cache
def _diff(name: str) -> PlanDiff:
    child, parent = _plans(name)
    return compare(child, parent)


def _aligned(diff: PlanDiff) -> list[tuple[str, str]]:
    return [
        (c.child.content(), c.parent.content())
        for c in diff.changes
        if c.child is not None and c.parent is not None and c.status is not Status.DROPPED
    ]


def _has(pairs: list[tuple[str, str]], child: str, parent: str) -> bool:
    return any(c.startswith(child) and p.startswith(parent) for c, p in pairs)


def test_the_floor_separates_the_hand_checked_pairs() -> None:
    scores: dict[bool, list[float]] = {True: [], False: []}
    for name, child_text, parent_text, same in CHECKED:
        child, parent = _plans(name)
        ps, cs = side(parent, False), side(child, True)
        run = scorer(ps, cs)  # the score the alignment itself uses
        c = next(i for i, t in enumerate(cs.text) if t.startswith(child_text))
        p = next(i for i, t in enumerate(ps.text) if t.startswith(parent_text))
        scores[same].append(run.score(p, c))
    for same, name in ((True, "same item"), (False, "other item")):
        values = sorted(scores[same])
        above = sum(v >= FLOOR for v in values)
        print(f"{name}: {len(values)} pairs, {above} at or above the floor {FLOOR}: "
              + " ".join(f"{v:.2f}" for v in values))
    true_above = sum(v >= FLOOR for v in scores[True]) / len(scores[True])
    false_above = sum(v >= FLOOR for v in scores[False]) / len(scores[False])
    # The floor keeps wrong claims rare (these are the hardest false pairs: each child item's
    # best-looking candidate) and still finds most true pairs.
    assert false_above <= 0.15 and true_above >= 0.6, (true_above, false_above)


def test_the_diff_claims_no_checked_false_pair_but_the_known_one() -> None:
    wrong, found = [], 0
    for name, child_text, parent_text, same in CHECKED:
        hit = _has(_aligned(_diff(name)), child_text, parent_text)
        found += hit and same
        if hit and not same:
            wrong.append(child_text)
    assert [w[:30] for w in wrong] == ["Giám sát việc tổ chức Hội nghị"]
    assert found >= 30, found


@pytest.mark.parametrize("name", list(PAIRS))
def test_no_pair_without_an_origin_under_the_floor(name: str) -> None:
    diff = _diff(name)
    for change in diff.changes:
        if change.parent is None or change.child is None or change.status is Status.DROPPED:
            continue
        assert change.basis is not Basis.NONE
        if change.basis is not Basis.ORIGIN:
            assert change.score >= FLOOR, (change.basis, change.score, change.child.content())
    s = diff.summary
    print(f"{name}: kept {s.kept}, adapted {s.adapted}, dropped {s.dropped}, added {s.added}, "
          f"moved {s.moved}, split {s.split}, merged {s.merged}")


@pytest.mark.parametrize("name", list(PAIRS))
def test_every_copied_item_is_aligned_never_dropped_and_added(name: str) -> None:
    diff = _diff(name)
    dropped = {fold(c.parent.content()) for c in diff.changes
               if c.status is Status.DROPPED and c.parent is not None}
    added = {fold(c.child.content()) for c in diff.changes
             if c.status is Status.ADDED and c.child is not None}
    assert not dropped & added
    child, parent = _plans(name)
    theirs = Counter(fold(i.content()) for i, _, _ in parent.walk())
    mine = Counter(fold(i.content()) for i, _, _ in child.walk())
    aligned = Counter(fold(c.child.content()) for c in diff.changes if c.child is not None
                      and c.status in (Status.KEPT, Status.ADAPTED))
    # A text the child repeats more often than the parent has it can be aligned only as often.
    short = {t: (aligned[t], mine[t], theirs[t]) for t in mine
             if t in theirs and aligned[t] < min(mine[t], theirs[t])}
    assert short == {}


def test_hand_checked_alignments_of_the_hiep_thuong_plan() -> None:
    pairs = _aligned(_diff("HiepThuong-KH16"))
    missing = [r for r in RIGHT_HIEPTHUONG if not _has(pairs, *r)]
    extra = [p for p in pairs if not any(p[0].startswith(c) and p[1].startswith(q)
                                         for c, q in RIGHT_HIEPTHUONG)]
    assert (missing, extra) == ([], [])


def test_hand_checked_alignments_of_the_sibling_supervision_plans() -> None:
    pairs = _aligned(_diff("KTGS"))
    missing = [r for r in RIGHT_KTGS if not _has(pairs, *r)]
    known = RIGHT_KTGS + WRONG_KTGS
    extra = [p for p in pairs if not any(p[0].startswith(c) and p[1].startswith(q)
                                         for c, q in known)]
    assert (missing, extra) == ([], [])


def test_perhaps_one_item_is_said_never_claimed_and_mostly_right() -> None:
    """A dropped and an added item below the floor that may be one item rewritten are named
    to each other ("xem lại"), not paired; of those the hand-checked list judges, most are
    one item."""
    judged = {True: 0, False: 0}
    for name in PAIRS:
        diff = _diff(name)
        child, parent = _plans(name)
        child_items = {i.id: i for i, _, _ in child.walk(True)}
        back = {c.child.id: c.maybe for c in diff.changes
                if c.status is Status.ADDED and c.child is not None}
        for change in diff.changes:
            if change.maybe is None:
                continue
            assert change.status in (Status.DROPPED, Status.ADDED)
            assert HINT <= change.maybe.score
            if change.status is not Status.DROPPED or change.parent is None:
                continue
            counterpart = back[change.maybe.id]  # the added item names this one back
            assert counterpart is not None and counterpart.id == change.parent.id
            child_text = child_items[change.maybe.id].content()
            for pair, c, p, same in CHECKED:
                if pair == name and child_text.startswith(c) and change.parent.content().startswith(p):
                    judged[same] += 1
        assert diff.summary.maybe == sum(
            1 for c in diff.changes if c.status is Status.DROPPED and c.maybe is not None)
    print(f"perhaps one item, judged: {judged[True]} right, {judged[False]} wrong")
    assert judged[True] >= 6 and judged[False] <= 3, judged
