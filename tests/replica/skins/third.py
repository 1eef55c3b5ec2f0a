"""third: a home-grown ePortal theme — deep div nesting, definition lists for articles and
listings, the date in a span after the title, a bold-italic first block as lead, images as
<p><img></p><p><em>caption</em></p>, a one-paragraph signature (<strong>name</strong><br>role);
the archive "Xem" answers with a redirect to /portal/Pages/TinTheoNgay.aspx?d=YYYY-MM-DD,
whose pages are reached by postback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar
from urllib.parse import quote

from .. import chrome
from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window

RESULTS = "/portal/Pages/TinTheoNgay.aspx"
_LN = "ctl00$PlaceHolderLeftNavBar$ucLichTin"


@register
class Third(Skin):
    name = "third"
    order = 3
    date_style = "weekday"
    sid_len = 8
    upper_rate = 0.04
    page_size = 20
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$ucHeader$txtTuKhoa",
        "search_button": "ctl00$ucHeader$btnTimKiem",
        "date_input": f"{_LN}$NgayDateTimeControl$NgayDateTimeControlDate",
        "archive_button": f"{_LN}$btnXem",
        "pager": "ctl00$PlaceHolderMain$ucDanhSachTin$rptPager",
        "day_pager": "ctl00$PlaceHolderMain$ucKetQua$rptPager",
    }
    archive_mode = "redirect"
    archive_paging = "postback"
    results_path = RESULTS
    print_pattern = "/_layouts/ePortal/InTin.aspx?Url=<article path>"
    print_prefix = "/_layouts/eportal/intin.aspx"
    print_regex = r"^/_layouts/eportal/intin\.aspx"
    robots_disallow = "/_layouts/ePortal/"
    listing_date_fmt = "%d-%m-%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Upper-case Portal, padded date, lower-case slug, '-' and the id."""
        d = a.day
        return f"/Portal/Pages/{d:%Y-%m-%d}/{a.slug.lower()}-{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"/_layouts/ePortal/InTin.aspx?Url={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == "/_layouts/eportal/intin.aspx" and query.get("Url"):
            return query["Url"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?d={day.isoformat()}"

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            return date.fromisoformat(query.get("d", "")), 1
        except ValueError:
            return None, 1

    def layout(self, ctx: Ctx, main: str) -> str:
        n = self.names
        menu = "".join(f'<li><a href="{p}"><span>{esc(t)}</span></a></li>' for p, t in ctx.channels)
        videos = "".join(
            f'<dd><a href="{chrome.video_path(s)}">{esc(t)}</a></dd>' for t, s in chrome.VIDEOS
        )
        photos = "".join(
            f'<dd><a href="{full}" title="{esc(t)}"><img src="{th}" alt="" /></a></dd>'
            for t, full, th in chrome.gallery_items()
        )
        latest = "".join(f'<dd><a href="{p}">{esc(t)}</a></dd>' for p, t in ctx.latest)
        day = ctx.day.strftime("%d/%m/%Y") if ctx.day else ""
        did = n["date_input"].replace("$", "_")
        box = '<div class="box"><div class="box-inner"><dl class="box-list"><dt class="box-head">'
        return (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            + chrome.meta_charset(ctx)
            + f"<title>{esc(ctx.title)}</title>\n"
            + chrome.registered_scripts(self.name)
            + '</head>\n<body><div id="s4-ribbonrow" style="display:none"></div>\n'
            f'<form name="aspnetForm" method="post" action="{esc(ctx.action)}" id="aspnetForm">\n'
            + chrome.hidden_top(ctx)
            + chrome.POSTBACK_JS
            + '<div id="s4-workspace"><div class="wrapper"><div class="wrapper-inner">\n'
            '<div id="header"><div class="header-inner"><div class="banner"><a href="/portal/'
            'Pages/default.aspx"><span>CỔNG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ</span></a>'
            '</div><div class="header-search"><div class="header-search-inner">'
            f'<input type="text" name="{n["search_input"]}" class="txt" /> '
            f'<button type="submit" name="{n["search_button"]}" value="Tìm kiếm">Tìm kiếm</button>'
            "</div></div></div></div>\n"
            f'<div id="menu"><ul class="menu-top"><li><a href="/portal/Pages/default.aspx"><span>'
            f"Trang chủ</span></a></li>{menu}</ul></div>\n"
            '<div id="body"><div class="body-inner"><div class="col-left">'
            '<div class="col-left-inner">'
            f'{box}Các tin đã đăng ngày</dt><dd><div class="lich-tin">'
            f'<input name="{n["date_input"]}" type="text" id="{did}" value="{day}" '
            'class="ms-input" /><a href="' + chrome.calendar_href(ctx.day) + '" onclick="'
            f"clickDatePicker('{did}', '\\u002f_layouts\\u002fiframe.aspx?cal=1', ''); "
            "return false;"
            '"><img src="/_layouts/images/calendar.gif" alt="Chọn một ngày từ lịch." /></a> '
            f'<input type="submit" name="{n["archive_button"]}" value="Xem" class="btn-xem" />'
            "</div></dd></dl></div></div>\n"
            f"{box}Tin mới</dt>{latest}</dl></div></div>\n"
            f"{box}Video Clip</dt>{videos}</dl></div></div>\n"
            f"{box}HÌNH ẢNH HOẠT ĐỘNG</dt>{photos}</dl></div></div>\n"
            '</div></div><div class="col-main"><div class="col-main-inner"><a id="mainContent"></a>'
            f"\n{main}\n</div></div></div></div>\n"
            '<div id="footer"><div class="footer-inner"><p>Bản quyền thuộc Sở Khoa học và Công nghệ'
            f' tỉnh Thanh Hóa</p><p class="login"><a href="{chrome.signin_href(ctx.path)}">'
            "ĐĂNG NHẬP</a></p></div></div>\n"
            "</div></div></div>\n" + chrome.hidden_bottom(ctx) + "</form></body></html>\n"
        )

    def _blocks(self, v: ArticleView) -> str:
        out = [f"<p><strong><em>{v.lead}</em></strong></p>"] if v.lead else []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f"<p>{b[1]}</p>")
            elif b[0] == "img":
                out.append(f'<p style="text-align: center;"><img src="{b[1]}" alt="" /></p>')
                if b[2]:
                    out.append(f'<p style="text-align: center;"><em>{b[2]}</em></p>')
            elif b[0] == "table":
                rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in b[1])
                out.append(f'<table class="tbl" border="1" cellpadding="3">{rows}</table>')
        if v.source:
            out.append(f"<p>Nguồn: {v.source}</p>")
        if v.author:
            role = f"<br />{v.role}" if v.role else ""
            out.append(f'<p style="text-align: right;"><strong>{v.author}</strong>{role}</p>')
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        date = f'<span class="ct-date">{v.date}</span>' if v.date else ""
        upd = f' <span class="ct-updated">{v.updated}</span>' if v.updated else ""
        att = ""
        if v.attachments:
            att = (
                '<dl class="ct-files"><dt>File đính kèm</dt>'
                + "".join(f'<dd><a href="{h}">{t}</a></dd>' for h, t in v.attachments)
                + "</dl>"
            )
        return (
            '<div class="ct-detail"><div class="ct-detail-inner"><dl class="ct">'
            f'<dt class="ct-title"><h2>{v.title}</h2>{date}{upd}</dt>'
            f'<dd class="ct-body"><div class="ct-body-inner">\n{self._blocks(v)}\n</div>{att}</dd>'
            "</dl></div></div>"
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<dd><a href="{e.href}">{esc(e.title)}</a> <i>({e.date or ""})</i></dd>'
            for e in v.related
        )
        return (
            f'<div class="ct-tools"><a href="{v.print_href}" rel="nofollow">In nội dung</a>'
            f'</div><dl class="ct-other"><dt>Tin đã đưa</dt>{rel}</dl>'
        )

    def empty_article_main(self) -> str:
        return (
            '<div class="ct-detail"><div class="ct-detail-inner"><dl class="ct">'
            '<dt class="ct-title"></dt><dd class="ct-body"><div class="ct-body-inner">'
            "</div></dd>"
            "</dl></div></div>"
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        items = []
        for e in entries:
            th = (
                f'<a href="{e.href}"><img class="thumb" src="{e.thumb}" alt="" /></a>'
                if e.thumb
                else ""
            )
            items.append(
                f'<dl class="item"><dt><a href="{e.href}">{esc(e.title)}</a>'
                + (f' <span class="date">{e.date}</span>' if e.date else "")
                + f"</dt><dd>{th}"
                + (f"<p>{esc(e.lead)}</p>" if e.lead else "")
                + "</dd></dl>"
            )
        body = "".join(items) or "<p>Chưa có tin bài.</p>"
        return (
            f'<div class="list-news"><div class="list-news-inner"><h3 class="list-head">'
            f"{esc(heading)}</h3>{body}{pager}</div></div>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""
        parts = [
            f"<b>{k}</b>" if k == page else f'<a href="{href(k)}">{k}</a>'
            for k in window(page, total)
        ]
        if page < total:
            parts.append(f'<a href="{href(page + 1)}">Trang sau</a>')
        return f'<div class="pager">Trang: {" ".join(parts)}</div>'

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def li(arg: str, label: str) -> str:
            return f"<li><a href=\"javascript:__doPostBack('{target}','{arg}')\">{label}</a></li>"

        lis = [li("Page$First", "«")] if page > 1 else []
        lis += [
            f'<li class="sel"><span>{k}</span></li>' if k == page else li(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            lis.append(li(f"Page${page + 1}", "»"))
        return f'<ul class="pagination-pb">{"".join(lis)}</ul>'
