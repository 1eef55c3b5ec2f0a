"""Shared SharePoint 2010 master-page pieces: hidden ASP.NET fields, postback script,
registered scripts (realistic page weight), side-box data, calendar and sign-in links."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote

esc = html.escape

MENU_PAGES = [
    ("Giới thiệu", "Gioi-thieu"),
    ("Cơ cấu tổ chức", "Co-cau-to-chuc"),
    ("Văn bản pháp quy", "Van-ban-phap-quy"),
    ("Thủ tục hành chính", "Thu-tuc-hanh-chinh"),
    ("Liên hệ", "Lien-he"),
    ("Sơ đồ cổng", "So-do-cong"),
]
VIDEOS = [
    ("Khoa học và công nghệ Thanh Hóa - 55 năm xây dựng và phát triển", "KHCN-55-nam"),
    ("Khoa học và công nghệ - Động lực phát triển nhanh và bền vững", "KHCN-dong-luc"),
]
GALLERY = [
    ("Lãnh đao Sở Khoa học Công nghệ...", "2021-04", "99eff37a75b30deda1_JPG.jpg"),
    ("3 Doanh nghiệp xuất sắc được G...", "2021-04", "4c1d2e3f5a6b7c8d9e_JPG.jpg"),
]
SOD = [
    "sp.core.js",
    "sp.ui.dialog.js",
    "core.js",
    "sp.runtime.js",
    "sp.js",
    "cui.js",
    "inplview.js",
    "ribbon.js",
    "sp.ribbon.js",
    "datepicker.js",
    "init.js",
    "msstring.js",
    "browserScript",
    "sp.ui.rte.js",
    "sp.ui.mylinks.js",
    "sp.exp.js",
    "wpadder.js",
    "search.js",
    "callout.js",
    "clienttemplates.js",
    "mQuery.js",
    "profilebrowserscriptres.js",
]


@dataclass
class Ctx:
    """What a skin needs to lay out one page."""

    path: str  # path the page answers at (used in links/forms)
    title: str  # <title>
    vs: str  # __VIEWSTATE
    ev: str  # __EVENTVALIDATION
    action: str  # form action
    latest: list[tuple[str, str]]  # "Tin mới": (path, title)
    channels: list[tuple[str, str]]  # menu: (path, name)
    day: date | None = None  # the archive day shown in the date box
    charset: str = "utf-8"
    # "site": the Site (for side boxes of its own); "article": the ArticleView of an article page
    extra: dict[str, Any] = field(default_factory=dict)


def hidden_top(ctx: Ctx) -> str:
    """The hidden fields SharePoint puts right after <form>."""
    digest = hashlib.sha1(ctx.path.encode()).hexdigest().upper()
    return (
        '<div class="aspNetHidden">\n'
        '<input type="hidden" name="MSOWebPartPage_PostbackSource" '
        'id="MSOWebPartPage_PostbackSource" value="" />\n'
        '<input type="hidden" name="MSOTlPn_SelectedWpId" id="MSOTlPn_SelectedWpId" value="" />\n'
        '<input type="hidden" name="MSOSPWebPartManager_DisplayModeName" '
        'id="MSOSPWebPartManager_DisplayModeName" value="Browse" />\n'
        '<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />\n'
        '<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />\n'
        f'<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" '
        f'value="0x{digest}{digest[:24]},27 Nov 2026 08:00:00 -0000" />\n'
        f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{ctx.vs}" />\n'
        "</div>\n"
    )


def hidden_bottom(ctx: Ctx) -> str:
    """__EVENTVALIDATION comes at the end of the form, as ASP.NET renders it."""
    return (
        '<div class="aspNetHidden">\n'
        '<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" '
        'value="BAB98CB3" />\n'
        '<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" '
        f'value="{ctx.ev}" />\n'
        "</div>\n"
    )


POSTBACK_JS = """<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) { theForm = document.aspnetForm; }
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>
"""


@cache
def registered_scripts(skin: str) -> str:
    """Static script/CSS registration blocks of a SharePoint master page (~8 KB)."""
    rev = hashlib.md5(skin.encode()).hexdigest()[:22]
    links = "".join(
        f'<script type="text/javascript" src="/_layouts/1066/{s}?rev={rev}%3D%3D"></script>\n'
        for s in SOD[:6]
    )
    sods = "".join(
        f'RegisterSod("{s}", "\\u002f_layouts\\u002f{s}?rev={rev}\\u00253D\\u00253D");\n'
        f'RegisterSodDep("{s}", "core.js");\n'
        for s in SOD
    )
    init = "".join(
        f"_spBodyOnLoadFunctionNames.push(\"_spInit{i}\"); var g_sp{i} = {{'wpq': 'WPQ{i}', "
        f"'listId': '{{{hashlib.md5(f'{skin}{i}'.encode()).hexdigest()}}}', 'view': 'AllItems'}};\n"
        for i in range(40)
    )
    return (
        '<link rel="stylesheet" type="text/css" href="/_layouts/1066/styles/Themable/corev4.css'
        f'?rev={rev}" />\n'
        + links
        + '<script type="text/javascript">\n//<![CDATA[\nvar _fV4UI = true; '
        'var L_Menu_BaseUrl="/portal";'
        ' var L_Menu_LCID="1066"; var L_Menu_SiteTheme="";\n' + sods + init + "//]]>\n</script>\n"
    )


def calendar_href(day: date | None) -> str:
    """The date picker popup (the crawler trap)."""
    d = day or date(2026, 11, 27)
    return (
        "/_layouts/iframe.aspx?cal=1&amp;lcid=1066&amp;langid=1066&amp;tz=-07:00:00.0003334"
        "&amp;ww=0111110&amp;fdow=1&amp;fwoy=0&amp;hj=0&amp;swn=false&amp;minjday=109207"
        f"&amp;maxjday=2666269&amp;date={d.month}/{d.day}/{d.year}"
    )


def signin_href(path: str) -> str:
    return f"/_layouts/Authenticate.aspx?Source={quote(path, safe='')}"


def video_path(slug: str) -> str:
    return f"/portal/Videos/{slug}.aspx"


def gallery_items() -> list[tuple[str, str, str]]:
    """(caption, full path, thumbnail path)"""
    return [(t, f"/portal/Photos/{m}/{f}", f"/portal/Photos/{m}/_w/{f}") for t, m, f in GALLERY]


def meta_charset(ctx: Ctx) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={ctx.charset}" />\n'
