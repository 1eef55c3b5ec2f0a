"""tandan's master page: the platform vendor's own e-portal master (classes `TD-*`, `td-*`,
`tandan-*`) on an SP2010 shell (hidden `s4-ribbonrow`, `s4-workspace`). A header with the
portal's name and the search box (its "Tìm kiếm" submit the form's first), a top menu
(`ul.TD-ul-menu-top`: "Trang chủ", "Giới thiệu" with its drop-down, the channels but "Cơ chế
chính sách", "Liên hệ"), then three columns: left the module menu (`ul.TD-ul-module-menu-left`:
"Giới thiệu", the channels but "Thông báo", "Sơ đồ tổ chức", "Liên hệ"), the date archive
"Các tin đã đăng ngày", "Video Clip", "HÌNH ẢNH HOẠT ĐỘNG"; the main column; right "Tin mới" and
"Liên kết website". The footer holds a site map (every top-level channel and static page) and
"ĐĂNG NHẬP". Every `<title>` reads "<page> - CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ
THANH HÓA"; an article page's `meta name="description"` holds its lead.

Also here: the static pages of the `/portal/Pages/` folder (introduction, functions, org chart,
contacts) — publishing pages with SharePoint's rich-text field, listing no article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import chrome
from ..chrome import Ctx
from .base import esc

if TYPE_CHECKING:
    from .base import Skin

PORTAL = "CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA"
STYLE = "/portal/Style%20Library/TD.Portal"
LEFT = "ctl00$PlaceHolderLeftNavBar$TDLichTin"
HOME = "/portal/Pages/default.aspx"
LINKS = [
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://www.most.gov.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
]


def page(slug: str) -> str:
    return f"/portal/Pages/{slug}.aspx"


def rich_field(ctl: str, inner: str) -> str:
    """SharePoint's RichHtmlField as a publishing page renders it: a hidden label, then the
    field (`aria-labelledby` the label). The label's text is no content."""
    pid = f"ctl00_PlaceHolderMain_{ctl}"
    return (
        f'<div id="{pid}_label" style="display:none">Nội dung Trang</div>'
        f'<div id="{pid}__ControlWrapper_RichHtmlField" class="ms-rtestate-field" '
        f'style="display:inline" aria-labelledby="{pid}_label">\n{inner}\n</div>'
    )


# -- static pages of /portal/Pages/ (no article listed on them) ----------------------------------
ABOUT = [
    "Sở Khoa học và Công nghệ tỉnh Thanh Hóa là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh,"
    " thực hiện chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về khoa học và"
    " công nghệ; phát triển tiềm lực khoa học và công nghệ; tiêu chuẩn, đo lường, chất lượng;"
    " sở hữu trí tuệ; ứng dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và hạt nhân.",
    "Trải qua hơn 55 năm xây dựng và phát triển, Sở đã tham mưu cho Tỉnh ủy, Hội đồng nhân dân,"
    " Ủy ban nhân dân tỉnh ban hành nhiều cơ chế, chính sách khuyến khích phát triển khoa học và"
    " công nghệ, hỗ trợ doanh nghiệp đổi mới công nghệ, phát triển tài sản trí tuệ và khởi nghiệp"
    " đổi mới sáng tạo, góp phần quan trọng vào sự phát triển kinh tế - xã hội của tỉnh.",
    "Sở chịu sự chỉ đạo, quản lý về tổ chức, biên chế và công tác của Ủy ban nhân dân tỉnh, đồng"
    " thời chịu sự chỉ đạo, kiểm tra, hướng dẫn về chuyên môn, nghiệp vụ của Bộ Khoa học và Công"
    " nghệ. Trụ sở làm việc đặt tại số 15 Phan Chu Trinh, phường Điện Biên, thành phố Thanh Hóa.",
]
DUTIES = [
    "Trình Ủy ban nhân dân tỉnh dự thảo quyết định, chỉ thị, quy hoạch, kế hoạch dài hạn, năm"
    " năm và hằng năm về phát triển khoa học và công nghệ trên địa bàn tỉnh.",
    "Hướng dẫn, kiểm tra và tổ chức thực hiện các văn bản quy phạm pháp luật, quy hoạch, kế"
    " hoạch, chương trình, đề án, dự án về khoa học và công nghệ sau khi được phê duyệt.",
    "Tổ chức tuyển chọn, giao trực tiếp tổ chức, cá nhân thực hiện nhiệm vụ khoa học và công nghệ"
    " cấp tỉnh; đánh giá, nghiệm thu và công nhận kết quả thực hiện nhiệm vụ.",
]
ORG = [
    ("Ban Giám đốc Sở", "Giám đốc và các Phó Giám đốc Sở"),
    ("Văn phòng Sở", "Tổng hợp, hành chính, tổ chức cán bộ"),
    ("Phòng Quản lý Khoa học", "Quản lý nhiệm vụ khoa học và công nghệ"),
    ("Phòng Quản lý Công nghệ", "Thẩm định, đánh giá công nghệ; sở hữu trí tuệ"),
    ("Thanh tra Sở", "Thanh tra chuyên ngành khoa học và công nghệ"),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Đơn vị trực thuộc"),
    ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "Đơn vị sự nghiệp trực thuộc"),
]
CONTACTS = [
    ("Địa chỉ", "Số 15 Phan Chu Trinh, phường Điện Biên, thành phố Thanh Hóa, tỉnh Thanh Hóa"),
    ("Điện thoại", "(0237) 3 852 384"),
    ("Fax", "(0237) 3 852 385"),
    ("Email", "skhcn@thanhhoa.gov.vn"),
]
# top menu "Giới thiệu" drop-down; left menu; footer site map (title, slug)
ABOUT_PAGES = [
    ("Giới thiệu chung", "Gioi-thieu"),
    ("Chức năng, nhiệm vụ", "Chuc-nang-nhiem-vu"),
    ("Sơ đồ tổ chức", "So-do-to-chuc"),
]


