"""tandan: the platform vendor's own templates as real sites of the family show them
(docs/anatomy.md, "Observed on real sites of the family"): classes `tandan-*`, `TD-*`, `td-*`.

Channels are pages of the `/portal/Pages/` folder (`Tin-tuc-su-kien.aspx`,
`Hoat-dong-lanh-dao.aspx`, `co_che_chinh_sach.aspx`, and the sub-channel `Tin-dia-phuong.aspx`
linked only from its parent's pages) beside one KenhTin channel (`/portal/KenhTin/Thong-bao.aspx`)
and the static pages of the same folder (introduction, functions, org chart, contacts). Listing
entries are `.channel-news-title > a` with the date and the lead beside; link paging by
`?PageIndex=N` (the current page a `span.CurrentPage`, then the next page's link, "&gt;" and
"Tiếp"); "Hoạt động lãnh đạo" pages by postback. Article URLs mix three forms:
`/portal/Pages/2023-3-9/<Slug><8 chars>.aspx`, `/portal/pages/2021-5-7/<Slug>-<13 chars>.aspx`,
`/portal/pages/2026-07-15/<Slug>.aspx` (slugs keep `--` for a title's " - ").

Article pages come in two templates: the news template (`p.tandan-p-article-news-title`,
`span.tandan-span-date-publish` "Đăng ngày 11/02/2023 08:30", `p.tandan-p-article-news-summary`,
an empty `p.tandan-p-article-main`, then SharePoint's RichHtmlField `div.ms-rtestate-field`
labelled by a hidden "Nội dung Trang" element; the editor's HTML named entities for Latin-1
letters) and the view template (`h1.tandan-title-view`, `div.tandan-date-view`,
`div.tandan-summary-view`, `div.tandan-content-view`, raw UTF-8). Both: plain `<p>`s with
`&nbsp;` inside sentences, images `<p><img src="http://host/portal/Photos/2023-02-11/…%20(1).jpg"
alt=""></p>` with the caption as the next ordinary `<p>` (in the truth's text too), a
right-aligned signature, attachments, tags `.td-tags a`, then "In nội dung" and "Các tin khác"
(`div.tandan-div-article-other`, `p.tandan-p-article-other`, dates beside the links). About one
listed article in ten shows no date at all (its day is the listing's); those open their body
with "Ngày 25/09/2017, tại huyện …", an event date. The archive "Xem" redirects to
/portal/Pages/Tin-theo-ngay.aspx?Ngay=dd%2FMM%2Fyyyy, paged by `&PageIndex=N` links."""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from datetime import date, datetime
from html.entities import codepoint2name
from typing import ClassVar
from urllib.parse import quote

from .. import content
from ..body import Body
from ..chrome import Ctx
from ..model import Article, Channel
from .base import ArticleView, Entry, Skin, esc, register, window
from .tandan_chrome import page_layout, rich_field, static_page

RESULTS = "/portal/Pages/Tin-theo-ngay.aspx"
PRINT = "/_layouts/TD.ePortal/PrintNews.aspx"
_LIST = "ctl00$PlaceHolderMain$g_5d3c8a1e_2f47_4b90_a6d1_7e2c9f0b3a58$ctl00"
_LEFT = "ctl00$PlaceHolderLeftNavBar$TDLichTin"
_ICON = "/portal/Style%20Library/TD.Portal/images"
_RIGHT = 'style="text-align: right;"'
_NO_PHOTO = "/portal/Photos/2021-04/99eff37a75b30deda1_JPG.jpg"
# the editor (SharePoint's RTE) writes Latin-1 letters as named entities: "&agrave;", "&ocirc;"
_ENTITIES = {cp: f"&{name};" for cp, name in codepoint2name.items() if cp > 0x7F}
_PHOTO = re.compile(r"/portal/Photos/\d{4}-\d{2}/([0-9a-f]{18})_(\w+)\.jpg")
_OPENER = re.compile(
    r"(Ngày \d{2}/\d{2}/\d{4}), (.+?) tại ((?:huyện|thị xã|thành phố) [^.,]+)\.", re.S
)
_TITLE_HEADS = ["Thanh Hóa", "Quảng Xương", "Mường Lát", "Khoa học và công nghệ"]
_TITLE_TAILS = ["Bước chuyển mình mới", "Kết quả bước đầu", "Nhìn lại một chặng đường"]
_TAGS = [
    "khoa học công nghệ",
    "đổi mới sáng tạo",
    "chuyển đổi số",
    "sở hữu trí tuệ",
    "nông nghiệp công nghệ cao",
    "tiêu chuẩn đo lường chất lượng",
]


