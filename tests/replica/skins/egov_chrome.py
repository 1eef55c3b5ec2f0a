"""egov's master page: a Bootstrap 3 theme on SharePoint 2010 (hidden s4-ribbonrow, s4-workspace),
HTML5 sectioning (`header`/`nav`/`main`/`aside`/`footer`), the site name in the only `<h1>`,
channels in a "Tin tức - Sự kiện" dropdown, a left column of `div.sidebar-widget` boxes
("Các tin đã đăng ngày" with a channel filter, "Tin đọc nhiều" with view counts, a wordy
"Giới thiệu chung"), the main column, a right column ("Tin mới", "Video Clip", "HÌNH ẢNH HOẠT
ĐỘNG", "Liên kết website" as plain off-site links) and a footer carrying "ĐĂNG NHẬP"."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from ..model import CHANNELS
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

STYLE = "/portal/Style%20Library/egov"
LINKS = [
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://www.most.gov.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Hệ thống thông tin giải quyết TTHC tỉnh", "https://dichvucong.thanhhoa.gov.vn"),
]
ABOUT = (
    "Sở Khoa học và Công nghệ tỉnh Thanh Hóa là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có"
    " chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về khoa học và công nghệ, bao"
    " gồm: hoạt động khoa học và công nghệ; phát triển tiềm lực khoa học và công nghệ; tiêu chuẩn,"
    " đo lường, chất lượng; sở hữu trí tuệ; ứng dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và"
    " hạt nhân; quản lý và tổ chức thực hiện các dịch vụ công trong lĩnh vực thuộc phạm vi quản lý"
    " của Sở theo quy định của pháp luật.",
    "Sở có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức,"
    " biên chế và công tác của Ủy ban nhân dân tỉnh, đồng thời chịu sự chỉ đạo, hướng dẫn, kiểm tra"
    " về chuyên môn, nghiệp vụ của Bộ Khoa học và Công nghệ. Trụ sở đặt tại số 15 Phan Chu Trinh,"
    " phường Điện Biên, thành phố Thanh Hóa.",
)


def views(text: str) -> str:
    """A stable view counter for *text*, Vietnamese thousands separator ("1.234")."""
    return f"{100 + zlib.crc32(text.encode()) % 9000:,}".replace(",", ".")


def widget(wid: str, title: str, body: str, extra_class: str = "") -> str:
    """One side box."""
    cls = f"sidebar-widget {extra_class}".strip()
    return (
        f'<div id="{wid}" class="{cls}"><div class="sw-heading"><span>{title}</span></div>'
        f'<div class="sw-content">{body}</div></div>\n'
    )


def archive_widget(skin: Skin, ctx: Ctx) -> str:
    """ "Các tin đã đăng ngày": date box, calendar picker, a channel filter and "Xem"."""
    n = skin.names
    did = n["date_input"].replace("$", "_")
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    options = "".join(f'<option value="{c.slug}">{esc(c.name)}</option>' for c in CHANNELS)
    body = (
        '<div class="archive-form">'
        f'<div class="form-group"><label for="{did}">Chọn ngày:</label>'
        '<div class="input-group date-picker">'
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="10" id="{did}" '
        'class="form-control input-sm" placeholder="dd/mm/yyyy" autocomplete="off" />'
        f'<span class="input-group-addon"><a href="{chrome.calendar_href(ctx.day)}" '
        f"onclick=\"clickDatePicker('{did}', '\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); "
        'return false;"><img src="/_layouts/images/calendar.gif" border="0" '
        'alt="Chọn một ngày từ lịch." /></a></span></div>'
        f'<iframe id="{did}DatePickerFrame" title="Chọn một ngày từ lịch." '
        'style="display:none; position:absolute; width:200px; z-index:101;" '
        'src="/_layouts/images/blank.gif"></iframe></div>'
        f'<div class="form-group"><label for="{n["category"].replace("$", "_")}">Chuyên mục:'
        f'</label><select name="{n["category"]}" id="{n["category"].replace("$", "_")}" '
        'class="form-control input-sm"><option selected="selected" value="">-- Tất cả --'
        f"</option>{options}</select></div>"
        f'<input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{n["archive_button"].replace("$", "_")}" class="btn btn-primary btn-sm" /></div>'
    )
    return widget("ctl00_PlaceHolderLeft_wpLichTin", "Các tin đã đăng ngày", body, "widget-archive")


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    n = skin.names
    channels = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.channels)
    pages = [
        f'<li><a href="/portal/Pages/{s}.aspx">{esc(t)}</a></li>' for t, s in chrome.MENU_PAGES
    ]
    most_read = "".join(
        f'<li><a href="{p}">{esc(t)}</a> <span class="views"><i class="fa fa-eye"></i> '
        f"{views(p)}</span></li>"
        for p, t in ctx.latest[::-1]
    )
    about = "".join(f"<p>{esc(x)}</p>" for x in ABOUT)
    latest = "".join(
        f'<li><i class="fa fa-angle-right"></i> <a href="{p}">{esc(t)}</a></li>'
        for p, t in ctx.latest
    )
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}"><i class="fa fa-play-circle"></i> {esc(t)}</a></li>'
        for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<div class="col-xs-6"><a href="{full}" class="thumbnail" title="{esc(t)}">'
        f'<img src="{th}" alt="{esc(t)}" /></a></div>'
        for t, full, th in chrome.gallery_items()
    )
    links = "".join(
        f'<li><a href="{u}" target="_blank" rel="noopener">{esc(t)}</a></li>' for t, u in LINKS
    )
    left = (
        archive_widget(skin, ctx)
        + widget(
            "ctl00_PlaceHolderLeft_wpDocNhieu",
            "Tin đọc nhiều",
            f'<ul class="most-read">{most_read}</ul>',
            "widget-popular",
        )
        + widget(
            "ctl00_PlaceHolderLeft_wpGioiThieu",
            "Giới thiệu chung",
            f'{about}<p class="more"><a href="/portal/Pages/Gioi-thieu.aspx">Xem thêm</a></p>',
            "widget-about",
        )
    )
    right = (
        widget(
            "ctl00_PlaceHolderRight_wpTinMoi",
            "Tin mới",
            f'<ul class="latest-news">{latest}</ul>',
        )
        + widget(
            "ctl00_PlaceHolderRight_wpVideo", "Video Clip", f'<ul class="videos">{videos}</ul>'
        )
        + widget(
            "ctl00_PlaceHolderRight_wpAnh",
            "HÌNH ẢNH HOẠT ĐỘNG",
            f'<div class="row gallery">{photos}</div>',
        )
        + widget(
            "ctl00_PlaceHolderRight_wpLienKet",
            "Liên kết website",
            f'<ul class="links">{links}</ul>',
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi" dir="ltr"><head>'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge" />\n'
        + chrome.meta_charset(ctx)
        + '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{esc(ctx.title)} | Sở Khoa học và Công nghệ tỉnh Thanh Hóa</title>\n"
        f'<link rel="stylesheet" href="{STYLE}/css/bootstrap.min.css" />\n'
        f'<link rel="stylesheet" href="{STYLE}/css/font-awesome.min.css" />\n'
        f'<link rel="stylesheet" href="{STYLE}/css/egov.css" />\n'
        + chrome.registered_scripts(skin.name)
        + f'<script type="text/javascript" src="{STYLE}/js/jquery.min.js"></script>\n'
        f'<script type="text/javascript" src="{STYLE}/js/bootstrap.min.js"></script>\n'
        '</head>\n<body class="egov-portal">\n'
        f'<form method="post" action="{esc(ctx.action)}" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle" style="display:none">'
        '<div id="s4-ribboncont"><a href="javascript:;" class="ms-skip" accesskey="J">'
        'Bỏ qua Lệnh Ruy-băng</a> <a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính'
        '</a></div></div>\n<div id="s4-workspace"><div id="s4-bodyContainer">\n'
        '<div class="topbar"><div class="container"><span class="today" id="ctl00_lblHomNay">'
        '<script type="text/javascript">document.write(egov.today());</script></span>'
        '<ul class="topbar-links list-inline pull-right">'
        '<li><a href="/portal/Pages/So-do-cong.aspx">Sơ đồ cổng</a></li>'
        '<li><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a></li></ul></div></div>\n'
        '<header class="site-header"><div class="container"><div class="row">'
        '<div class="col-md-8 brand"><a class="logo" href="/portal/Pages/default.aspx">'
        f'<img src="{STYLE}/images/quoc-huy.png" alt="Quốc huy" /></a><div class="brand-text">'
        '<p class="site-kicker">Cổng thông tin điện tử</p><h1 class="site-title">'
        '<a href="/portal/Pages/default.aspx">Sở Khoa học và Công nghệ tỉnh Thanh Hóa</a></h1>'
        '</div></div><div class="col-md-4 header-search"><div class="input-group">'
        f'<input type="text" name="{n["search_input"]}" id="{n["search_input"].replace("$", "_")}"'
        ' class="form-control" placeholder="Nhập từ khóa tìm kiếm..." />'
        '<span class="input-group-btn">'
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        'class="btn btn-default" /></span></div></div></div></div></header>\n'
        '<nav class="navbar navbar-default navbar-egov" role="navigation"><div class="container">'
        '<ul class="nav navbar-nav"><li class="active"><a href="/portal/Pages/default.aspx">'
        f'<i class="fa fa-home"></i> Trang chủ</a></li>{pages[0]}'
        '<li class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown">'
        f'Tin tức - Sự kiện <b class="caret"></b></a><ul class="dropdown-menu">{channels}</ul></li>'
        f"{''.join(pages[1:5])}</ul></div></nav>\n"
        '<div class="container page-content"><div class="row">\n'
        f'<aside class="col-md-3 sidebar sidebar-left">{left}</aside>\n'
        f'<main id="mainContent" class="col-md-6 main-column" role="main">\n{main}\n</main>\n'
        f'<aside class="col-md-3 sidebar sidebar-right">{right}</aside>\n'
        "</div></div>\n"
        '<footer class="site-footer"><div class="container"><div class="row">'
        '<div class="col-md-8"><p class="footer-name">CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG'
        " NGHỆ TỈNH THANH HÓA</p><p>Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Thanh Hóa."
        " Chịu trách nhiệm chính: Giám đốc Sở.</p><p>Địa chỉ: Số 15 Phan Chu Trinh, phường Điện"
        " Biên, TP. Thanh Hóa. Điện thoại: 0237.3852.532. Email: skhcn@thanhhoa.gov.vn</p>"
        "<p>Ghi rõ nguồn &quot;Cổng thông tin điện tử Sở Khoa học và Công nghệ Thanh Hóa&quot; khi"
        " phát hành lại thông tin từ website này.</p></div>"
        '<div class="col-md-4 text-right"><p class="counter">Lượt truy cập: 1.286.415</p>'
        f'<p><a class="btn btn-login" href="{chrome.signin_href(ctx.path)}"><i class="fa fa-user">'
        "</i> ĐĂNG NHẬP</a></p></div></div></div></footer>\n"
        "</div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
    )
