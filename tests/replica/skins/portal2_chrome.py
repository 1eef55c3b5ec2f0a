"""portal2's master page: SharePoint 2010 ribbon and workspace, a three-column layout table of
web-part zones (each box a `table.ms-WPBody` under an `h3.ms-WPTitle`), side boxes "Thông báo"
(a marquee), "Các tin đã đăng ngày", "Liên kết website" (a select), "Tin mới", "Video Clip",
"HÌNH ẢNH HOẠT ĐỘNG"; the footer carries "ĐĂNG NHẬP"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

LINKS = [
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://www.most.gov.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]


def web_part(wid: str, title: str, body: str) -> str:
    """One web part of a zone: chrome table, title row, body cell."""
    return (
        f'<div id="{wid}" class="ms-webpart-chrome"><table class="s4-wpTopTable" width="100%" '
        'cellpadding="0" cellspacing="0"><tr class="ms-WPHeader"><td><h3 class="ms-WPTitle">'
        f'<span>{title}</span></h3></td></tr><tr><td class="ms-WPBody" valign="top">{body}</td>'
        "</tr></table></div>\n"
    )


def archive_box(skin: Skin, ctx: Ctx) -> str:
    n = skin.names
    did = n["date_input"].replace("$", "_")
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    return (
        '<div class="lichTin"><table cellpadding="0" cellspacing="0"><tr><td class="ms-dtinput">'
        f'<label for="{did}">Ngày:</label> <input name="{n["date_input"]}" type="text" '
        f'value="{day}" maxlength="45" id="{did}" class="ms-input" title="Ngày đăng" /></td>'
        f'<td class="ms-dtinput"><a href="{chrome.calendar_href(ctx.day)}" '
        f"onclick=\"clickDatePicker('{did}', '\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); "
        'return false;"><img src="/_layouts/images/calendar.gif" border="0" '
        'alt="Chọn một ngày từ lịch." /></a></td></tr></table>'
        f'<iframe id="{did}DatePickerFrame" title="Chọn một ngày từ lịch." '
        'style="display:none; position:absolute; width:200px; z-index:101;" '
        'src="/_layouts/images/blank.gif"></iframe>'
        f'<div class="btnXem"><input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{n["archive_button"].replace("$", "_")}" class="ms-ButtonHeightWidth" /></div></div>'
    )


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    n = skin.names
    menu = "".join(
        f'<li class="static"><a class="static menu-item" href="{p}"><span class="menu-item-text">'
        f"{esc(t)}</span></a></li>"
        for p, t in ctx.channels
    )
    menu += "".join(
        f'<li class="static"><a class="static menu-item" href="/portal/Pages/{s}.aspx">'
        f'<span class="menu-item-text">{esc(t)}</span></a></li>'
        for t, s in chrome.MENU_PAGES[:5]
    )
    notices = "".join(f'<a href="{p}">{esc(t)}</a><br />' for p, t in ctx.latest[:3])
    links = "".join(f'<option value="{u}">{esc(t)}</option>' for t, u in LINKS)
    latest = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.latest)
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}">{esc(t)}</a></li>' for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<a href="{full}" title="{esc(t)}"><img src="{th}" width="190" alt="{esc(t)}" /></a>'
        for t, full, th in chrome.gallery_items()
    )
    left = (
        web_part(
            "WebPartWPQ2",
            "Thông báo",
            f'<marquee direction="up" scrollamount="2" height="160">{notices}</marquee>',
        )
        + web_part("WebPartWPQ3", "Các tin đã đăng ngày", archive_box(skin, ctx))
        + web_part(
            "WebPartWPQ4",
            "Liên kết website",
            '<select class="lienket" onchange="if(this.value!=\'\')window.open(this.value);">'
            f'<option value="">-- Chọn liên kết --</option>{links}</select>',
        )
    )
    right = (
        web_part("WebPartWPQ6", "Tin mới", f'<ul class="listNew">{latest}</ul>')
        + web_part("WebPartWPQ7", "Video Clip", f'<ul class="listVideo">{videos}</ul>')
        + web_part("WebPartWPQ8", "HÌNH ẢNH HOẠT ĐỘNG", f'<div class="gallery">{photos}</div>')
    )
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=9" />\n'
        + chrome.meta_charset(ctx)
        + f"<title>\n\t{esc(ctx.title)} | Sở Khoa học và Công nghệ Thanh Hóa\n</title>\n"
        + chrome.registered_scripts(skin.name)
        + '</head>\n<body scroll="no" onload="if (typeof(_spBodyOnLoadWrapper) != \'undefined\')'
        ' _spBodyOnLoadWrapper();" class="v4master">\n'
        f'<form method="post" action="{esc(ctx.action)}" '
        'onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle" style="height:0">'
        '<div id="s4-ribboncont"><a href="javascript:;" class="ms-skip" accesskey="J">'
        'Bỏ qua Lệnh Ruy-băng</a> <a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính'
        '</a></div></div>\n<div id="s4-workspace" class="s4-nosetwidth"><div id="s4-bodyContainer">'
        '\n<div id="header-portal"><div class="logo"><a href="/portal/Pages/default.aspx">'
        '<img src="/portal/Style%20Library/images/logo-skhcn.png" alt="Sở Khoa học và Công nghệ '
        'Thanh Hóa" /></a></div><div id="SRSB" class="searchBox">'
        f'<input name="{n["search_input"]}" type="text" maxlength="200" '
        f'id="{n["search_input"].replace("$", "_")}" class="ms-sbplain" '
        'title="Nhập từ khóa tìm kiếm" /> '
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" class="ms-sbgo" />'
        "</div></div>\n"
        '<div id="menu-portal" class="s4-tn"><div class="menu horizontal menu-horizontal">'
        '<ul class="root static"><li class="static selected"><a class="static menu-item" '
        'href="/portal/Pages/default.aspx"><span class="menu-item-text">Trang chủ</span></a>'
        f"</li>{menu}</ul></div></div>\n"
        '<table id="MSO_ContentTable" class="layout-portal" width="100%" cellpadding="0" '
        'cellspacing="0"><tr>\n'
        '<td id="ctl00_PlaceHolderLeft_wpzLeft" class="ms-webpartzone col-left" valign="top" '
        f'width="230">{left}</td>\n'
        '<td id="ctl00_PlaceHolderMain_wpzCenter" class="ms-webpartzone col-center" '
        f'valign="top"><a name="mainContent"></a>\n{main}\n</td>\n'
        '<td id="ctl00_PlaceHolderRight_wpzRight" class="ms-webpartzone col-right" valign="top" '
        f'width="220">{right}</td>\n</tr></table>\n'
        '<div id="footer-portal"><p>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA</p>'
        "<p>Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Thanh Hóa. Số 15 Phan Chu Trinh,"
        ' TP. Thanh Hóa</p><p class="dangnhap"><a href="'
        f'{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a></p></div>\n'
        "</div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
    )
