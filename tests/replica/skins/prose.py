"""prose: an SP2010 portal whose editors paste articles from Microsoft Word into the rich-text
editor. The body carries Word's markup — `<p class="MsoNormal">` with inline styles, text
split across `<span lang="VI">` runs (sometimes mid-word), `mso-spacerun` spaces, `<o:p>`,
`<!--[if gte mso 9]>` blocks, empty `<o:p>&nbsp;</o:p>` paragraphs — the title often repeated
in bold capitals at the top of the body, the lead as the first bold-italic paragraph, images
in one-column Word tables (caption in italic in the row below), `MsoTableGrid` data tables and
a right-aligned Word signature ("(Minh Hà)" when the writer gives no role) with "Nguồn: …"
after it. The date (`Thứ Tư, 31/01/2018 - 08:30` mostly) sits in the content box between the
title and the body. The archive answers on the page posted to and pages on by links to
/portal/Pages/Tin-da-dang-ngay.aspx?ngay=dd-MM-yyyy&trang=N."""

from __future__ import annotations

import html
import random
import re
import zlib
from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar
from urllib.parse import quote

from ..chrome import Ctx
from ..model import Article
from .base import ArticleView, Entry, Skin, esc, register, window
from .prose_chrome import page_layout

RESULTS = "/portal/Pages/Tin-da-dang-ngay.aspx"
PRINT = "/_layouts/CongTTDT/InTinBai.aspx"
_WP = "ctl00$m$g_6b1f0d2a_93c4_4e58_a7d1_2f8e5c0b9a43$ctl00"
_BODY_ID = "ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField"
_DATE_ID = "ctl00_PlaceHolderMain_ctl01_lblNgayDang"

_FONT = "font-size:14.0pt;line-height:150%;font-family:'Times New Roman','serif'"
_PSTYLE = "margin-bottom:6.0pt;text-align:justify;text-indent:36.0pt;line-height:150%"
_RIGHT = 'class="MsoNormal" align="right" style="margin-bottom:0cm;text-align:right"'
_EMPTY = '<p class="MsoNormal" style="text-align:justify;line-height:150%"><o:p>&nbsp;</o:p></p>'
_TD = (
    "border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
)

WORD_XML = (
    "<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Normal</w:View>\n"
    "  <w:Zoom>0</w:Zoom>\n  <w:TrackMoves/>\n  <w:TrackFormatting/>\n"
    "  <w:PunctuationKerning/>\n  <w:ValidateAgainstSchemas/>\n"
    "  <w:SaveIfXMLInvalid>false</w:SaveIfXMLInvalid>\n"
    "  <w:IgnoreMixedContent>false</w:IgnoreMixedContent>\n"
    "  <w:DoNotPromoteQF/>\n  <w:LidThemeOther>EN-US</w:LidThemeOther>\n"
    "  <w:LidThemeAsian>X-NONE</w:LidThemeAsian>\n"
    "  <w:LidThemeComplexScript>X-NONE</w:LidThemeComplexScript>\n"
    "  <w:Compatibility>\n   <w:BreakWrappedTables/>\n   <w:SnapToGridInCell/>\n"
    "   <w:WrapTextWithPunct/>\n   <w:UseAsianBreakRules/>\n  </w:Compatibility>\n"
    " </w:WordDocument>\n</xml><![endif]--><!--[if gte mso 9]><xml>\n"
    ' <w:LatentStyles DefLockedState="false" DefUnhideWhenUsed="true" DefSemiHidden="true"'
    ' DefQFormat="false" DefPriority="99" LatentStyleCount="267">\n'
    '  <w:LsdException Locked="false" Priority="0" SemiHidden="false" UnhideWhenUsed="false"'
    ' QFormat="true" Name="Normal"/>\n'
    '  <w:LsdException Locked="false" Priority="59" SemiHidden="false" UnhideWhenUsed="false"'
    ' Name="Table Grid"/>\n'
    " </w:LatentStyles>\n</xml><![endif]--><!--[if gte mso 10]>\n<style>\n"
    " /* Style Definitions */\n table.MsoNormalTable\n"
    '\t{mso-style-name:"Table Normal";\n\tmso-tstyle-rowband-size:0;\n'
    "\tmso-tstyle-colband-size:0;\n\tmso-style-noshow:yes;\n\tmso-style-priority:99;\n"
    '\tmso-style-parent:"";\n\tmso-padding-alt:0cm 5.4pt 0cm 5.4pt;\n'
    "\tmso-para-margin:0cm;\n\tmso-para-margin-bottom:.0001pt;\n\tmso-pagination:widow-orphan;\n"
    '\tfont-size:11.0pt;\n\tfont-family:"Calibri","sans-serif";}\n</style>\n<![endif]-->'
)


