"""Articles, channels and the deterministic plan of a replica site: what is where, which quirk."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from . import content, seed
from .noise import tones_new_style

VN = timezone(timedelta(hours=7), "+07:00")
START, END = date(2016, 1, 4), date(2026, 10, 30)

# date styles of ANATOMY; "none": no date on the page; "url": the URL is the only date
DATE_STYLES = ["dash", "slash", "slash_time", "weekday", "updated", "words", "dot"]
# "at_time" is portal2's default only, "posted_at" cms's (not drawn for other skins)
TIMED = {
    "slash_time": "minute",
    "weekday": "minute",
    "updated": "second",
    "at_time": "minute",
    "posted_at": "minute",
}
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

# quirks given to exactly one article each (when the site is big enough)
ROLES = [
    "nodate",
    "urldate",
    "nfd",
    "tcvn3",
    "windows-1258",
    "new-tones",
    "d-stroke",
    "heavy-noise",
    "transient-503",
    "slow",
    "unreadable",
    "two-channels",
    "inline-attachment",
    *(f"style:{s}" for s in DATE_STYLES),
]


@dataclass(frozen=True)
class Channel:
    """A news channel: a listing page. By default a KenhTin page; a skin may put it anywhere
    (*where*) and hang it under another channel (*parent*: linked only from that one's pages)."""

    name: str
    slug: str
    where: str = ""
    parent: str | None = None

    @property
    def path(self) -> str:
        return self.where or f"/portal/KenhTin/{self.slug}.aspx"


CHANNELS = [
    Channel("Tin hoạt động", "Tin-hoat-dong"),
    Channel("Khoa học công nghệ", "Khoa-hoc-cong-nghe"),
    Channel("Thông báo", "Thong-bao"),
]


@dataclass(eq=False)
class Article:
    """One article as planned; its body is generated lazily (see body.py)."""

    idx: int
    title: str
    topic: str
    published: datetime
    date_style: str
    path: str = ""
    channels: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    year_url: bool = False
    slug: str = ""
    sid: str = ""
    updated: datetime | None = None
    edits: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The contract's id: path after /portal/pages/, lower-cased, no .aspx."""
        low = self.path.lower()
        return low[low.index("/portal/pages/") + 14 : -5]

    @property
    def day(self) -> date:
        return self.published.date()

    @property
    def sort_time(self) -> datetime:
        """Listings put the most recently published or edited first."""
        return max(self.published, self.updated) if self.updated else self.published

    def shown_published(self) -> datetime:
        """The publication time a perfect reader infers (time only when the page shows it)."""
        kind = TIMED.get(self.date_style)
        if kind == "second":
            return self.published
        if kind == "minute":
            return self.published.replace(second=0)
        return datetime.combine(self.day, time(0), VN)


@dataclass(eq=False)
class Special:
    """A listing entry that is not an article: dead link, restricted item, other host."""

    kind: str  # "dead" | "restricted" | "external"
    title: str
    published: datetime
    path: str  # absolute URL for "external"
    channel: str

    @property
    def sort_time(self) -> datetime:
        return self.published


def format_date(d: datetime, style: str) -> str:
    """Render a publication date in one of the ANATOMY styles."""
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_time":
        return d.strftime("%d/%m/%Y %H:%M")
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y - %H:%M}"
    if style == "updated":
        return f"Cập nhật: {d:%d/%m/%Y %H:%M:%S}"
    if style == "words":
        return f"Ngày {d.day} tháng {d.month} năm {d.year}"
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "at_time":
        return f"(Cập nhật lúc {d:%H:%M} ngày {d:%d/%m/%Y})"
    if style == "posted_at":
        return f"Đăng lúc: {d:%H:%M %d/%m/%Y}"
    raise ValueError(style)


def _when(rng: random.Random, day: date) -> datetime:
    t = time(rng.randint(7, 17), rng.randint(0, 59), rng.randint(0, 59))
    return datetime.combine(day, t, VN)


def plan(
    seed_value: int,
    n: int,
    default_style: str,
    upper_rate: float,
    channels: list[Channel] = CHANNELS,
    weights: tuple[int, ...] = (5, 3, 2),
) -> list[Article]:
    """The articles of a site, newest first; article 0 of the plan is the seed article.
    Articles go to *channels* with *weights* (the seed article to the first two)."""
    rng = random.Random(f"plan:{seed_value}:{n}")
    span = (END - START).days
    days = [START + timedelta(days=rng.randrange(span)) for _ in range(max(0, n - 1))]
    busy = date(2019, 5, 16)  # a conference day: more results than one archive page
    for i in range(min(len(days), max(2, min(13, n // 4)))):
        days[i] = busy
    seed_day = datetime.combine(date(2018, 1, 31), time(9, 15), VN)
    arts = [Article(0, seed.TITLE, "", seed_day, "dash")]
    for i, day in enumerate(days, start=1):
        r = random.Random(f"art:{seed_value}:{i}")
        title, topic = content.title(r, day.year)
        if r.random() < upper_rate:
            title = title.upper()
        style = default_style if r.random() < 0.7 else r.choice(DATE_STYLES)
        arts.append(Article(i, title, topic, _when(r, day), style))
    _assign_roles(rng, arts)
    _assign_channels(rng, arts, [c.name for c in channels], list(weights))
    arts.sort(key=lambda a: (a.published, a.idx), reverse=True)
    return arts


def _assign_roles(rng: random.Random, arts: list[Article]) -> None:
    pool = list(range(1, len(arts)))
    rng.shuffle(pool)
    for role, i in zip(ROLES, pool, strict=False):
        a = arts[i]
        a.flags.add(role)
        if role.startswith("style:"):
            a.date_style = role[6:]
        elif role == "nodate":
            a.date_style = "none"
        elif role == "urldate":
            a.date_style = "url"
        elif role == "new-tones":
            a.title = tones_new_style(a.title + " tại tỉnh Thanh Hóa")
    for a in arts[1:]:
        r = random.Random(f"flags:{a.idx}:{len(arts)}")
        if r.random() < 0.3:
            a.flags.add("noise")


def _assign_channels(
    rng: random.Random, arts: list[Article], names: list[str], weights: list[int]
) -> None:
    arts[0].channels = [names[0], names[1]]
    archive_only = 0
    want = 2 + len(arts) // 25
    for a in arts[1:]:
        r = random.Random(f"chan:{a.idx}")
        keep_listed = a.flags & {"nodate", "unreadable", "two-channels", "urldate"}
        if archive_only < want and not keep_listed and r.random() < 0.12:
            archive_only += 1
            a.flags.add("archive-only")
            continue
        first = r.choices(names, weights=weights)[0]
        a.channels = [first]
        if "two-channels" in a.flags:
            a.channels.append(next(n for n in names if n != first))


def specials() -> list[tuple[str, str, date, int]]:
    """(kind, title, day, channel index) of the non-article listing entries (index 2 is
    "Thông báo", 0 "Tin hoạt động" of the default channels)."""
    return [
        ("dead", "Thông báo lịch tiếp công dân quý I năm 2016", date(2016, 3, 2), 2),
        (
            "restricted",
            "Văn bản nội bộ: Kế hoạch kiểm tra chuyên ngành năm 2019",
            date(2019, 6, 12),
            2,
        ),
        ("external", "Thanh Hóa công bố Quy hoạch tỉnh thời kỳ 2021-2030", date(2023, 5, 12), 0),
    ]
