"""Page builders: turn site content + page state into full HTML through the site's skin."""

from __future__ import annotations

import random
import unicodedata
from datetime import date

from .body import thumb_of
from .chrome import Ctx
from .model import Article, Channel, Special, format_date
from .site import Site
from .skins import get_skin
from .skins.base import Entry, article_view
from .viewstate import Signer


def channel_href(ch: Channel, page: int, param: str = "Page") -> str:
    return ch.path if page <= 1 else f"{ch.path}?{param}={page}"


class Renderer:
    """Builds the pages of one site; every page carries its own signed state."""

    def __init__(self, site: Site, signer: Signer, broken: bool = False) -> None:
        self.site, self.signer, self.broken = site, signer, broken
        self.skin = get_skin(site.skin)
        self.base = ""  # http://host:port once the server knows it

    # -- helpers ------------------------------------------------------------------------
    def ctx(
        self, target: str, title: str, state: dict, day: date | None = None, charset: str = "utf-8"
    ) -> Ctx:
        vs, ev = self.signer.tokens(state)
        return Ctx(
            path=target.split("?")[0],
            title=title,
            vs=vs,
            ev=ev,
            action=self.skin.form_action or target,
            latest=[(a.path, a.title) for a in self.site.latest],
            channels=[(c.path, c.name) for c in self.site.channels if not c.parent],
            day=day,
            charset=charset,
            extra={"site": self.site},
        )

    def entry(
        self, x: Article | Special, variant: random.Random | None = None, lead: bool = True
    ) -> Entry:
        """A listing line for an article or a special link (*variant*: URL variants)."""
        fmt = self.skin.listing_date_fmt
        if isinstance(x, Special):
            return Entry(x.path, x.title, x.published.strftime(fmt), None, None)
        href = x.path
        if variant is not None:
            r = variant.random()
            if r < 0.25:
                href = href.lower()
            elif r < 0.4:
                href += f"?fbclid=IwAR{variant.randrange(10**12, 10**13)}"
            elif r < 0.5:
                href += "#binh-luan"
        summary = self.site.body(x.key).summary if lead and "unreadable" not in x.flags else None
        shown = None if x.date_style == "url" else x.published.strftime(fmt)
        return Entry(href, x.title, shown, thumb_of(x, self.site.seed), summary)

    def total_pages(self, n: int, size: int = 0) -> int:
        return max(1, -(-n // (size or self.skin.page_size)))

    # -- pages --------------------------------------------------------------------------
    def home(self) -> str:
        boxes = [
            (ch, [self.entry(x) for x in self.site.listings[ch.slug.lower()][:5]])
            for ch in self.site.channels
        ]
        latest = [self.entry(a) for a in self.site.latest]
        path = "/portal/Pages/default.aspx"
        ctx = self.ctx(path, "Trang chủ", {"p": path.lower(), "k": "home"})
        return self.skin.layout(ctx, self.skin.home_main(boxes, latest))

    def listing(self, ch: Channel, page: int, target: str) -> str:
        items = self.site.listings[ch.slug.lower()]
        total = self.total_pages(len(items))
        size = self.skin.page_size
        entries = [self.entry(x) for x in items[(page - 1) * size : page * size]]
        if self.skin.paging[ch.slug] == "links":
            param = self.skin.page_param
            pager = self.skin.pager_links(lambda k: channel_href(ch, k, param), page, total)
        else:
            pager = self.skin.pager_postback(self.skin.names["pager"], page, total)
        state = {"p": target.split("?")[0].lower(), "k": "list", "c": ch.slug, "n": page}
        return self.skin.layout(
            self.ctx(target, ch.name, state), self.skin.listing_main(ch.name, entries, pager)
        )

    def allowed(self, state: dict) -> tuple[str, list[str], int]:
        """(event target, allowed arguments, total pages) of a page state's postback pager."""
        if state.get("k") == "list" and self.skin.paging.get(state["c"]) == "postback":
            total = self.total_pages(len(self.site.listings[state["c"].lower()]))
            name = self.skin.names["pager"]
            return name, self.skin.postback_args(name, state["n"], total), total
        if state.get("k") == "day" and self.skin.archive_paging == "postback":
            day = date.fromisoformat(state["d"])
            n = len(self.site.by_day.get(day, []))
            total = self.total_pages(n, self.skin.archive_page_size)
            name = self.skin.names["day_pager"]
            return name, self.skin.postback_args(name, state["n"], total), total
        return "", [], 1

    def article(self, a: Article, printing: bool = False) -> tuple[str, str]:
        """(html, charset) of an article page or its print view."""
        items = self.site.listings[self._chan(a).slug.lower()] if a.channels else self.site.latest
        try:
            i = items.index(a)
        except ValueError:
            i = 0
        rng = random.Random(f"rel:{self.site.seed}:{a.idx}")
        related = [
            self.entry(x, rng, lead=False)
            for x in items[i + 1 : i + 8]
            if isinstance(x, Article) and "unreadable" not in x.flags
        ][:5]
        shown = None if a.date_style in ("none", "url") else format_date(a.published, a.date_style)
        charset = "windows-1258" if "windows-1258" in a.flags else "utf-8"
        view = article_view(
            a, self.site.body(a.key), shown, related, self.skin.print_href(a), self.site.seed
        )
        view.base = self.base
        if printing:
            return self.skin.print_page(view, charset), charset
        if self.broken:
            main = self.skin.broken_article_main(view)
        elif "unreadable" in a.flags:
            main = self.skin.empty_article_main()
        else:
            main = self.skin.article_main(view)
        main += self.skin.article_extras(view)
        ctx = self.ctx(a.path, a.title, {"p": a.path.lower(), "k": "art"}, charset=charset)
        ctx.extra["article"] = view
        return self.skin.layout(ctx, main), charset

    def _chan(self, a: Article) -> Channel:
        return self.site.channel_named(a.channels[0])

    def archive(self, target: str, day: date | None, page: int, note: str = "") -> str:
        """Archive results for *day* (or an error note), answering at *target*."""
        items = self.site.by_day.get(day, []) if day else []
        size = self.skin.archive_page_size
        total = self.total_pages(len(items), size)
        entries = [self.entry(x) for x in items[(page - 1) * size : page * size]]
        pager = ""
        if day and self.skin.archive_paging == "postback":
            pager = self.skin.pager_postback(self.skin.names["day_pager"], page, total)
        elif day:
            pager = self.skin.pager_links(lambda k: self.skin.results_href(day, k), page, total)
        heading = note or f"Các tin đã đăng ngày {day:%d/%m/%Y}" if day else note
        if day and not items:
            heading += " — Không có tin nào trong ngày này."
        state = {
            "p": target.split("?")[0].lower(),
            "k": "day",
            "d": day.isoformat() if day else "",
            "n": page,
        }
        return self.skin.layout(
            self.ctx(target, "Các tin đã đăng ngày", state, day=day),
            self.skin.listing_main(heading, entries, pager),
        )

    def search(self, target: str, query: str) -> str:
        q = unicodedata.normalize("NFC", query).strip().lower()
        hits = [
            a
            for a in self.site.articles
            if q and q in a.title.lower() and "unreadable" not in a.flags
        ][:20]
        state = {"p": target.split("?")[0].lower(), "k": "search", "q": q[:50]}
        return self.skin.layout(
            self.ctx(target, "Kết quả tìm kiếm", state),
            self.skin.listing_main(f"Kết quả tìm kiếm: {query}", [self.entry(a) for a in hits], ""),
        )

    def simple(self, target: str, title: str, text: str) -> str:
        """A plain content page (menu pages, video pages)."""
        state = {"p": target.split("?")[0].lower(), "k": "simple"}
        return self.skin.layout(
            self.ctx(target, title, state), self.skin.listing_main(title, [], f"<p>{text}</p>")
        )

    def static(self, target: str, title: str, main: str) -> str:
        """A static page of the skin's own (introduction, contacts …): no article listed."""
        state = {"p": target.split("?")[0].lower(), "k": "simple"}
        return self.skin.layout(self.ctx(target, title, state), main)
