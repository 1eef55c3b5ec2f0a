"""prose's master page: an SP2010 shell (s4-ribbonrow, s4-workspace) around a three-column
layout of `div.khung` boxes — left "Tiêu điểm" (long teasers), "Video Clip", "HÌNH ẢNH HOẠT
ĐỘNG"; main column; under it "Các tin đã đăng ngày"; right "Tin mới"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from .prose import Prose

# (title, menu page, teaser): long prose teasers in a side box, no dates in them
TEASERS = [
    (
        "Chương trình hỗ trợ doanh nghiệp đổi mới công nghệ",
        "Gioi-thieu",
        "Sở Khoa học và Công nghệ tiếp tục hướng dẫn các doanh nghiệp trên địa bàn tỉnh xây"
        " dựng hồ sơ đề nghị hỗ trợ đổi mới công nghệ, ứng dụng tiến bộ kỹ thuật vào sản xuất,"
        " đăng ký bảo hộ quyền sở hữu trí tuệ và phát triển tài sản trí tuệ cho các sản phẩm"
        " chủ lực của địa phương...",
    ),
    (
        "Thủ tục hành chính lĩnh vực khoa học và công nghệ",
        "Thu-tuc-hanh-chinh",
        "Tổ chức, cá nhân có thể nộp hồ sơ và theo dõi kết quả giải quyết thủ tục hành chính"
        " về tiêu chuẩn đo lường chất lượng, an toàn bức xạ, chuyển giao công nghệ qua Trung"
        " tâm Phục vụ hành chính công tỉnh hoặc trực tuyến trên Cổng dịch vụ công...",
    ),
]


def page_layout(skin: Prose, ctx: Ctx, main: str) -> str:
    n = skin.names
    did = n["date_input"].replace("$", "_")
    menu = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.channels)
    menu += "".join(
        f'<li><a href="/portal/Pages/{s}.aspx">{esc(t)}</a></li>' for t, s in chrome.MENU_PAGES
    )
    teasers = "".join(
        f'<div class="tieudiem-item"><a class="tieudiem-title" href="/portal/Pages/{s}.aspx">'
        f'{esc(t)}</a><div class="tieudiem-sapo">{esc(x)}</div></div>'
        for t, s, x in TEASERS
    )
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}">{esc(t)}</a></li>' for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<li><a href="{full}" title="{esc(t)}"><img src="{th}" width="190" alt="{esc(t)}" />'
        "</a></li>"
        for t, full, th in chrome.gallery_items()
    )
    latest = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.latest)
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""

    def box(title: str, inner: str, cls: str = "") -> str:
        return (
            f'<div class="khung {cls}"><div class="khung-tieude"><span>{title}</span></div>'
            f'<div class="khung-noidung">{inner}</div></div>\n'
        )

    archive = box(
        "Các tin đã đăng ngày",
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="45" id="{did}" '
        'class="ms-input" /> '
        f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\'{did}\', '
        "'\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); return false;\">"
        '<img src="/_layouts/images/calendar.gif" border="0" alt="Chọn một ngày từ lịch." /></a> '
        f'<input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{n["archive_button"].replace("$", "_")}" class="btnXem" />',
        "khung-lichtin",
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" dir="ltr" lang="vi-VN"><head>'
        '<meta http-equiv="X-UA-Compatible" content="IE=8" />\n'
        + chrome.meta_charset(ctx)
        + f"<title>\n\t{esc(ctx.title)}\n</title>\n"
        + chrome.registered_scripts(skin.name)
        + '<link rel="stylesheet" type="text/css" href="/portal/Style%20Library/CongTTDT/'
        'prose.css" />\n</head>\n<body scroll="no" onload="javascript:_spBodyOnLoadWrapper();"'
        ' class="v4master">\n'
        f'<form name="aspnetForm" method="post" action="{esc(ctx.action)}" '
        'onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle"><div id="s4-ribboncont">'
        '<a href="javascript:;" onclick="javascript:this.href=\'#startNavigation\';" '
        'class="ms-skip" accesskey="J">Bỏ qua Lệnh Ruy-băng</a> '
        '<a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính</a></div></div>\n'
        '<div id="s4-workspace"><div id="s4-bodyContainer"><div class="trang">\n'
        '<div class="dau-trang"><div class="logo"><a href="/portal/Pages/default.aspx">'
        '<img src="/portal/Style%20Library/CongTTDT/logo.png" alt="" /></a>'
        '<div class="ten-don-vi">SỞ KHOA HỌC VÀ CÔNG NGHỆ<br />TỈNH THANH HÓA</div></div>'
        '<div class="tim-kiem">'
        f'<input type="text" name="{n["search_input"]}" class="ms-sbplain" title="Tìm kiếm" /> '
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" class="ms-sbgo" />'
        "</div></div>\n"
        '<div class="menu-ngang"><ul><li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>'
        f"{menu}</ul></div>\n"
        '<div class="than-trang"><div class="cot-trai">\n'
        + box("Tiêu điểm", teasers, "khung-tieudiem")
        + box("Video Clip", f"<ul>{videos}</ul>")
        + box("HÌNH ẢNH HOẠT ĐỘNG", f'<ul class="thuvienanh">{photos}</ul>')
        + '</div>\n<div class="cot-giua"><a name="mainContent"></a>\n'
        + main
        + "\n"
        + archive
        + '</div>\n<div class="cot-phai">'
        + box("Tin mới", f'<ul class="tinmoi">{latest}</ul>')
        + "</div></div>\n"
        '<div class="chan-trang"><p>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA'
        "</p><p>Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa</p>"
        f'<p class="dangnhap"><a href="{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a></p></div>\n'
        "</div></div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
    )