def _paragraphs(texts: list[str]) -> str:
    return "\n".join(f'<p style="text-align: justify;">{esc(t)}</p>' for t in texts)


def _static_body(slug_low: str) -> tuple[str, str] | None:
    if slug_low == "gioi-thieu":
        return "Giới thiệu", _paragraphs(ABOUT)
    if slug_low == "chuc-nang-nhiem-vu":
        return "Chức năng, nhiệm vụ", _paragraphs(DUTIES)
    if slug_low == "so-do-to-chuc":
        rows = "".join(
            f"<tr><td><strong>{esc(unit)}</strong></td><td>{esc(what)}</td></tr>"
            for unit, what in ORG
        )
        return "Sơ đồ tổ chức", (
            f'<p style="text-align: center;"><img src="/portal/Photos/2021-04/'
            f'8d2f0c6b1e7a9354fa_sodo.jpg" alt="Sơ đồ tổ chức" /></p>'
            f'<table class="ms-rteTable-default" border="1" cellspacing="0" width="100%">'
            f"<tbody>{rows}</tbody></table>"
        )
    if slug_low == "lien-he":
        lines = "".join(f"<p><strong>{esc(k)}:</strong> {esc(v)}</p>" for k, v in CONTACTS)
        return "Liên hệ", f"<p><strong>SỞ KHOA HỌC VÀ CÔNG NGHỆ THANH HÓA</strong></p>{lines}"
    return None


def static_page(path_low: str) -> tuple[str, str] | None:
    """(title, main) of a static publishing page: title, the rich-text field, nothing listed."""
    if not path_low.startswith("/portal/pages/") or not path_low.endswith(".aspx"):
        return None
    found = _static_body(path_low[14:-5])
    if found is None:
        return None
    title, body = found
    return title, (
        '<div class="tandan-div-page"><div class="TD-breadcrumb"><a href="'
        f'{HOME}">Trang chủ</a> &gt; <span>{esc(title)}</span></div>'
        f'<h1 class="tandan-page-title">{esc(title)}</h1>'
        f"{rich_field('ctl02', body)}</div>"
    )


# -- the master page ------------------------------------------------------------------------
def _menu_top(skin: Skin) -> str:
    about = "".join(f'<li><a href="{page(s)}">{esc(t)}</a></li>' for t, s in ABOUT_PAGES)
    items = [
        f'<li class="TD-li-menu-top"><a href="{HOME}">Trang chủ</a></li>',
        f'<li class="TD-li-menu-top TD-has-sub"><a href="{page("Gioi-thieu")}">Giới thiệu</a>'
        f'<ul class="TD-ul-menu-top-sub">{about}</ul></li>',
    ]
    items += [
        f'<li class="TD-li-menu-top"><a href="{c.path}">{esc(c.name)}</a></li>'
        for c in skin.channels
        if not c.parent and c.slug not in skin.left_only
    ]
    items.append(f'<li class="TD-li-menu-top"><a href="{page("Lien-he")}">Liên hệ</a></li>')
    return f'<div class="TD-menu-top"><ul class="TD-ul-menu-top">{"".join(items)}</ul></div>'


