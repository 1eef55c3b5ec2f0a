"""province: a provincial government portal of the family (thanhhoa.gov.vn, dienbien.gov.vn home
portals), larger than a department's site and marked up by another contractor (classes `pv-*`,
`news-*`, `card-*`, `mega-*`).

Its variety is in the **site's shape** and the **listings**: a mega-menu and a footer site map
link some twenty static pages of `/portal/Pages/` and `/portal/SitePages/` (introduction,
history, leaders and their biographies, org chart, phone book, FAQ, a search page, a schedule
"Lịch công tác" full of dates, a document library of PDFs, a photo gallery, a video page); the
channels are pages of the same folder, one at a path that says nothing about news
(`/portal/Pages/Chuyen-muc-1.aspx`, "Kinh tế"), one an English channel `/en/pages/News-133.aspx`
(English titles and text, articles still under `/portal/Pages/<date>/`), and a menu item "Tin
tức" is a page of links to four sub-channels, listing no article itself. Every page, static ones
too, carries a side column linking articles ("Tin mới", "Tin đọc nhiều").

Listings show 8 entries: a featured item (full-size photo, title, date, lead), then a grid of
cards (thumbnail, title, date, a lead on some). Link paging by `?p=N` (query-only hrefs, page 1
as `?p=1` too), the current page an `<a class="active">` without href, the arrows images without
alt; postback paging by a pager `…$ucDanhSachTin$pager` whose arguments are plain page numbers.

Article pages: `div.news-detail` > `h1.news-title`, a meta bar `div.news-meta` ("31/01/2018 |
08:30" or "Cập nhật lúc 08:30, Thứ Tư, 31/01/2018", then "Lượt xem: 1.234"; no date at all on about
one listed plain article in ten), `div.news-lead`, the body `div.news-body` (per article `<p>`s
or runs of paragraphs separated only by `<br><br>` inside one `<div>`; hidden `<div hidden>` and
`<span style="display:none">` inside), photos `div.news-photo`, tables with a `<th>` header row,
a right-aligned signature, attachments and the related list ("Tin liên quan", dates beside)
inside the content box."""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import ClassVar
from urllib.parse import quote

from ..body import Body
from ..chrome import Ctx
from ..model import WEEKDAYS, Article, Channel
from .base import ArticleView, Entry, Skin, esc, register, window
from .province_chrome import HUB, HUB_CHANNELS, IMAGES, NO_PHOTO, page_layout, static_page

RESULTS = "/portal/SitePages/Tra-cuu-tin-bai.aspx"
PRINT = "/portal/SitePages/InBaiViet.aspx"
ENGLISH = "News"
_MAIN = "ctl00$PlaceHolderMain"
_SIDE = "ctl00$PlaceHolderRightZone$ucTraCuuTin"
_SLASH_TIME = re.compile(r"(\d\d)/(\d\d)/(\d{4}) (\d\d:\d\d)")
_RIGHT = 'align="right" style="text-align: right;"'

