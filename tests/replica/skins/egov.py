"""egov: a Bootstrap-era eGov theme on SharePoint 2010 — HTML5 sections, the site name in the
page's only `<h1>` and the article title in an `h2.post-heading`; the lead in
`div.entry-summary > p`; the body in `div.entry-body > div.ExternalClass…`; images as
`<figure>` with the caption in both `alt` and `<figcaption>`; a signature of class-aligned
paragraphs (`p.text-right`) followed by `<p><b>Nguồn:</b> …</p>`; attachments after the body;
the date (mostly "Ngày 31 tháng 1 năm 2018") **below** all that, in the article's `<footer>`
next to "Lượt xem: 1.234". Listings: one featured item, then a `ul` of items with the date
("31.01.2018") before the title. Pagers: `ul.pagination` of query-only links ("«", numbers,
"Trang sau", "Trang cuối »") or of `__doPostBack` links ("«", "‹", numbers, "›", "»"). Every
page's one form posts to /portal/SitePages/TinDaDang.aspx, where the archive answers (its pages
by postback); the print view lives in the sub-site's own /portal/_layouts/."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .egov_chrome import page_layout, views

RESULTS = "/portal/SitePages/TinDaDang.aspx"
PRINT = "/portal/_layouts/eGovPortal/InNoiDung.aspx"
_LEFT = "ctl00$PlaceHolderLeft$wpLichTin$ctl00"
_MAIN = "ctl00_PlaceHolderMain_wpChiTietTin_ctl00"


def _query_only(href: str) -> str:
    """Channel pager links are query-only ("?Page=3"), as the list web part renders them."""
    path, sep, query = href.partition("?")
    return f"?{query}" if sep and path.lower().startswith("/portal/kenhtin/") else href


@register
class Egov(Skin):
    name = "egov"
    order = 5
    date_style = "words"
    sid_len = 10
    upper_rate = 0.15
    page_size = 11  # one featured item + ten
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "links",
        "Khoa-hoc-cong-nghe": "postback",
        "Thong-bao": "postback",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$PlaceHolderSearchArea$ucTimKiem$txtTuKhoa",
        "search_button": "ctl00$PlaceHolderSearchArea$ucTimKiem$btnTimKiem",
        "date_input": f"{_LEFT}$dtpNgayXem$dtpNgayXemDate",
        "archive_button": f"{_LEFT}$btnXem",
        "category": f"{_LEFT}$ddlKenhTin",
        "pager": "ctl00$PlaceHolderMain$wpDanhSachTin$ctl00$lvTinTuc$pgTinTuc",
        "day_pager": "ctl00$PlaceHolderMain$wpKetQuaTin$ctl00$lvKetQua$pgKetQua",
    }
    form_action = RESULTS
    archive_mode = "action"
    archive_paging = "postback"
    results_path = RESULTS
    print_pattern = "/portal/_layouts/eGovPortal/InNoiDung.aspx?ItemUrl=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/portal/_layouts/egovportal/innoidung\.aspx"
    robots_disallow = "/portal/_layouts/"  # the sub-site's own _layouts
    listing_date_fmt = "%d.%m.%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Lower-case pages, month and day not padded, '-' and the id."""
        d = a.day
        return f"/portal/pages/{d.year}-{d.month}-{d.day}/{a.slug}-{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?ItemUrl={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("ItemUrl"):
            return query["ItemUrl"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?ngay={day:%d/%m/%Y}"

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        """A bookmarked results page (page 1 only: further pages are postbacks)."""
        try:
            return datetime.strptime(query.get("ngay", ""), "%d/%m/%Y").date(), 1
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
                cap = f'<figcaption class="image-caption">{b[2]}</figcaption>' if b[2] else ""
                out.append(
                    f'<figure class="post-image text-center"><img class="img-responsive" '
                    f'src="{b[1]}" alt="{b[2] or ""}" />{cap}</figure>'
                )
            elif b[0] == "table":
                rows = "".join(
                    "<tr>"
                    + "".join(
                        f"<td><strong>{c}</strong></td>" if k == 0 else f"<td>{c}</td>" for c in r
                    )
                    + "</tr>"
                    for k, r in enumerate(b[1])
                )
                out.append(
                    '<div class="table-responsive"><table class="table table-bordered '
                    f'table-striped"><tbody>{rows}</tbody></table></div>'
                )
        if v.author:
            out.append(f'<p class="text-right"><strong>{v.author}</strong></p>')
            if v.role:
                out.append(f'<p class="text-right"><em>{v.role}</em></p>')
        if v.source:
            out.append(f"<p><b>Nguồn:</b> {v.source}</p>")
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        title = v.title or ""
        lead = f'<div class="entry-summary"><p>{v.lead}</p></div>' if v.lead else ""
        ext = hashlib.md5(title.encode()).hexdigest().upper()
        att = ""
        if v.attachments:
            att = (
                '<div class="post-attachments"><p class="attach-heading"><i class="fa '
                'fa-paperclip"></i> Tệp tin đính kèm:</p><ul class="list-unstyled">'
                + "".join(
                    f'<li><i class="fa fa-file-o"></i> <a href="{h}" target="_blank">{t}</a></li>'
                    for h, t in v.attachments
                )
                + "</ul></div>"
            )
        meta = []
        if v.date:
            meta.append(f'<time class="meta-date"><i class="fa fa-calendar"></i> {v.date}</time>')
        if v.updated:
            meta.append(
                f'<span class="meta-updated"><i class="fa fa-pencil"></i> {v.updated}</span>'
            )
        meta.append(
            f'<span class="meta-views"><i class="fa fa-eye"></i> Lượt xem: {views(title)}</span>'
        )
        return (
            f'<div id="{_MAIN}_pnlChiTiet" class="post-detail">'
            '<ol class="breadcrumb"><li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>'
            '<li class="active">Tin tức - Sự kiện</li></ol>'
            '<article class="post"><header class="post-header">'
            f'<h2 class="post-heading" id="{_MAIN}_lblTieuDe">{title}</h2>'
            '<div class="post-fontsize"><span>Cỡ chữ:</span> <a href="javascript:void(0)" '
            'onclick="egov.font(-1)">A-</a> <a href="javascript:void(0)" onclick="egov.font(1)">'
            "A+</a></div></header>"
            f'{lead}<div id="{_MAIN}_divNoiDung" class="entry-body">'
            f'<div class="ExternalClass{ext}">'
            f"\n{self._blocks(v)}\n</div></div>{att}"
            f'<footer class="post-footer">{" | ".join(meta)}</footer></article></div>'
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            "<li>"
            + (
                f'<a class="related-thumb" href="{e.href}"><img src="{e.thumb}" alt="" /></a>'
                if e.thumb
                else ""
            )
            + f'<a class="related-link" href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="related-date">({e.date})</span>' if e.date else "")
            + "</li>"
            for e in v.related
        )
        return (
            '<div class="post-toolbar">'
            f'<a class="btn-print" href="{v.print_href}" target="_blank" rel="nofollow">'
            '<i class="fa fa-print"></i> In nội dung</a> '
            '<a href="javascript:history.back();"><i class="fa fa-reply"></i> Quay lại</a> '
            '<a href="#mainContent"><i class="fa fa-arrow-up"></i> Đầu trang</a></div>'
            '<section class="related-posts"><h3 class="related-heading">Tin khác</h3>'
            f'<ul class="related-list">{rel}</ul></section>'
        )

    def empty_article_main(self) -> str:
        return (
            f'<div id="{_MAIN}_pnlChiTiet" class="post-detail"><article class="post">'
            f'<header class="post-header"><h2 class="post-heading" id="{_MAIN}_lblTieuDe"></h2>'
            f'</header><div id="{_MAIN}_divNoiDung" class="entry-body"></div></article></div>'
        )

    def print_page(self, v: ArticleView, charset: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="vi"><head>'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            f"<title>In nội dung: {v.title or ''}</title>"
            '<link rel="stylesheet" href="/portal/Style%20Library/egov/css/print.css" /></head>'
            '<body onload="window.print()"><div class="print-page"><p class="print-site">'
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA</p>"
            f"{self.article_main(v)}"
            '<p class="print-close"><a href="javascript:window.close();">Đóng cửa sổ</a></p>'
            "</div></body></html>"
        )

    # -- listings -----------------------------------------------------------------------
    def _featured(self, e: Entry) -> str:
        th = (
            f'<div class="col-sm-5"><a href="{e.href}"><img class="img-responsive" '
            f'src="{e.thumb}" alt="" /></a></div>'
            if e.thumb
            else ""
        )
        return (
            f'<div class="news-featured row">{th}<div class="col-sm-{7 if e.thumb else 12}">'
            f'<h3 class="featured-title"><a href="{e.href}">{esc(e.title)}</a></h3>'
            + (
                f'<p class="meta-date"><i class="fa fa-calendar"></i> {e.date}</p>'
                if e.date
                else ""
            )
            + (f'<p class="featured-lead">{esc(e.lead)}</p>' if e.lead else "")
            + "</div></div>"
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        items = []
        for e in entries[1:]:
            th = (
                f'<a class="news-thumb" href="{e.href}"><img src="{e.thumb}" alt="" /></a>'
                if e.thumb
                else ""
            )
            items.append(
                f'<li class="news-row clearfix">{th}<div class="news-info">'
                + (f'<span class="news-date">{e.date}</span> ' if e.date else "")
                + f'<h4 class="news-title"><a href="{e.href}">{esc(e.title)}</a></h4>'
                + (f'<p class="news-lead">{esc(e.lead)}</p>' if e.lead else "")
                + "</div></li>"
            )
        if entries:
            body = self._featured(entries[0])
            body += f'<ul class="list-news list-unstyled">{"".join(items)}</ul>' if items else ""
        else:
            body = '<p class="no-data">Không có tin nào.</p>'
        return (
            '<section class="category-block"><div class="category-header">'
            f'<h2 class="category-title"><span>{esc(heading)}</span></h2></div>{body}{pager}'
            "</section>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""

        def li(k: int, label: str, title: str = "") -> str:
            t = f' title="{title}"' if title else ""
            return f'<li><a href="{_query_only(href(k))}"{t}>{label}</a></li>'

        lis = [li(1, "&laquo;", "Trang đầu")] if page > 1 else []
        lis += [
            f'<li class="active"><span>{k}</span></li>' if k == page else li(k, str(k))
            for k in window(page, total)
        ]
        if page < total:
            lis += [li(page + 1, "Trang sau"), li(total, "Trang cuối &raquo;")]
        return (
            f'<nav class="text-center" aria-label="Phân trang"><ul class="pagination">'
            f'{"".join(lis)}</ul><p class="page-info">Trang {page}/{total}</p></nav>'
        )

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def li(arg: str, label: str, title: str = "") -> str:
            t = f' title="{title}"' if title else ""
            return (
                f"<li><a{t} href=\"javascript:__doPostBack('{target}','{arg}')\">{label}</a></li>"
            )

        lis = []
        if page > 1:
            lis += [li("Page$First", "&laquo;", "Trang đầu"), li(f"Page${page - 1}", "&lsaquo;")]
        lis += [
            f'<li class="active"><span>{k}</span></li>' if k == page else li(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            lis += [
                li(f"Page${page + 1}", "&rsaquo;", "Trang sau"),
                li("Page$Last", "&raquo;", "Trang cuối"),
            ]
        return (
            '<div class="text-center"><ul class="pagination pagination-sm">'
            f"{''.join(lis)}</ul></div>"
        )
