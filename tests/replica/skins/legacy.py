"""legacy: a hand-made ASP.NET WebForms site of the SharePoint 2007 years — nested layout
tables, `<font>`/`<b>`/`<center>`, inline styles and almost no class names. The title is a
`<font size="4"><b><span id="…_lblTieuDe">`, the date (`31.01.2018` mostly) sits
right-aligned in its own row under the title next to a "Lượt xem" counter, the lead is a bold
`span#…_lblTrichYeu`, the body a `span#…_lblNoiDung` holding either `<p>` paragraphs or bare
text separated by `<br /><br />` (per article), images in centred tables with the caption in
the row below, a right-aligned `<div>` signature; listings are tables (thumbnail, title + lead,
date column) with "Trang đầu / Trang trước / 1 2 3 / Trang sau / Trang cuối" pagers, by links
on "Thông báo" and by postback elsewhere; the archive answers on the page it was posted to and
pages on by links to /portal/Pages/DanhSachTinTheoNgay.aspx."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .legacy_chrome import BULLET, page_layout

RESULTS = "/portal/Pages/DanhSachTinTheoNgay.aspx"
PRINT = "/portal/Pages/InBai.aspx"
_G = "ctl00$ctl12$g_3f2a9e61_0c4d_4b7e_8a15_d2c9f0e3b741$ctl00"
_LIST = "ctl00$ctl12$g_8c4d2b17_5e9a_4f03_b6d2_0a7e1c3f5b28$ctl00"
_POLL = "ctl00$ctl12$g_5d0e7a39_2b6f_4c81_9e47_a3f1c8d2b604$ctl00"
_ID = _G.replace("$", "_")
_GREY = '<font face="Arial" size="1" color="#808080">'


def _coin(s: str, salt: str = "") -> int:
    """A stable number for *s* (the same article always gets the same markup)."""
    return zlib.crc32((salt + s).encode())


@register
class Legacy(Skin):
    name = "legacy"
    order = 6
    date_style = "dot"
    sid_len = 12
    upper_rate = 0.2
    page_size = 10
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "postback",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$ctl05$txtTimKiem",
        "search_button": "ctl00$ctl05$btnTimKiem",
        "date_input": f"{_G}$ucLichTin$dtcNgay$dtcNgayDate",
        "archive_button": f"{_G}$ucLichTin$btnXem",
        "pager": f"{_LIST}$ucPhanTrang",
        "day_pager": f"{_LIST}$ucPhanTrangNgay",
    }
    archive_mode = "same"
    archive_paging = "links"
    results_path = RESULTS
    print_pattern = "/portal/Pages/InBai.aspx?ItemPath=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/portal/pages/inbai\.aspx"
    robots_disallow = PRINT
    listing_date_fmt = "%d/%m/%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Year-only URLs until 2020 (never for an article dated by its URL)."""
        d = a.day
        if d.year <= 2020 and a.date_style != "url":
            return f"/portal/pages/{d.year}/{a.slug}-{a.sid}.aspx"
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid[:6]}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?ItemPath={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("ItemPath"):
            return query["ItemPath"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?Ngay={quote(f'{day:%d/%m/%Y}', safe='').lower()}" + (
            f"&amp;Page={page}" if page > 1 else ""
        )

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            day = datetime.strptime(query.get("Ngay", ""), "%d/%m/%Y").date()
        except ValueError:
            day = None
        page = int(query["Page"]) if query.get("Page", "").isdigit() else 1
        return day, max(1, page)

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main, _POLL)

    # -- article ------------------------------------------------------------------------
    def _image(self, src: str, cap: str | None) -> str:
        c = (
            f'<tr><td align="center" style="font-size:11px;color:#444444"><i>{cap}</i></td></tr>'
            if cap
            else ""
        )
        return (
            '<table align="center" border="0" cellpadding="3" cellspacing="0" width="450">'
            f'<tr><td align="center"><img src="{src}" width="450" border="0" alt="" /></td></tr>'
            f"{c}</table>"
        )

    def _table(self, rows: list[list[str]]) -> str:
        head = "".join(f'<td align="center" bgcolor="#EEEEEE"><b>{c}</b></td>' for c in rows[0])
        body = "".join(
            "<tr>" + "".join(f'<td valign="top">{c}</td>' for c in r) + "</tr>" for r in rows[1:]
        )
        return (
            '<table width="100%" border="1" cellpadding="3" cellspacing="0" '
            f'style="border-collapse:collapse" bordercolor="#999999"><tr>{head}</tr>{body}'
            "</table>"
        )

    def _signature(self, v: ArticleView) -> str:
        right = '<div style="text-align: right;">'
        out = f"{right}<b>{v.author}</b></div>" if v.author else ""
        if v.author and v.role:
            out += f"{right}<i>{v.role}</i></div>"
        if v.source:
            out += f"{right}<i>Nguồn: {v.source}</i></div>"
        return out

    def _blocks(self, v: ArticleView) -> str:
        """The editor's HTML: `<p>` paragraphs on some articles, `<br />` runs on others."""
        breaks = _coin(v.print_href, "br") % 2 == 0
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f"{b[1]}<br />\n<br />" if breaks else f'<p align="justify">{b[1]}</p>')
            elif b[0] == "img":
                out.append(self._image(b[1], b[2]))
            elif b[0] == "table":
                out.append(self._table(b[1]))
        out.append(self._signature(v))
        return "\n".join(out)

    def _date_row(self, v: ArticleView) -> str:
        views = 37 + _coin(v.print_href, "views") % 4800
        parts = []
        if v.date:
            parts.append(f'{_GREY}<i><span id="{_ID}_lblNgayDang">{v.date}</span></i></font>')
        parts.append(f'{_GREY}Lượt xem: <span id="{_ID}_lblLuotXem">{views}</span></font>')
        upd = f"<br />{_GREY}<i>{v.updated}</i></font>" if v.updated else ""
        return (
            '<tr><td align="right" style="padding:2px 0 4px 0">'
            f"{' &nbsp;|&nbsp; '.join(parts)}{upd}</td></tr>"
        )

    def _content_box(self, inner: str) -> str:
        return (
            '<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr>'
            '<td height="26" bgcolor="#1F5FA8" style="padding-left:10px"><font face="Arial" '
            'size="2" color="#FFFFFF"><b>Nội dung</b></font></td></tr><tr><td valign="top" '
            'style="border:1px solid #B5C7E0;padding:8px"><table width="100%" border="0" '
            f'cellpadding="2" cellspacing="0">{inner}</table></td></tr></table>\n'
        )

    def article_main(self, v: ArticleView) -> str:
        lead = (
            f'<tr><td align="justify"><b><span id="{_ID}_lblTrichYeu">{v.lead}</span></b></td></tr>'
            if v.lead
            else ""
        )
        att = ""
        if v.attachments:
            att = (
                '<tr><td><br /><font face="Arial" size="2"><b>Văn bản đính kèm:</b></font><br />'
                + "".join(
                    '&nbsp;&nbsp;<img src="/portal/images/icon_attach.gif" border="0" alt="" /> '
                    f'<a href="{h}" target="_blank"><font size="2">{t}</font></a><br />'
                    for h, t in v.attachments
                )
                + "</td></tr>"
            )
        return self._content_box(
            '<tr><td><font face="Times New Roman" size="4" color="#003399"><b>'
            f'<span id="{_ID}_lblTieuDe">{v.title}</span></b></font></td></tr>'
            + self._date_row(v)
            + '<tr><td><hr size="1" noshade="noshade" color="#CCCCCC" /></td></tr>'
            + lead
            + '<tr><td align="justify" style="font-family:Times New Roman;font-size:15px">'
            f'<span id="{_ID}_lblNoiDung">\n{self._blocks(v)}\n</span></td></tr>{att}'
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'{BULLET}<a href="{e.href}"><font size="2">{esc(e.title)}</font></a>'
            + (f" {_GREY}({e.date})</font>" if e.date else "")
            + "<br />"
            for e in v.related
        )
        return (
            '<table width="100%" border="0" cellpadding="4" cellspacing="0"><tr>'
            f'<td align="right"><a href="{v.print_href}" target="_blank">'
            '<img src="/portal/images/print.gif" border="0" alt="" /> <font size="2">In nội dung'
            '</font></a> &nbsp;|&nbsp; <a href="javascript:history.go(-1);"><font size="2">'
            'Quay lại</font></a> &nbsp;|&nbsp; <a href="javascript:scroll(0,0);"><font size="2">'
            "Về đầu trang</font></a></td></tr></table>\n"
            '<table width="100%" border="0" cellpadding="4" cellspacing="0"><tr><td>'
            '<font face="Arial" size="2" color="#003399"><b><u>Các tin bài khác:</u></b></font>'
            f"</td></tr><tr><td>{rel}</td></tr></table>\n"
        )

    def empty_article_main(self) -> str:
        return self._content_box(
            f'<tr><td><font size="4"><b><span id="{_ID}_lblTieuDe"></span></b></font></td></tr>'
            f'<tr><td><span id="{_ID}_lblNoiDung"></span></td></tr>'
        )

    def print_page(self, v: ArticleView, charset: str) -> str:
        return (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head>'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            '<title>In nội dung</title></head><body onload="window.print();"><center>'
            '<table width="680" border="0" cellpadding="0" cellspacing="0"><tr><td>'
            f"{self.article_main(v)}</td></tr></table><br />"
            '<a href="javascript:window.close();">Đóng cửa sổ</a></center></body></html>\n'
        )

    # -- listings -----------------------------------------------------------------------
    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        rows = []
        for e in entries:
            th = (
                f'<a href="{e.href}"><img src="{e.thumb}" width="90" height="68" border="1" '
                'alt="" /></a>'
                if e.thumb
                else "&nbsp;"
            )
            rows.append(
                f'<tr><td width="96" valign="top">{th}</td><td valign="top">'
                f'<a href="{e.href}"><font face="Arial" size="2" color="#003399"><b>'
                f"{esc(e.title)}</b></font></a>"
                + (f'<br /><font size="2">{esc(e.lead)}</font>' if e.lead else "")
                + f'</td><td width="72" valign="top" align="right" nowrap="nowrap">{_GREY}'
                + (e.date or "&nbsp;")
                + "</font></td></tr>"
                '<tr><td colspan="3" height="1" bgcolor="#DDDDDD"></td></tr>'
            )
        body = "".join(rows) or (
            '<tr><td colspan="3" align="center"><font size="2"><i>Chưa có dữ liệu.</i></font>'
            "</td></tr>"
        )
        return (
            '<table width="100%" border="0" cellpadding="0" cellspacing="0" '
            'style="margin-bottom:8px"><tr><td height="26" bgcolor="#1F5FA8" '
            'style="padding-left:10px"><font face="Arial" size="2" color="#FFFFFF"><b>'
            f"{esc(heading)}</b></font></td></tr>"
            '<tr><td style="border:1px solid #B5C7E0;padding:4px"><table width="100%" '
            f'border="0" cellpadding="4" cellspacing="0">{body}</table>{pager}</td></tr>'
            "</table>\n"
        )

    def _pager(self, link: Callable[[str, str], str], page: int, total: int) -> str:
        parts = []
        if page > 1:
            parts += [link("Page$First", "Trang đầu"), link(f"Page${page - 1}", "Trang trước")]
        parts.append(
            " ".join(
                f'<font color="#FF0000"><b>{k}</b></font>'
                if k == page
                else link(f"Page${k}", str(k))
                for k in window(page, total)
            )
        )
        if page < total:
            parts += [link(f"Page${page + 1}", "Trang sau"), link("Page$Last", "Trang cuối")]
        return (
            '<table width="100%" border="0" cellpadding="4" cellspacing="0"><tr>'
            '<td align="center"><font face="Arial" size="2">'
            + " | ".join(parts)
            + "</font></td></tr></table>"
        )

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        if total <= 1:
            return ""

        def link(arg: str, label: str) -> str:
            k = {"Page$First": 1, "Page$Last": total}.get(arg) or int(arg[5:])
            return f'<a href="{href(k)}">{label}</a>'

        return self._pager(link, page, total)

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def link(arg: str, label: str) -> str:
            return f"<a href=\"javascript:__doPostBack('{target}','{arg}')\">{label}</a>"

        return self._pager(link, page, total)
