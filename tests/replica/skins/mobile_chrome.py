"""mobile's master page: a responsive re-theme by a local contractor kept inside the SP2010
shell (hidden s4-ribbonrow, s4-workspace) — div soup with BEM-ish component classes (`c-box`,
`c-box__hd`), utility classes (`u-fs-14`, `u-tr`) and `js-` hooks, no tables and no heading
elements. A top bar with today's date as text, a header with a search toggle and an off-canvas
menu, a "Tin mới" ticker, the main column first in the source, then the side column ("Tin nổi
bật", "Xem nhiều", "Các tin đã đăng ngày", "Văn bản mới", "Video Clip", "HÌNH ẢNH HOẠT ĐỘNG",
"Liên kết website" as a `<select>`), a footer with "ĐĂNG NHẬP" and a fixed bottom bar."""

from __future__ import annotations

import zlib
from datetime import date
from typing import TYPE_CHECKING

from .. import chrome, content
from ..chrome import Ctx
from ..model import WEEKDAYS
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

ASSETS = "/portal/Style%20Library/mobile"
TODAY = date(2026, 11, 27)  # the replica's fixed "today" (see chrome.calendar_href)
_SIDE = "ctl00$PlaceHolderRight"
LINKS = [
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://www.most.gov.vn"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Sở Thông tin và Truyền thông Thanh Hóa", "https://stttt.thanhhoa.gov.vn"),
]
# "Văn bản mới": (number, issued, title, month folder, file extension)
DOCUMENTS = [
    (
        "Số 12/QĐ-UBND",
        "15/10/2026",
        "Quyết định ban hành Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh",
        "2026-10",
        "pdf",
    ),
    (
        "Số 318/KH-SKHCN",
        "02/10/2026",
        "Kế hoạch tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Thanh Hóa năm 2026",
        "2026-10",
        "pdf",
    ),
    (
        "Số 45/TB-SKHCN",
        "24/09/2026",
        "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ năm 2027",
        "2026-09",
        "doc",
    ),
    (
        "Số 2751/UBND-KTTC",
        "11/09/2026",
        "Về việc đẩy mạnh ứng dụng tiêu chuẩn, đo lường, chất lượng trong doanh nghiệp",
        "2026-09",
        "pdf",
    ),
]


def cid(name: str) -> str:
    return name.replace("$", "_")


def views(text: str) -> str:
    """A stable view counter, Vietnamese thousands separator ("1.234")."""
    return f"{120 + zlib.crc32(text.encode()) % 8800:,}".replace(",", ".")


def box(key: str, title: str, body: str, icon: str) -> str:
    """A side box: `div.c-box` with a `div.c-box__hd` title bar."""
    return (
        f'<div class="c-box c-box--{key} u-mb-16" id="ctl00_PlaceHolderRight_wp{key.title()}">'
        f'<div class="c-box__hd u-flex u-ai-center"><i class="ico ico-{icon}" aria-hidden="true">'
        f'</i><div class="c-box__title u-fs-15 u-fw-700 u-upper">{title}</div></div>'
        f'<div class="c-box__bd">{body}</div></div>\n'
    )


def archive_box(skin: Skin, ctx: Ctx) -> str:
    """ "Các tin đã đăng ngày": a DateTimeControl (text box + calendar link) and "Xem"."""
    n = skin.names
    did = cid(n["date_input"])
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    return (
        '<div class="c-archive js-archive"><div class="c-archive__row u-flex">'
        f'<div class="c-field u-grow"><input name="{n["date_input"]}" type="text" value="{day}" '
        f'maxlength="10" id="{did}" class="c-field__input js-datepicker" placeholder="dd/mm/yyyy" '
        'autocomplete="off" title="Ngày đăng" /></div>'
        f'<div class="c-archive__cal"><a class="c-iconbtn" href="{chrome.calendar_href(ctx.day)}" '
        f"onclick=\"clickDatePicker('{did}', '\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); "
        'return false;"><img src="/_layouts/images/calendar.gif" width="16" height="16" '
        'alt="Chọn một ngày từ lịch." /></a></div>'
        f'<iframe id="{did}DatePickerFrame" title="Chọn một ngày từ lịch." '
        'style="display:none; position:absolute; width:200px; z-index:101;" '
        'src="/_layouts/images/blank.gif"></iframe>'
        f'<div class="c-archive__go"><input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{cid(n["archive_button"])}" class="c-btn c-btn--primary c-btn--sm" /></div></div>'
        '<div class="c-archive__hint u-fs-12 u-c-gray">Nhập ngày theo dạng ngày/tháng/năm</div>'
        "</div>"
    )


