"""portal2: a SharePoint 2013-era ePortal theme — web-part zones (`table.ms-WPBody`), the
article in a `div.ms-rtestate-field`, the title in a `span#…_lblTitle`, the date either above
the title ("(Cập nhật lúc 08:30 ngày 31/01/2018)") or labelled "Ngày đăng: …" below the lead,
images as `div.imgNews` or caption tables (`td.ms-rteCustom-Caption`), a bold-italic signature
or a "Tác giả:" line, a right-aligned `<em>Nguồn: …</em>`, a `table.attachments`, relative
pager links, and an archive whose "Xem" redirects to link-paged results."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .portal2_chrome import page_layout

RESULTS = "/portal/Pages/TraCuuTinTheoNgay.aspx"
_LEFT = "ctl00$ctl00$PlaceHolderLeft$g_4f2a9c1b_77de$ctl00"
_ZONE = "ctl00_PlaceHolderMain_g_1f0e6c2d_93ab_4d57_8e21_c4b7a9d05e3f_ctl00"
_LABELLED = ("Cập nhật", "Ngày ", "(")  # date texts shown without the "Ngày đăng:" label


def _odd(s: str) -> bool:
    """A stable coin flip (the same text always gets the same markup)."""
    return zlib.crc32(s.encode()) % 2 == 1


def _rel(href: str) -> str:
    """Pager links are relative to the page's folder, as the list view renders them."""
    path, sep, query = href.partition("?")
    return path.rsplit("/", 1)[-1] + sep + query


