"""A replica site: the planned articles under one skin's URL scheme, channel listings,
the date archive, and the admin mutations (publish, edit)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from . import content, seed
from .body import Body, make_body
from .model import CHANNELS, VN, Article, Special, plan, specials

SKINS = (
    "classic",
    "modern",
    "third",
    "portal2",
    "egov",
    "legacy",
    "mobile",
    "sp2013",
    "navi",
    "prose",
    "cms",
)
DEFAULT_STYLE = {
    "classic": "dash",
    "modern": "slash_time",
    "third": "weekday",
    "portal2": "at_time",
    "egov": "words",
    "legacy": "dot",
    "mobile": "slash",
    "sp2013": "slash_time",
    "navi": "weekday",
    "prose": "words",
    "cms": "posted_at",
}
SID_LEN = {
    "classic": 6,
    "modern": 12,
    "third": 8,
    "portal2": 7,
    "egov": 10,
    "legacy": 12,
    "mobile": 9,
    "sp2013": 7,
    "navi": 8,
    "prose": 7,
    "cms": 8,
}
UPPER_RATE = {
    "classic": 0.25,
    "modern": 0.04,
    "third": 0.04,
    "portal2": 0.1,
    "egov": 0.15,
    "legacy": 0.2,
    "mobile": 0.08,
    "sp2013": 0.08,
    "navi": 0.1,
    "prose": 0.12,
    "cms": 0.06,
}


def article_path(skin: str, a: Article, year_only: bool = False) -> str:
    """The canonical path of *a* in *skin*'s URL scheme."""
    d = a.day
    if skin == "classic":
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid}.aspx"
    if skin == "modern":
        if year_only:
            return f"/portal/pages/{d.year}/{a.slug.lower()}-{a.sid}.aspx"
        return f"/portal/pages/{d:%Y-%m-%d}/{a.slug}.aspx"
    if skin == "portal2":
        return f"/portal/Pages/{d:%Y-%m-%d}/{a.slug}-{a.sid}.aspx"
    if skin == "egov":
        return f"/portal/pages/{d.year}-{d.month}-{d.day}/{a.slug}-{a.sid}.aspx"
    if skin == "legacy":  # year-only URLs until 2020 (never for an article dated by its URL)
        if d.year <= 2020 and a.date_style != "url":
            return f"/portal/pages/{d.year}/{a.slug}-{a.sid}.aspx"
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid[:6]}.aspx"
    if skin == "mobile":  # month and day not padded, lower-case slug
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug.lower()}-{a.sid}.aspx"
    if skin == "sp2013":  # lower-case "pages", padded date, id appended to the slug
        return f"/portal/pages/{d:%Y-%m-%d}/{a.slug}{a.sid}.aspx"
    if skin == "navi":  # padded date, lower-case slug with the id glued to it
        return f"/portal/Pages/{d:%Y-%m-%d}/{a.slug.lower()}{a.sid}.aspx"
    if skin == "prose":  # month and day not padded, "-" and a 7-character id after the slug
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}-{a.sid}.aspx"
    if skin == "cms":  # month and day not padded, an 8-character id glued to the slug
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid}.aspx"
    return f"/Portal/Pages/{d:%Y-%m-%d}/{a.slug.lower()}-{a.sid}.aspx"