def _coin(s: str, salt: str) -> int:
    """A stable number for *s* (the same article always gets the same markup)."""
    return zlib.crc32((salt + s).encode())


def _span(text: str, lang: str = "VI") -> str:
    return f'<span lang="{lang}" style="{_FONT}">{text}</span>'


def _runs(text: str, r: random.Random) -> str:
    """*text* (HTML) as Word writes it: split into `<span>` runs at spaces or inside words,
    a few spaces written as `mso-spacerun` spans."""
    if "<" in text or len(text) < 40:
        return _span(text)
    words = text.split(" ")
    out: list[str] = []
    cur = words[0]
    for w in words[1:]:
        if r.random() < 0.02:  # Word keeps a double space as a spacerun
            out += [_span(cur), '<span style="mso-spacerun:yes">&nbsp;</span>']
            cur = " "
        else:
            cur += " "
        if r.random() < 0.012 and w.isalpha() and len(w) > 4:  # a revision run splits a word
            k = r.randrange(2, len(w) - 1)
            out.append(_span(cur + w[:k]))
            cur = w[k:]
        elif r.random() < 0.04 and cur.strip():
            out.append(_span(cur))
            cur = w
        else:
            cur += w
    out.append(_span(cur, "VI" if r.random() < 0.8 else "EN-US"))
    return "".join(x for x in out if x != _span(""))


