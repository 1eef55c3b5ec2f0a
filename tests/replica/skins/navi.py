"""navi: an SP2010 e-portal whose variety is in its navigation. Channels are reached from the
left quick-launch tree and the home page's boxes ("Xem tất cả »"), not from the top mega-menu;
listings open with a featured item (big image, lead), then a table of rows "31/01/2018 -
Tiêu đề"; postback channels page through a GridView pager row inside that table ("Trang đầu",
"...", numbers, the current page a `<span>`, "Trang cuối") plus a "Xem tiếp »" link button;
link channels through image-only arrows (`<img alt="Trang sau">`) and numbers with relative
hrefs `Khoa-hoc-cong-nghe.aspx?page=2`. The archive "Xem" redirects to
/portal/Pages/Tin-da-dang.aspx?Ngay=dd%2fMM%2fyyyy, paged by postback. Articles are an ordinary
table layout: `h1.nd-title`, the date (mostly "Thứ Tư, 31/01/2018 - 08:30") under it, the lead
in bold, the body in `div.nd-body`, a right-aligned signature, "Nguồn:" after it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .navi_chrome import page_layout, views

RESULTS = "/portal/Pages/Tin-da-dang.aspx"
PRINT = "/portal/Pages/InTinBai.aspx"
_MAIN = "ctl00$PlaceHolderMain$g_8c1f27d4_3b6a_4e09_9d52_61a7e0c4b8f3$ctl00"
_RIGHT = "ctl00$PlaceHolderRightPane$g_2e7b9a40_51c3_4d8e_a6f2_0b94c3d17e25$ctl00"
_ID = "ctl00_PlaceHolderMain_g_8c1f27d4_3b6a_4e09_9d52_61a7e0c4b8f3_ctl00"
_HOME_BOX = re.compile(r'<a href="(/portal/KenhTin/[^"]+)">Xem tiếp</a>')
_IMG = "/_layouts/images/NaviPortal"
_RIGHT_P = 'style="text-align: right;"'


def _relative(href: str) -> str:
    """Link pagers use the page file relative to /portal/KenhTin/ and a lower-case `page`."""
    path, sep, query = href.partition("?")
    name = path.rsplit("/", 1)[-1]
    return f"{name}?{query.replace('Page=', 'page=')}" if sep else name


@register
class Navi(Skin):
    name = "navi"
    order = 9
    date_style = "weekday"
    sid_len = 8
    upper_rate = 0.1
    page_size = 12  # one featured item + eleven rows
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "postback",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$PlaceHolderSearchArea$ctl01$txtSearchText",
        "search_button": "ctl00$PlaceHolderSearchArea$ctl01$btnSearch",
        "date_input": f"{_RIGHT}$dtcNgayDaDang$dtcNgayDaDangDate",
        "archive_button": f"{_RIGHT}$btnXemTin",
        "pager": f"{_MAIN}$gvDanhSachTin",
        "day_pager": f"{_MAIN}$gvTinTheoNgay",
    }
    archive_mode = "redirect"
    archive_paging = "postback"
    results_path = RESULTS
    print_pattern = "/portal/Pages/InTinBai.aspx?u=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/portal/pages/intinbai\.aspx"
    robots_disallow = PRINT
    listing_date_fmt = "%d/%m/%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Padded date, lower-case slug with the id glued to it."""
        d = a.day
        return f"/portal/Pages/{d:%Y-%m-%d}/{a.slug.lower()}{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?u={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("u"):
            return query["u"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?Ngay={quote(day.strftime('%d/%m/%Y'), safe='')}"

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        """A results URL shows page 1 (further pages are postbacks)."""
        try:
            return datetime.strptime(query.get("Ngay", ""), "%d/%m/%Y").date(), 1
        except ValueError:
            return None, 1

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article ------------------------------------------------------------------------
    def _blocks(self, v: ArticleView) -> str:
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f"<p>{b[1]}</p>")
            elif b[0] == "img":
                cap = f'<p class="nd-caption"><em>{b[2]}</em></p>' if b[2] else ""
                out.append(
                    f'<div class="nd-img" align="center"><img src="{b[1]}" alt="" '
                    f'border="0" />{cap}</div>'
                )
            elif b[0] == "table":
                rows = "".join(
                    "<tr>" + "".join(f'<td valign="top">{c}</td>' for c in r) + "</tr>"
                    for r in b[1]
                )
                out.append(
                    '<table class="nd-table" border="1" cellspacing="0" cellpadding="4" '
                    f'width="100%"><tbody>{rows}</tbody></table>'
                )
        if v.author:
            out.append(f"<p {_RIGHT_P}><strong>{v.author}</strong></p>")
            if v.role:
                out.append(f"<p {_RIGHT_P}><em>{v.role}</em></p>")
        if v.source:
            out.append(f'<p class="nd-source" {_RIGHT_P}>Nguồn: {v.source}</p>')
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        title = v.title or ""
        meta = []
        if v.date:
            meta.append(f'<span class="nd-date">{v.date}</span>')
        meta.append(f'<span class="nd-views">Lượt xem: {views(title)}</span>')
        upd = f'<tr><td class="nd-updated">{v.updated}</td></tr>' if v.updated else ""
        lead = f'<tr><td class="nd-lead"><strong>{v.lead}</strong></td></tr>' if v.lead else ""
        att = ""
        if v.attachments:
            att = (
                '<tr><td class="nd-files"><span class="nd-files-hd">Tài liệu đính kèm:</span>'
                + "".join(
                    f'<div class="nd-file"><img src="{_IMG}/attach.gif" alt="" /> '
                    f'<a href="{h}" target="_blank">{t}</a></div>'
                    for h, t in v.attachments
                )
                + "</td></tr>"
            )
        return (
            f'<div class="ms-WPBody"><div id="{_ID}_pnlChiTiet" class="nd-article">'
            '<div class="nd-path"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; '
            "<span>Tin tức - Sự kiện</span></div>"
            '<table class="nd-frame" width="100%" cellpadding="0" cellspacing="0">'
            f'<tr><td class="nd-head"><h1 class="nd-title">{title}</h1></td></tr>'
            f'<tr><td class="nd-meta">{" | ".join(meta)}</td></tr>{upd}{lead}'
            f'<tr><td><div class="nd-body" id="{_ID}_divNoiDung">\n{self._blocks(v)}\n</div>'
            f"</td></tr>{att}</table></div></div>"
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="nd-rel-date">({e.date})</span>' if e.date else "")
            + "</li>"
            for e in v.related
        )
        return (
            '<div class="nd-tools">'
            f'<a href="{v.print_href}" target="_blank"><img src="{_IMG}/print.gif" alt="" /> '
            "In nội dung</a> | "
            '<a href="mailto:?subject=Tin%20t%E1%BB%AB%20S%E1%BB%9F%20KH%26CN">Gửi email</a> | '
            '<a href="javascript:history.back();">Trở về</a></div>'
            '<div class="nd-related"><div class="nd-related-hd">Các tin khác</div>'
            f'<ul class="nd-related-list">{rel}</ul></div>'
        )

    def empty_article_main(self) -> str:
        return (
            f'<div class="ms-WPBody"><div id="{_ID}_pnlChiTiet" class="nd-article">'
            '<table class="nd-frame" width="100%"><tr><td class="nd-head"><h1 class="nd-title">'
            f'</h1></td></tr><tr><td><div class="nd-body" id="{_ID}_divNoiDung"></div></td></tr>'
            "</table></div></div>"
        )

    # -- listings -----------------------------------------------------------------------
    def _featured(self, e: Entry) -> str:
        big = ""
        if e.thumb:
            big = (
                f'<a class="ft-img" href="{e.href}"><img src="{e.thumb.replace("/_w/", "/")}" '
                'width="300" alt="" border="0" /></a>'
            )
        return (
            f'<div class="nd-featured">{big}<div class="ft-text">'
            f'<a class="ft-title" href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="ft-date">({e.date})</span>' if e.date else "")
            + (f'<div class="ft-lead">{esc(e.lead)}</div>' if e.lead else "")
            + '</div><div style="clear:both"></div></div>'
        )

    def _row(self, e: Entry) -> str:
        th = (
            f'<a href="{e.href}"><img src="{e.thumb}" width="90" alt="" border="0" /></a>'
            if e.thumb
            else ""
        )
        date_ = f'<span class="nd-ngay">{e.date}</span> - ' if e.date else ""
        return (
            f'<tr class="nd-row"><td class="nd-thumb" width="96" valign="top">{th}</td>'
            f'<td class="nd-item" valign="top">{date_}<a class="nd-link" href="{e.href}">'
            f"{esc(e.title)}</a>"
            + (f'<div class="nd-sapo">{esc(e.lead)}</div>' if e.lead else "")
            + "</td></tr>"
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        home = _HOME_BOX.fullmatch(pager)
        if home:  # a home-page box: the heading links the channel, "Xem tất cả »" under it
            href = home[1]
            rows = "".join(self._row(e) for e in entries[1:])
            return (
                '<div class="home-box"><div class="home-box-hd">'
                f'<a href="{href}">{esc(heading)}</a></div>'
                + (self._featured(entries[0]) if entries else "")
                + (
                    f'<table class="nd-list" cellspacing="0" width="100%">{rows}</table>'
                    if rows
                    else ""
                )
                + f'<div class="home-box-more"><a href="{href}">Xem tất cả »</a></div></div>'
            )
        in_table = pager.startswith("<tr")
        rows = "".join(self._row(e) for e in entries[1:])
        if entries:
            body = self._featured(entries[0])
            if rows or in_table:
                body += (
                    f'<table class="nd-list" id="{_ID}_gvDanhSachTin" cellspacing="0" '
                    f'width="100%">{rows}{pager if in_table else ""}</table>'
                )
        else:
            body = '<div class="nd-empty">Không có tin nào.</div>'
        return (
            f'<div class="ms-WPBody"><div class="nd-channel"><div class="nd-channel-hd">'
            f"<span>{esc(heading)}</span></div>{body}{'' if in_table else pager}</div></div>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""

        def arrow(k: int, alt: str, img: str) -> str:
            return (
                f'<a href="{_relative(href(k))}" title="{alt}"><img src="{_IMG}/{img}.gif" '
                f'alt="{alt}" border="0" /></a>'
            )

        parts = []
        if page > 1:
            parts += [arrow(1, "Trang đầu", "first"), arrow(page - 1, "Trang trước", "prev")]
        parts += [
            f'<span class="pg-current">{k}</span>'
            if k == page
            else f'<a href="{_relative(href(k))}">{k}</a>'
            for k in window(page, total)
        ]
        if page < total:
            parts += [arrow(page + 1, "Trang sau", "next"), arrow(total, "Trang cuối", "last")]
        return (
            f'<div class="nd-paging">{" ".join(parts)} '
            f'<span class="pg-info">(Trang {page}/{total})</span></div>'
        )

    def pager_postback(self, target: str, page: int, total: int) -> str:
        """A GridView pager row (NumericFirstLast, Vietnamese texts) for the listing table."""
        if total <= 1:
            return ""

        def a(arg: str, label: str) -> str:
            return f"<td><a href=\"javascript:__doPostBack('{target}','{arg}')\">{label}</a></td>"

        win = window(page, total)
        cells = [a("Page$First", "Trang đầu")] if page > 1 else []
        if win[0] > 1:
            cells.append('<td><span class="pg-gap">...</span></td>')
        cells += [
            f"<td><span>{k}</span></td>" if k == page else a(f"Page${k}", str(k)) for k in win
        ]
        if win[-1] < total:
            cells.append('<td><span class="pg-gap">...</span></td>')
        if page < total:
            cells.append(a("Page$Last", "Trang cuối"))
        more = ""
        if page < total:
            more = (
                '<tr class="nd-more"><td colspan="2" align="right"><a class="btn-xemtiep" '
                f"href=\"javascript:__doPostBack('{target}','Page${page + 1}')\">Xem tiếp »</a>"
                "</td></tr>"
            )
        return (
            '<tr class="nd-pager"><td colspan="2"><table border="0"><tr>'
            f"{''.join(cells)}</tr></table></td></tr>{more}"
        )
