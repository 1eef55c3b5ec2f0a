"""What all skins share: the Skin interface and its registry, listing entries, pager arithmetic
and the served (noisy) rendering of an article's clean text."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, TypeVar

from .. import content, noise
from ..body import Body
from ..chrome import Ctx
from ..model import CHANNELS, Article, Channel

esc = html.escape


@dataclass
class Entry:
    """One line of a listing."""

    href: str
    title: str
    date: str | None
    thumb: str | None
    lead: str | None


@dataclass
class ArticleView:
    """Everything a skin needs to lay out an article page, already noisy where it should be."""

    title: str | None  # served title text (HTML-escaped), None = unreadable
    date: str | None  # served date string
    updated: str | None  # "Cập nhật: …" marker of an edited article
    lead: str | None  # HTML
    blocks: list[tuple]  # ("p", html) | ("table", [[html]]) | ("img", src, caption html|None)
    author: str | None
    role: str | None
    source: str | None
    attachments: list[tuple[str, str]]  # (href, escaped name)
    related: list[Entry]
    print_href: str
    base: str = ""  # the site's http://host:port, for skins that write absolute URLs


def window(page: int, total: int, width: int = 2) -> list[int]:
    """Page numbers a pager shows around *page*."""
    return list(range(max(1, page - width), min(total, page + width) + 1))


def postback_args(page: int, total: int) -> list[str]:
    """Event arguments a postback pager on *page* allows (what __EVENTVALIDATION permits)."""
    args = [f"Page${k}" for k in window(page, total) if k != page]
    if page > 1:
        args.append("Page$First")
    if page < total:
        args.append("Page$Last")
    return args


def resolve_arg(arg: str, total: int) -> int | None:
    """The page number an allowed event argument leads to."""
    if arg == "Page$First":
        return 1
    if arg == "Page$Last":
        return total
    try:
        return int(arg.removeprefix("Page$"))
    except ValueError:
        return None


def served_text(a: Article, rng: random.Random) -> Callable[[str], str]:
    """A function turning clean text of *a* into the HTML the replica serves."""
    level = 2 if "heavy-noise" in a.flags else 1 if "noise" in a.flags else 0

    def f(s: str) -> str:
        if "d-stroke" in a.flags:
            s = noise.d_stroke(s)
        out = noise.noisy_html(s, rng, level)
        return noise.nfd(out) if "nfd" in a.flags else out

    return f


def article_view(
    a: Article, body: Body, date_text: str | None, related: list[Entry], print_href: str, seed: int
) -> ArticleView:
    """Build the served view of an article (noise applied to text, not to the truth)."""
    rng = random.Random(f"serve:{seed}:{a.idx}")
    tx = served_text(a, rng)

    def plain(s: str) -> str:
        s = esc(noise.d_stroke(s) if "d-stroke" in a.flags else s)
        return noise.nfd(s) if "nfd" in a.flags else s

    blocks: list[tuple] = []
    for b in body.blocks:
        if b[0] == "p":
            blocks.append(("p", tx(b[1])))
            if "heavy-noise" in a.flags and rng.random() < 0.5:
                blocks.append(("p", rng.choice(["&nbsp;", "", "<br />", "&nbsp;&nbsp;", "\u200b"])))
        elif b[0] == "tcvn3":
            blocks.append(("p", esc(noise.tcvn3_mojibake(b[1]))))
        elif b[0] == "plink":
            text, href, name = b[1], b[2], b[3]
            pre = plain(text[: len(text) - len(name)])
            blocks.append(("p", f'{pre}<a href="{href}">{plain(name)}</a>'))
        elif b[0] == "table":
            blocks.append(("table", [[plain(c) for c in row] for row in b[1]]))
        elif b[0] == "img":
            blocks.append(("img", b[1], plain(b[2]) if b[2] else None))
    updated = f"Cập nhật: {a.updated:%d/%m/%Y %H:%M:%S}" if a.updated else None
    return ArticleView(
        title=plain(a.title),
        date=date_text,
        updated=updated,
        lead=plain(body.summary) if body.summary else None,
        blocks=blocks,
        author=plain(body.author) if body.author else None,
        role=plain(body.role) if body.role else None,
        source=plain(body.source) if body.source else None,
        attachments=[(h, plain(n)) for h, n in body.attachments],
        related=related,
        print_href=print_href,
    )


class Skin:
    """Markup of one family member. Subclasses fill in the templates.

    A skin is one module of this package holding a subclass decorated with :func:`register`;
    the subclass declares (in its own body, not inherited) the identity of its site: ``name``,
    ``order`` (its place in ``SKINS``), ``date_style`` (the usual date style of its articles,
    see ``model.format_date``), ``sid_len`` (length of the short random id in article URLs),
    ``upper_rate`` (share of titles in capitals) and ``article_path`` (its URL scheme)."""

    name = "base"
    order = 0
    date_style = "slash"
    sid_len = 6
    upper_rate = 0.0
    publish_style = "slash_time"  # date style of articles published through the admin endpoint
    # the site's channels (menu order; a channel with a parent is linked from that one only)
    channels: ClassVar[list[Channel]] = CHANNELS
    channel_weights: ClassVar[tuple[int, ...]] = (5, 3, 2)  # how many articles each gets
    page_param = "Page"  # query parameter of link-paged channels (also read lower-cased)
    captions_in_text = False  # image captions are ordinary paragraphs: the truth's text has them
    page_size = 15
    archive_page_size = 10
    paging: ClassVar[dict[str, str]] = {}
    names: ClassVar[dict[str, str]] = {}
    form_action: str | None = None  # None: the form posts back to the page itself
    archive_mode = "same"  # "same" | "action" | "redirect"
    archive_paging = "postback"  # paging of archive results
    results_path = ""  # GET path of archive results (action/redirect modes)
    print_pattern = ""
    print_prefix: str | None = None  # lower-case path prefix of the print view, if any
    print_regex = ""  # matches a print view's path+query (re.I)
    listing_date_fmt = "%d/%m/%Y"
    robots_disallow = ""

    # -- identity: the URL scheme of articles --------------------------------------------
    def article_path(self, a: Article, year_only: bool = False) -> str:
        """The canonical path of *a* (slug and short id already set) in this skin's scheme."""
        raise NotImplementedError

    def year_url(self, a: Article, rng: random.Random) -> bool:
        """Whether *a* gets a year-only URL (drawn from *rng*, the article's path generator)."""
        return False

    def slug(self, title: str, limit: int) -> str:
        """The slug of an article titled *title*, cut to *limit* characters."""
        return content.slug(title.lower().capitalize(), limit)

    def dress(self, a: Article, seed: int) -> None:
        """Adjust a planned article (title, date style) before its URL is made."""

    def dress_body(self, body: Body, a: Article) -> None:
        """Adjust an article's generated body (e.g. image paths) for truth and pages alike."""

    def home_main(self, boxes: list[tuple[Channel, list[Entry]]], latest: list[Entry]) -> str:
        """The home page's main column: a box of five entries per channel."""
        return "\n".join(
            self.listing_main(ch.name, entries, f'<a href="{ch.path}">Xem tiếp</a>')
            for ch, entries in boxes
        )

    def static_page(self, path_low: str) -> tuple[str, str] | None:
        """(title, main HTML) of a static page of the skin at *path_low*, if it has one."""
        return None

    def postback_args(self, target: str, page: int, total: int) -> list[str]:
        """Event arguments the postback pager *target* on *page* allows (what
        __EVENTVALIDATION permits): GridView's `Page$N`, `Page$First`, `Page$Last`."""
        return postback_args(page, total)

    def postback_page(self, target: str, arg: str, total: int) -> int:
        """The page an allowed event argument of the pager *target* leads to."""
        return {"Page$First": 1, "Page$Last": total}.get(arg) or int(arg[5:])

    def parse_results_query(self, query: dict[str, str]) -> tuple[date | None, int]:
        """(day, page) of a GET archive-results URL."""
        raise NotImplementedError

    def article_extras(self, v: ArticleView) -> str:
        """What follows the content box on an article page (print link, related news)."""
        raise NotImplementedError

    def print_href(self, a: Article) -> str:
        raise NotImplementedError

    def print_target(self, path_low: str, query: dict[str, str]) -> str | None:
        """If (path, query) is a print view, the lower-cased path of its article."""
        raise NotImplementedError

    def archive_info(self, base: str) -> dict:
        """Archive facts for the ground truth."""
        return {
            "mode": self.archive_mode,
            "paging": self.archive_paging,
            "results_url": base + self.results_path if self.results_path else None,
            "date_field": self.names["date_input"],
            "submit": self.names["archive_button"],
            "date_format": "dd/MM/yyyy",
        }

    def results_href(self, day: date, page: int) -> str:
        """Link to a page of archive results (link-paged archive skins)."""
        raise NotImplementedError

    def layout(self, ctx: Ctx, main: str) -> str:
        raise NotImplementedError

    def article_main(self, v: ArticleView) -> str:
        raise NotImplementedError

    def empty_article_main(self) -> str:
        raise NotImplementedError

    def broken_article_main(self, v: ArticleView) -> str:
        """Monitoring mode: the content web part fails to render."""
        return (
            '<div class="ms-WPBody"><div class="ms-formvalidation">Lỗi Phần Web: Một Phần Web hoặc'
            " điều khiển Web Part trên Trang này không hiển thị được hoặc không nhập được."
            f"</div><div>{(v.title or '')[:20]}<p>Correlation ID: 3f9a0c1e-7b</p></div></div>"
        )

    def listing_main(self, heading: str, entries: list[Entry], pager: str) -> str:
        raise NotImplementedError

    def pager_links(self, href: Callable[[int], str], page: int, total: int) -> str:
        raise NotImplementedError

    def pager_postback(self, target: str, page: int, total: int) -> str:
        raise NotImplementedError

    def print_page(self, v: ArticleView, charset: str) -> str:
        """The print view: the content box alone, a duplicate of the article."""
        return (
            f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset={charset}" /><title>In nội dung</title></head>'
            '<body onload="window.print()"><div class="print-content">'
            f"{self.article_main(v)}</div></body></html>"
        )


S = TypeVar("S", bound=type[Skin])
REGISTRY: dict[str, type[Skin]] = {}
_DECLARED = ("name", "order", "date_style", "sid_len", "upper_rate", "article_path")


def register(cls: S) -> S:
    """Class decorator: make *cls* a skin of the replica (``--skin <cls.name>``)."""
    missing = [attr for attr in _DECLARED if attr not in vars(cls)]
    if missing:
        raise TypeError(f"skin {cls.__name__} must declare {', '.join(missing)} itself")
    if cls.name in REGISTRY:
        raise ValueError(f"two skins named {cls.name!r}")
    REGISTRY[cls.name] = cls
    return cls