@register
class Prose(Skin):
    name = "prose"
    order = 10
    date_style = "words"
    sid_len = 7
    upper_rate = 0.12
    page_size = 12
    paging: ClassVar[dict[str, str]] = {
        "Tin-hoat-dong": "postback",
        "Khoa-hoc-cong-nghe": "links",
        "Thong-bao": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$PlaceHolderSearchArea$ctl01$S3F8B21C0_InputKeywords",
        "search_button": "ctl00$PlaceHolderSearchArea$ctl01$S3F8B21C0_go",
        "date_input": f"{_WP}$dtcTinDaDang$dtcTinDaDangDate",
        "archive_button": f"{_WP}$btnXemTin",
        "pager": "ctl00$m$g_0e9a7c31_5d24_4b6f_8c03_91ad4e2f7b58$ctl00$rptPhanTrang",
        "day_pager": f"{_WP}$rptPhanTrangNgay",
    }
    archive_mode = "same"
    archive_paging = "links"
    results_path = RESULTS
    print_pattern = "/_layouts/CongTTDT/InTinBai.aspx?url=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/_layouts/congttdt/intinbai\.aspx"
    robots_disallow = "/_layouts/CongTTDT/"
    listing_date_fmt = "%d/%m/%Y"

    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Month and day not padded, '-' and a 7-character id after the slug."""
        d = a.day
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}-{a.sid}.aspx"

    def print_href(self, a: Article) -> str:
        return f"{PRINT}?url={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("url"):
            return query["url"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        return f"{RESULTS}?ngay={day:%d-%m-%Y}" + (f"&amp;trang={page}" if page > 1 else "")

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            day = datetime.strptime(query.get("ngay", ""), "%d-%m-%Y").date()
        except ValueError:
            day = None
        page = int(query["trang"]) if query.get("trang", "").isdigit() else 1
        return day, max(1, page)

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article ------------------------------------------------------------------------
    def _para(self, text: str, r: random.Random) -> str:
        if not text.strip() or text in ("<br />", "\u200b"):  # an empty paragraph (noise)
            return f'<p class="MsoNormal" style="{_PSTYLE}">{text}<o:p></o:p></p>'
        return f'<p class="MsoNormal" style="{_PSTYLE}">{_runs(text, r)}<o:p></o:p></p>'

    def _image(self, src: str, cap: str | None, r: random.Random) -> str:
        n = r.randint(2, 40)
        vml = (
            f'<!--[if gte vml 1]><v:shape id="Picture_x0020_{n}" o:spid="_x0000_i10{n + 24}"'
            ' type="#_x0000_t75" style="width:375pt;height:250pt;visibility:visible">'
            f'<v:imagedata src="file:///C:/Users/Admin/AppData/Local/Temp/msohtmlclip1/01/'
            f'clip_image00{n % 9 + 1}.jpg" o:title=""/></v:shape><![endif]-->'
        )
        rows = (
            '<tr style="mso-yfti-irow:0;mso-yfti-firstrow:yes"><td width="500" valign="top" '
            'style="width:375.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal" '
            'align="center" style="text-align:center"><span lang="VI">'
            f'{vml}<img width="500" height="333" src="{src}" alt="" /></span></p></td></tr>'
        )
        if cap:
            rows += (
                '<tr style="mso-yfti-irow:1;mso-yfti-lastrow:yes"><td width="500" valign="top" '
                'style="width:375.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal" '
                'align="center" style="text-align:center"><i><span lang="VI" '
                f"style=\"font-size:12.0pt;font-family:'Times New Roman','serif'\">{cap}"
                "</span></i><o:p></o:p></p></td></tr>"
            )
        return (
            '<div align="center"><table class="MsoNormalTable" border="0" cellspacing="0" '
            'cellpadding="0" style="border-collapse:collapse;mso-yfti-tbllook:1184;'
            f'mso-padding-alt:0cm 5.4pt 0cm 5.4pt"><tbody>{rows}</tbody></table></div>'
        )

    def _table(self, rows: list[list[str]]) -> str:
        widths = [36, 170, 150, 80]
        out = []
        for i, row in enumerate(rows):
            tds = []
            for j, c in enumerate(row):
                w = widths[j] if j < len(widths) else 80
                inner = f"<b>{_span(c)}</b>" if i == 0 else _span(c)
                align = ' align="center" style="text-align:center"' if i == 0 or j == 0 else ""
                tds.append(
                    f'<td width="{w}" valign="top" style="width:{w * 0.75:.1f}pt;{_TD}">'
                    f'<p class="MsoNormal"{align}>{inner}<o:p></o:p></p></td>'
                )
            flags = "mso-yfti-firstrow:yes" if i == 0 else ""
            flags += ";mso-yfti-lastrow:yes" if i == len(rows) - 1 else ""
            out.append(f'<tr style="mso-yfti-irow:{i};{flags.lstrip(";")}">{"".join(tds)}</tr>')
        return (
            '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
            'style="border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;'
            f'mso-yfti-tbllook:1184"><tbody>{"".join(out)}</tbody></table>'
        )

    def _signature(self, v: ArticleView, coin: int) -> list[str]:
        out = []
        if v.author:
            name = f"({v.author})" if not v.role and coin % 3 == 0 else v.author
            out.append(f"<p {_RIGHT}><b>{_span(name)}</b><o:p></o:p></p>")
            if v.role:
                out.append(f"<p {_RIGHT}><i>{_span(v.role)}</i><o:p></o:p></p>")
        if v.source:
            out.append(f"<p {_RIGHT}><i>{_span('Nguồn: ' + v.source)}</i><o:p></o:p></p>")
        return out

    def _body(self, v: ArticleView) -> str:
        key = v.print_href
        r = random.Random(f"prose:{key}")
        coin = _coin(key, "body")
        out = [WORD_XML] if coin % 4 else []
        if coin % 9 < 4 and v.title:  # the editor repeats the title in bold capitals
            upper = esc(html.unescape(v.title).upper(), quote=False)
            out.append(
                '<p class="MsoNormal" align="center" style="margin-bottom:6.0pt;'
                f'text-align:center;line-height:150%"><b>{_span(upper)}</b><o:p></o:p></p>'
            )
            out.append(_EMPTY)
        if v.lead:
            out.append(
                f'<p class="MsoNormal" style="{_PSTYLE}"><b><i>{_runs(v.lead, r)}</i></b>'
                "<o:p></o:p></p>"
            )
        for b in v.blocks:
            if b[0] == "p":
                out.append(self._para(b[1], r))
            elif b[0] == "img":
                out.append(self._image(b[1], b[2], r))
            elif b[0] == "table":
                out.append(self._table(b[1]))
            if coin % 5 == 0 and b[0] == "p":  # an empty Word paragraph between paragraphs
                out.append(_EMPTY)
        if v.author or v.source:
            out.append(_EMPTY)
        out += self._signature(v, coin)
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        date = (
            f'<div class="ngay-dang"><span id="{_DATE_ID}">{v.date}</span></div>' if v.date else ""
        )
        upd = f'<div class="ngay-cap-nhat">{v.updated}</div>' if v.updated else ""
        att = ""
        if v.attachments:
            att = (
                '<div class="file-dinh-kem"><b>Tài liệu đính kèm:</b><ul>'
                + "".join(
                    f'<li><a href="{h}" target="_blank">{t}</a> '
                    f"({re.sub(r'.*[.]', '', h).upper()})</li>"
                    for h, t in v.attachments
                )
                + "</ul></div>"
            )
        ext = f"ExternalClass{_coin(v.print_href, 'ext'):08X}"
        return (
            '<div class="khung khung-chitiet"><div class="khung-tieude"><span>Nội dung</span>'
            '</div><div class="khung-noidung"><div class="chitiet-tin">'
            f'<h1 class="tieude-chitiet">{v.title}</h1>{date}{upd}'
            f'<div id="{_BODY_ID}" class="ms-rtestate-field noidung-chitiet">'
            f'<div class="{ext}">\n{self._body(v)}\n</div></div>{att}</div></div></div>'
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="ngay">({e.date})</span>' if e.date else "")
            + "</li>"
            for e in v.related
        )
        return (
            '<div class="congcu"><a href="' + v.print_href + '" target="_blank">'
            '<img src="/portal/Style%20Library/CongTTDT/print.gif" alt="" /> In nội dung</a>'
            ' | <a href="javascript:history.back();">Quay lại</a></div>'
            '<div class="khung tin-lien-quan"><div class="khung-tieude"><span>Tin liên quan'
            f'</span></div><div class="khung-noidung"><ul>{rel}</ul></div></div>'
        )

    def empty_article_main(self) -> str:
        return (
            '<div class="khung khung-chitiet"><div class="khung-tieude"><span>Nội dung</span>'
            '</div><div class="khung-noidung"><div class="chitiet-tin">'
            f'<h1 class="tieude-chitiet"></h1><div id="{_BODY_ID}" '
            'class="ms-rtestate-field noidung-chitiet"></div></div></div></div>'
        )

    # -- listings -----------------------------------------------------------------------
    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        items = []
        for e in entries:
            th = (
                f'<a class="anh-dai-dien" href="{e.href}"><img src="{e.thumb}" width="140" '
                'alt="" /></a>'
                if e.thumb
                else ""
            )
            items.append(
                f'<div class="tin-item">{th}<div class="tin-item-noidung">'
                f'<a class="tin-tieude" href="{e.href}">{esc(e.title)}</a>'
                + (f' <span class="ngay">({e.date})</span>' if e.date else "")
                + (f'<p class="tin-sapo">{esc(e.lead)}</p>' if e.lead else "")
                + '</div><div class="clear"></div></div>'
            )
        body = "".join(items) or '<p class="khong-co-tin">Không có tin nào.</p>'
        return (
            '<div class="khung khung-danhsach"><div class="khung-tieude"><span>'
            f'{esc(heading)}</span></div><div class="khung-noidung">{body}{pager}</div></div>'
        )

    def _pager(self, link: Callable[[str, str], str], page: int, total: int) -> str:
        parts = [link("Page$First", "Đầu"), link(f"Page${page - 1}", "&lt;")] if page > 1 else []
        parts += [
            f'<span class="trang-hien-tai">{k}</span>' if k == page else link(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            parts += [link(f"Page${page + 1}", "Trang sau"), link("Page$Last", "»")]
        return f'<div class="phan-trang">Trang: {" ".join(parts)}</div>'

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
