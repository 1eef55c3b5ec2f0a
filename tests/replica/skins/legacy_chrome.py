"""legacy's master page: a hand-made ASP.NET WebForms layout of the SharePoint 2007 years kept
inside an SP2010 shell (s4-ribbonrow, s4-workspace) — one centred fixed-width `<table>`,
banner, a search strip, a blue menu bar (upper case through an inline style), a left column
("Chuyên mục", "Các tin đã đăng ngày", "Liên kết website", "Thăm dò ý kiến") and a right
column ("Tin mới", "Tin xem nhiều", "Video Clip", "HÌNH ẢNH HOẠT ĐỘNG", "Thời tiết",
"Thống kê truy cập"), every box a bare table with a coloured title row; no class names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

LINKS = [
    ("Cổng TTĐT tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://www.most.gov.vn"),
    ("Cổng TTĐT Chính phủ", "https://chinhphu.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]
POLL = ("Báo, đài", "Mạng Internet", "Bạn bè, người thân", "Kênh khác")
BULLET = '<img src="/portal/images/bullet.gif" width="7" height="7" border="0" alt="" />&nbsp;'


def _cid(name: str) -> str:
    return name.replace("$", "_")


def relative_action(action: str) -> str:
    """ASP.NET renders the form action as the page's own file name (plus query)."""
    path, sep, query = action.partition("?")
    return path.rsplit("/", 1)[-1] + sep + query


def box(title: str, body: str, width: str = "100%") -> str:
    """A side box: a bare table, title row on a coloured background, body in a bordered cell."""
    return (
        f'<TABLE WIDTH="{width}" BORDER="0" CELLPADDING="0" CELLSPACING="0" '
        'style="margin-bottom:6px"><TR><TD HEIGHT="24" BGCOLOR="#1F5FA8" '
        'style="padding-left:8px"><font face="Arial" size="2" color="#FFFFFF"><b>'
        f'{title}</b></font></TD></TR><TR><TD BGCOLOR="#F4F7FB" '
        f'style="border:1px solid #B5C7E0;padding:5px">{body}</TD></TR></TABLE>\n'
    )


def links(items: list[tuple[str, str]], external: bool = False) -> str:
    tgt = ' target="_blank"' if external else ""
    return "".join(
        f'{BULLET}<a href="{href}"{tgt}><font face="Arial" size="2">{esc(text)}</font></a><br />'
        for href, text in items
    )


def archive_box(skin: Skin, ctx: Ctx) -> str:
    n = skin.names
    did = _cid(n["date_input"])
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    return (
        '<table border="0" cellpadding="2" cellspacing="0"><tr><td>'
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="10" id="{did}" '
        'style="width:95px;font-size:11px" /></td><td>'
        f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\'{did}\', '
        "'\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); return false;\">"
        '<img src="/_layouts/images/calendar.gif" border="0" alt="Chọn một ngày từ lịch." /></a>'
        '</td></tr><tr><td colspan="2" align="center">'
        f'<input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{_cid(n["archive_button"])}" style="font-size:11px;width:60px" /></td></tr></table>'
    )


def poll_box(prefix: str) -> str:
    name = f"{prefix}$rblBinhChon"
    opts = "".join(
        f'<input id="{_cid(name)}_{i}" type="radio" name="{name}" value="{i + 1}" />'
        f'<label for="{_cid(name)}_{i}"><font size="2">{esc(t)}</font></label><br />'
        for i, t in enumerate(POLL)
    )
    return (
        '<font face="Arial" size="2"><b>Bạn biết đến Cổng thông tin điện tử qua kênh nào?</b>'
        f"</font><br />{opts}<center>"
        '<input type="button" value="Biểu quyết" onclick="javascript:alert(\'Cảm ơn bạn đã '
        "tham gia bình chọn!');\" /> "
        '<input type="button" value="Kết quả" onclick="window.open(\'/portal/Pages/'
        "KetQuaBinhChon.aspx','','width=420,height=320');\" /></center>"
    )


