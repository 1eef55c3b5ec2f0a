"""cms: an SP2010 e-portal (classic's master page: layout tables, s4-ribbonrow/s4-workspace,
GridView pager, archive answering on the page posted to) whose variety is in the **article
page**, an old CMS export kept in the "Tin tức - Sự kiện" content box: the title in
`div.tin-tieude`, one line under it with the labelled date ("Đăng lúc: 08:30 31/01/2018"), the
lead in `h2.tin-sapo`, the body as `table.tin-noidung` with one `<tr><td>` per paragraph (images
as an image row and an italic caption row, the signature right-aligned rows at the end), then,
in the same box and without a heading, `ul.tin-khac` of related articles ("(31/01/2018)" after
each title) and the attachments. The print view is /portal/Pages/InTin.aspx?Url=<path>."""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import quote

from ..model import Article
from .base import ArticleView, esc, register
from .classic import Classic

PRINT = "/portal/Pages/InTin.aspx"
_WP = "ctl00$m$g_5e0a7c3d_19b4_4f62_8d0e_a2c6b1f94e57$ctl00"
_ID = "ctl00_m_g_5e0a7c3d_19b4_4f62_8d0e_a2c6b1f94e57_ctl00"
_DIGIT = re.compile(r"\d")
_R = 'align="right"'


@register
class Cms(Classic):
    name = "cms"
    order = 11
    date_style = "posted_at"
    sid_len = 8
    upper_rate = 0.06
    publish_style = "slash_time"
    page_size = 12
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$PlaceHolderSearchArea$ctl01$txtTuKhoa",
        "search_button": "ctl00$PlaceHolderSearchArea$ctl01$btnTimKiem",
        "date_input": f"{_WP}$dtcNgayDang$dtcNgayDangDate",
        "archive_button": f"{_WP}$btnXemTin",
        "pager": "ctl00$m$g_0b7d2e95_6c41_4a8f_b3e2_9f15d7a0c468$ctl00$gvDanhSach",
        "day_pager": f"{_WP}$gvTinTheoNgay",
    }
    print_pattern = "/portal/Pages/InTin.aspx?Url=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/portal/pages/intin\.aspx"
    robots_disallow = PRINT
    listing_date_fmt = "(%d/%m/%Y)"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Month and day not padded, an 8-character id glued to the slug."""
        d = a.day
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?Url={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("Url"):
            return query["Url"].lower()
        return None

    # -- article ------------------------------------------------------------------------
    def _rows(self, v: ArticleView) -> str:
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f'<tr><td style="text-align: justify;">{b[1]}</td></tr>')
            elif b[0] == "img":
                out.append(
                    f'<tr><td align="center"><img src="{b[1]}" border="0" width="480" alt="" />'
                    "</td></tr>"
                )
                if b[2]:
                    out.append(f'<tr><td align="center"><em>{b[2]}</em></td></tr>')
            elif b[0] == "table":
                rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in b[1])
                out.append(
                    '<tr><td class="tin-bang"><table class="tin-bang" border="1" cellspacing="0" '
                    f'cellpadding="3" width="100%"><tbody>{rows}</tbody></table></td></tr>'
                )
        if v.author:
            out.append(f"<tr><td {_R}><strong>{v.author}</strong></td></tr>")
            if v.role:
                out.append(f"<tr><td {_R}><em>{v.role}</em></td></tr>")
        if v.source:
            out.append(f"<tr><td {_R}><em>Nguồn: {v.source}</em></td></tr>")
        return "\n".join(out)

    def _box(self, inner: str) -> str:
        return (
            '<table class="box boxChiTiet" width="100%"><tr><td class="boxTitle">'
            f'Tin tức - Sự kiện</td></tr><tr><td class="boxContent" id="{_ID}_pnlTin">'
            f"{inner}</td></tr></table>"
        )

    def article_main(self, v: ArticleView) -> str:
        line = ""
        if v.date:  # labelled: "Đăng lúc: …" (default style) or "Ngày đăng: 31-01-2018"
            shown = f"Ngày đăng: {v.date}" if _DIGIT.match(v.date) else v.date
            line = f'<div class="tin-ngay">{shown}</div>'
        upd = f'<div class="tin-capnhat"><i>{v.updated}</i></div>' if v.updated else ""
        lead = f'<h2 class="tin-sapo">{v.lead}</h2>' if v.lead else ""
        rel = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="ngay">{e.date}</span>' if e.date else "")
            + "</li>"
            for e in v.related
        )
        rel = f'<ul class="tin-khac">{rel}</ul>' if rel else ""
        att = ""
        if v.attachments:
            att = (
                '<div class="tin-dinhkem"><b>File đính kèm:</b> '
                + " ".join(
                    f'<div><img src="/_layouts/images/icgen.gif" alt="" /> '
                    f'<a href="{h}" target="_blank">{t}</a></div>'
                    for h, t in v.attachments
                )
                + "</div>"
            )
        return self._box(
            f'<div class="tin-tieude">{v.title}</div>{line}{upd}{lead}'
            '<table class="tin-noidung" width="100%" cellpadding="4" cellspacing="0"><tbody>\n'
            f"{self._rows(v)}\n</tbody></table>{rel}{att}"
        )

    def article_extras(self, v: ArticleView) -> str:
        return (
            f'<div class="tin-congcu"><a href="{v.print_href}" target="_blank">'
            '<img src="/portal/Style%20Library/print.gif" alt="" /> In nội dung</a> | '
            '<a href="javascript:history.back();">Quay lại</a></div>'
        )

    def empty_article_main(self) -> str:
        return self._box(
            '<div class="tin-tieude"></div><table class="tin-noidung" width="100%"><tbody>'
            "</tbody></table>"
        )
