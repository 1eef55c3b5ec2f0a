"""province's master page and static pages: a provincial government portal of the family
(thanhhoa.gov.vn, dienbien.gov.vn home portals) on an SP2010 shell (hidden `s4-ribbonrow`,
`s4-workspace`), HTML5 `header`/`nav`/`aside`/`footer` with classes `pv-*`.

The header holds the banner, a link to the English channel ("News") and the search box (its
"Tìm kiếm" submit the form's first). Under it a mega-menu (`nav.pv-megamenu`, drop-down panels
`div.mega-panel` of columns) links some twenty static pages of `/portal/Pages/` and
`/portal/SitePages/`, the "Tin tức" hub page (a page of links to its four sub-channels, no
article of its own) and the channels. The main column comes first in the source, then the side
column `aside.pv-sidebar`, on every page (static pages too): "Tin mới", "Tin đọc nhiều" (the same
articles on every page, with view counts), "Các tin đã đăng ngày" (the archive form), "Video
Clip", "HÌNH ẢNH HOẠT ĐỘNG", "Liên kết website". The footer repeats the whole menu as a site map
(`div.pv-sitemap`), then the publisher's notice and "ĐĂNG NHẬP"."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from ..site import Site
    from .base import Skin

PORTAL = "Cổng thông tin điện tử tỉnh Thanh Hóa"
HOME = "/portal/Pages/default.aspx"
HUB = "/portal/Pages/Tin-tuc.aspx"  # "Tin tức": links to its sub-channels, lists no article
IMAGES = "/portal/images"
NO_PHOTO = f"{IMAGES}/no-image.jpg"
LINKS = [
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Báo Thanh Hóa", "https://baothanhhoa.vn"),
]


def page(slug: str) -> str:
    return f"/portal/Pages/{slug}.aspx"


def site_page(slug: str) -> str:
    return f"/portal/SitePages/{slug}.aspx"


# -- static pages: (title, path) -----------------------------------------------------------------
ABOUT = [
    ("Giới thiệu chung", page("Gioi-thieu-chung")),
    ("Lịch sử hình thành", page("Lich-su-hinh-thanh")),
    ("Điều kiện tự nhiên", page("Dieu-kien-tu-nhien")),
    ("Đơn vị hành chính", page("Don-vi-hanh-chinh")),
]
APPARATUS = [
    ("Sơ đồ tổ chức", page("So-do-to-chuc")),
    ("Lãnh đạo tỉnh", page("Lanh-dao-tinh")),
    ("Danh bạ điện thoại", page("Danh-ba-dien-thoai")),
]
LEADERS = [  # (name, office, biography path, born)
    (
        "Trịnh Văn Sơn",
        "Chủ tịch Ủy ban nhân dân tỉnh",
        site_page("Tieu-su-Chu-tich-UBND-tinh"),
        "15/06/1970",
    ),
    (
        "Mai Xuân Hùng",
        "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh",
        site_page("Tieu-su-Pho-Chu-tich-Thuong-truc"),
        "02/09/1972",
    ),
    (
        "Cao Thị Lan",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        site_page("Tieu-su-Pho-Chu-tich-UBND-tinh"),
        "21/11/1975",
    ),
]
GOVERNMENT = [
    ("Lịch công tác", page("Lich-cong-tac")),
    ("Văn bản chỉ đạo điều hành", page("Van-ban-chi-dao-dieu-hanh")),
    ("Thủ tục hành chính", site_page("Thu-tuc-hanh-chinh")),
    ("Quy hoạch - Kế hoạch", site_page("Quy-hoach-ke-hoach")),
]
LIBRARY = [("Thư viện ảnh", page("Thu-vien-anh")), ("Video", page("Video"))]
CONTACT = [
    ("Hỏi đáp", site_page("Hoi-dap")),
    ("Liên hệ", site_page("Lien-he")),
    ("Tìm kiếm", site_page("Tim-kiem")),
    ("Sơ đồ cổng", site_page("So-do-cong")),
]

# the hub's sub-channels (by slug) and their one-line descriptions
HUB_CHANNELS = {
    "Tin-trong-tinh": "Tin tức, sự kiện nổi bật trên địa bàn tỉnh.",
    "Tin-trong-nuoc": "Thông tin thời sự trong nước liên quan đến tỉnh.",
    "Hoat-dong-lanh-dao": "Hoạt động của Thường trực Tỉnh ủy, HĐND và lãnh đạo UBND tỉnh.",
    "Thong-bao": "Thông báo của Ủy ban nhân dân tỉnh và các sở, ngành.",
}

_P = 'style="text-align: justify;"'
INTRO = [
    "Thanh Hóa là tỉnh cực Bắc miền Trung, cách Thủ đô Hà Nội 150 km về phía Nam, có diện tích"
    " tự nhiên 11.114,7 km² và dân số hơn 3,7 triệu người, đứng thứ ba cả nước. Tỉnh có 26 đơn"
    " vị hành chính cấp huyện với ba vùng sinh thái: miền núi, đồng bằng và ven biển.",
    "Tỉnh có vị trí chiến lược, là cầu nối giữa vùng Bắc Bộ với vùng Bắc Trung Bộ, có hệ thống"
    " giao thông thuận lợi gồm đường sắt Bắc - Nam, quốc lộ 1A, đường Hồ Chí Minh, cảng biển"
    " nước sâu Nghi Sơn và Cảng hàng không Thọ Xuân.",
    "Với tiềm năng lớn về đất đai, tài nguyên, nguồn nhân lực và truyền thống văn hóa, Thanh"
    " Hóa đang phấn đấu trở thành tỉnh khá, một cực tăng trưởng mới của khu vực phía Bắc.",
]
HISTORY = [
    "Vùng đất Thanh Hóa có lịch sử hình thành từ rất sớm, là một trong những cái nôi của người"
    " Việt cổ với các nền văn hóa Núi Đọ, Đa Bút, Hoa Lộc và Đông Sơn.",
    "Dưới thời Lý, vùng đất này có tên là phủ Thanh Hóa; năm 1831, dưới triều vua Minh Mạng,"
    " trấn Thanh Hóa được đổi thành tỉnh Thanh Hóa, tên gọi được giữ cho đến ngày nay.",
    "Trong các cuộc kháng chiến bảo vệ Tổ quốc, Thanh Hóa là hậu phương vững chắc, nơi có"
    " Hàm Rồng - biểu tượng của ý chí kiên cường của quân và dân cả nước.",
]
NATURE = [
    "Địa hình Thanh Hóa nghiêng dần từ Tây Bắc xuống Đông Nam; vùng đồi núi chiếm gần ba phần"
    " tư diện tích, đồng bằng rộng thứ ba cả nước, bờ biển dài hơn 100 km.",
    "Khí hậu nhiệt đới gió mùa với mùa hè nóng, mưa nhiều và mùa đông lạnh, ít mưa; nhiệt độ"
    " trung bình năm khoảng 23 - 24 độ C, lượng mưa trung bình 1.600 - 2.300 mm.",
]
DISTRICTS = [
    ("Thành phố Thanh Hóa", "146,77", "Thành phố"),
    ("Thành phố Sầm Sơn", "44,94", "Thành phố"),
    ("Thị xã Bỉm Sơn", "66,88", "Thị xã"),
    ("Thị xã Nghi Sơn", "455,61", "Thị xã"),
    ("Huyện Quảng Xương", "170,00", "Huyện"),
    ("Huyện Hoằng Hóa", "202,99", "Huyện"),
    ("Huyện Ngọc Lặc", "495,62", "Huyện"),
    ("Huyện Mường Lát", "814,61", "Huyện miền núi"),
]
ORG = [
    ("Tỉnh ủy Thanh Hóa", "Cơ quan lãnh đạo của Đảng bộ tỉnh"),
    ("Hội đồng nhân dân tỉnh", "Cơ quan quyền lực nhà nước ở địa phương"),
    ("Ủy ban nhân dân tỉnh", "Cơ quan hành chính nhà nước ở địa phương"),
    ("Các sở, ban, ngành", "20 cơ quan chuyên môn thuộc UBND tỉnh"),
    ("UBND các huyện, thị xã, thành phố", "26 đơn vị hành chính cấp huyện"),
]
PHONES = [
    ("Văn phòng UBND tỉnh", "(0237) 3 852 202", "vpubnd@thanhhoa.gov.vn"),
    ("Sở Kế hoạch và Đầu tư", "(0237) 3 852 366", "skhdt@thanhhoa.gov.vn"),
    ("Sở Khoa học và Công nghệ", "(0237) 3 852 384", "skhcn@thanhhoa.gov.vn"),
    ("Sở Thông tin và Truyền thông", "(0237) 3 712 512", "stttt@thanhhoa.gov.vn"),
    ("Sở Văn hóa, Thể thao và Du lịch", "(0237) 3 852 476", "svhttdl@thanhhoa.gov.vn"),
]
SCHEDULE = [  # a week of the leaders' schedule: full dates, yet no article
    ("Thứ Hai, 26/10/2026", "Chủ tịch UBND tỉnh dự họp giao ban tuần.", "Làm việc tại trụ sở."),
    (
        "Thứ Ba, 27/10/2026",
        "Phó Chủ tịch Thường trực kiểm tra tiến độ dự án tại thị xã Nghi Sơn.",
        "Họp Ban Chỉ đạo chuyển đổi số tỉnh.",
    ),
    (
        "Thứ Tư, 28/10/2026",
        "Chủ tịch UBND tỉnh tiếp công dân định kỳ.",
        "Phó Chủ tịch UBND tỉnh làm việc với Sở Y tế.",
    ),
    (
        "Thứ Năm, 29/10/2026",
        "Phiên họp thường kỳ tháng 10 của UBND tỉnh.",
        "Tiếp tục phiên họp thường kỳ.",
    ),
    (
        "Thứ Sáu, 30/10/2026",
        "Lãnh đạo tỉnh dự Hội nghị xúc tiến đầu tư tại Hà Nội.",
        "Làm việc tại trụ sở.",
    ),
]
DOCUMENTS = [  # (number, date, gist, file name) of the document library
    ("3958/QĐ-UBND", "12/10/2026", "Phê duyệt kế hoạch chuyển đổi số tỉnh năm 2027", "QD-3958"),
    ("3871/QĐ-UBND", "05/10/2026", "Ban hành quy chế quản lý cụm công nghiệp", "QD-3871"),
    ("212/KH-UBND", "28/09/2026", "Kế hoạch phòng, chống thiên tai năm 2026-2027", "KH-212"),
    ("15/CT-UBND", "21/09/2026", "Chỉ thị tăng cường công tác quản lý đất đai", "CT-15"),
    ("3544/QĐ-UBND", "14/09/2026", "Công bố danh mục thủ tục hành chính mới", "QD-3544"),
    ("198/KH-UBND", "08/09/2026", "Kế hoạch phát triển du lịch biển năm 2027", "KH-198"),
    ("14/CT-UBND", "30/08/2026", "Chỉ thị đẩy mạnh giải ngân vốn đầu tư công", "CT-14"),
    (
        "3320/QĐ-UBND",
        "22/08/2026",
        "Phê duyệt đề án phát triển nông nghiệp công nghệ cao",
        "QD-3320",
    ),
]
PHOTOS = [  # (caption, month folder, file)
    ("Toàn cảnh thành phố Thanh Hóa nhìn từ trên cao", "2026-09", "a41c9e07d2b358f61a_anh.jpg"),
    ("Khu kinh tế Nghi Sơn về đêm", "2026-09", "5be27f0c13a9d84e6b_anh.jpg"),
    ("Bãi biển Sầm Sơn mùa du lịch", "2026-08", "c90d1f6e2a47b83c5d_anh.jpg"),
    ("Lễ hội Lam Kinh năm 2026", "2026-08", "7e3a5c1b9d02f46e8a_anh.jpg"),
    ("Thành nhà Hồ - Di sản văn hóa thế giới", "2026-07", "2f8b6d4e0c19a75b3c_anh.jpg"),
    ("Ruộng bậc thang Pù Luông", "2026-07", "9a1e3c5f7b20d64e8f_anh.jpg"),
]
VIDEOS = [
    ("Thanh Hóa - Vùng đất địa linh nhân kiệt", "Thanh-Hoa-dia-linh-nhan-kiet", "15/10/2026"),
    ("Tiềm năng du lịch xứ Thanh", "Tiem-nang-du-lich-xu-Thanh", "02/10/2026"),
    ("Khu kinh tế Nghi Sơn - Động lực tăng trưởng", "KKT-Nghi-Son", "20/09/2026"),
    *((t, s, "05/09/2026") for t, s in chrome.VIDEOS),
]
FAQ = [
    (
        "Tôi muốn tra cứu thủ tục cấp giấy phép xây dựng thì xem ở đâu?",
        "Ông/bà truy cập mục Thủ tục hành chính trên Cổng thông tin điện tử tỉnh hoặc Cổng dịch"
        " vụ công quốc gia để tra cứu thành phần hồ sơ, thời hạn giải quyết và lệ phí.",
    ),
    (
        "Làm thế nào để gửi phản ánh, kiến nghị đến Ủy ban nhân dân tỉnh?",
        "Người dân có thể gửi phản ánh qua mục Liên hệ, qua đường dây nóng hoặc gửi văn bản trực"
        " tiếp đến Bộ phận tiếp nhận và trả kết quả của Văn phòng UBND tỉnh.",
    ),
    (
        "Lịch tiếp công dân của lãnh đạo tỉnh được công bố ở đâu?",
        "Lịch tiếp công dân định kỳ được đăng tại mục Lịch công tác và niêm yết tại Trụ sở tiếp"
        " công dân tỉnh.",
    ),
]
PROCEDURES = [
    ("Lĩnh vực đầu tư", "Cấp quyết định chủ trương đầu tư; điều chỉnh dự án đầu tư."),
    ("Lĩnh vực đất đai", "Giao đất, cho thuê đất; chuyển mục đích sử dụng đất."),
    ("Lĩnh vực xây dựng", "Cấp giấy phép xây dựng; thẩm định thiết kế cơ sở."),
    ("Lĩnh vực khoa học và công nghệ", "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ."),
]
PLANNING = [
    "Quy hoạch tỉnh Thanh Hóa thời kỳ 2021 - 2030, tầm nhìn đến năm 2045 xác định bốn vùng kinh"
    " tế, ba hành lang kinh tế và sáu trung tâm động lực tăng trưởng.",
    "Kế hoạch phát triển kinh tế - xã hội 5 năm đặt mục tiêu tốc độ tăng trưởng bình quân trên"
    " 11% mỗi năm, thu nhập bình quân đầu người đạt 5.000 USD vào năm 2030.",
]


def _paras(texts: list[str]) -> str:
    return "\n".join(f"<p {_P}>{esc(t)}</p>" for t in texts)


def _table(head: list[str], rows: list[list[str]]) -> str:
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (
        f'<table class="pv-table" border="1" cellspacing="0" width="100%"><thead><tr>{th}</tr>'
        f"</thead><tbody>{trs}</tbody></table>"
    )


def _bio(name: str, office: str, born: str) -> str:
    k = zlib.crc32(name.encode())
    start = 2000 + k % 6
    return _table(
        ["Thông tin", "Nội dung"],
        [
            ["Họ và tên", esc(name)],
            ["Ngày sinh", born],
            ["Quê quán", "Tỉnh Thanh Hóa"],
            ["Trình độ", "Tiến sĩ Kinh tế; Cao cấp lý luận chính trị"],
            ["Chức vụ hiện nay", esc(office)],
        ],
    ) + _paras(
        [
            f"Từ 01/{start} đến 12/{start + 5}: công tác tại Văn phòng Ủy ban nhân dân tỉnh.",
            f"Từ 01/{start + 6} đến 06/{start + 12}: giữ các chức vụ lãnh đạo cấp sở, cấp huyện.",
            f"Từ 07/{start + 12} đến nay: {office}.",
        ]
    )


def _statics() -> dict[str, tuple[str, str]]:
    """Lower-cased path → (title, inner HTML) of every static page."""
    pages: dict[str, tuple[str, str]] = {}

    def add(path: str, title: str, inner: str) -> None:
        pages[path.lower()] = (title, inner)

    add(page("Gioi-thieu-chung"), "Giới thiệu chung", _paras(INTRO))
    add(page("Lich-su-hinh-thanh"), "Lịch sử hình thành", _paras(HISTORY))
    add(
        page("Dieu-kien-tu-nhien"),
        "Điều kiện tự nhiên",
        '<p style="text-align: center;"><img src="/portal/Photos/2026-07/'
        '3d7a1f9c0e5b264d8e_bando.jpg" alt="Bản đồ hành chính tỉnh Thanh Hóa" /></p>'
        + _paras(NATURE),
    )
    add(
        page("Don-vi-hanh-chinh"),
        "Đơn vị hành chính",
        _table(
            ["TT", "Đơn vị", "Diện tích (km²)", "Loại"],
            [[str(i + 1), esc(n), a, esc(k)] for i, (n, a, k) in enumerate(DISTRICTS)],
        ),
    )
    add(
        page("So-do-to-chuc"),
        "Sơ đồ tổ chức",
        '<p style="text-align: center;"><img src="/portal/Photos/2026-07/'
        '6c2e8a0f4b1d937e5a_sodo.jpg" alt="Sơ đồ tổ chức" /></p>'
        + _table(["Cơ quan", "Chức năng"], [[esc(u), esc(w)] for u, w in ORG]),
    )
    leaders = "".join(
        f'<div class="pv-leader"><img src="{IMAGES}/leader-{i + 1}.jpg" alt="{esc(n)}" />'
        f'<div class="pv-leader-name"><a href="{bio}">{esc(n)}</a></div>'
        f'<div class="pv-leader-office">{esc(o)}</div></div>'
        for i, (n, o, bio, _) in enumerate(LEADERS)
    )
    add(page("Lanh-dao-tinh"), "Lãnh đạo tỉnh", f'<div class="pv-leaders">{leaders}</div>')
    for n, o, bio, born in LEADERS:
        add(bio, f"Tiểu sử đồng chí {n}", _bio(n, o, born))
    add(
        page("Danh-ba-dien-thoai"),
        "Danh bạ điện thoại",
        _table(
            ["Cơ quan", "Điện thoại", "Thư điện tử"],
            [[esc(a), p, f'<a href="mailto:{m}">{m}</a>'] for a, p, m in PHONES],
        ),
    )
    add(
        page("Lich-cong-tac"),
        "Lịch công tác",
        "<p><strong>Lịch công tác tuần 44 (từ ngày 26/10/2026 đến ngày 01/11/2026) của lãnh đạo"
        " Ủy ban nhân dân tỉnh</strong></p>"
        + _table(["Ngày", "Buổi sáng", "Buổi chiều"], [[d, esc(m), esc(a)] for d, m, a in SCHEDULE])
        + "<p><em>Lịch có thể thay đổi; đề nghị các đơn vị theo dõi thường xuyên.</em></p>",
    )
    add(
        page("Van-ban-chi-dao-dieu-hanh"),
        "Văn bản chỉ đạo điều hành",
        _table(
            ["Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tải về"],
            [
                [
                    n,
                    d,
                    esc(g),
                    f'<a href="/portal/VanBan/{d[6:]}-{d[3:5]}/{f}.pdf" target="_blank">'
                    f'<img src="{IMAGES}/icon-pdf.png" alt="" /> {f}.pdf</a>',
                ]
                for n, d, g, f in DOCUMENTS
            ],
        ),
    )
    photos = "".join(
        f'<div class="pv-photo"><a href="/portal/Photos/{m}/{f}" title="{esc(t)}">'
        f'<img src="/portal/Photos/{m}/_w/{f}" alt="{esc(t)}" /></a><span>{esc(t)}</span></div>'
        for t, m, f in PHOTOS
    )
    add(page("Thu-vien-anh"), "Thư viện ảnh", f'<div class="pv-gallery">{photos}</div>')
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}"><img src="{IMAGES}/video-play.png" alt="" /> '
        f"{esc(t)}</a> <span>({d})</span></li>"
        for t, s, d in VIDEOS
    )
    add(page("Video"), "Video", f'<ul class="pv-videos">{videos}</ul>')
    add(
        site_page("Thu-tuc-hanh-chinh"),
        "Thủ tục hành chính",
        _table(["Lĩnh vực", "Thủ tục tiêu biểu"], [[esc(a), esc(b)] for a, b in PROCEDURES])
        + '<p>Tra cứu đầy đủ tại <a href="https://dichvucong.gov.vn">Cổng dịch vụ công quốc'
        " gia</a>.</p>",
    )
    add(site_page("Quy-hoach-ke-hoach"), "Quy hoạch - Kế hoạch", _paras(PLANNING))
    faq = "".join(
        f'<div class="pv-faq"><p class="pv-faq-q"><strong>Hỏi:</strong> {esc(q)}</p>'
        f'<p class="pv-faq-a"><strong>Trả lời:</strong> {esc(a)}</p></div>'
        for q, a in FAQ
    )
    add(site_page("Hoi-dap"), "Hỏi đáp", faq)
    form = "ctl00$PlaceHolderMain$ucLienHe"
    add(
        site_page("Lien-he"),
        "Liên hệ",
        "<p><strong>VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH THANH HÓA</strong></p>"
        "<p>Địa chỉ: Số 35 Đại lộ Lê Lợi, phường Lam Sơn, thành phố Thanh Hóa</p>"
        "<p>Điện thoại: (0237) 3 852 202 - Email: vpubnd@thanhhoa.gov.vn</p>"
        f'<div class="pv-contact-form"><p>Họ và tên: <input name="{form}$txtHoTen" type="text" />'
        f'</p><p>Email: <input name="{form}$txtEmail" type="text" /></p><p>Nội dung: <textarea '
        f'name="{form}$txtNoiDung" rows="5" cols="50"></textarea></p>'
        f'<input type="submit" name="{form}$btnGui" value="Gửi" /></div>',
    )
    add(
        site_page("Tim-kiem"),
        "Tìm kiếm",
        "<p>Nhập từ khóa vào ô tìm kiếm ở đầu trang rồi bấm “Tìm kiếm”. Có thể tìm theo tiêu đề"
        " tin bài; kết quả được sắp xếp theo thời gian đăng.</p>",
    )
    return pages


STATICS = _statics()


def _menu() -> list[tuple[str, str, list[tuple[str, list[tuple[str, str]]]]]]:
    """The mega-menu: (label, href, panel columns of (heading, links))."""
    return [
        ("Trang chủ", HOME, []),
        ("Giới thiệu", ABOUT[0][1], [("Tổng quan", ABOUT), ("Bộ máy", APPARATUS)]),
        ("Tin tức", HUB, [("Chuyên mục", [])]),  # filled with the hub's sub-channels
        ("Kinh tế", page("Chuyen-muc-1"), []),
        ("Văn hóa - Xã hội", page("Chuyen-muc-2"), []),
        ("Chính quyền", GOVERNMENT[0][1], [("Chỉ đạo điều hành", GOVERNMENT)]),
        ("Thư viện", LIBRARY[0][1], [("Đa phương tiện", LIBRARY)]),
        ("Hỏi đáp", CONTACT[0][1], [("Hỗ trợ", CONTACT)]),
    ]


def _hub_links(skin: Skin) -> list[tuple[str, str]]:
    return [(c.name, c.path) for c in skin.channels if c.slug in HUB_CHANNELS]


def hub_page(skin: Skin) -> tuple[str, str]:
    """ "Tin tức": a page of links to its sub-channels (each a real channel), no article."""
    cards = "".join(
        f'<div class="pv-cat-card"><h3 class="pv-cat-name"><a href="{c.path}">{esc(c.name)}</a>'
        f'</h3><p>{esc(HUB_CHANNELS[c.slug])}</p><a class="pv-more" href="{c.path}">Xem tất cả'
        " »</a></div>"
        for c in skin.channels
        if c.slug in HUB_CHANNELS
    )
    return "Tin tức", _page("Tin tức", f'<div class="pv-cat-cards">{cards}</div>')


def _page(title: str, inner: str) -> str:
    return (
        f'<div class="pv-page"><div class="pv-breadcrumb"><a href="{HOME}">Trang chủ</a> » '
        f'<span>{esc(title)}</span></div><h1 class="pv-page-title">{esc(title)}</h1>'
        f'<div class="pv-page-content">{inner}</div></div>'
    )


def static_page(skin: Skin, path_low: str) -> tuple[str, str] | None:
    """(title, main) of a static page: its title and content; no article listed."""
    if path_low == HUB.lower():
        return hub_page(skin)
    if path_low == site_page("So-do-cong").lower():
        return "Sơ đồ cổng", _page("Sơ đồ cổng", _sitemap(skin, "pv-sitemap-page"))
    found = STATICS.get(path_low)
    if found is None:
        return None
    return found[0], _page(*found)


# -- the master page ------------------------------------------------------------------------------
def _columns(skin: Skin, label: str, cols: list) -> list[tuple[str, list[tuple[str, str]]]]:
    if label == "Tin tức":
        return [("Chuyên mục", _hub_links(skin))]
    return cols


def _megamenu(skin: Skin) -> str:
    items = []
    for label, href, cols in _menu():
        panel = ""
        if cols:
            panel = '<div class="mega-panel"><div class="mega-row">' + "".join(
                f'<div class="mega-col"><h4 class="mega-heading">{esc(h)}</h4><ul>'
                + "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in links)
                + "</ul></div>"
                for h, links in _columns(skin, label, cols)
            )
            panel += "</div></div>"
        cls = "mega-item has-panel" if panel else "mega-item"
        items.append(
            f'<li class="{cls}"><a class="mega-link" href="{href}">{esc(label)}</a>{panel}</li>'
        )
    return (
        '<nav class="pv-megamenu" role="navigation"><ul class="mega-root">'
        + "".join(items)
        + "</ul></nav>"
    )


def _sitemap(skin: Skin, cls: str) -> str:
    cols = []
    for label, href, panel in _menu()[1:]:
        links = [(t, u) for _, ls in _columns(skin, label, panel) for t, u in ls]
        if not links:
            links = [(label, href)]
        elif href not in {u for _, u in links}:
            links.insert(0, (label, href))
        cols.append(
            f'<div class="pv-sitemap-col"><h5>{esc(label)}</h5><ul>'
            + "".join(f'<li><a href="{u}">{esc(t)}</a></li>' for t, u in links)
            + "</ul></div>"
        )
    english = next(c for c in skin.channels if c.path.startswith("/en/"))
    cols.append(
        f'<div class="pv-sitemap-col"><h5>English</h5><ul><li><a href="{english.path}">'
        f"{esc(english.name)}</a></li></ul></div>"
    )
    return f'<div class="{cls}">{"".join(cols)}</div>'


def _views(key: str) -> str:
    return f"{100 + zlib.crc32(key.encode()) % 9900:,}".replace(",", ".")


_POPULAR: dict[tuple, list[tuple[str, str, str]]] = {}


def popular(site: Site | None) -> list[tuple[str, str, str]]:
    """ "Tin đọc nhiều": (path, title, views) — the 7th to 12th newest listed articles, most
    viewed first; the same on every page of a site state."""
    if site is None:
        return []
    key = (id(site), len(site.articles), site.published_count)
    if key not in _POPULAR:
        listed = sorted(
            (a for a in site.articles if a.channels and "unreadable" not in a.flags),
            key=lambda a: (a.published, a.idx),
            reverse=True,
        )[6:12]
        rows = [(a.path, a.title, _views(a.path)) for a in listed]
        rows.sort(key=lambda r: int(r[2].replace(".", "")), reverse=True)
        if len(_POPULAR) > 64:
            _POPULAR.clear()
        _POPULAR[key] = rows
    return _POPULAR[key]


def _box(title: str, inner: str, cls: str = "") -> str:
    return (
        f'<div class="pv-box {cls}"><div class="pv-box-title"><span>{esc(title)}</span></div>'
        f'<div class="pv-box-body">{inner}</div></div>'
    )


def _archive(skin: Skin, ctx: Ctx) -> str:
    n = skin.names
    did = n["date_input"].replace("$", "_")
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    return _box(
        "Các tin đã đăng ngày",
        '<div class="pv-archive"><span class="ms-dtinput">'
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="45" id="{did}" '
        'class="ms-input" placeholder="dd/mm/yyyy" /></span><span class="ms-dtinput">'
        f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\'{did}\', '
        "'\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); return false;\">"
        '<img src="/_layouts/images/calendar.gif" border="0" alt="Chọn một ngày từ lịch." />'
        f'</a></span><input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{n["archive_button"].replace("$", "_")}" class="pv-btn" /></div>',
        "pv-box-archive",
    )


def _sidebar(skin: Skin, ctx: Ctx) -> str:
    latest = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.latest)
    hot = "".join(
        f'<li><span class="pv-rank">{i + 1}</span><a href="{p}">{esc(t)}</a>'
        f'<span class="pv-views">{v} lượt xem</span></li>'
        for i, (p, t, v) in enumerate(popular(ctx.extra.get("site")))
    )
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}">{esc(t)}</a></li>' for t, s, _ in VIDEOS[:3]
    )
    photos = "".join(
        f'<a href="{full}" title="{esc(t)}"><img src="{th}" width="280" alt="{esc(t)}" /></a>'
        for t, full, th in chrome.gallery_items()
    )
    links = "".join(f'<option value="{u}">{esc(t)}</option>' for t, u in LINKS)
    return (
        '<aside class="pv-sidebar">'
        + _box("Tin mới", f'<ul class="pv-list-latest">{latest}</ul>', "pv-box-latest")
        + _box("Tin đọc nhiều", f'<ol class="pv-list-hot">{hot}</ol>', "pv-box-hot")
        + _archive(skin, ctx)
        + _box("Video Clip", f'<ul class="pv-list-video">{videos}</ul>')
        + _box("HÌNH ẢNH HOẠT ĐỘNG", f'<div class="pv-side-gallery">{photos}</div>')
        + _box(
            "Liên kết website",
            '<select class="pv-weblinks" onchange="if(this.value!=\'\')window.open(this.value);">'
            f'<option value="">-- Chọn liên kết --</option>{links}</select>',
        )
        + "</aside>"
    )


def _header(skin: Skin) -> str:
    n = skin.names
    english = next(c for c in skin.channels if c.path.startswith("/en/"))
    return (
        '<header class="pv-header"><div class="pv-topbar"><a href="'
        f'{site_page("So-do-cong")}">Sơ đồ cổng</a> | <a href="{site_page("Lien-he")}">Liên hệ'
        f'</a> | <a class="pv-lang" href="{english.path}" title="English version"><img src="'
        f'{IMAGES}/flag-en.png" alt="" /> {esc(english.name)}</a></div>'
        f'<div class="pv-banner"><a href="{HOME}"><img src="{IMAGES}/banner.jpg" alt="{PORTAL}" />'
        '</a></div><div class="pv-search">'
        f'<input name="{n["search_input"]}" type="text" maxlength="255" '
        f'id="{n["search_input"].replace("$", "_")}" class="pv-search-box" '
        'placeholder="Nhập từ khóa..." /> '
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        'class="pv-search-btn" /></div></header>\n'
    )


def _footer(skin: Skin, ctx: Ctx) -> str:
    return (
        '<footer class="pv-footer">'
        + _sitemap(skin, "pv-sitemap")
        + '<div class="pv-footer-info"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THANH HÓA</strong>'
        "</p><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Thanh Hóa</p><p>Địa chỉ: Số 35 Đại lộ Lê"
        " Lợi, phường Lam Sơn, thành phố Thanh Hóa. Điện thoại: (0237) 3 852 202</p>"
        "<p>Ghi rõ nguồn “Cổng thông tin điện tử tỉnh Thanh Hóa” khi phát hành lại thông tin từ"
        " website này.</p></div>"
        f'<div class="pv-login"><a href="{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a></div>'
        "</footer>\n"
    )


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    """The whole page around *main*."""
    view = ctx.extra.get("article")
    og = f'<meta property="og:title" content="{view.title}" />\n' if view and view.title else ""
    return (
        '<!DOCTYPE html>\n<html lang="vi" dir="ltr"><head>'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge" />\n'
        + chrome.meta_charset(ctx)
        + '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        + f"<title>{esc(ctx.title)} - {PORTAL}</title>\n"
        + og
        + '<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/province/css/'
        'province.css" />\n'
        + chrome.registered_scripts(skin.name)
        + '</head>\n<body class="v4master pv-body">\n'
        f'<form method="post" action="{esc(ctx.action)}" '
        'onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle" style="display:none">'
        '<div id="s4-ribboncont"><a href="javascript:;" class="ms-skip" accesskey="J">'
        'Bỏ qua Lệnh Ruy-băng</a> <a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính'
        '</a></div></div>\n<div id="s4-workspace"><div id="s4-bodyContainer" class="pv-wrap">\n'
        + _header(skin)
        + _megamenu(skin)
        + '\n<div class="pv-container"><main class="pv-main" id="mainContent">\n'
        + main
        + "\n</main>\n"
        + _sidebar(skin, ctx)
        + "</div>\n"
        + _footer(skin, ctx)
        + "</div></div>\n"
        + chrome.hidden_bottom(ctx)
        + "</form></body></html>\n"
    )
