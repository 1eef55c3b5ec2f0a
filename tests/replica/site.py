"""A replica site: the planned articles under one skin's URL scheme, channel listings,
the date archive, and the admin mutations (publish, edit)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from . import content, seed
from .body import Body, make_body
from .model import VN, Article, Channel, Special, plan, specials
from .skins import SKINS, get_skin

__all__ = ["SKINS", "Site", "external_path"]


def external_path(a: Article) -> str:
    """Where another site of the family (thanhhoa.gov.vn) keeps an article: classic's scheme."""
    d = a.day
    return f"https://thanhhoa.gov.vn/portal/Pages/{d.year}-{d.month}-{d.day}/{a.slug}{a.sid}.aspx"


class Site:
    """All content of one replica; lookups are by lower-cased path (IIS is case-insensitive)."""

    def __init__(self, seed_value: int, n_articles: int, skin: str) -> None:
        if skin not in SKINS:
            raise ValueError(f"unknown skin {skin!r}")
        self.seed, self.skin = seed_value, skin
        self.look = look = get_skin(skin)
        self.channels = look.channels
        self.articles = plan(
            seed_value,
            n_articles,
            look.date_style,
            look.upper_rate,
            look.channels,
            look.channel_weights,
        )
        for a in self.articles:
            look.dress(a, seed_value)
            self._place(a)
        self.specials: list[Special] = []
        for kind, title, day, chan in specials():
            fake = Article(-1, title, "", datetime.combine(day, time(8), VN), "slash")
            fake.slug, fake.sid = content.slug(title, 50), kind[:2] + "7k2p9"
            path = external_path(fake) if kind == "external" else look.article_path(fake)
            self.specials.append(
                Special(kind, title, fake.published, path, self.channels[chan].name)
            )
        self.published_count = 0
        self.rebuild()

    def _place(self, a: Article) -> None:
        r = random.Random(f"path:{self.seed}:{a.idx}:{a.published:%Y%m%d}")
        if a.idx == 0:
            a.slug, a.sid = seed.SLUG, seed.SUFFIX
        else:
            a.slug = self.look.slug(a.title, r.randint(35, 70))
            a.sid = content.short_id(r, self.look.sid_len)
        a.year_url = self.look.year_url(a, r)
        a.path = self.look.article_path(a, a.year_url)

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
        for ch in self.channels:
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
        a = self.by_key[key]
        b = make_body(a, self.seed)
        self.look.dress_body(b, a)
        return b

    def channel_by_slug(self, slug: str) -> Channel | None:
        return next((c for c in self.channels if c.slug.lower() == slug.lower()), None)

    def channel_by_path(self, path_low: str) -> Channel | None:
        """The channel whose listing answers at *path_low* (lower-cased, no query)."""
        return next((c for c in self.channels if c.path.lower() == path_low), None)

    def channel_named(self, name: str) -> Channel:
        return next(c for c in self.channels if c.name == name)

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
            a = Article(idx, title, topic, when, self.look.publish_style)
            a.channels = [r.choice(self.channels).name]
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