def page_layout(skin: Skin, ctx: Ctx, main: str, prefix: str) -> str:
    n = skin.names
    sep = '&nbsp;<font color="#9DB8E0">|</font>&nbsp;'
    menu = sep.join(
        f'<a href="{p}"><font color="#FFFFFF" face="Arial" size="2"><b>{esc(t)}</b></font></a>'
        for p, t in [("/portal/Pages/default.aspx", "Trang chủ"), *ctx.channels]
        + [(f"/portal/Pages/{s}.aspx", t) for t, s in chrome.MENU_PAGES[:4]]
    )
    categories = links(
        ctx.channels + [(f"/portal/Pages/{s}.aspx", t) for t, s in chrome.MENU_PAGES]
    )
    weblinks = links([(u, t) for t, u in LINKS], external=True)
    latest = links(ctx.latest)
    popular = links(ctx.latest[::-1][:5])
    videos = links([(chrome.video_path(s), t) for t, s in chrome.VIDEOS])
    photos = "".join(
        f'<center><a href="{full}"><img src="{th}" width="170" border="1" alt="" /></a><br />'
        f'<font size="1">{esc(t)}</font></center><br />'
        for t, full, th in chrome.gallery_items()
    )
    left = (
        box("Chuyên mục", categories)
        + box("Các tin đã đăng ngày", archive_box(skin, ctx))
        + box("Liên kết website", weblinks)
        + box("Thăm dò ý kiến", poll_box(prefix))
    )
    right = (
        box("Tin mới", latest)
        + box("Tin xem nhiều", popular)
        + box("Video Clip", videos)
        + box("HÌNH ẢNH HOẠT ĐỘNG", photos)
        + box(
            "Thời tiết",
            '<font face="Arial" size="2"><b>Thanh Hóa</b><br />'
            '<img src="/portal/images/weather/mua_rao.gif" border="0" alt="" /> 24°C - 31°C'
            "<br />Có mưa rào và dông vài nơi</font>",
        )
        + box(
            "Thống kê truy cập",
            '<font face="Arial" size="2">Đang truy cập: <b>27</b><br />'
            "Tổng lượt truy cập: <b>1.254.368</b></font>",
        )
    )
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n'
        "<html><head>\n"
        + chrome.meta_charset(ctx)
        + f"<title>{esc(ctx.title)} - Sở Khoa học và Công nghệ Thanh Hóa</title>\n"
        + chrome.registered_scripts(skin.name)
        + '</head>\n<body bgcolor="#E3EAF4" leftmargin="0" topmargin="0" marginwidth="0" '
        'marginheight="0" onload="javascript:_spBodyOnLoadWrapper();">\n'
        f'<form name="aspnetForm" method="post" action="{esc(relative_action(ctx.action))}" '
        'id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" style="display:none"><a href="javascript:;" accesskey="J">'
        'Bỏ qua Lệnh Ruy-băng</a> <a href="#mainContent">Bỏ qua nội dung chính</a></div>\n'
        '<div id="s4-workspace"><div id="s4-bodyContainer">\n<center>\n'
        '<table width="990" border="0" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">\n'
        '<tr><td colspan="3"><a href="/portal/Pages/default.aspx"><img '
        'src="/portal/Style%20Library/images/banner_top.jpg" width="990" height="120" border="0" '
        'alt="CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA" /></a></td></tr>\n'
        '<tr><td colspan="3" bgcolor="#003399" height="30" style="padding-left:10px;'
        f'text-transform:uppercase">{menu}</td></tr>\n'
        '<tr><td colspan="3" bgcolor="#D6E1F1" height="28" align="right" '
        'style="padding-right:10px"><font face="Arial" size="2">Tìm kiếm:</font> '
        f'<input name="{n["search_input"]}" type="text" id="{_cid(n["search_input"])}" '
        'style="width:180px;font-size:11px" /> '
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        f'id="{_cid(n["search_button"])}" style="font-size:11px" /></td></tr>\n'
        '<tr><td colspan="3" height="6"></td></tr>\n<tr>\n'
        f'<td width="205" valign="top" style="padding:0 5px">{left}</td>\n'
        f'<td valign="top" style="padding:0 5px"><a name="mainContent"></a>\n{main}\n</td>\n'
        f'<td width="205" valign="top" style="padding:0 5px">{right}</td>\n</tr>\n'
        '<tr><td colspan="3" bgcolor="#003399"><table width="100%" border="0" cellpadding="6" '
        'cellspacing="0"><tr><td align="center"><font face="Arial" size="1" color="#FFFFFF">'
        "<b>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA</b><br />"
        "Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa - Điện thoại: "
        "(0237) 3852 462<br />Ghi rõ nguồn &quot;Sở KH&amp;CN Thanh Hóa&quot; khi phát hành "
        'lại thông tin từ website này.</font></td><td width="110" align="center">'
        f'<a href="{chrome.signin_href(ctx.path)}"><font face="Arial" size="1" '
        'color="#FFFF99"><b>ĐĂNG NHẬP</b></font></a></td></tr></table></td></tr>\n'
        "</table>\n</center>\n</div></div>\n"
        + chrome.hidden_bottom(ctx)
        + "</form></body></html>\n"
    )