def _coin(s: str, salt: str) -> int:
    return zlib.crc32(f"{salt}:{s}".encode())


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", content.ascii_fold(text))


@register
class Tandan(Skin):
    name = "tandan"
    order = 12
    date_style = "slash_time"  # shown as "Đăng ngày 11/02/2023 08:30"
    sid_len = 13
    upper_rate = 0.08
    page_size = 10
    captions_in_text = True
    page_param = "PageIndex"
    channels: ClassVar[list[Channel]] = [
        Channel("Tin tức - Sự kiện", "Tin-tuc-su-kien", "/portal/Pages/Tin-tuc-su-kien.aspx"),
        Channel(
            "Hoạt động lãnh đạo", "Hoat-dong-lanh-dao", "/portal/Pages/Hoat-dong-lanh-dao.aspx"
        ),
        Channel("Cơ chế chính sách", "co_che_chinh_sach", "/portal/Pages/co_che_chinh_sach.aspx"),
        Channel("Thông báo", "Thong-bao"),  # the one KenhTin channel
        Channel(
            "Tin địa phương",
            "Tin-dia-phuong",
            "/portal/Pages/Tin-dia-phuong.aspx",
            parent="Tin tức - Sự kiện",
        ),
    ]
    channel_weights: ClassVar[tuple[int, ...]] = (5, 3, 2, 2, 2)
    top_only: ClassVar[frozenset[str]] = frozenset({"Thong-bao"})  # not in the left menu
    left_only: ClassVar[frozenset[str]] = frozenset({"co_che_chinh_sach"})  # not in the top menu
    paging: ClassVar[dict[str, str]] = {
        "Tin-tuc-su-kien": "links",
        "Hoat-dong-lanh-dao": "postback",
        "co_che_chinh_sach": "links",
        "Thong-bao": "links",
        "Tin-dia-phuong": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$TDSearchBox$txtKeyword",
        "search_button": "ctl00$TDSearchBox$btnSearch",
        "date_input": f"{_LEFT}$dtNgayDang$dtNgayDangDate",
        "archive_button": f"{_LEFT}$btnXem",
        "pager": f"{_LIST}$TDPagerTinTuc",
    }
    archive_mode = "redirect"
    archive_paging = "links"
    results_path = RESULTS
    print_pattern = f"{PRINT}?ItemUrl=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/_layouts/td\.eportal/printnews\.aspx"
    robots_disallow = "/_layouts/TD.ePortal/"
    listing_date_fmt = "%d/%m/%Y"

    # -- identity: titles, slugs, URLs ----------------------------------------------------
    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Three forms mixed: unpadded day and 8 chars glued to the slug; lower-case `pages`,
        unpadded day, '-' and 13 chars; lower-case `pages`, padded day and no id."""
        d = a.day
        form = 0 if a.idx == 0 else _coin(a.slug + a.sid, "form") % 10
        if form < 5:
            return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid[:8]}.aspx"
        if form < 8:
            return f"/portal/pages/{d.year}-{d.month}-{d.day}/{a.slug}-{a.sid}.aspx"
        return f"/portal/pages/{d:%Y-%m-%d}/{a.slug}.aspx"

    def slug(self, title: str, limit: int) -> str:
        """The title's words in its own case, "--" where it had " - ", cut to *limit*."""
        out = ""
        for part in title.split(" - "):
            words: list[str] = []
            for w in _words(part):
                sep = "-" if words else ("--" if out else "")
                if len(out) + len("-".join(words)) + len(sep) + len(w) > limit:
                    break
                words.append(w)
            if not words:
                break
            out += ("--" if out else "") + "-".join(words)
        return out

    def dress(self, a: Article, seed: int) -> None:
        """Some titles get a " - " part; one listed plain article in ten shows no date; an
        article's channels come in menu order (the sub-channel last)."""
        order = {c.name: i for i, c in enumerate(self.channels)}
        a.channels.sort(key=order.__getitem__)
        if a.idx <= 0:
            return
        r = random.Random(f"tandan:{seed}:{a.idx}")
        if r.random() < 0.25:
            upper = a.title == a.title.upper()
            if r.random() < 0.5:
                title = f"{r.choice(_TITLE_HEADS)} - {a.title}"
            else:
                title = f"{a.title} - {r.choice(_TITLE_TAILS)}"
            a.title = title.upper() if upper else title
        if a.channels and a.flags <= {"noise"} and r.random() < 0.1:
            a.date_style = "none"
            a.flags.add("nodate")

    def dress_body(self, body: Body, a: Article) -> None:
        """Photos in day folders (`/portal/Photos/2023-02-11/<hex>%20(1).jpg`); an undated
        article opens with "Ngày 25/09/2017, tại huyện …, …"."""
        blocks = []
        for b in body.blocks:
            if b[0] == "img" and (m := _PHOTO.fullmatch(b[1])):
                h, day = m[1], f"{a.published:%Y-%m-%d}"
                kind = int(h[:2], 16) % 3
                name = f"{h[:17]}%20(1)" if kind == 0 else h[:17] if kind == 1 else f"{h}_{m[2]}"
                b = ("img", f"/portal/Photos/{day}/{name}.jpg", b[2])
            blocks.append(b)
        if a.date_style == "none" and blocks and blocks[0][0] == "p":
            blocks[0] = ("p", _OPENER.sub(r"\1, tại \3, \2.", blocks[0][1], count=1))
        body.blocks = blocks

    # -- URLs of the print view and the archive -------------------------------------------
    def print_href(self, a: Article) -> str:
        return f"{PRINT}?ItemUrl={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("ItemUrl"):
            return query["ItemUrl"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        href = f"{RESULTS}?Ngay={quote(day.strftime('%d/%m/%Y'), safe='')}"
        return href + (f"&amp;PageIndex={page}" if page > 1 else "")

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            day = datetime.strptime(query.get("Ngay", ""), "%d/%m/%Y").date()
        except ValueError:
            day = None
        raw = query.get("PageIndex", "")
        return day, max(1, int(raw)) if raw.isdigit() else 1

    def static_page(self, path_low: str) -> tuple[str, str] | None:
        return static_page(path_low)

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article ------------------------------------------------------------------------
    def _text(self, html: str, entities: bool) -> str:
        """A paragraph as the editor saved it: `&nbsp;` for some spaces inside sentences, and
        (news template) named entities for Latin-1 letters."""
        if "<" not in html:
            k = _coin(html, "nbsp") % 19
            parts = html.split(" ")
            html = "".join(
                w + ("" if i == len(parts) - 1 else "&nbsp;" if (i + k) % 19 == 0 else " ")
                for i, w in enumerate(parts)
            )
        return html.translate(_ENTITIES) if entities else html

    def _blocks(self, v: ArticleView, entities: bool) -> str:
        out = []
        for b in v.blocks:
            if b[0] == "p":
                out.append(f"<p>{self._text(b[1], entities)}</p>")
            elif b[0] == "img":
                out.append(f'<p><img src="{v.base}{b[1]}" alt=""></p>')
                if b[2]:
                    out.append(f"<p>{self._text(b[2], entities)}</p>")
            elif b[0] == "table":
                rows = "".join(
                    "<tr>"
                    + "".join(
                        f"<td>{'<strong>' if k == 0 else ''}{self._text(c, entities)}"
                        f"{'</strong>' if k == 0 else ''}</td>"
                        for c in r
                    )
                    + "</tr>"
                    for k, r in enumerate(b[1])
                )
                out.append(
                    '<table class="ms-rteTable-default" border="1" cellspacing="0" '
                    f'width="100%"><tbody>{rows}</tbody></table>'
                )
        if v.author:
            out.append(f"<p {_RIGHT}><strong>{v.author}</strong></p>")
            if v.role:
                out.append(f"<p {_RIGHT}><em>{v.role}</em></p>")
        if v.source:
            out.append(f"<p {_RIGHT}><em>Nguồn: {v.source}</em></p>")
        return "\n".join(out)

    def _after_body(self, v: ArticleView) -> str:
        """Attachments, then the tags."""
        att = ""
        if v.attachments:
            att = (
                '<div class="tandan-div-article-attach"><p class="tandan-p-article-attach">'
                "Tài liệu đính kèm:</p><ul>"
                + "".join(
                    f'<li><img src="{_ICON}/attach.gif" alt="" /> '
                    f'<a href="{h}" target="_blank">{t}</a></li>'
                    for h, t in v.attachments
                )
                + "</ul></div>"
            )
        k = _coin(v.print_href, "tags")
        tags = [_TAGS[k % 6], _TAGS[(k // 6) % 6]]
        links = ", ".join(
            f'<a href="/portal/Pages/Tim-kiem.aspx?k={quote(t)}">{esc(t)}</a>'
            for t in dict.fromkeys(tags)
        )
        return f'{att}<div class="td-tags"><span>Từ khóa:</span> {links}</div>'

    def _view_template(self, v: ArticleView) -> bool:
        """One article in three uses the "view" template."""
        return _coin(v.print_href, "view") % 3 == 0

    def article_main(self, v: ArticleView) -> str:
        if self._view_template(v):
            date_ = f'<div class="tandan-date-view">{v.date}</div>' if v.date else ""
            upd = f'<div class="tandan-date-view tandan-update-view">{v.updated}</div>'
            lead = f'<div class="tandan-summary-view"><strong>{v.lead}</strong></div>'
            return (
                f'<div class="tandan-div-view"><h1 class="tandan-title-view">{v.title}</h1>'
                f"{date_}{upd if v.updated else ''}{lead if v.lead else ''}"
                f'<div class="tandan-content-view">\n{self._blocks(v, False)}\n</div>'
                f"{self._after_body(v)}</div>"
            )
        stamps = []
        if v.date:
            shown = f"Đăng ngày {v.date}" if v.date[:1].isdigit() else v.date
            stamps.append(f'<span class="tandan-span-date-publish">{shown}</span>')
        if v.updated:
            stamps.append(f'<span class="tandan-span-date-update">{v.updated}</span>')
        dates = f'<div class="tandan-div-article-date">{" ".join(stamps)}</div>' if stamps else ""
        lead = f'<p class="tandan-p-article-news-summary">{v.lead}</p>' if v.lead else ""
        return (
            f'<div class="tandan-div-article"><p class="tandan-p-article-news-title">{v.title}'
            f'</p>{dates}{lead}<p class="tandan-p-article-main"></p>'
            f"{rich_field('ctl03', self._blocks(v, True))}{self._after_body(v)}</div>"
        )

    def article_extras(self, v: ArticleView) -> str:
        rel = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="tandan-span-date-other">({e.date})</span>' if e.date else "")
            + "</li>"
            for e in v.related
        )
        return (
            '<div class="tandan-div-article-tools">'
            f'<a href="{v.print_href}" target="_blank" title="In nội dung">'
            f'<img src="{_ICON}/print.gif" alt="" /> In nội dung</a> | '
            '<a href="javascript:history.back();">Quay lại</a></div>'
            '<div class="tandan-div-article-other"><p class="tandan-p-article-other">Các tin khác'
            f'</p><ul class="tandan-ul-article-other">{rel}</ul></div>'
        )

    def empty_article_main(self) -> str:
        return (
            '<div class="tandan-div-article"><p class="tandan-p-article-news-title"></p>'
            f'<p class="tandan-p-article-main"></p>{rich_field("ctl03", "")}</div>'
        )

    # -- listings and the home page ---------------------------------------------------------
    def _entry(self, e: Entry) -> str:
        th = (
            f'<div class="channel-news-img"><a href="{e.href}"><img src="{e.thumb}" width="120" '
            'alt="" /></a></div>'
            if e.thumb
            else ""
        )
        return (
            f'<div class="channel-news-item">{th}<div class="channel-news-title">'
            f'<a href="{e.href}">{esc(e.title)}</a></div>'
            + (f'<span class="channel-news-date">{e.date}</span>' if e.date else "")
            + (f'<div class="channel-news-summary">{esc(e.lead)}</div>' if e.lead else "")
            + '<div class="clear"></div></div>'
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        items = "".join(self._entry(e) for e in entries)
        if not entries and not pager:
            items = '<div class="channel-news-empty">Không có tin bài nào.</div>'
        return (
            f'<div class="tandan-div-channel"><h2 class="tandan-h2-channel-title">{esc(heading)}'
            f'</h2><div class="channel-news">{items}</div>{pager}</div>'
        )

    def home_main(self, boxes: list[tuple[Channel, list[Entry]]], latest: list[Entry]) -> str:
        """The slider and "Tin mới nhất", then a box per top-level channel (its sub-channels'
        latest inside it, under a heading that is no link)."""
        slides = "".join(
            f'<div class="td-slide-item"><a href="{e.href}"><img src="'
            f"{(e.thumb or _NO_PHOTO).replace('/_w/', '/')}"
            f'" alt="{esc(e.title)}" /></a><div class="td-slide-caption"><a href="{e.href}">'
            f"{esc(e.title)}</a></div></div>"
            for e in latest[:5]
        )
        news = "".join(
            f'<li><a href="{e.href}">{esc(e.title)}</a>'
            + (f' <span class="td-date">({e.date})</span>' if e.date else "")
            + "</li>"
            for e in latest
        )
        parts = [
            f'<div class="td-slide-rotate" id="tdSlideRotate">{slides}</div>',
            '<div class="td-box-news td-box-latest"><div class="td-box-title"><span>Tin mới nhất'
            f'</span></div><ul class="td-ul-news">{news}</ul></div>',
        ]
        for ch, entries in boxes:
            if ch.parent:
                continue
            subs = "".join(
                f'<div class="td-box-sub"><span class="td-box-sub-title">{esc(sub.name)}</span>'
                '<ul class="td-ul-news">'
                + "".join(
                    f'<li><a href="{e.href}">{esc(e.title)}</a> <span class="td-date">'
                    f"({e.date})</span></li>"
                    if e.date
                    else f'<li><a href="{e.href}">{esc(e.title)}</a></li>'
                    for e in sub_entries[:3]
                )
                + "</ul></div>"
                for sub, sub_entries in boxes
                if sub.parent == ch.name
            )
            first = self._entry(entries[0]) if entries else ""
            rest = "".join(f'<li><a href="{e.href}">{esc(e.title)}</a></li>' for e in entries[1:])
            parts.append(
                f'<div class="td-box-news"><div class="td-box-title"><a href="{ch.path}">'
                f'{esc(ch.name)}</a></div>{first}<ul class="td-ul-news">{rest}</ul>{subs}'
                f'<a class="td-box-more" href="{ch.path}">Xem thêm »</a></div>'
            )
        return f'<div class="td-home">{"".join(parts)}</div>'

    # -- pagers ---------------------------------------------------------------------------
    def _pager(self, link: Callable[[int, str, str], str], page: int, total: int) -> str:
        if total <= 1:
            return ""
        parts = []
        if page > 1:
            parts += [link(1, "«", "Trang đầu"), link(page - 1, "&lt;", "Trang trước")]
        parts += [
            f'<span class="CurrentPage">{k}</span>' if k == page else link(k, str(k), "")
            for k in window(page, total)
        ]
        if page < total:
            parts += [
                link(page + 1, "&gt;", "Trang tiếp"),
                link(page + 1, "Tiếp", ""),
                link(total, "»", "Trang cuối"),
            ]
        return f'<div class="tandan-div-pager PagerContainer">{" ".join(parts)}</div>'

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        def link(k: int, label: str, title: str) -> str:
            t = f' title="{title}"' if title else ""
            return f'<a href="{href(k)}"{t}>{label}</a>'

        return self._pager(link, page, total)

    def pager_postback(self, target: str, page: int, total: int) -> str:
        def link(k: int, label: str, title: str) -> str:
            arg = {"Trang đầu": "Page$First", "Trang cuối": "Page$Last"}.get(title, f"Page${k}")
            t = f' title="{title}"' if title else ""
            return f"<a href=\"javascript:__doPostBack('{target}','{arg}')\"{t}>{label}</a>"

        return self._pager(link, page, total)