# -- English articles of the English channel --------------------------------------------------
EN_TOPICS = [
    "high-tech agriculture",
    "digital transformation",
    "industrial park development",
    "sea tourism",
    "rural transport",
    "forest protection",
    "science and technology",
    "administrative reform",
    "vocational training",
    "renewable energy",
    "seaport logistics",
    "new rural development",
]
EN_PLACES = [
    "Nghi Son Economic Zone",
    "Sam Son City",
    "Quang Xuong District",
    "Muong Lat District",
    "Thanh Hoa City",
    "Ngoc Lac District",
    "Ba Thuoc District",
    "Hoang Hoa District",
    "Bim Son Town",
]
EN_SUBJECTS = [
    "The Provincial People's Committee",
    "The Department of Planning and Investment",
    "The Department of Science and Technology",
    "The Department of Culture, Sports and Tourism",
    "A working delegation of the province",
    "Local authorities",
]
EN_TITLES = [
    "Thanh Hoa promotes {topic} in {place}",
    "{place} reviews {topic} results in {year}",
    "Provincial leaders work with investors on {topic}",
    "Conference on {topic} held in {place}",
    "Thanh Hoa attracts new projects in {topic}",
    "Plan for {topic} in {year} approved",
]
EN_SENTENCES = [
    "{subj} has stepped up {topic} across {place}, focusing on practical results for local people.",
    "According to the report, {num} projects related to {topic} were carried out during the"
    " period, with a total investment of about VND {num2} billion.",
    "Speaking at the event, the representative stressed that {topic} is one of the key tasks of"
    " the province in the coming years.",
    "Local authorities were asked to review procedures, remove obstacles and create favourable"
    " conditions for businesses and investors.",
    "{subj} also proposed that central agencies continue to support the province in {topic}.",
    "The province aims to complete {num2} targets on {topic} by the end of {year}.",
    "Businesses in {place} said the new policies had helped them cut costs and expand markets.",
]
EN_CAPTIONS = [
    "Delegates attend the conference on {topic}.",
    "Provincial leaders visit a project in {place}.",
    "An overview of the working session in {place}.",
]
EN_ROLES = ["Thanh Hoa Portal", "Department of Foreign Affairs", "Provincial Press Centre"]
EN_SOURCES = ["Thanh Hoa Newspaper", "Vietnam News Agency", "Vietnam Plus"]


def _coin(s: str, salt: str) -> int:
    return zlib.crc32(f"{salt}:{s}".encode())


def _en(r: random.Random, tpl: str, topic: str, year: int) -> str:
    return tpl.format(
        subj=r.choice(EN_SUBJECTS),
        place=r.choice(EN_PLACES),
        topic=topic,
        year=year,
        num=r.randint(3, 90),
        num2=r.randint(2, 900),
    )


def en_title(r: random.Random, year: int) -> tuple[str, str]:
    topic = r.choice(EN_TOPICS)
    t = _en(r, r.choice(EN_TITLES), topic, year)
    return t[0].upper() + t[1:], topic


def en_paragraph(r: random.Random, topic: str, year: int, first: str = "") -> str:
    out = [first] if first else []
    for _ in range(r.randint(2, 4)):
        out.append(_en(r, r.choice(EN_SENTENCES), topic, year))
    return " ".join(out)


