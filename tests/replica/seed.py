"""The one real article we hold (shared/portal/seed-page.txt), verbatim."""

TITLE = (
    "HỘI NGHỊ TỔNG KẾT HOẠT ĐỘNG KH&CN NĂM 2017; TRIỂN KHAI NHIỆM VỤ NĂM 20"
    "18; TRIỂN KHAI NGHỊ QUYẾT SỐ 81/2017/NQ-HĐND, NGÀY 7/12/2017 CỦA HĐND "
    "TỈNH VỀ CHÍNH SÁCH KHUYẾN KHÍCH PHÁT TRIỂN KH&CN"
)
DATE = "31-01-2018"
AUTHOR = "Cao Thị Ngọc Hà"
ROLE = "TP. Quản lý Khoa học"
SLUG = "Hoi-nghi-tong-ket-hoat-dong-KHCN-nam-2017"
SUFFIX = "abc123"

PARAGRAPHS = [
    (
        "Ngày 19/01/2018, UBND tỉnh Thanh Hóa đã tổ chức Hội nghị Tổng kết hoạt động ngàn"
        "h Khoa học và Công nghệ năm 2017, triển khai nhiệm vụ năm 2018; Triển khai nghị "
        "quyết số 81/2017/NQ-HĐND, ngày 07/12/2017 của HĐND tỉnh về chính sách khuyến khí"
        "ch phát triển KH&CN; Chương trình hỗ trợ phát triển DN KH&CN và khởi nghiệp đổi "
        "mới sáng tạo tỉnh Thanh Hóa dưới sự chủ tọa của đồng chí Nguyễn Đức Quyền - Phó "
        "Chủ tịch Thường trực UBND tỉnh, Chủ tịch Hội đồng KH&CN tỉnh."
    ),
    (
        "Tham dự Hội nghị có đại diện lãnh đạo Vụ Phát triển KH&CN Địa phương - Bộ KH&CN;"
        " Các thành viên Hội đồng KH&CN tỉnh; Đại diện lãnh đạo: Ban Tuyên giáo; Văn phòn"
        "g tỉnh ủy; Văn phòng Đoàn Đại biểu Quốc hội tỉnh; Văn phòng HĐND tỉnh; Văn phòng"
        " UBND tỉnh; Đảng ủy Khối các cơ quan tỉnh; Liên hiệp các Hội KH&KT Thanh Hóa; Hi"
        "ệp hội Doanh nghiệp Thanh Hóa; Chi nhánh Phòng Thương mại và Công nghiệp Việt Na"
        "m tại Thanh Hóa; Đại diện lãnh đạo, Chủ tịch Hội đồng KH&CN và cán bộ theo dõi K"
        "H&CN các sở, ban, ngành cấp tỉnh; các huyện, thị xã, thành phố; Đại diện lãnh đạ"
        "o các trường đại học: Đại học Hồng Đức; Đại học Văn hóa, Thể thao và Du lịch; Ph"
        "ân viện Đại học Y Hà Nội; Đại diện các trường cao đẳng, các tổ chức KH&CN; Các d"
        "oanh nghiệp KH&CN và một số doanh nghiệp khác trên địa bàn tỉnh có đăng ký hoạt "
        "động KH&CN, UBND một số xã trên địa bàn tỉnh."
    ),
    (
        "Tại Hội nghị, Sở Khoa học và Công nghệ trình bày báo cáo cáo Tổng kết hoạt động "
        "KH&CN năm 2017, phương hướng nhiệm vụ năm 2018; Nghị quyết số 81/2017/NQ-HĐND, n"
        "gày 07/12/2017 của HĐND tỉnh về Chính sách khuyến khích phát triển KH&CN trở thà"
        "nh khâu đột phá trong phát triển kinh tế - xã hội tỉnh Thanh Hóa đến năm 2020; Q"
        "uyết định số 4892/QĐ-UBND ngày 18/12/2017 của Chủ tịch UBND tỉnh về việc phê duy"
        "ệt Chương trình hỗ trợ phát triển doanh nghiệp KH&CN và khởi nghiệp đổi mới sáng"
        " tạo tỉnh Thanh Hóa, giai đoạn 2017 - 2020."
    ),
    (
        "Phát biểu kết luận Hội nghị, đồng chí Nguyền Đức Quyền đánh giá cao đóng góp của"
        " hoạt động KH&CN đối với phát triển kinh tế - xã hội của tỉnh. Với việc xác định"
        " KH&CN là khâu đột phá trong phát triển kinh tế - xã hội, UBND tỉnh đã ban hành "
        "đồng bộ các đề án, kế hoạch, chương trình để triển khai thực hiện hoạt động KH&C"
        "N trên địa bàn tỉnh Thanh Hóa, đó là: Đề án phát triển KH&CN giai đoạn 2016 - 20"
        "20; Kế hoạch hành động thực hiện khâu đột phá về nâng cao năng lực nghiên cứu ứn"
        "g dụng và chuyển giao các tiến bộ KHKT phục vụ phát triển kinh tế - xã hội theo "
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII; Chương trình hỗ trợ phát triển tà"
        "i sản trí tuệ tỉnh Thanh Hóa giai đoạn 2016 - 2020; Chương trình hỗ trợ phát tri"
        "ển doanh nghiệp KH&CN và khởi nghiệp đổi mới sáng tạo tỉnh Thanh Hóa. Năm 2017 l"
        "à năm có nhiều thành tích nổi bật trong hoạt động KH&CN: Hoạt động KH&CN ở các n"
        "gành các huyện, thị xã, thành phố đã được triển khai mạnh mẽ, phục vụ trực tiếp "
        "cho phát triển kinh tế xã hội ở ngành, địa phương. Phong trào phát huy sáng kiến"
        " cải tiến kỹ thuật được nhân rộng. Ứng dụng khoa học và công nghệ ngày càng nhiề"
        "u hơn, hoạt động KH&CN đã đi sâu vào trong trong các lĩnh vực phát triển kinh tế"
        " - xã hội. Các nhiệm vụ KH&CN cấp quốc gia ngày tăng hơn nhiều so với các năm tr"
        "ước, thu hút được nguồn lực của các doanh nghiệp, các tổ chức, cá nhân trên địa "
        "bàn tỉnh cho hoạt động KH&CN. Hoạt động KH&CN đã được hoàn thiện về thể chế; đặc"
        " biệt là được HĐND tỉnh ban hành “Chính sách khuyến khích phát triển KH&CN trở t"
        "hành khâu đột phá trong phát triển kinh tế xã hội giai đoạn 2018 - 2020”. Bộ máy"
        " quản lý nhà nước về KH&CN được hoàn thiện và hoạt động ổn định. Tiềm lực KH&CN "
        "được nâng lên. Quản lý nhà nước về công nghệ, sở hữu trí tuệ, an toàn bức xạ, ti"
        "êu chuẩn đo lường chất lượng tiếp tục được tăng cường."
    ),
    (
        "Về nhiệm vụ năm 2018, đồng chí Nguyền Đức Quyền đề nghị Hội đồng KH&CN tỉnh; Sở "
        "KH&CN; Các sở, ngành, UBND các huyện, thị xã, thành phố tập trung vào các nội du"
        "ng: Đẩy mạnh nghiên cứu, ứng dụng và chuyển giao tiến bộ khoa học kỹ thuật trên "
        "tất cả các lĩnh vực để KH&CN thực sự nâng cao năng suất, hiệu quả trong sản xuất"
        ". Coi trọng thu hút các doanh nghiệp có năng lực, có hàm lượng KH&CN cao vào đầu"
        " tư trên địa bàn tỉnh Thanh Hóa tạo ra được những sản phẩm đột phá về KH&CN. Tiế"
        "p tục nâng cao năng lực KH&CN của tỉnh cả về cơ sở vật chất, nhân lực và vốn đầu"
        " tư, đặc biệt khuyến khích nguồn vốn xã hội hóa vào hoạt động KH&CN. Đặc biệt, t"
        "ích cực triển khai thực hiện Chính sách khuyến khích phát triển KH&CN trở thành "
        "khâu đột phá trong phát triển kinh tế - xã hội tỉnh Thanh Hóa. /."
    ),
]
