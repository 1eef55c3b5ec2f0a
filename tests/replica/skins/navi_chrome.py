"""navi's master page: an SP2010 e-portal master (s4-ribbonrow, s4-workspace) whose navigation is
SharePoint's own — a top mega-menu (`div.navi-megamenu`, every link text in a
`span.menu-item-text`) of non-channel pages only ("Giới thiệu", "Cơ cấu tổ chức", "Văn bản",
"Thủ tục hành chính", "Liên hệ", a "Tin tức" landing page), and on the left the quick-launch
tree (`div.ms-quickLaunch` > `ul.root.static` > `li.static` > `a.static.menu-item`) where the
news channels hang under a "Tin tức - Sự kiện" header among the menu pages. The right column
holds the date archive ("Các tin đã đăng ngày"), "Tin mới" and "Tin xem nhiều" (article links
with their dates), "Video Clip" and "HÌNH ẢNH HOẠT ĐỘNG"; the footer carries "ĐĂNG NHẬP"."""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

STYLE = "/portal/Style%20Library/NaviPortal"
RIGHT = "ctl00$PlaceHolderRightPane$g_2e7b9a40_51c3_4d8e_a6f2_0b94c3d17e25$ctl00"
_DAY = re.compile(r"/(\d{4})-(\d{1,2})-(\d{1,2})/")


def views(text: str) -> str:
    """A stable view counter for *text*, Vietnamese thousands separator ("1.234")."""
    return f"{120 + zlib.crc32(('navi' + text).encode()) % 8800:,}".replace(",", ".")


def path_day(path: str) -> str:
    """dd/MM/yyyy of an article path (side boxes show it; the path carries the day)."""
    m = _DAY.search(path)
    return f"{int(m[3]):02d}/{int(m[2]):02d}/{m[1]}" if m else ""


def _item(href: str | None, text: str, sub: str = "", selected: bool = False) -> str:
    """One quick-launch / mega-menu node, as SharePoint's AspMenu renders it."""
    cls = "static selected" if selected else "static"
    inner = f'<span class="additional-background"><span class="menu-item-text">{esc(text)}</span>'
    inner += '<span class="ms-hidden">Hiện đang được chọn</span></span>' if selected else "</span>"
    if href is None:  # a header without a link
        node = f'<span class="static menu-item">{inner}</span>'
    else:
        node = f'<a class="{cls} menu-item" href="{href}">{inner}</a>'
    return f'<li class="{cls}">{node}{sub}</li>'


def quick_launch(ctx: Ctx) -> str:
    """The SP2010 quick launch: channels nested under "Tin tức - Sự kiện", menu pages around."""
    pages = {t: f"/portal/Pages/{s}.aspx" for t, s in chrome.MENU_PAGES}
    channels = "".join(_item(p, t, selected=ctx.path.lower() == p.lower()) for p, t in ctx.channels)
    about = _item(pages["Giới thiệu"], "Chức năng, nhiệm vụ") + _item(
        pages["Cơ cấu tổ chức"], "Cơ cấu tổ chức"
    )
    lis = (
        _item(None, "Giới thiệu", f'<ul class="static">{about}</ul>')
        + _item(None, "Tin tức - Sự kiện", f'<ul class="static">{channels}</ul>')
        + _item(pages["Văn bản pháp quy"], "Văn bản pháp quy")
        + _item(pages["Thủ tục hành chính"], "Thủ tục hành chính")
        + _item("/portal/Pages/Hoi-dap.aspx", "Hỏi đáp")
        + _item(pages["Liên hệ"], "Liên hệ")
    )
    return (
        '<div class="ms-quicklaunchouter"><div class="ms-quickLaunch">'
        '<h3 class="ms-standardheader"><label class="ms-hidden">Khởi động Nhanh</label></h3>'
        '<div class="ms-quicklaunch-navmgr"><div>'
        '<div id="zz16_V4QuickLaunchMenu" class="s4-ql"><div class="menu vertical menu-vertical">'
        f'<ul class="root static">{lis}</ul></div></div></div></div></div></div>\n'
    )