@register
class Province(Skin):
    name = "province"
    order = 13
    date_style = "slash_time"  # shown as "31/01/2018 | 08:30" or "Cập nhật lúc 08:30, Thứ Tư, …"
    sid_len = 8
    upper_rate = 0.05
    page_size = 8
    page_param = "p"
    channels: ClassVar[list[Channel]] = [
        Channel("Tin trong tỉnh", "Tin-trong-tinh", "/portal/Pages/Tin-trong-tinh.aspx"),
        Channel("Tin trong nước", "Tin-trong-nuoc", "/portal/Pages/Tin-trong-nuoc.aspx"),
        Channel("Thông báo", "Thong-bao", "/portal/Pages/Thong-bao.aspx"),
        Channel(
            "Hoạt động của lãnh đạo tỉnh",
            "Hoat-dong-lanh-dao",
            "/portal/Pages/Hoat-dong-cua-lanh-dao-tinh.aspx",
        ),
        Channel("Kinh tế", "Chuyen-muc-1", "/portal/Pages/Chuyen-muc-1.aspx"),
        Channel("Văn hóa - Xã hội", "Chuyen-muc-2", "/portal/Pages/Chuyen-muc-2.aspx"),
        Channel(ENGLISH, "News-133", "/en/pages/News-133.aspx"),
    ]
    channel_weights: ClassVar[tuple[int, ...]] = (5, 3, 2, 4, 3, 2, 3)
    paging: ClassVar[dict[str, str]] = {
        "Tin-trong-tinh": "links",
        "Tin-trong-nuoc": "links",
        "Thong-bao": "links",
        "Hoat-dong-lanh-dao": "postback",
        "Chuyen-muc-1": "links",
        "Chuyen-muc-2": "postback",
        "News-133": "links",
    }
    names: ClassVar[dict[str, str]] = {
        "search_input": "ctl00$ucHeader$txtTuKhoa",
        "search_button": "ctl00$ucHeader$btnTimKiem",
        "date_input": f"{_SIDE}$dtNgayDang$dtNgayDangDate",
        "archive_button": f"{_SIDE}$btnTraCuu",
        "pager": f"{_MAIN}$ucDanhSachTin$pager",
        "day_pager": f"{_MAIN}$ucKetQuaTraCuu$gvKetQua",
    }
    archive_mode = "redirect"
    archive_paging = "postback"
    results_path = RESULTS
    print_pattern = f"{PRINT}?url=<article path>"
    print_prefix = PRINT.lower()
    print_regex = r"^/portal/sitepages/inbaiviet\.aspx"
    robots_disallow = PRINT
    listing_date_fmt = "%d/%m/%Y"

    # -- identity -------------------------------------------------------------------------
    def article_path(self, a: Article, year_only: bool = False) -> str:
        """Two forms of ANATOMY mixed (3:2): unpadded day with 8 chars glued to the slug, or a
        padded day and the bare slug."""
        d = a.day
        if a.idx == 0 or _coin(a.slug + a.sid, "form") % 5 < 3:
            return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid}.aspx"
        return f"/portal/Pages/{d:%Y-%m-%d}/{a.slug}.aspx"

    def dress(self, a: Article, seed: int) -> None:
        """The English channel keeps plain articles only (a date style of their own allowed):
        English titles, tag `english`; others go to a Vietnamese channel. An
        article's channels in menu order; one listed plain article in ten shows no date."""
        names = [c.name for c in self.channels]
        if ENGLISH in a.channels:
            plain = {f for f in a.flags if not f.startswith("style:")} <= {"noise"}
            if len(a.channels) > 1 or not plain:
                others = [n for n in names if n not in a.channels]
                other = others[_coin(a.title, "move") % len(others)]
                a.channels = [other if n == ENGLISH else n for n in a.channels]
            else:
                r = random.Random(f"province-en:{seed}:{a.idx}")
                a.title, a.topic = en_title(r, a.published.year)
                a.flags.add("english")
        a.channels.sort(key=names.index)
        if a.idx <= 0:
            return
        r = random.Random(f"province:{seed}:{a.idx}")
        if a.channels and a.flags <= {"noise", "english"} and r.random() < 0.12:
            a.date_style = "none"
            a.flags.add("nodate")

    def dress_body(self, body: Body, a: Article) -> None:
        """An English article's text, captions, lead, role and source in English (its edits
        stay as made); its tables dropped."""
        if "english" not in a.flags:
            return
        r = random.Random(f"province-body:{a.idx}")
        year = a.published.year
        event = a.day - timedelta(days=r.randint(1, 6))
        first = (
            f"On {event:%d/%m/%Y}, {r.choice(EN_SUBJECTS)} held a working session on {a.topic}"
            f" in {r.choice(EN_PLACES)}."
        )
        own = len(body.blocks) - len(a.edits)
        blocks: list[tuple] = []
        for i, b in enumerate(body.blocks):
            if i >= own:
                blocks.append(b)
            elif b[0] == "p":
                blocks.append(("p", en_paragraph(r, a.topic, year, "" if blocks else first)))
            elif b[0] == "img":
                cap = _en(r, r.choice(EN_CAPTIONS), a.topic, year) if b[2] else None
                blocks.append(("img", b[1], cap))
        body.blocks = blocks
        if body.summary:
            body.summary = (
                f"(Thanh Hoa Portal) - {r.choice(EN_SUBJECTS)} has reviewed {a.topic} in {year}"
                " and set new targets for the coming period."
            )
        if body.role:
            body.role = r.choice(EN_ROLES)
        if body.source:
            body.source = r.choice(EN_SOURCES)

    # -- URLs of the print view and the archive -------------------------------------------
    def print_href(self, a: Article) -> str:
        return f"{PRINT}?url={quote(a.path)}"

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        if path_low == self.print_prefix and query.get("url"):
            return query["url"].lower()
        return None

    def results_href(self, day: date, page: int) -> str:
        d = quote(day.strftime("%d/%m/%Y"), safe="")
        return f"{RESULTS}?tungay={d}&denngay={d}"

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        try:
            day = datetime.strptime(query.get("tungay", ""), "%d/%m/%Y").date()
        except ValueError:
            day = None
        return day, 1

    def static_page(self, path_low: str) -> tuple[str, str] | None:
        return static_page(self, path_low)

    def layout(self, ctx: Ctx, main: str) -> str:
        return page_layout(self, ctx, main)

    # -- article --------------------------------------------------------------------------
    def _shown_date(self, v: ArticleView) -> str:
        """The usual date as the meta bar shows it (two forms); other styles as they come."""
        assert v.date is not None
        m = _SLASH_TIME.fullmatch(v.date)
        if not m:
            return v.date
        day = date(int(m[3]), int(m[2]), int(m[1]))
        if _coin(v.print_href, "meta") % 2:
            return f"Cập nhật lúc {m[4]}, {WEEKDAYS[day.weekday()]}, {m[1]}/{m[2]}/{m[3]}"
        return f"{m[1]}/{m[2]}/{m[3]} | {m[4]}"

    def _body(self, v: ArticleView) -> str:
        k = _coin(v.print_href, "body")
        breaks = k % 3 == 0  # paragraphs separated only by <br><br> inside one <div>
        hidden = k % 5 < 3
        out: list[str] = []
        if hidden:
            out.append("<div hidden>Tin bài đồng bộ từ hệ thống quản lý nội dung cũ</div>")
        run: list[str] = []

        def flush() -> None:
            if run:
                out.append("<div>" + "<br><br>".join(run) + "</div>")
                run.clear()

        n = 0
        for b in v.blocks:
            if b[0] == "p":
                html = b[1]
                if hidden and n == 1:
                    html += f'<span style="display:none">Mã tin TTDT{k % 100000:05d}</span>'
                n += 1
                if breaks:
                    run.append(html)
                else:
                    out.append(f"<p>{html}</p>")
            elif b[0] == "img":
                flush()
                cap = f'<p class="news-photo-caption"><em>{b[2]}</em></p>' if b[2] else ""
                out.append(
                    f'<div class="news-photo" style="text-align: center;"><img src="{b[1]}" '
                    f'alt="" />{cap}</div>'
                )
            elif b[0] == "table":
                flush()
                head = "".join(f"<th>{c}</th>" for c in b[1][0])
                rows = "".join(
                    "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in b[1][1:]
                )
                out.append(
                    '<table class="news-table" border="1" cellpadding="4" cellspacing="0">'
                    f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                )
        flush()
        if v.author:
            out.append(f'<p class="author" {_RIGHT}><b>{v.author}</b></p>')
            if v.role:
                out.append(f'<p class="author-position" {_RIGHT}><i>{v.role}</i></p>')
        if v.source:
            out.append(f"<p {_RIGHT}><i>Nguồn: {v.source}</i></p>")
        return "\n".join(out)

    def article_main(self, v: ArticleView) -> str:
        views = f"{100 + _coin(v.print_href, 'views') % 9900:,}".replace(",", ".")
        date_ = (
            f'<span class="news-date"><img src="{IMAGES}/icon-clock.png" alt="" /> '
            f'{self._shown_date(v)}</span><span class="sep"> | </span>'
            if v.date
            else ""
        )
        meta = (
            f'<div class="news-meta">{date_}<span class="news-view">Lượt xem: {views}</span></div>'
        )
        upd = f'<div class="news-modified">{v.updated}</div>' if v.updated else ""
        lead = f'<div class="news-lead"><strong>{v.lead}</strong></div>' if v.lead else ""
        files = ""
        if v.attachments:
            files = (
                '<div class="news-files"><span class="news-files-title">Tệp đính kèm:</span><ul>'
                + "".join(
                    f'<li><a href="{h}" target="_blank">{t}</a> '
                    f"<span>({h.rsplit('.', 1)[-1]})</span></li>"
                    for h, t in v.attachments
                )
                + "</ul></div>"
            )
        related = ""
        if v.related:
            related = (
                '<div class="news-related"><h3 class="news-related-title">Tin liên quan</h3><ul>'
                + "".join(
                    f'<li><a href="{e.href}">{esc(e.title)}</a>'
                    + (f' <span class="news-related-date">({e.date})</span>' if e.date else "")
                    + "</li>"
                    for e in v.related
                )
                + "</ul></div>"
            )
        return (
            '<div class="news-detail"><div class="pv-breadcrumb"><a href="/portal/Pages/'
            f'default.aspx">Trang chủ</a> » <a href="{HUB}">Tin tức</a></div>'
            f'<h1 class="news-title">{v.title}</h1>{meta}{upd}{lead}'
            '<div class="news-body" id="ctl00_PlaceHolderMain_ucChiTietTin_divNoiDung">\n'
            f"{self._body(v)}\n</div>{files}{related}</div>"
        )

    def article_extras(self, v: ArticleView) -> str:
        return (
            '<div class="news-toolbar">'
            f'<a href="{v.print_href}" target="_blank"><img src="{IMAGES}/icon-print.png" alt="" />'
            ' In nội dung</a> | <a href="mailto:?subject=Tin%20b%C3%A0i">Gửi email</a> | '
            '<a href="javascript:history.back();">Quay lại</a></div>'
        )

    def empty_article_main(self) -> str:
        return (
            '<div class="news-detail"><h1 class="news-title"></h1>'
            '<div class="news-body" id="ctl00_PlaceHolderMain_ucChiTietTin_divNoiDung"></div>'
            "</div>"
        )

    # -- listings and the home page -------------------------------------------------------
    def _featured(self, e: Entry) -> str:
        photo = (e.thumb or NO_PHOTO).replace("/_w/", "/")
        return (
            f'<div class="news-featured"><a class="featured-img" href="{e.href}">'
            f'<img src="{photo}" alt="{esc(e.title)}" /></a><div class="featured-body">'
            '<h2 class="featured-title">'
            f'<a href="{e.href}">{esc(e.title)}</a></h2>'
            + (f'<div class="featured-date">{e.date}</div>' if e.date else "")
            + (f'<div class="featured-lead">{esc(e.lead)}</div>' if e.lead else "")
            + "</div></div>"
        )

    def _card(self, e: Entry) -> str:
        return (
            f'<div class="news-card"><div class="card-img"><a href="{e.href}"><img src="'
            f'{e.thumb or NO_PHOTO}" alt="" /></a></div><div class="card-body">'
            '<h3 class="card-title">'
            f'<a href="{e.href}">{esc(e.title)}</a></h3>'
            + (
                f'<div class="card-date"><img src="{IMAGES}/icon-calendar.png" alt="" /> {e.date}'
                "</div>"
                if e.date
                else ""
            )
            + (f'<p class="card-lead">{esc(e.lead)}</p>' if e.lead else "")
            + "</div></div>"
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        crumbs = '<a href="/portal/Pages/default.aspx">Trang chủ</a> » '
        hub = {c.name for c in self.channels if c.slug in HUB_CHANNELS}
        if heading in hub:
            crumbs += f'<a href="{HUB}">Tin tức</a> » '
        if entries:
            items = self._featured(entries[0]) + (
                '<div class="news-grid">' + "".join(self._card(e) for e in entries[1:]) + "</div>"
            )
        else:
            items = "" if pager else '<p class="news-empty">Chưa có tin bài.</p>'
        return (
            f'<div class="pv-listing"><div class="pv-breadcrumb">{crumbs}<span>{esc(heading)}'
            f'</span></div><h1 class="pv-cat-title"><span>{esc(heading)}</span></h1>{items}'
            f"{pager}</div>"
        )

    def home_main(self, boxes: list[tuple[Channel, list[Entry]]], latest: list[Entry]) -> str:
        """Hot news (a featured item and the next five), then a box per channel."""
        hot = ""
        if latest:
            hot = (
                '<div class="pv-hot">'
                + self._featured(latest[0])
                + '<ul class="pv-hot-list">'
                + "".join(f'<li><a href="{e.href}">{esc(e.title)}</a></li>' for e in latest[1:])
                + "</ul></div>"
            )
        parts = [hot]
        for ch, entries in boxes:
            first = self._card(entries[0]) if entries else ""
            rest = "".join(
                f'<li><a href="{e.href}">{esc(e.title)}</a>'
                + (f" <span>({e.date})</span>" if e.date else "")
                + "</li>"
                for e in entries[1:4]
            )
            parts.append(
                f'<div class="pv-home-box"><h2 class="pv-home-box-title"><a href="{ch.path}">'
                f'{esc(ch.name)}</a></h2>{first}<ul>{rest}</ul><a class="pv-more" '
                f'href="{ch.path}">Xem thêm »</a></div>'
            )
        return f'<div class="pv-home">{"".join(parts)}</div>'

    # -- pagers ---------------------------------------------------------------------------
    def _pager(self, link: Callable[[int, str], str], page: int, total: int) -> str:
        if total <= 1:
            return ""

        def arrow(name: str) -> str:
            return f'<img src="{IMAGES}/arrow-{name}.png">'

        parts = []
        if page > 1:
            parts += [link(1, arrow("first")), link(page - 1, arrow("left"))]
        parts += [
            f'<a class="active">{k}</a>' if k == page else link(k, str(k))
            for k in window(page, total)
        ]
        if page < total:
            parts += [link(page + 1, arrow("right")), link(total, arrow("last"))]
        return f'<div class="pv-paging">{"".join(parts)}</div>'

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        def link(k: int, label: str) -> str:
            return f'<a href="?{self.page_param}={k}">{label}</a>'

        return self._pager(link, page, total)

    def pager_postback(self, target: str, page: int, total: int) -> str:
        if target != self.names["pager"]:  # the archive results: an SPGridView pager row
            return self._grid_pager(target, page, total)

        def link(k: int, label: str) -> str:
            return f"<a href=\"javascript:__doPostBack('{target}','{k}')\">{label}</a>"

        return self._pager(link, page, total)

    def _grid_pager(self, target: str, page: int, total: int) -> str:
        if total <= 1:
            return ""

        def link(arg: str, label: str) -> str:
            return f"<a href=\"javascript:__doPostBack('{target}','{arg}')\">{label}</a>"

        cells = [link("Page$First", "«")] if page > 1 else []
        cells += [
            f"<span>{k}</span>" if k == page else link(f"Page${k}", str(k))
            for k in window(page, total)
        ]
        if page < total:
            cells.append(link("Page$Last", "»"))
        return (
            '<table class="pv-gridpager"><tr>'
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr></table>"
        )

    def postback_args(self, target: str, page: int, total: int) -> list[str]:
        """The channel pager's arguments are plain page numbers: the window, the neighbours,
        the first and the last page."""
        if target != self.names["pager"]:
            return super().postback_args(target, page, total)
        pages = set(window(page, total)) | {1, total, page - 1, page + 1}
        return [str(k) for k in sorted(pages) if 1 <= k <= total and k != page]

    def postback_page(self, target: str, arg: str, total: int) -> int:
        if target != self.names["pager"]:
            return super().postback_page(target, arg, total)
        return int(arg)