class Site:
    """All content of one replica; lookups are by lower-cased path (IIS is case-insensitive)."""

    def __init__(self, seed_value: int, n_articles: int, skin: str) -> None:
        if skin not in SKINS:
            raise ValueError(f"unknown skin {skin!r}")
        self.seed, self.skin = seed_value, skin
        self.articles = plan(seed_value, n_articles, DEFAULT_STYLE[skin], UPPER_RATE[skin])
        for a in self.articles:
            self._place(a)
        self.specials: list[Special] = []
        for kind, title, day, chan in specials():
            fake = Article(-1, title, "", datetime.combine(day, time(8), VN), "slash")
            fake.slug, fake.sid = content.slug(title, 50), kind[:2] + "7k2p9"
            path = article_path(skin, fake)
            if kind == "external":
                path = "https://thanhhoa.gov.vn" + article_path("classic", fake)
            self.specials.append(Special(kind, title, fake.published, path, chan))
        self.published_count = 0
        self.rebuild()

    def _place(self, a: Article) -> None:
        r = random.Random(f"path:{self.seed}:{a.idx}:{a.published:%Y%m%d}")
        if a.idx == 0:
            a.slug, a.sid = seed.SLUG, seed.SUFFIX
        else:
            a.slug = content.slug(a.title.lower().capitalize(), r.randint(35, 70))
            a.sid = content.short_id(r, SID_LEN[self.skin])
        a.year_url = (
            self.skin == "modern" and a.idx > 0 and a.date_style != "url" and r.random() < 0.05
        )
        a.path = article_path(self.skin, a, a.year_url)

    def rebuild(self) -> None:
        """Recompute lookups, channel listings and the archive after any change."""
        self.by_path: dict[str, Article] = {}
        taken: set[str] = set()
        for a in self.articles:
            while a.path.lower() in taken:  # modern slugs have no random suffix
                a.path = a.path[:-5] + "-2.aspx"
            taken.add(a.path.lower())
            self.by_path[a.path.lower()] = a
        self.by_key = {a.key: a for a in self.articles}
        self.special_by_path = {s.path.lower(): s for s in self.specials}
        self.listings: dict[str, list[Article | Special]] = {}
        for ch in CHANNELS:
            items: list[Article | Special] = [a for a in self.articles if ch.name in a.channels]
            items += [s for s in self.specials if s.channel == ch.name]
            items.sort(key=lambda x: x.sort_time, reverse=True)
            self.listings[ch.slug.lower()] = items
        self.by_day: dict[date, list[Article]] = {}
        for a in self.articles:
            if "unreadable" not in a.flags:
                self.by_day.setdefault(a.day, []).append(a)
        for lst in self.by_day.values():
            lst.sort(key=lambda x: x.published, reverse=True)
        self.latest = sorted(
            (a for a in self.articles if a.channels), key=lambda x: x.sort_time, reverse=True
        )[:6]
        self.body.cache_clear()

    @lru_cache(maxsize=2048)  # noqa: B019 - one Site per process
    def body(self, key: str) -> Body:
        """The clean body of an article (cached)."""
        return make_body(self.by_key[key], self.seed)

    def channel_by_slug(self, slug: str):
        return next((c for c in CHANNELS if c.slug.lower() == slug.lower()), None)

    def publish(self, count: int, now: datetime | None = None) -> list[Article]:
        """Publish *count* new articles dated now (Vietnam time), on top of channels."""
        now = (now or datetime.now(VN)).astimezone(VN).replace(microsecond=0)
        new = []
        for k in range(count):
            self.published_count += 1
            idx = 10_000_000 + self.published_count
            r = random.Random(f"pub:{self.seed}:{idx}")
            when = now - timedelta(minutes=count - k)
            title, topic = content.title(r, when.year)
            a = Article(idx, title, topic, when, "slash_time" if self.skin != "classic" else "dash")
            a.channels = [r.choice(CHANNELS).name]
            a.flags.add("published")
            self._place(a)
            new.append(a)
        self.articles = new[::-1] + self.articles
        self.rebuild()
        return new

    def edit(self, key: str, now: datetime | None = None) -> Article:
        """Change an article's body, mark it updated, move it to the top of its channels."""
        a = self.by_key[key.lower()]
        now = (now or datetime.now(VN)).astimezone(VN).replace(microsecond=0)
        a.edits.append(
            f"Cập nhật lần {len(a.edits) + 1}: {content.SUBJECTS[len(a.edits) % 20]} đã bổ sung"
            f" thông tin về kết quả thực hiện đến ngày {now:%d/%m/%Y}."
        )
        a.updated = now
        a.flags.add("edited")
        self.rebuild()
        return a