def _menu_left(skin: Skin, path_low: str) -> str:
    links = [(page("Gioi-thieu"), "Giới thiệu")]
    links += [
        (c.path, c.name) for c in skin.channels if not c.parent and c.slug not in skin.top_only
    ]
    links += [(page("So-do-to-chuc"), "Sơ đồ tổ chức"), (page("Lien-he"), "Liên hệ")]
    lis = "".join(
        '<li class="TD-li-module-menu-left'
        + (' TD-selected"' if href.lower() == path_low else '"')
        + f'><a href="{href}"><span>{esc(text)}</span></a></li>'
        for href, text in links
    )
    return (
        '<div class="TD-module"><div class="TD-module-title"><span>Danh mục</span></div>'
        f'<ul class="TD-ul-module-menu-left">{lis}</ul></div>'
    )


def _archive(skin: Skin, ctx: Ctx) -> str:
    n = skin.names
    did = n["date_input"].replace("$", "_")
    day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
    return (
        '<div class="TD-module td-lich-tin"><div class="TD-module-title"><span>Các tin đã đăng '
        'ngày</span></div><div class="TD-module-content"><table class="td-date-table" '
        'cellpadding="0" cellspacing="0"><tr><td class="ms-dtinput">'
        f'<input name="{n["date_input"]}" type="text" value="{day}" maxlength="45" id="{did}" '
        'class="ms-input" /></td><td class="ms-dtinput">'
        f'<a href="{chrome.calendar_href(ctx.day)}" onclick="clickDatePicker(\'{did}\', '
        "'\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); return false;\">"
        '<img src="/_layouts/images/calendar.gif" border="0" alt="Chọn một ngày từ lịch." />'
        "</a></td></tr></table>"
        f'<iframe id="{did}DatePickerFrame" title="Chọn một ngày từ lịch." style="display:none;'
        ' position:absolute; width:200px; z-index:101;" src="/_layouts/images/blank.gif">'
        f'</iframe><input type="submit" name="{n["archive_button"]}" value="Xem" '
        f'id="{n["archive_button"].replace("$", "_")}" class="td-btn-xem" /></div></div>'
    )


def _side_left(skin: Skin, ctx: Ctx) -> str:
    videos = "".join(
        f'<li><a href="{chrome.video_path(s)}">{esc(t)}</a></li>' for t, s in chrome.VIDEOS
    )
    photos = "".join(
        f'<a href="{full}" title="{esc(t)}"><img src="{th}" width="200" alt="{esc(t)}" /></a>'
        for t, full, th in chrome.gallery_items()
    )
    return (
        _menu_left(skin, ctx.path.lower())
        + _archive(skin, ctx)
        + '<div class="TD-module"><div class="TD-module-title"><span>Video Clip</span></div>'
        f'<ul class="td-video">{videos}</ul></div>'
        '<div class="TD-module"><div class="TD-module-title"><span>HÌNH ẢNH HOẠT ĐỘNG</span>'
        f'</div><div class="td-gallery">{photos}</div></div>'
    )


def _side_right(ctx: Ctx) -> str:
    latest = "".join(f'<li><a href="{p}">{esc(t)}</a></li>' for p, t in ctx.latest)
    links = "".join(f'<option value="{u}">{esc(t)}</option>' for t, u in LINKS)
    return (
        '<div class="TD-module"><div class="TD-module-title"><span>Tin mới</span></div>'
        f'<ul class="td-tin-moi">{latest}</ul></div>'
        '<div class="TD-module"><div class="TD-module-title"><span>Liên kết website</span></div>'
        '<select class="td-lien-ket" onchange="if(this.value!=\'\')window.open(this.value);">'
        f'<option value="">-- Chọn liên kết --</option>{links}</select></div>'
    )


