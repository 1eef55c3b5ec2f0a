"""sp2013: the SharePoint 2013/2016 generation of the e-portal — a publishing page layout in
`#DeltaPlaceHolderMain`: a breadcrumb ("Trang chủ › Tin tức › <title>"), the title in
`div.article-header > h1.article-title`, a `dl.article-meta` under it ("Ngày đăng:" / the date,
mostly `31/01/2018`, "Lượt xem:"), the lead in its own RichHtmlField (`div.ms-rtestate-field`
in `div.article-summary`), the body in another RichHtmlField (`div.article-content >
div.ms-rtestate-field`) written as `<div>` paragraphs in some articles and `<p>` in others,
images `img.ms-rtePosition-4` with the caption either in the same centred block or in the
next one (`ms-rteStyle-Caption`), `table.ms-rteTable-default` tables, a right-aligned
signature (bold name, italic role) ending the body and "Nguồn:" in a field below it.
Listings are Content Query Web Parts (`ul.dfwp-column.dfwp-list > li.dfwp-item > div.item`);
link pagers are SharePoint list-view arrows (a "11 - 20" range between `<a>`s holding only an
`<img alt="Trang trước|Trang sau">`), postback pagers a DataPager of numbers and «‹›»; the
archive "Xem" redirects to /portal/Pages/Tin-theo-ngay.aspx?ngay=dd-MM-yyyy, paged by
postback."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .sp2013_chrome import ARCHIVE_WP, page_layout, views

RESULTS = "/portal/Pages/Tin-theo-ngay.aspx"
PRINT = "/_layouts/15/CongTTDT/PrintPage.aspx"
_PL = "ctl00_PlaceHolderMain"
_LIST = "ctl00$ctl40$g_0b6e3d2a_9c41_4f7a_8e5d_7d1c2b3a4f5e$ctl00"
_RANGE_END = "<!--range-end-->"  # the link pager's "11 - 20": end filled in by listing_main
_CENTER = 'style="text-align: center;"'
_RIGHT = 'style="text-align: right;"'


def _coin(s: str, salt: str) -> int:
    """A stable number for *s* (the same article / image always gets the same markup)."""
    return zlib.crc32((salt + s).encode())


def _query_only(href: str) -> str:
    """List-view paging links are query-only ("?Page=2"), page 1 the bare page."""
    path, sep, query = href.partition("?")
    return f"?{query}" if sep else path


@register
class Sp2013(Skin):
    name = "sp2013"
    order = 8
    date_style = "slash_time"
    sid_len = 7
    upper_rate = 0.08
    page_size = 10
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$PlaceHolderSearchArea$ucSearchBox$txtKeyword",
        "search_button": "ctl00$PlaceHolderSearchArea$ucSearchBox$btnSearch",
        "date_input": f"{ARCHIVE_WP}$TinDaDangNgay$TinDaDangNgayDate",
        "archive_button": f"{ARCHIVE_WP}$btnXem",
        "pager": f"{_LIST}$lvTinTuc$dpPhanTrang",
        "day_pager": f"{_LIST}$lvTinTheoNgay$dpPhanTrang",
    }
    archive_mode = "redirect"
    archive_paging = "postback"
    results_path = RESULTS
    print_pattern = "/_layouts/15/CongTTDT/PrintPage.aspx?PageUrl=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/_layouts/15/congttdt/printpage\.aspx"
    robots_disallow = "/_layouts/15/"
    listing_date_fmt = "%d/%m/%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Lower-case pages, padded date, id appended to the slug."""
        d = a.day
        return f"/portal/pages/{d:%Y-%m-%d}/{a.slug}{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?PageUrl={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("PageUrl"):
            return query["PageUrl"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?ngay={day:%d-%m-%Y}"

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        """A results URL shows page 1 (further pages are postbacks)."""
        try:
            return datetime.strptime(query.get("ngay", ""), "%d-%m-%Y").date(), 1
        except ValueError:
            return None, 1

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article ------------------------------------------------------------------------
    def _image(self, tag: str, src: str, cap: str | None) -> list[str]:
        img = f'<img class="ms-rtePosition-4" src="{src}" alt="" style="margin:5px auto;" />'
        if cap and _coin(src, "cap") % 2:  # caption in the image's own block, after a break
            return [f"<{tag} {_CENTER}>{img}<br /><em>{cap}</em></{tag}>"]
        out = [f"<{tag} {_CENTER}>{img}</{tag}>"]
        if cap:
            out.append(f'<{tag} class="ms-rteStyle-Caption" {_CENTER}>{cap}</{tag}>')
        return out

    def _table(self, rows: list[list[str]]) -> str:
        head = "".join(
            f'<th class="ms-rteTableHeader{"FirstCol" if i == 0 else "EvenCol"}-default" '
            f'rowspan="1" colspan="1">{c}</th>'
            for i, c in enumerate(rows[0])
        )
        body = "".join(
            f'<tr class="ms-rteTable{"Odd" if k % 2 == 0 else "Even"}Row-default">'
            + "".join(
                f'<td class="ms-rteTable{"FirstCol" if i == 0 else "OddCol"}-default" '
                f'rowspan="1" colspan="1">{c}</td>'
                for i, c in enumerate(r)
            )
            + "</tr>"
            for k, r in enumerate(rows[1:])
        )
        return (
            '<table class="ms-rteTable-default" width="100%" cellspacing="0"><tbody>'
            f'<tr class="ms-rteTableHeaderRow-default">{head}</tr>{body}</tbody></table>'
        )

    def _blocks(self, v: ArticleView) -> str:
        """The RTE's HTML: `<div>` paragraphs (with empty spacer divs) or `<p>`s, per article."""
        divs = _coin(v.print_href, "div") % 5 < 2
        tag = "div" if divs else "p"
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f"<div>{b[1]}</div><div><br /></div>" if divs else f"<p>{b[1]}</p>")
            elif b[0] == "img":
                out.extend(self._image(tag, b[1], b[2]))
            elif b[0] == "table":
                out.append(self._table(b[1]))
        if v.author:
            out.append(f"<{tag} {_RIGHT}><strong>{v.author}</strong></{tag}>")
            if v.role:
                out.append(f"<{tag} {_RIGHT}><em>{v.role}</em></{tag}>")
        return "\n".join(out)

    def _meta(self, v: ArticleView) -> str:
        """`dl.article-meta`: the date with its label, then the view counter."""
        parts = []
        if v.date and v.date.startswith("Cập nhật: "):
            parts.append(f'<dt>Cập nhật:</dt><dd class="article-date">{v.date[10:]}</dd>')
        elif v.date:
            parts.append(f'<dt>Ngày đăng:</dt><dd class="article-date">{v.date}</dd>')
        parts.append(f"<dt>Lượt xem:</dt><dd>{views(v.print_href)}</dd>")
        upd = f'<div class="article-modified">{v.updated}</div>' if v.updated else ""
        return f'<dl class="article-meta">{"".join(parts)}</dl>{upd}'

    def article_main(self, v: ArticleView) -> str:
        title = v.title or ""
        lead = (
            '<div class="article-summary"><div id="'
            f'{_PL}_SummaryField__ControlWrapper_RichHtmlField" class="ms-rtestate-field" '
            f'style="display:inline" aria-labelledby="{_PL}_SummaryField_label">{v.lead}</div>'
            "</div>"
            if v.lead
            else ""
        )
        att = ""
        if v.attachments:
            att = (
                '<div class="article-attachments"><span class="ms-h3">Văn bản đính kèm</span>'
                '<ul class="attachment-list">'
                + "".join(
                    '<li><img src="/_layouts/15/images/icgen.gif?rev=23" alt="" /> '
                    f'<a href="{h}" target="_blank">{t}</a></li>'
                    for h, t in v.attachments
                )
                + "</ul></div>"
            )
        source = (
            f'<div class="article-source"><span class="ms-metadata">Nguồn:</span> {v.source}</div>'
            if v.source
            else ""
        )
        return (
            '<div class="article article-left">'
            '<div class="ms-breadcrumb-box"><span id="ctl00_PlaceHolderMain_siteMapPath">'
            '<span><a class="ms-sitemapdirectional" href="/portal/Pages/default.aspx">Trang chủ'
            '</a></span><span class="ms-sitemapseparator"> › </span><span><a class="'
            'ms-sitemapdirectional" href="/portal/Pages/Tin-tuc.aspx">Tin tức</a></span>'
            '<span class="ms-sitemapseparator"> › </span><span class="ms-sitemapdirectional">'
            f"{title}</span></span></div>"
            '<div class="article-header">'
            f'<h1 class="article-title"><span id="{_PL}_TitleField">{title}</span></h1>'
            f"{self._meta(v)}</div>{lead}"
            f'<div class="article-content"><div id="{_PL}_ctl03__ControlWrapper_RichHtmlField" '
            f'class="ms-rtestate-field" style="display:inline" aria-labelledby="{_PL}_ctl03_'
            f'label">\n{self._blocks(v)}\n</div></div>{att}{source}</div>'
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<li class="dfwp-item"><div class="item link-item"><a href="{e.href}">'
            f"{esc(e.title)}</a>"
            + (f' <span class="ms-metadata">({e.date})</span>' if e.date else "")
            + "</div></li>"
            for e in v.related
        )
        return (
            '<div class="article-tools"><a href="' + v.print_href + '" target="_blank" '
            'rel="nofollow"><img src="/_layouts/15/images/print.gif?rev=23" alt="" /> In nội dung'
            '</a> <span class="ms-separator">|</span> <a href="javascript:history.back();">'
            'Quay lại</a> <span class="ms-separator">|</span> <a href="#mainContent">Đầu trang'
            "</a></div>"
            '<div class="related-news"><h2 class="ms-webpart-titleText"><span>Các tin liên quan'
            '</span></h2><ul class="dfwp-column dfwp-list" style="width:100%">'
            f"{rel}</ul></div>"
        )

    def empty_article_main(self) -> str:
        return (
            '<div class="article article-left"><div class="article-header">'
            f'<h1 class="article-title"><span id="{_PL}_TitleField"></span></h1></div>'
            f'<div class="article-content"><div id="{_PL}_ctl03__ControlWrapper_RichHtmlField" '
            'class="ms-rtestate-field" style="display:inline"></div></div></div>'
        )

    def print_page(self, v: ArticleView, charset: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="vi-VN"><head>'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            f"<title>In nội dung: {v.title or ''}</title>"
            '<link rel="stylesheet" href="/portal/Style%20Library/CongTTDT/css/print.css" />'
            '</head><body class="ms-printView" onload="window.print();"><div class="print-head">'
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA</div>"
            f"{self.article_main(v)}"
            '<div class="print-foot"><a href="javascript:window.close();">Đóng cửa sổ</a></div>'
            "</body></html>\n"
        )

    # -- listings -----------------------------------------------------------------------
    def _item(self, e: Entry) -> str:
        th = (
            f'<div class="image-area-left"><a href="{e.href}"><img class="image" '
            f'src="{e.thumb}" alt="" /></a></div>'
            if e.thumb
            else ""
        )
        return (
            f'<li class="dfwp-item"><div class="item">{th}<div class="link-item">'
            f'<a href="{e.href}" title="">{esc(e.title)}</a>'
            + (f'<div class="ms-metadata item-date">{e.date}</div>' if e.date else "")
            + (f'<div class="description">{esc(e.lead)}</div>' if e.lead else "")
            + "</div></div></li>"
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        if entries:
            body = (
                '<ul class="dfwp-column dfwp-list" style="width:100%">'
                + "".join(self._item(e) for e in entries)
                + "</ul>"
            )
        else:
            body = '<div class="ms-emptyView">Không có mục nào để hiển thị.</div>'
        if m := re.search(r'class="ms-paging">(\d+) - ' + _RANGE_END, pager):
            pager = pager.replace(_RANGE_END, str(int(m[1]) + len(entries) - 1))
        h = esc(heading)
        return (
            '<div class="ms-webpart-zone ms-fullWidth"><div class="ms-webpartzone-cell '
            'ms-webpart-cell-vertical ms-fullWidth s4-wpcell-plain"><div class="ms-webpart-chrome '
            'ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth"><div class="ms-webpart-'
            f'chrome-title"><span title="{h}" class="js-webpart-titleCell"><h2 class="ms-webpart-'
            f'titleText"><nobr><span>{h}</span></nobr></h2></span></div><div class="ms-WPBody">'
            f'<div class="cbq-layout-main">{body}</div>{pager}</div></div></div></div>\n'
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        """A list view's paging row: ‹ arrow, "11 - 20", › arrow (images only, no numbers)."""
        if total <= 1:
            return ""

        def arrow(k: int, alt: str, side: str) -> str:
            return (
                f'<td nowrap="nowrap" class="ms-paging ms-promlink-button"><a href="'
                f'{_query_only(href(k))}"><span class="ms-promlink-button-image"><img '
                f'src="/_layouts/15/images/spcommon.png?rev=23" class="ms-promlink-button-{side}"'
                f' alt="{alt}" /></span></a></td>'
            )

        first = (page - 1) * self.page_size + 1
        cells = [arrow(page - 1, "Trang trước", "left")] if page > 1 else []
        cells.append(f'<td nowrap="nowrap" class="ms-paging">{first} - {_RANGE_END}</td>')
        if page < total:
            cells.append(arrow(page + 1, "Trang sau", "right"))
        return (
            '<table class="ms-bottompaging" width="100%"><tr>'
            '<td class="ms-vb ms-bottompaging" align="center"><table><tr>'
            f"{''.join(cells)}</tr></table></td></tr></table>"
        )

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def a(arg: str, label: str, title: str = "") -> str:
            t = f' title="{title}"' if title else ""
            return (
                f'<a class="ms-commandLink"{t} href="javascript:__doPostBack(\'{target}\','
                f"'{arg}')\">{label}</a>"
            )

        parts = [f'<span class="paging-info">Trang {page}/{total}</span>']
        if page > 1:
            parts += [a("Page$First", "«", "Trang đầu"), a(f"Page${page - 1}", "‹", "Trang trước")]
        parts += [
            f'<span class="ms-paging-current">{k}</span>' if k == page else a(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            parts += [a(f"Page${page + 1}", "›", "Trang sau"), a("Page$Last", "»", "Trang cuối")]
        return f'<div class="ms-paging-postback">{" ".join(parts)}</div>'
