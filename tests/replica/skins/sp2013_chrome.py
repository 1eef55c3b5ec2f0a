"""sp2013's master page: a branded SharePoint 2013/2016 publishing master (seattle.master
lineage) — a suite bar with "Đăng nhập", hidden `s4-ribbonrow`, `#s4-workspace` /
`#s4-bodyContainer`, a title row (logo, site name as text, search box), the top navigation
(`ms-core-listMenu-horizontalBox`, channels in the "Tin tức" flyout), then `#contentRow`:
`#sideNavBox` (quick launch "Chuyên mục" and a left web-part zone: "Các tin đã đăng ngày",
"Thăm dò ý kiến", "Liên kết website") and `#contentBox > #DeltaPlaceHolderMain`, whose page
layout is a two-cell table: the main zone and a right web-part zone ("Tin mới nhất", "Tin đọc
nhiều", "Lịch công tác" — a Content Editor web part, "Video Clip", "HÌNH ẢNH HOẠT ĐỘNG").
Every side box is SharePoint 2013 web-part chrome (`div.ms-webpart-chrome`,
`h2.ms-webpart-titleText`, `div.ms-WPBody`); the footer carries "ĐĂNG NHẬP"."""

from __future__ import annotations

import hashlib
import re
import zlib
from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

STYLE = "/portal/Style%20Library/CongTTDT"
LEFT = "ctl00$PlaceHolderLeftNavBar"
ARCHIVE_WP = f"{LEFT}$g_7c2e4a91_5b3f_4d08_a6e1_3f9b0d2c8e57$ctl00"
POLL_WP = f"{LEFT}$g_2a9d6f13_c0e7_4b52_9d84_6e1f7a3b5c20$ctl00"
LINKS_WP = f"{LEFT}$g_e41b8c07_3d95_4a6f_b2c8_90d7e5f1a364$ctl00"
LINKS = [
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://www.most.gov.vn"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]
POLL = (
    "Rất hữu ích, thông tin cập nhật kịp thời",
    "Hữu ích",
    "Bình thường",
    "Cần cải thiện thêm",
)
# "Lịch công tác": a Content Editor web part, the same on every page (no full dates in it)
SCHEDULE = [
    (
        "Thứ Hai",
        "08h00: Giám đốc Sở chủ trì họp giao ban Ban Giám đốc Sở và lãnh đạo các phòng, đơn vị"
        " trực thuộc tại phòng họp tầng 3. 14h00: Phó Giám đốc Sở làm việc với Trung tâm Ứng dụng"
        " tiến bộ khoa học và công nghệ.",
    ),
    (
        "Thứ Ba",
        "Cả ngày: Giám đốc Sở dự Hội nghị Ban Chấp hành Đảng bộ tỉnh mở rộng tại Trung tâm Hội"
        " nghị tỉnh. 08h30: Phó Giám đốc Sở kiểm tra tiến độ thực hiện các nhiệm vụ khoa học và"
        " công nghệ cấp tỉnh tại huyện Thọ Xuân và huyện Triệu Sơn.",
    ),
    (
        "Thứ Tư",
        "08h00: Họp Hội đồng khoa học và công nghệ tư vấn tuyển chọn tổ chức, cá nhân chủ trì"
        " thực hiện nhiệm vụ năm sau. 15h00: Làm việc với Đoàn kiểm tra của Bộ Khoa học và Công"
        " nghệ về công tác tiêu chuẩn, đo lường, chất lượng trên địa bàn tỉnh.",
    ),
]


def cid(name: str) -> str:
    """The client id ASP.NET derives from a control's unique name."""
    return name.replace("$", "_")


def views(text: str) -> str:
    """A stable view counter for *text*, Vietnamese thousands separator ("1.234")."""
    return f"{150 + zlib.crc32(text.encode()) % 9800:,}".replace(",", ".")


def path_day(path: str) -> str:
    """dd/MM/yyyy of an article path's date folder ("" if it has none)."""
    m = re.search(r"/(\d{4})-(\d{1,2})-(\d{1,2})/", path)
    return f"{int(m[3]):02d}/{int(m[2]):02d}/{m[1]}" if m else ""


def relative_action(action: str) -> str:
    """SharePoint 2013 renders the form action as "./<page file>?<query>"."""
    path, sep, query = action.partition("?")
    return "./" + path.rsplit("/", 1)[-1] + sep + query


def web_part(wpq: int, title: str, body: str, title_href: str | None = None) -> str:
    """One web part in SharePoint 2013 chrome; side boxes are excluded from search (noindex)."""
    wid = hashlib.md5(f"sp2013:{wpq}".encode()).hexdigest()
    wid = f"{wid[:8]}-{wid[8:12]}-{wid[12:16]}-{wid[16:20]}-{wid[20:32]}"
    head = f'<nobr><span>{title}</span><span id="WebPartCaptionWPQ{wpq}"></span></nobr>'
    if title_href:
        head = f'<a href="{title_href}">{head}</a>'
    return (
        f'<div class="ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth s4-wpcell-plain" '
        f'id="MSOZoneCell_WebPartWPQ{wpq}"><div class="ms-webpart-chrome '
        'ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth"><div class="ms-webpart-chrome-'
        f'title"><span title="{title}" class="js-webpart-titleCell"><h2 class="ms-webpart-'
        f'titleText">{head}</h2></span></div><div webpartid="{wid}" haspers="false" '
        f'id="WebPartWPQ{wpq}" width="100%" class="ms-WPBody noindex" allowdelete="false" '
        f'style="">{body}<div class="ms-clear"></div></div></div></div>\n'
    )


def zone(zid: str, parts: str) -> str:
    return (
        f'<div class="ms-webpart-zone ms-fullWidth"><div id="{zid}" class="ms-hide"></div>'
        f"{parts}</div>\n"
    )


def archive_box(skin: Skin, ctx: Ctx) -> str:
    """ "Các tin đã đăng ngày": the SharePoint DateTimeControl and "Xem"."""
    n = skin.names
    did = cid(n["date_input"])
    table = did[: -len("Date")]
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    return (
        '<div class="archive-box"><span class="ms-metadata">Chọn ngày đăng tin (ngày/tháng/năm):'
        f'</span><table id="{table}" border="0" cellpadding="0" cellspacing="0"><tr>'
        f'<td class="ms-dtinput"><label for="{did}" style="display:none">Chọn ngày</label>'
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="45" id="{did}" '
        'class="ms-input" AutoPostBack="0" /></td><td class="ms-dtinput">'
        f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\'{did}\', '
        "'\\u002f_layouts\\u002f15\\u002fiframe.aspx?&amp;cal=1&amp;lcid=1066&amp;"
        "langid=1066&amp;date=', '', "
        'event); return false;"><img id="' + did + 'DatePickerImage" '
        'src="/_layouts/15/images/calendar_25.gif?rev=23" border="0" '
        'alt="Chọn một ngày từ lịch." /></a></td><td><iframe id="'
        f'{did}DatePickerFrame" src="/_layouts/15/images/blank.gif?rev=23" frameborder="0" '
        'scrolling="no" style="display:none; position:absolute; width:200px; z-index:101;" '
        'title="Chọn một ngày từ lịch."></iframe></td></tr></table>'
        f'<div class="archive-submit"><input type="submit" name="{n["archive_button"]}" '
        f'value="Xem" id="{cid(n["archive_button"])}" class="ms-ButtonHeightWidth" /></div></div>'
    )


def poll_box() -> str:
    name = f"{POLL_WP}$rblBinhChon"
    opts = "".join(
        f'<tr><td><input id="{cid(name)}_{i}" type="radio" name="{name}" value="{i + 1}" />'
        f'<label for="{cid(name)}_{i}">{esc(t)}</label></td></tr>'
        for i, t in enumerate(POLL)
    )
    return (
        '<div class="poll"><p class="poll-question">Bạn đánh giá thế nào về nội dung thông tin'
        f' trên Cổng thông tin điện tử của Sở?</p><table id="{cid(name)}" class="poll-options">'
        f'{opts}</table><div class="poll-actions"><input type="submit" '
        f'name="{POLL_WP}$btnBinhChon" value="Bình chọn" id="{cid(POLL_WP)}_btnBinhChon" '
        'class="ms-ButtonHeightWidth" /> <a href="/portal/Pages/Ket-qua-binh-chon.aspx">'
        "Xem kết quả</a></div></div>"
    )


def links_box() -> str:
    opts = "".join(f'<option value="{u}">{esc(t)}</option>' for t, u in LINKS)
    name = f"{LINKS_WP}$ddlLienKet"
    return (
        f'<select name="{name}" id="{cid(name)}" class="ms-input" '
        "onchange=\"if (this.value != '') window.open(this.value, '_blank');\">"
        f'<option selected="selected" value="">-- Chọn liên kết --</option>{opts}</select>'
    )


def quick_launch(ctx: Ctx) -> str:
    items = [*ctx.channels, *((f"/portal/Pages/{s}.aspx", t) for t, s in chrome.MENU_PAGES[:3])]
    lis = "".join(
        '<li class="static"><a class="static menu-item ms-core-listMenu-item ms-displayInline '
        f'ms-navedit-linkNode" href="{p}"><span class="additional-background ms-navedit-'
        f'flyoutArrow"><span class="menu-item-text">{esc(t)}</span></span></a></li>'
        for p, t in items
    )
    return (
        '<div id="ctl00_PlaceHolderLeftNavBar_QuickLaunchNavigationManager"><div '
        'id="zz15_V4QuickLaunchMenu" class="noindex ms-core-listMenu-verticalBox">'
        '<div class="ql-heading">Chuyên mục</div><ul id="zz16_RootAspMenu" class="root '
        f'ms-core-listMenu-root static">{lis}</ul></div></div>'
    )


def top_nav(ctx: Ctx) -> str:
    def li(href: str, text: str, sub: str = "") -> str:
        cls = "static dynamic-children" if sub else "static"
        return (
            f'<li class="{cls}"><a class="static menu-item ms-core-listMenu-item ms-displayInline'
            f' ms-navedit-linkNode" href="{href}"><span class="additional-background '
            f'ms-navedit-flyoutArrow"><span class="menu-item-text">{esc(text)}</span></span></a>'
            f"{sub}</li>"
        )

    flyout = "".join(
        f'<li class="dynamic"><a class="dynamic menu-item" href="{p}"><span class="'
        f'additional-background"><span class="menu-item-text">{esc(t)}</span></span></a></li>'
        for p, t in ctx.channels
    )
    pages = [(f"/portal/Pages/{s}.aspx", t) for t, s in chrome.MENU_PAGES]
    lis = (
        li("/portal/Pages/default.aspx", "Trang chủ")
        + li(*pages[0])
        + li("/portal/Pages/Tin-tuc.aspx", "Tin tức", f'<ul class="dynamic">{flyout}</ul>')
        + "".join(li(*p) for p in pages[1:5])
    )
    return (
        '<div id="DeltaTopNavigation" class="ms-displayInline ms-core-navigation '
        'ms-dialogHidden"><div id="zz13_TopNavigationMenu" class="noindex ms-core-listMenu-'
        f'horizontalBox"><ul id="zz14_RootAspMenu" class="root ms-core-listMenu-root static">'
        f"{lis}</ul></div></div>"
    )


def page_context(ctx: Ctx) -> str:
    return (
        '<script type="text/javascript">\n//<![CDATA[\nvar _spPageContextInfo = {'
        '"webServerRelativeUrl":"\\u002fportal","webAbsoluteUrl":"","siteServerRelativeUrl":'
        '"\\u002f","webLanguage":1066,"currentLanguage":1066,"webUIVersion":15,'
        f'"serverRequestPath":"{esc(ctx.path)}","alertsEnabled":false,"siteClientTag":'
        '"0$$16.0.4771.1000","crossDomainPhotosEnabled":false,"webTemplate":"53",'
        '"isAnonymousGuestUser":true,"isAppWeb":false,"pageListId":'
        '"{5c1e2b7f-0d4e-4c7b-9a6e-2f1d3c5b7a90}","userId":0};\n'
        "Strings.STS = Strings.STS || {}; Strings.STS.L_NewTab = 'mới';\n//]]>\n</script>\n"
    )


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    n = skin.names
    latest = "".join(
        f'<li class="dfwp-item"><div class="item link-item"><a href="{p}">{esc(t)}</a>'
        + (f' <span class="ms-metadata item-date">({path_day(p)})</span>' if path_day(p) else "")
        + "</div></li>"
        for p, t in ctx.latest
    )
    most_read = "".join(
        f'<li class="dfwp-item"><div class="item link-item"><a href="{p}">{esc(t)}</a>'
        f' <span class="ms-metadata">{views(p)} lượt xem</span></div></li>'
        for p, t in ctx.latest[::-1][:5]
    )
    schedule = "".join(
        f'<tr><td class="lct-thu" valign="top"><strong>{d}</strong></td><td>{esc(t)}</td></tr>'
        for d, t in SCHEDULE
    )
    videos = "".join(
        f'<li class="dfwp-item"><div class="item link-item"><a href="{chrome.video_path(s)}">'
        f"{esc(t)}</a></div></li>"
        for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<li class="dfwp-item"><div class="item"><div class="image-area-top"><a href="{full}">'
        f'<img class="image" src="{th}" alt="{esc(t)}" /></a></div><div class="link-item">'
        f'<a href="{full}">{esc(t)}</a></div></div></li>'
        for t, full, th in chrome.gallery_items()
    )
    cqwp = '<ul class="dfwp-column dfwp-list" style="width:100%">'
    left = zone(
        "ctl00_PlaceHolderLeftNavBar_zLeft",
        web_part(4, "Các tin đã đăng ngày", archive_box(skin, ctx))
        + web_part(5, "Thăm dò ý kiến", poll_box())
        + web_part(6, "Liên kết website", links_box()),
    )
    right = zone(
        "ctl00_ctl40_zRight",
        web_part(8, "Tin mới nhất", f"{cqwp}{latest}</ul>")
        + web_part(9, "Tin đọc nhiều", f"{cqwp}{most_read}</ul>")
        + web_part(
            10,
            "Lịch công tác",
            '<div class="ms-rtestate-field"><p><strong>Lịch công tác tuần của Lãnh đạo Sở'
            '</strong></p><table class="lich-cong-tac" width="100%" cellpadding="3">'
            f"{schedule}</table><p>Lịch công tác có thể thay đổi, đề nghị các đơn vị theo dõi"
            ' thường xuyên. <a href="/portal/Pages/Lich-cong-tac.aspx">Xem chi tiết</a></p>'
            "</div>",
        )
        + web_part(11, "Video Clip", f"{cqwp}{videos}</ul>")
        + web_part(12, "HÌNH ẢNH HOẠT ĐỘNG", f"{cqwp}{photos}</ul>"),
    )
    signin = chrome.signin_href(ctx.path)
    return (
        '<!DOCTYPE html>\n<html xmlns:o="urn:schemas-microsoft-com:office:office" lang="vi-VN" '
        'dir="ltr"><head><meta name="GENERATOR" content="Microsoft SharePoint" />'
        '<meta http-equiv="X-UA-Compatible" content="IE=10" />\n'
        + chrome.meta_charset(ctx)
        + '<meta http-equiv="Expires" content="0" />\n'
        f"<title>\n\t{esc(ctx.title)}\n</title>\n"
        '<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/'
        'corev15.css?rev=2bJ2%2BEbyw9uXiwqjQZ0Ycw%3D%3D" />\n'
        f'<link rel="stylesheet" type="text/css" href="{STYLE}/css/congttdt.css" />\n'
        + chrome.registered_scripts(skin.name)
        + page_context(ctx)
        + "</head>\n<body onhashchange=\"if (typeof(_spBodyOnHashChange) != 'undefined') "
        '_spBodyOnHashChange();"><div id="imgPrefetch" style="display:none">'
        '<img src="/_layouts/15/images/spcommon.png?rev=23" /></div>\n'
        f'<form method="post" action="{esc(relative_action(ctx.action))}" '
        'onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="suiteBar" class="ms-dialogHidden noindex"><div id="suiteBarLeft">'
        '<span class="ms-core-brandingText">Cổng thông tin điện tử</span></div>'
        '<div id="suiteBarRight"><span id="DeltaSuiteLinks"></span><div id="welcomeMenuBox">'
        f'<a class="ms-signInLink" href="{signin}" style="display:inline;">Đăng nhập</a>'
        "</div></div></div>\n"
        '<div id="ms-designer-ribbon"><div id="s4-ribbonrow" style="visibility:hidden;'
        'display:none"><div id="globalNavBox" class="noindex"><a href="javascript:;" '
        'class="ms-skip" accesskey="J">Bỏ qua Lệnh Ruy-băng</a> <a href="#mainContent" '
        'class="ms-skip">Bỏ qua nội dung chính</a></div></div></div>\n'
        '<div id="s4-workspace" class="ms-core-overlay"><div id="s4-bodyContainer">\n'
        '<div id="s4-titlerow" class="ms-dialogHidden s4-titlerowhidetitle">'
        '<div id="titleAreaBox" class="ms-noList ms-table ms-core-tableNoSpace">'
        '<div id="titleAreaRow" class="ms-tableRow"><div id="siteIcon" class="ms-tableCell '
        'ms-verticalAlignTop"><a href="/portal/Pages/default.aspx" title="Trang chủ">'
        f'<img src="{STYLE}/images/quochuy.png" alt="Quốc huy" /></a></div>'
        '<div class="ms-tableCell ms-verticalAlignTop site-branding"><div class="site-kicker">'
        'Ủy ban nhân dân tỉnh Thanh Hóa</div><div class="site-name">Sở Khoa học và Công nghệ'
        "</div></div>"
        '<div class="ms-tableCell ms-verticalAlignTop"><div id="searchInputBox">'
        '<div class="ms-srch-sb ms-srch-sb-border">'
        f'<input name="{n["search_input"]}" type="text" maxlength="2048" '
        f'id="{cid(n["search_input"])}" class="ms-textSmall ms-srch-sb-prompt ms-helperText" '
        'title="Tìm kiếm..." placeholder="Tìm kiếm..." />'
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        f'id="{cid(n["search_button"])}" class="ms-srch-sb-searchLink" /></div></div></div>'
        "</div></div></div>\n"
        f'<div id="topNavBar">{top_nav(ctx)}</div>\n'
        '<div id="contentRow">\n'
        '<div id="sideNavBox" class="ms-dialogHidden ms-forceWrap ms-noList">'
        '<div id="DeltaPlaceHolderLeftNavBar" class="ms-core-navigation" role="navigation">'
        f"{quick_launch(ctx)}{left}</div></div>\n"
        '<div id="contentBox" aria-live="polite" aria-relevant="all">'
        '<div id="notificationArea" class="ms-notif-box"></div>'
        '<div id="DeltaPageStatusBar"><div id="pageStatusBar"></div></div>'
        '<div id="DeltaPlaceHolderMain"><a id="mainContent" name="mainContent" tabindex="-1">'
        '</a>\n<div class="ms-table ms-fullWidth page-layout"><div class="ms-tableRow">'
        '<div class="ms-tableCell col-main" style="width:68%; vertical-align:top">'
        f"\n{main}\n</div>"
        '<div class="ms-tableCell col-right" style="width:32%; vertical-align:top">'
        f"{right}</div></div></div>\n</div></div>\n</div>\n"
        '<div id="footer" class="ms-dialogHidden"><div class="footer-inner"><p class="footer-'
        'name">CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA</p><p>Cơ quan chủ'
        " quản: Sở Khoa học và Công nghệ tỉnh Thanh Hóa. Địa chỉ: Số 15 Phan Chu Trinh, phường"
        " Điện Biên, TP. Thanh Hóa. Điện thoại: 0237.3852.532.</p><p>Ghi rõ nguồn &quot;Cổng"
        " TTĐT Sở KH&amp;CN Thanh Hóa&quot; khi phát hành lại thông tin từ website này.</p>"
        f'<p class="footer-login"><a href="{signin}">ĐĂNG NHẬP</a></p></div></div>\n'
        "</div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
    )