def documents() -> str:
    items = "".join(
        '<div class="c-doc u-flex"><div class="c-doc__ico"><i class="ico ico-file-'
        f'{ext}"></i></div><div class="c-doc__info"><a class="c-doc__title u-fs-14" '
        f'href="/portal/VanBan/{month}/{content.slug(title, 40)}.{ext}" target="_blank">'
        f'{esc(title)}</a><div class="c-doc__meta u-fs-12 u-c-gray"><span>{esc(num)}</span>'
        f'<span class="u-dot">·</span><span>Ngày ban hành: {issued}</span></div></div></div>'
        for num, issued, title, month, ext in DOCUMENTS
    )
    return (
        f'<div class="c-docs">{items}</div><div class="c-box__more u-tr">'
        '<a href="/portal/Pages/Van-ban-phap-quy.aspx">Xem tất cả</a></div>'
    )


def side_column(skin: Skin, ctx: Ctx) -> str:
    hot = "".join(
        f'<div class="c-list__item{" c-list__item--first" if i == 0 else ""}">'
        f'<i class="ico ico-caret" aria-hidden="true"></i><a class="c-list__lnk" href="{p}">'
        f"{esc(t)}</a></div>"
        for i, (p, t) in enumerate(ctx.latest[:4])
    )
    most = "".join(
        f'<div class="c-rank u-flex"><div class="c-rank__no">{i}</div><div class="c-rank__bd">'
        f'<a href="{p}">{esc(t)}</a><div class="u-fs-12 u-c-gray"><i class="ico ico-eye"></i> '
        f"{views(p)}</div></div></div>"
        for i, (p, t) in enumerate(ctx.latest[::-1][:5], start=1)
    )
    videos = "".join(
        f'<div class="c-video"><a class="c-video__lnk" href="{chrome.video_path(s)}">'
        f'<span class="c-video__play js-play"></span><span class="c-video__t">{esc(t)}</span>'
        "</a></div>"
        for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<div class="c-gallery__cell"><a href="{full}" class="js-lightbox" title="{esc(t)}">'
        f'<img src="{th}" alt="{esc(t)}" /></a><div class="c-gallery__cap u-fs-12">{esc(t)}'
        "</div></div>"
        for t, full, th in chrome.gallery_items()
    )
    sel = f"{_SIDE}$ucLienKet$ddlLienKet"
    options = "".join(f'<option value="{u}">{esc(t)}</option>' for t, u in LINKS)
    links = (
        f'<div class="c-field"><select name="{sel}" id="{cid(sel)}" class="c-field__select '
        'js-weblink" onchange="if(this.value){window.open(this.value);}">'
        f'<option selected="selected" value="">-- Chọn website --</option>{options}</select></div>'
    )
    return (
        box("noibat", "Tin nổi bật", f'<div class="c-list">{hot}</div>', "star")
        + box("xemnhieu", "Xem nhiều", f'<div class="c-ranks">{most}</div>', "fire")
        + box("lichtin", "Các tin đã đăng ngày", archive_box(skin, ctx), "calendar")
        + box("vanban", "Văn bản mới", documents(), "doc")
        + box("video", "Video Clip", videos, "play")
        + box(
            "hinhanh",
            "HÌNH ẢNH HOẠT ĐỘNG",
            f'<div class="c-gallery u-grid u-grid--2">{photos}</div>',
            "image",
        )
        + box("lienket", "Liên kết website", links, "link")
    )


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    n = skin.names
    home = "/portal/Pages/default.aspx"
    nav = "".join(
        f'<div class="c-nav__item"><a class="c-nav__lnk" href="{p}">{esc(t)}</a></div>'
        for p, t in ctx.channels
    )
    pages = "".join(
        f'<div class="c-nav__item"><a class="c-nav__lnk" href="/portal/Pages/{s}.aspx">'
        f"{esc(t)}</a></div>"
        for t, s in chrome.MENU_PAGES[:4]
    )
    drawer = "".join(
        f'<a class="c-drawer__lnk" href="{p}">{esc(t)}</a>'
        for p, t in [*ctx.channels, *((f"/portal/Pages/{s}.aspx", t) for t, s in chrome.MENU_PAGES)]
    )
    ticker = "".join(
        f'<a class="c-ticker__item" href="{p}">{esc(t)}</a>' for p, t in ctx.latest[:3]
    )
    today = f"{WEEKDAYS[TODAY.weekday()]}, {TODAY:%d/%m/%Y}"
    return (
        '<!DOCTYPE html>\n<html lang="vi" class="no-js">\n<head>\n'
        + chrome.meta_charset(ctx)
        + '<meta name="viewport" content="width=device-width, initial-scale=1, '
        'maximum-scale=5" />\n<meta name="format-detection" content="telephone=no" />\n'
        '<meta name="theme-color" content="#0b4ea2" />\n'
        f"<title>{esc(ctx.title)} | Sở KH&amp;CN Thanh Hóa</title>\n"
        f'<meta property="og:title" content="{esc(ctx.title)}" />\n'
        '<meta property="og:type" content="website" />\n'
        '<meta property="og:site_name" content="Sở Khoa học và Công nghệ Thanh Hóa" />\n'
        f'<link rel="stylesheet" href="{ASSETS}/css/app.min.css?v=2.3.1" />\n'
        + chrome.registered_scripts(skin.name)
        + "</head>\n"
        '<body class="t-mobile js-body" onload="javascript:_spBodyOnLoadWrapper();">\n'
        f'<form method="post" action="{esc(ctx.action)}" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle" style="display:none">'
        '<a href="javascript:;" class="ms-skip" accesskey="J">Bỏ qua Lệnh Ruy-băng</a> '
        '<a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính</a></div>\n'
        '<div id="s4-workspace" class="l-workspace"><div id="s4-bodyContainer" class="l-page">\n'
        '<div class="c-topbar u-fs-13 u-hide-sm"><div class="l-wrap u-flex u-jc-between">'
        f'<div class="c-topbar__date"><i class="ico ico-calendar"></i> {today}</div>'
        '<div class="c-topbar__links"><a href="/portal/Pages/So-do-cong.aspx">Sơ đồ cổng</a>'
        '<span class="u-dot">·</span><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a>'
        '<span class="u-dot">·</span><span>Đường dây nóng: 0237.3852.532</span></div></div>'
        "</div>\n"
        '<div class="c-header js-sticky"><div class="l-wrap u-flex u-ai-center u-jc-between">'
        '<button type="button" class="c-header__burger js-drawer-open" aria-label="Mở menu">'
        "<span></span><span></span><span></span></button>"
        f'<a class="c-brand u-flex u-ai-center" href="{home}"><img class="c-brand__logo" '
        f'src="{ASSETS}/img/logo.png" width="48" height="48" alt="Quốc huy" />'
        '<div class="c-brand__txt"><div class="c-brand__kicker u-fs-12 u-upper">'
        'Cổng thông tin điện tử</div><div class="c-brand__name u-fs-18 u-fw-700 u-upper">'
        "Sở Khoa học và Công nghệ Thanh Hóa</div></div></a>"
        '<div class="c-search js-search"><div class="c-search__inner u-flex">'
        f'<input type="text" name="{n["search_input"]}" id="{cid(n["search_input"])}" '
        'class="c-search__input" placeholder="Tìm kiếm tin bài..." />'
        f'<button type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        'class="c-search__btn" aria-label="Tìm kiếm"><i class="ico ico-search"></i></button>'
        '</div></div><button type="button" class="c-header__searchtoggle js-search-toggle" '
        'aria-label="Tìm kiếm"><i class="ico ico-search"></i></button></div></div>\n'
        '<div class="c-nav u-hide-sm"><div class="l-wrap u-flex">'
        f'<div class="c-nav__item c-nav__item--home"><a class="c-nav__lnk" href="{home}">'
        f'<i class="ico ico-home"></i> Trang chủ</a></div>{nav}{pages}</div></div>\n'
        '<div class="c-drawer js-drawer" aria-hidden="true"><div class="c-drawer__hd u-flex '
        'u-jc-between"><span class="u-fw-700">Danh mục</span><button type="button" '
        'class="c-drawer__close js-drawer-close" aria-label="Đóng">&times;</button></div>'
        f'<div class="c-drawer__bd"><a class="c-drawer__lnk" href="{home}">Trang chủ</a>{drawer}'
        "</div></div>\n"
        '<div class="c-ticker u-fs-14"><div class="l-wrap u-flex"><div class="c-ticker__lbl '
        f'u-fw-700">Tin mới</div><div class="c-ticker__track js-ticker">{ticker}</div></div>'
        "</div>\n"
        '<div class="l-wrap l-body u-flex u-wrap">\n'
        f'<div class="l-main" id="mainContent">\n{main}\n</div>\n'
        f'<div class="l-side js-side">\n{side_column(skin, ctx)}</div>\n'
        "</div>\n"
        '<div class="c-footer u-fs-14"><div class="l-wrap u-flex u-wrap u-jc-between">'
        '<div class="c-footer__info"><div class="u-fw-700 u-upper">Cổng thông tin điện tử Sở Khoa'
        " học và Công nghệ tỉnh Thanh Hóa</div><div>Cơ quan chủ quản: Sở Khoa học và Công nghệ"
        " tỉnh Thanh Hóa</div><div>Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh"
        " Hóa</div><div>Điện thoại: 0237.3852.532 - Email: skhcn@thanhhoa.gov.vn</div>"
        "<div>Thiết kế và phát triển: Công ty TNHH Giải pháp số Hàm Rồng</div></div>"
        '<div class="c-footer__side u-tr"><div class="c-footer__stat">Đang truy cập: 31'
        '<span class="u-dot">·</span>Tổng lượt truy cập: 2.041.387</div>'
        f'<a class="c-btn c-btn--ghost c-btn--sm" href="{chrome.signin_href(ctx.path)}">'
        '<i class="ico ico-user"></i> ĐĂNG NHẬP</a></div></div></div>\n'
        '<div class="c-bottombar u-show-sm u-flex">'
        f'<a class="c-bottombar__i" href="{home}"><i class="ico ico-home"></i>'
        "<span>Trang chủ</span></a>"
        '<a class="c-bottombar__i js-search-toggle" href="javascript:void(0);">'
        '<i class="ico ico-search"></i><span>Tìm kiếm</span></a>'
        '<a class="c-bottombar__i js-drawer-open" href="javascript:void(0);">'
        '<i class="ico ico-menu"></i><span>Danh mục</span></a>'
        '<a class="c-bottombar__i js-totop" href="#mainContent"><i class="ico ico-up"></i>'
        "<span>Đầu trang</span></a></div>\n"
        "</div></div>\n"
        + chrome.hidden_bottom(ctx)
        + f'<script type="text/javascript" src="{ASSETS}/js/app.min.js?v=2.3.1"></script>\n'
        "</form></body></html>\n"
    )
