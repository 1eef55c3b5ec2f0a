"""mobile: a responsive re-theme of the portal by a local contractor — div soup with BEM-ish
component classes and utility classes, no tables (but the body's data tables) and no heading
elements. The title is a `div[role=heading][aria-level=1]`; a meta bar **above** it carries the
section, the date (`31/01/2018` mostly), an edit's "Cập nhật: …" and a view counter; the body is
the SharePoint rich-text editor's `<div>`s (some `<p>`s, `<div>&nbsp;</div>` spacers on some
articles) opened by the lead as a bold first `<div>`, images as `div.c-img > img +
div.c-img__cap`, and closed by a signature right-aligned by a utility class only (`div.u-tr`).
Listings are a grid of `div.c-card`s; pagers are "‹ 1 2 3 ›" links or `__doPostBack` links
with a "Xem thêm" button; the archive "Xem" redirects to /portal/SitePages/XemTinTheoNgay.aspx,
paged by postback; the print view is /portal/SitePages/BanIn.aspx."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import CHANNELS, Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .mobile_chrome import ASSETS, page_layout, views

RESULTS = "/portal/SitePages/XemTinTheoNgay.aspx"
PRINT = "/portal/SitePages/BanIn.aspx"
_SIDE = "ctl00$PlaceHolderRight$g_0b6e3f2a_5c7d_4e91_a8b4_2f1d9c6e7a53$ctl00"
_LIST = "ctl00$PlaceHolderMain$g_5e2c8b71_0f4a_4d3b_9c6e_71a2d8f0b4c9$ctl00"
_MAIN = "ctl00_PlaceHolderMain_ucChiTietTin"
_COMMENT = "ctl00$PlaceHolderMain$ucBinhLuan"
_CHANNELS = {c.name for c in CHANNELS}
_NBSP_DIV = "<div>&nbsp;</div>"


def _coin(s: str, salt: str, n: int = 2) -> int:
    """A stable small number for *s* (the same text always gets the same markup)."""
    return zlib.crc32((salt + s).encode()) % n


def _share() -> str:
    return (
        '<div class="c-share u-flex u-ai-center"><span class="c-share__lbl u-c-gray">Chia sẻ:'
        '</span><a class="c-share__i c-share__i--fb js-share-fb" href="javascript:void(0);" '
        'title="Chia sẻ lên Facebook"><i class="ico ico-fb"></i> Facebook</a>'
        '<a class="c-share__i c-share__i--zalo js-share-zalo" href="javascript:void(0);" '
        'title="Chia sẻ qua Zalo"><i class="ico ico-zalo"></i> Zalo</a></div>'
    )


@register
class Mobile(Skin):
    name = "mobile"
    order = 7
    date_style = "slash"
    sid_len = 9
    upper_rate = 0.08
    page_size = 9  # a 3 × 3 card grid
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$ucHeader$ucTimKiem$txtTuKhoa",
        "search_button": "ctl00$ucHeader$ucTimKiem$btnTim",
        "date_input": f"{_SIDE}$dtpLichTin$dtpLichTinDate",
        "archive_button": f"{_SIDE}$btnXemTin",
        "pager": f"{_LIST}$ucPhanTrang",
        "day_pager": "ctl00$PlaceHolderMain$ucTinTheoNgay$ucPhanTrang",
    }
    archive_mode = "redirect"
    archive_paging = "postback"
    results_path = RESULTS
    print_pattern = "/portal/SitePages/BanIn.aspx?u=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/portal/sitepages/banin\.aspx"
    robots_disallow = PRINT
    listing_date_fmt = "%d/%m/%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Month and day not padded, lower-case slug."""
        d = a.day
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug.lower()}-{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?u={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("u"):
            return query["u"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?ngay={day:%d-%m-%Y}"

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        """A results URL shows page 1; further pages are postbacks."""
        try:
            return datetime.strptime(query.get("ngay", ""), "%d-%m-%Y").date(), 1
        except ValueError:
            return None, 1

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article ------------------------------------------------------------------------
    def _image(self, src: str, cap: str | None) -> str:
        c = f'<div class="c-img__cap u-fs-14 u-c-gray u-tc">{cap}</div>' if cap else ""
        return f'<div class="c-img u-tc"><img src="{src}" alt="" class="u-img-fluid" />{c}</div>'

    def _table(self, rows: list[list[str]]) -> str:
        head = "".join(f'<th scope="col">{c}</th>' for c in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows[1:])
        return (
            '<div class="c-tbl u-ovx"><table class="c-tbl__t" border="1" cellpadding="4" '
            f'cellspacing="0"><tbody><tr>{head}</tr>{body}</tbody></table></div>'
        )

    def _blocks(self, v: ArticleView) -> str:
        """The rich-text editor's markup: `<div>`s, a few `<p>`s, `&nbsp;` spacer divs."""
        spaced = _coin(v.print_href, "sp") == 0
        out = [f'<div class="u-fw-700 u-mb-16"><strong>{v.lead}</strong></div>'] if v.lead else []
        for b in v.blocks:
            if b[0] == "p":
                tag = "div" if _coin(b[1], "p", 4) else "p"
                out.append(f"<{tag}>{b[1]}</{tag}>")
                if spaced:
                    out.append(_NBSP_DIV)
            elif b[0] == "img":
                out.append(self._image(b[1], b[2]))
            elif b[0] == "table":
                out.append(self._table(b[1]))
        if v.author:
            out.append(f'<div class="u-tr"><strong>{v.author}</strong></div>')
            if v.role:
                out.append(f'<div class="u-tr"><em>{v.role}</em></div>')
        if v.source:
            out.append(f'<div class="u-tr u-fs-14">Nguồn: <em>{v.source}</em></div>')
        return "\n".join(out)

    def _meta(self, v: ArticleView) -> str:
        dot = '<span class="u-dot">·</span>'
        parts = [
            '<a class="c-post__cat" href="/portal/Pages/default.aspx"><i class="ico ico-folder">'
            "</i> Tin tức - Sự kiện</a>"
        ]
        if v.date:
            parts.append(
                f'<span class="c-post__date"><i class="ico ico-clock"></i> {v.date}</span>'
            )
        if v.updated:
            parts.append(f'<span class="c-post__upd">{v.updated}</span>')
        parts.append(
            f'<span class="c-post__views"><i class="ico ico-eye"></i> {views(v.print_href)}</span>'
        )
        return f'<div class="c-post__meta u-flex u-wrap u-fs-13 u-c-gray">{dot.join(parts)}</div>'

    def article_main(self, v: ArticleView) -> str:
        att = ""
        if v.attachments:
            att = (
                '<div class="c-attach u-mt-16"><div class="c-attach__hd u-fw-700">'
                '<i class="ico ico-clip"></i> Tài liệu đính kèm</div><div class="c-attach__list">'
                + "".join(
                    f'<div class="c-attach__item"><a href="{h}" target="_blank">{t}</a> '
                    f'<span class="u-fs-12 u-c-gray u-upper">({h.rsplit(".", 1)[-1]})</span></div>'
                    for h, t in v.attachments
                )
                + "</div></div>"
            )
        tools = (
            '<div class="c-post__tools u-flex u-jc-between u-ai-center u-fs-13">'
            '<div class="c-fontsize js-fontsize"><span class="u-c-gray">Cỡ chữ:</span> '
            '<button type="button" class="c-fontsize__btn" data-step="-1">A-</button>'
            '<button type="button" class="c-fontsize__btn" data-step="0">A</button>'
            '<button type="button" class="c-fontsize__btn" data-step="1">A+</button></div>'
            f"{_share()}</div>"
        )
        return (
            f'<div class="c-post js-post" id="{_MAIN}_pnlChiTiet">'
            '<div class="c-crumb u-fs-13"><a href="/portal/Pages/default.aspx">Trang chủ</a> '
            '<span class="c-crumb__sep">›</span> <span>Tin tức - Sự kiện</span></div>'
            f"{self._meta(v)}"
            '<div class="c-post__title u-fs-26 u-fw-700 u-lh-13 u-mb-12" role="heading" '
            f'aria-level="1">{v.title}</div>{tools}'
            f'<div class="c-post__body js-post-body u-fs-16" id="{_MAIN}_divNoiDung">\n'
            f"{self._blocks(v)}\n</div>{att}</div>"
        )

    def article_extras(self, v: ArticleView) -> str:
        cards = "".join(
            '<div class="c-card c-card--sm u-flex">'
            + (
                f'<a class="c-card__img" href="{e.href}"><img src="{e.thumb}" alt="" /></a>'
                if e.thumb
                else ""
            )
            + f'<div class="c-card__bd"><a class="c-card__title u-fs-14" href="{e.href}">'
            f"{esc(e.title)}</a>"
            + (
                f'<div class="c-card__date u-fs-12 u-c-gray"><i class="ico ico-clock"></i> '
                f"{e.date}</div>"
                if e.date
                else ""
            )
            + "</div></div>"
            for e in v.related
        )
        c = _COMMENT
        return (
            '<div class="c-post__actions u-flex u-wrap u-ai-center u-mt-16">'
            f'<a class="c-btn c-btn--ghost c-btn--sm" href="{v.print_href}" target="_blank" '
            'rel="nofollow" title="In nội dung"><i class="ico ico-print"></i> In bài</a>'
            '<a class="c-btn c-btn--ghost c-btn--sm" href="mailto:?subject=Tin%20b%C3%A0i%20'
            'S%E1%BB%9F%20KH%26CN%20Thanh%20H%C3%B3a"><i class="ico ico-mail"></i> Gửi email</a>'
            '<a class="c-btn c-btn--ghost c-btn--sm" href="javascript:history.back();">'
            '<i class="ico ico-back"></i> Quay lại</a>'
            f"{_share()}</div>\n"
            '<div class="c-rel u-mt-24"><div class="c-sec__hd"><div class="c-sec__title u-fs-18 '
            'u-fw-700">Tin cùng chuyên mục</div></div>'
            f'<div class="c-rel__grid u-grid u-grid--2">{cards}</div></div>\n'
            '<div class="c-comment js-comment u-mt-24"><div class="c-sec__hd"><div '
            'class="c-sec__title u-fs-18 u-fw-700">Bình luận</div></div>'
            '<div class="c-comment__note u-fs-13 u-c-gray">Ý kiến của bạn sẽ được biên tập trước'
            " khi đăng. Vui lòng gõ tiếng Việt có dấu.</div>"
            '<div class="c-comment__row u-grid u-grid--2"><div class="c-field">'
            f'<input type="text" name="{c}$txtHoTen" id="{c.replace("$", "_")}_txtHoTen" '
            'class="c-field__input" placeholder="Họ và tên" /></div><div class="c-field">'
            f'<input type="text" name="{c}$txtEmail" id="{c.replace("$", "_")}_txtEmail" '
            'class="c-field__input" placeholder="Email" /></div></div><div class="c-field">'
            f'<textarea name="{c}$txtNoiDung" id="{c.replace("$", "_")}_txtNoiDung" rows="4" '
            'class="c-field__area" placeholder="Nội dung bình luận"></textarea></div>'
            f'<div class="u-tr"><input type="submit" name="{c}$btnGui" value="Gửi bình luận" '
            f'id="{c.replace("$", "_")}_btnGui" class="c-btn c-btn--primary c-btn--sm" /></div>'
            "</div>\n"
        )

    def empty_article_main(self) -> str:
        return (
            f'<div class="c-post js-post" id="{_MAIN}_pnlChiTiet">'
            '<div class="c-post__title u-fs-26 u-fw-700" role="heading" aria-level="1"></div>'
            f'<div class="c-post__body js-post-body" id="{_MAIN}_divNoiDung"></div></div>'
        )

    def print_page(self, v: ArticleView, charset: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="vi"><head>'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            f"<title>In bài: {v.title or ''}</title>"
            f'<link rel="stylesheet" href="{ASSETS}/css/print.min.css" /></head>'
            '<body class="t-print" onload="window.print();"><div class="l-print">'
            '<div class="u-fw-700 u-upper u-tc">Sở Khoa học và Công nghệ tỉnh Thanh Hóa</div>'
            f"{self.article_main(v)}"
            '<div class="u-tc u-mt-16"><a href="javascript:window.close();">Đóng</a></div>'
            "</div></body></html>\n"
        )

    # -- listings -----------------------------------------------------------------------
    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        tag = f'<span class="c-card__tag">{esc(heading)}</span>' if heading in _CHANNELS else ""
        cards = []
        for i, e in enumerate(entries):
            img = e.thumb or f"{ASSETS}/img/no-image.jpg"
            meta = tag + (
                f'<span class="c-card__date"><i class="ico ico-clock"></i> {e.date}</span>'
                if e.date
                else ""
            )
            cards.append(
                f'<div class="c-card{" c-card--lg" if i == 0 else ""}">'
                f'<a class="c-card__img u-ratio-16x9" href="{e.href}"><img src="{img}" alt="" '
                'loading="lazy" /></a><div class="c-card__bd">'
                + (
                    f'<div class="c-card__meta u-flex u-fs-12 u-c-gray">{meta}</div>'
                    if meta
                    else ""
                )
                + f'<a class="c-card__title u-fs-16 u-fw-700" href="{e.href}">{esc(e.title)}</a>'
                + (
                    f'<div class="c-card__lead u-fs-14 u-clamp-3">{esc(e.lead)}</div>'
                    if e.lead
                    else ""
                )
                + "</div></div>"
            )
        body = (
            f'<div class="c-grid u-grid u-grid--3">{"".join(cards)}</div>'
            if cards
            else '<div class="c-empty u-tc u-c-gray">Không có tin bài nào.</div>'
        )
        return (
            '<div class="c-sec u-mb-24"><div class="c-sec__hd u-flex u-ai-center">'
            f'<div class="c-sec__title u-fs-20 u-fw-700">{esc(heading)}</div></div>'
            f"{body}{pager}</div>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""
        items = []
        if page > 1:
            items.append(
                f'<a class="c-pager__i" href="{href(page - 1)}" aria-label="Trang trước">‹</a>'
            )
        items += [
            f'<span class="c-pager__i is-active">{k}</span>'
            if k == page
            else f'<a class="c-pager__i" href="{href(k)}">{k}</a>'
            for k in window(page, total)
        ]
        if page < total:
            items.append(
                f'<a class="c-pager__i" href="{href(page + 1)}" rel="next" '
                'aria-label="Trang sau">›</a>'
            )
        return (
            '<div class="c-pager u-flex u-jc-center u-mt-16" role="navigation" '
            f'aria-label="Phân trang">{"".join(items)}</div>'
            f'<div class="c-pager__info u-tc u-fs-12 u-c-gray">Trang {page}/{total}</div>'
        )

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def a(arg: str, label: str, cls: str = "c-pager__i", title: str = "") -> str:
            t = f' title="{title}"' if title else ""
            return (
                f"<a class=\"{cls}\"{t} href=\"javascript:__doPostBack('{target}','{arg}')\">"
                f"{label}</a>"
            )

        more = ""
        if page < total:
            more = (
                '<div class="c-more u-tc u-mt-16">'
                + a(
                    f"Page${page + 1}",
                    'Xem thêm <i class="ico ico-down"></i>',
                    "c-btn c-btn--more js-more",
                    "Trang sau",
                )
                + "</div>"
            )
        items = []
        if page > 1:
            items += [a("Page$First", "«", title="Trang đầu"), a(f"Page${page - 1}", "‹")]
        items += [
            f'<span class="c-pager__i is-active">{k}</span>'
            if k == page
            else a(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            items += [
                a(f"Page${page + 1}", "›", title="Trang sau"),
                a("Page$Last", "»", title="Trang cuối"),
            ]
        return (
            f"{more}"
            '<div class="c-pager c-pager--pb u-flex u-jc-center u-mt-8" role="navigation" '
            f'aria-label="Phân trang">{"".join(items)}</div>'
        )