def mega_menu() -> str:
    """The top bar: home, then non-channel pages in drop-down panels (no channel links)."""
    pages = {t: f"/portal/Pages/{s}.aspx" for t, s in chrome.MENU_PAGES}

    def link(href: str, text: str, desc: str = "") -> str:
        d = f'<span class="menu-item-desc">{esc(desc)}</span>' if desc else ""
        return (
            f'<li class="mm-link"><a href="{href}"><span class="menu-item-text">{esc(text)}'
            f"</span>{d}</a></li>"
        )

    def top(href: str, text: str, panel: str = "") -> str:
        drop = f'<div class="mm-panel"><ul class="mm-col">{panel}</ul></div>' if panel else ""
        return (
            f'<li class="mm-top"><a class="mm-toplink" href="{href}"><span class="menu-item-text">'
            f"{esc(text)}</span></a>{drop}</li>"
        )

    return (
        '<div class="navi-megamenu" id="ctl00_ucMegaMenu_pnlMenu"><ul class="mm-root">'
        + top("/portal/Pages/default.aspx", "Trang chủ")
        + top(
            pages["Giới thiệu"],
            "Giới thiệu",
            link(pages["Giới thiệu"], "Chức năng, nhiệm vụ", "Vị trí, chức năng của Sở")
            + link(pages["Cơ cấu tổ chức"], "Cơ cấu tổ chức", "Lãnh đạo Sở, các phòng, đơn vị")
            + link(pages["Sơ đồ cổng"], "Sơ đồ cổng"),
        )
        + top("/portal/Pages/Tin-tuc.aspx", "Tin tức")
        + top(
            pages["Văn bản pháp quy"],
            "Văn bản",
            link(pages["Văn bản pháp quy"], "Văn bản pháp quy", "Quyết định, chỉ thị, kế hoạch")
            + link("/portal/Pages/Van-ban-chi-dao.aspx", "Văn bản chỉ đạo điều hành"),
        )
        + top(pages["Thủ tục hành chính"], "Thủ tục hành chính")
        + top(pages["Liên hệ"], "Liên hệ")
        + "</ul></div>\n"
    )


def box(wid: str, title: str, body: str) -> str:
    """One right-column web part."""
    return (
        f'<div class="navi-box" id="{wid}"><div class="navi-box-hd"><span>{title}</span></div>'
        f'<div class="navi-box-bd">{body}</div></div>\n'
    )