def _sub_channels(skin: Skin, path_low: str) -> str:
    """On a channel's own pages, the tabs of its sub-channels (linked from nowhere else); on a
    sub-channel's pages, a breadcrumb up to its parent."""
    here = next((c for c in skin.channels if c.path.lower() == path_low), None)
    if here is not None and here.parent:
        up = next(c for c in skin.channels if c.name == here.parent)
        return (
            f'<div class="TD-breadcrumb"><a href="{HOME}">Trang chủ</a> &gt; <a href="{up.path}">'
            f"{esc(up.name)}</a> &gt; <span>{esc(here.name)}</span></div>"
        )
    subs = [c for c in skin.channels if here and c.parent == here.name]
    if not subs:
        return ""
    tabs = "".join(f'<li><a href="{c.path}">{esc(c.name)}</a></li>' for c in subs)
    return (
        '<div class="tandan-div-sub-channel"><span class="tandan-span-sub-channel">Chuyên mục:'
        f'</span><ul class="tandan-ul-sub-channel">{tabs}</ul></div>'
    )


def _footer(skin: Skin, ctx: Ctx) -> str:
    links = [(page(s), t) for t, s in ABOUT_PAGES]
    links += [(c.path, c.name) for c in skin.channels if not c.parent]
    links.append((page("Lien-he"), "Liên hệ"))
    sitemap = "".join(f'<li><a href="{h}">{esc(t)}</a></li>' for h, t in links)
    return (
        '<div class="TD-footer"><div class="td-footer-sitemap"><span>Sơ đồ cổng</span>'
        f'<ul class="td-ul-sitemap">{sitemap}</ul></div><div class="td-footer-info">'
        f"<p><strong>{PORTAL}</strong></p><p>Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh"
        " Thanh Hóa. Địa chỉ: Số 15 Phan Chu Trinh, phường Điện Biên, TP. Thanh Hóa</p>"
        "<p>Chịu trách nhiệm chính: Giám đốc Sở Khoa học và Công nghệ</p></div>"
        f'<div class="td-footer-login"><a href="{chrome.signin_href(ctx.path)}">ĐĂNG NHẬP</a>'
        "</div></div>\n"
    )


def page_layout(skin: Skin, ctx: Ctx, main: str) -> str:
    n = skin.names
    view = ctx.extra.get("article")
    meta = ""
    if view is not None and view.lead:
        meta = f'<meta name="description" content="{view.lead}" />\n'  # escaped already
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=8" />\n'
        + chrome.meta_charset(ctx)
        + f"<title>\n\t{esc(ctx.title)} - {PORTAL}\n</title>\n"
        + meta
        + f'<link rel="stylesheet" type="text/css" href="{STYLE}/css/tandan.css" />\n'
        + chrome.registered_scripts(skin.name)
        + '</head>\n<body scroll="no" onload="javascript:_spBodyOnLoadWrapper();" '
        'class="v4master">\n'
        f'<form method="post" action="{esc(ctx.action)}" '
        'onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">\n'
        + chrome.hidden_top(ctx)
        + chrome.POSTBACK_JS
        + '<div id="s4-ribbonrow" class="s4-pr s4-ribbonrowhidetitle" style="display:none">'
        '<div id="s4-ribboncont"><a href="javascript:;" class="ms-skip" accesskey="J">'
        'Bỏ qua Lệnh Ruy-băng</a> <a href="#mainContent" class="ms-skip">Bỏ qua nội dung chính'
        '</a></div></div>\n<div id="s4-workspace"><div id="s4-bodyContainer">\n'
        '<div class="TD-wrapper"><div class="TD-header"><div class="td-logo">'
        f'<a href="{HOME}"><img src="{STYLE}/images/logo.png" alt="{PORTAL}" /></a></div>'
        '<div class="td-search">'
        f'<input name="{n["search_input"]}" type="text" maxlength="255" '
        f'id="{n["search_input"].replace("$", "_")}" class="td-txt-search" '
        'title="Nhập từ khóa" /> '
        f'<input type="submit" name="{n["search_button"]}" value="Tìm kiếm" '
        'class="td-btn-search" /></div></div>\n'
        + _menu_top(skin)
        + '\n<div class="TD-content"><table class="TD-layout" width="100%" cellpadding="0" '
        'cellspacing="0"><tr>\n<td class="TD-col-left" valign="top" width="220">'
        + _side_left(skin, ctx)
        + '</td>\n<td class="TD-col-main" valign="top"><a name="mainContent"></a>\n'
        + _sub_channels(skin, ctx.path.lower())
        + main
        + '\n</td>\n<td class="TD-col-right" valign="top" width="220">'
        + _side_right(ctx)
        + "</td>\n</tr></table></div>\n"
        + _footer(skin, ctx)
        + "</div></div></div>\n"
        + chrome.hidden_bottom(ctx)
        + "</form></body></html>\n"
    )