@register
class Portal2(Skin):
    name = "portal2"
    order = 4
    date_style = "at_time"
    sid_len = 7
    upper_rate = 0.1
    page_size = 12
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "postback",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$ctl00$PlaceHolderSearchArea$SmallSearchInputBox1$S3031AEBB_Input",
        "search_button": "ctl00$ctl00$PlaceHolderSearchArea$SmallSearchInputBox1$S3031AEBB_go",
        "date_input": f"{_LEFT}$dtcNgayDang$dtcNgayDangDate",
        "archive_button": f"{_LEFT}$btnXemTin",
        "pager": "ctl00$PlaceHolderMain$g_6b3d0a7e_21cf$ctl00$rptTinTuc$ucPhanTrang",
        "day_pager": "ctl00$PlaceHolderMain$g_6b3d0a7e_21cf$ctl00$rptKetQua$ucPhanTrang",
    }
    archive_mode = "redirect"
    archive_paging = "links"
    results_path = RESULTS
    print_pattern = "/portal/SitePages/PrintNews.aspx?url=<article path>"
    print_prefix = "/portal/sitepages/printnews.aspx"
    print_regex = r"^/portal/sitepages/printnews\.aspx"
    robots_disallow = "/portal/SitePages/PrintNews.aspx"
    listing_date_fmt = "%d/%m/%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Padded date, '-' and the id after the slug."""
        d = a.day
        return f"/portal/Pages/{d:%Y-%m-%d}/{a.slug}-{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"/portal/SitePages/PrintNews.aspx?url={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("url"):
            return query["url"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?ngay={day:%d/%m/%Y}" + (f"&amp;trang={page}" if page > 1 else "")

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            day = datetime.strptime(query.get("ngay", ""), "%d/%m/%Y").date()
        except ValueError:
            day = None
        page = int(query["trang"]) if query.get("trang", "").isdigit() else 1
        return day, max(1, page)

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article ------------------------------------------------------------------------
    def _image(self, src: str, cap: str | None) -> str:
        if _odd(src):
            c = f'<div class="captionNews">{cap}</div>' if cap else ""
            return f'<div class="imgNews" align="center"><img src="{src}" alt="" />{c}</div>'
        c = f'<tr><td class="ms-rteCustom-Caption">{cap}</td></tr>' if cap else ""
        return (
            '<table align="center" border="0" cellpadding="2" cellspacing="0" width="480"><tbody>'
            f'<tr><td><img src="{src}" width="480" alt="" /></td></tr>{c}</tbody></table>'
        )

    def _table(self, rows: list[list[str]]) -> str:
        head = "".join(
            f'<th class="ms-rteTableHeader{"First" if i == 0 else "Odd"}Col-default">{c}</th>'
            for i, c in enumerate(rows[0])
        )
        body = "".join(
            f'<tr class="ms-rteTable{"Odd" if k % 2 else "Even"}Row-default">'
            + "".join(f'<td class="ms-rteTableEvenCol-default">{c}</td>' for c in r)
            + "</tr>"
            for k, r in enumerate(rows[1:])
        )
        return (
            '<table class="ms-rteTable-default" width="100%" cellspacing="0"><tbody>'
            f'<tr class="ms-rteTableHeaderRow-default">{head}</tr>{body}</tbody></table>'
        )

    def _blocks(self, v: ArticleView) -> str:
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f'<p style="text-align:justify">{b[1]}</p>')
            elif b[0] == "img":
                out.append(self._image(b[1], b[2]))
            elif b[0] == "table":
                out.append(self._table(b[1]))
        right = '<p style="text-align:right">'
        if v.author and not v.role and _odd(v.author):
            out.append(f"{right}Tác giả: <strong>{v.author}</strong></p>")
        elif v.author:
            out.append(f"{right}<b><i>{v.author}</i></b></p>")
            if v.role:
                out.append(f"{right}<i>{v.role}</i></p>")
        if v.source:
            out.append(f"{right}<em>Nguồn: {v.source}</em></p>")
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        top = below = ""
        if v.date and v.date.startswith("("):
            top = f'<div class="timeNews"><span id="{_ZONE}_lblThoiGian">{v.date}</span></div>'
        elif v.date:
            label = "" if v.date.startswith(_LABELLED) else "Ngày đăng: "
            below = f'<span id="{_ZONE}_lblNgayDang">{label}{v.date}</span>'
        if v.updated:
            below += f' <span id="{_ZONE}_lblCapNhat" class="updated">{v.updated}</span>'
        below = f'<div class="dateNews">{below.strip()}</div>' if below else ""
        lead = f'<div class="sapoNews"><strong>{v.lead}</strong></div>' if v.lead else ""
        att = ""
        if v.attachments:
            att = (
                '<table class="attachments" width="100%" cellpadding="3"><tr><th colspan="2">'
                "Tệp đính kèm</th></tr>"
                + "".join(
                    f'<tr><td width="20"><img src="/_layouts/images/icgen.gif" alt="" /></td>'
                    f'<td><a href="{h}" target="_blank">{t}</a></td></tr>'
                    for h, t in v.attachments
                )
                + "</table>"
            )
        return (
            f'<div id="{_ZONE}" class="detailNews"><table class="ms-WPBody" width="100%" '
            'cellpadding="0" cellspacing="0"><tr><td valign="top">'
            f'{top}<div class="titleNews"><span id="{_ZONE}_lblTitle">{v.title}</span></div>'
            f"{lead}{below}"
            f'<div id="{_ZONE}_RichHtmlField" class="ms-rtestate-field" style="display:inline">\n'
            f"{self._blocks(v)}\n</div>{att}</td></tr></table></div>"
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="date">({e.date})</span>' if e.date else "")
            + "</li>"
            for e in v.related
        )
        return (
            f'<div class="toolNews"><a href="{v.print_href}" target="_blank">'
            '<img src="/portal/Style%20Library/images/print.png" alt="" /> In nội dung</a> | '
            '<a href="javascript:history.back();">Quay lại</a></div>'
            '<div class="otherNews"><div class="titleOther">Tin cùng chuyên mục</div>'
            f'<ul class="listOther">{rel}</ul></div>'
        )

    def empty_article_main(self) -> str:
        return (
            f'<div id="{_ZONE}" class="detailNews"><table class="ms-WPBody" width="100%"><tr><td>'
            f'<div class="titleNews"><span id="{_ZONE}_lblTitle"></span></div>'
            f'<div id="{_ZONE}_RichHtmlField" class="ms-rtestate-field"></div></td></tr></table>'
            "</div>"
        )

    # -- listings -----------------------------------------------------------------------
    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        items = []
        for e in entries:
            th = (
                f'<a class="imgThumb" href="{e.href}"><img src="{e.thumb}" width="120" /></a>'
                if e.thumb
                else ""
            )
            items.append(
                f'<li>{th}<h3><a href="{e.href}">{esc(e.title)}</a></h3>'
                + (f'<span class="date">{e.date}</span>' if e.date else "")
                + (f'<div class="sapo">{esc(e.lead)}</div>' if e.lead else "")
                + '<div class="clear"></div></li>'
            )
        body = (
            f'<ul class="news-list">{"".join(items)}</ul>'
            if items
            else '<div class="ms-vb">Chưa có tin bài nào.</div>'
        )
        return (
            '<table class="ms-WPBody" width="100%" cellpadding="0" cellspacing="0">'
            f'<tr><td class="titleCate"><h2><span>{esc(heading)}</span></h2></td></tr>'
            f"<tr><td>{body}{pager}</td></tr></table>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""
        parts = [f'<span class="pageInfo">Trang {page}/{total}</span>']
        if page > 1:
            parts.append(f'<a href="{_rel(href(1))}" title="Trang đầu">&laquo;</a>')
            parts.append(f'<a href="{_rel(href(page - 1))}" title="Trang trước">&lsaquo;</a>')
        parts += [
            f'<span class="selected">{k}</span>'
            if k == page
            else f'<a href="{_rel(href(k))}">{k}</a>'
            for k in window(page, total)
        ]
        if page < total:
            parts.append(
                f'<a href="{_rel(href(page + 1))}" title="Trang sau">'
                '<img src="/_layouts/images/next.gif" alt="Trang sau" border="0" /></a>'
            )
            parts.append(f'<a href="{_rel(href(total))}" title="Trang cuối">&raquo;</a>')
        return f'<div class="ms-paging pagingNews">{" ".join(parts)}</div>'

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def td(arg: str, label: str, title: str = "") -> str:
            t = f' title="{title}"' if title else ""
            return (
                f'<td><a class="ms-paging"{t} href="javascript:__doPostBack(\'{target}\','
                f"'{arg}')\">{label}</a></td>"
            )

        cells = ['<td class="ms-vb">Trang:</td>']
        if page > 1:
            cells.append(td("Page$First", "Đầu", "Trang đầu"))
        cells += [
            f'<td><span class="ms-paging-selected">{k}</span></td>'
            if k == page
            else td(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            cells.append(td(f"Page${page + 1}", "Trang tiếp", "Trang tiếp"))
            cells.append(td("Page$Last", "Cuối", "Trang cuối"))
        return (
            '<table class="ms-WPBody pagerNews" cellpadding="2" cellspacing="0"><tr>'
            f"{''.join(cells)}</tr></table>"
        )