def archive_box(skin: Skin, ctx: Ctx) -> str:
    """ "Các tin đã đăng ngày": the SharePoint DateTimeControl and a "Xem" submit."""
    n = skin.names
    did = n["date_input"].replace("$", "_")
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    body = (
        '<table class="navi-archive" cellpadding="0" cellspacing="0"><tr>'
        f'<td class="ms-dtinput"><label for="{did}" style="display:none">Ngày</label>'
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="45" id="{did}" '
        'class="ms-input" AutoPostBack="0" /></td>'
        f'<td class="ms-dtinput"><a href="{chrome.calendar_href(ctx.day)}" '
        f"onclick=\"clickDatePicker('{did}', '\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); "
        f'return false;"><img id="{did}DatePickerImage" src="/_layouts/images/calendar.gif" '
        'border="0" alt="Chọn một ngày từ lịch." /></a></td>'
        f'<td><input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{n["archive_button"].replace("$", "_")}" class="navi-btn" /></td></tr></table>'
        f'<iframe id="{did}DatePickerFrame" title="Chọn một ngày từ lịch." '
        'style="display:none; position:absolute; width:200px; z-index:101;" '
        'src="/_layouts/images/blank.gif"></iframe>'
    )
    return box(RIGHT.replace("$", "_"), "Các tin đã đăng ngày", body)


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    n = skin.names
    latest = "".join(
        f'<li><a href="{p}">{esc(t)}</a> <span class="box-date">({path_day(p)})</span></li>'
        for p, t in ctx.latest
    )
    most_read = "".join(
        f'<tr><td class="rank">{k}</td><td><span class="box-date">{path_day(p)}</span> - '
        f'<a href="{p}">{esc(t)}</a> <span class="box-views">({views(p)} lượt xem)</span></td></tr>'
        for k, (p, t) in enumerate(ctx.latest[::-1], start=1)
    )
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}">{esc(t)}</a></li>' for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<a href="{full}" title="{esc(t)}"><img src="{th}" alt="{esc(t)}" width="120" /></a>'
        for t, full, th in chrome.gallery_items()
    )
    right = (
        archive_box(skin, ctx)
        + box(
            "ctl00_PlaceHolderRightPane_wpTinMoi", "Tin mới", f'<ul class="box-news">{latest}</ul>'
        )
        + box(
            "ctl00_PlaceHolderRightPane_wpXemNhieu",
            "Tin xem nhiều",
            f'<table class="box-top" cellspacing="0">{most_read}</table>',
        )
        + box(
            "ctl00_PlaceHolderRightPane_wpVideo",
            "Video Clip",
            f'<ul class="box-video">{videos}</ul>',
        )
        + box(
            "ctl00_PlaceHolderRightPane_wpAnh",
            "HÌNH ẢNH HOẠT ĐỘNG",
            f'<div class="box-gallery">{photos}</div>',
        )
    )
    search_id = n["search_input"].replace("$", "_")
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html dir="ltr" lang="vi-VN" xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<meta http-equiv="X-UA-Compatible" content="IE=8" />\n'
        + chrome.meta_charset(ctx)
        + f"<title>\r\n\t{esc(ctx.title)} - Sở Khoa học và Công nghệ Thanh Hóa\r\n</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{STYLE}/navi.css" />\n'
        + chrome.registered_scripts(skin.name)
        + f'<script type="text/javascript" src="{STYLE}/megamenu.js"></script>\n'
        '</head>\n<body scroll="no" onload="javascript:_spBodyOnLoadWrapper();" class="v4master">\n'
        f'<form method="post" action="{esc(ctx.action)}" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle"><div id="s4-ribboncont">'
        '<a href="javascript:;" class="ms-skip" accesskey="J">Bỏ qua Lệnh Ruy-băng</a> '
        '<a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính</a></div></div>\n'
        '<div id="s4-workspace"><div id="s4-bodyContainer">\n'
        '<div class="navi-header"><div class="navi-banner">'
        f'<a href="/portal/Pages/default.aspx"><img src="{STYLE}/banner.jpg" '
        'alt="Sở Khoa học và Công nghệ tỉnh Thanh Hóa" /></a></div>'
        '<div class="navi-search" id="ctl00_PlaceHolderSearchArea_pnlSearch">'
        f'<input type="text" name="{n["search_input"]}" id="{search_id}" class="navi-search-box" '
        'title="Nhập từ khóa" />'
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        f'id="{n["search_button"].replace("$", "_")}" class="navi-search-btn" /></div></div>\n'
        + mega_menu()
        + '<table class="navi-layout" width="100%" cellpadding="0" cellspacing="0"><tr>\n'
        f'<td class="navi-left" valign="top" width="200">{quick_launch(ctx)}'
        '<div class="navi-left-links"><a href="https://thanhhoa.gov.vn" target="_blank">'
        '<img src="/portal/Style%20Library/NaviPortal/lk-thanhhoa.jpg" alt="Cổng TTĐT tỉnh" />'
        "</a></div></td>\n"
        f'<td class="navi-main" valign="top"><a name="mainContent"></a>'
        f'<div id="MSO_ContentTable">\n{main}\n</div></td>\n'
        f'<td class="navi-right" valign="top" width="260">{right}</td>\n'
        "</tr></table>\n"
        '<div class="navi-footer"><p><b>SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA</b></p>'
        "<p>Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa - Điện thoại: "
        "0237.3852.532</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>"
        f'<p class="navi-login"><a href="{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a></p></div>\n'
        "</div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
    )
