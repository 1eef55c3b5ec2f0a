"""The body of an article (lead, blocks, signature, source, images, attachments), generated
lazily and deterministically from the site seed and the article's index."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import timedelta

from . import content, noise, seed
from .model import Article


@dataclass
class Body:
    """Clean content of an article. Blocks: ("p", text) | ("table", rows) | ("img", url, caption)
    | ("tcvn3", text) | ("plink", text, url, name) — a paragraph ending in a document link."""

    summary: str | None
    blocks: list[tuple] = field(default_factory=list)
    author: str | None = None
    role: str | None = None
    source: str | None = None
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (path, link text)

    def paragraphs(self, captions: bool = False) -> list[str]:
        """Body text units in order as the ground truth counts them (a table row: its cells
        joined by a tab); with *captions*, an image's caption too (where a skin serves it as
        an ordinary paragraph)."""
        out: list[str] = []
        for b in self.blocks:
            if b[0] in ("p", "tcvn3", "plink"):
                out.append(b[1])
            elif b[0] == "img" and captions and b[2]:
                out.append(b[2])
            elif b[0] == "table":
                out.extend("\t".join(cells) for cells in b[1])
        return out

    def images(self) -> list[tuple[str, str | None]]:
        return [(b[1], b[2]) for b in self.blocks if b[0] == "img"]

    def all_attachments(self) -> list[tuple[str, str]]:
        """Attachments in page order (inline links come before the attachment block)."""
        out: list[tuple[str, str]] = []
        for path, text in [(b[2], b[3]) for b in self.blocks if b[0] == "plink"] + self.attachments:
            if path not in {seen for seen, _ in out}:  # a document linked twice is one attachment
                out.append((path, text))
        return out


def photo_path(a: Article, rng: random.Random, thumb: bool = False) -> str:
    """/portal/Photos/YYYY-MM/<hex>_<name>.jpg (thumbnails under _w/)."""
    h = hashlib.md5(f"{a.idx}:{rng.random()}".encode()).hexdigest()[:18]
    name = rng.choice(["JPG", "DSC", "anh1", "IMG", "hoinghi"])
    return f"/portal/Photos/{a.published:%Y-%m}/{'_w/' if thumb else ''}{h}_{name}.jpg"


def thumb_of(a: Article, site_seed: int) -> str | None:
    """The listing thumbnail of an article (two in three have one)."""
    rng = random.Random(f"thumb:{site_seed}:{a.idx}")
    return photo_path(a, rng, thumb=True) if rng.random() < 0.67 else None


def doc_path(a: Article, text: str, ext: str) -> str:
    return f"/portal/VanBan/{a.published:%Y-%m}/{content.slug(text, 40)}.{ext}"


def make_body(a: Article, site_seed: int) -> Body:
    """Generate the clean body of *a* (plus the edits applied so far)."""
    if a.idx == 0:
        b = Body(None, [("p", p) for p in seed.PARAGRAPHS], seed.AUTHOR, seed.ROLE)
    else:
        b = _generated(a, site_seed)
    for flag in ("d-stroke", "new-tones"):
        if flag in a.flags:
            b.blocks.append(("p", content.QUIRK_SENTENCES[flag]))
    b.blocks.extend(("p", e) for e in a.edits)
    if "new-tones" in a.flags:
        _retone(b)
    return b


def _retone(b: Body) -> None:
    """New-style tone placement everywhere in the article (served and truth alike)."""
    t = noise.tones_new_style
    b.summary = t(b.summary) if b.summary else None
    b.blocks = [
        (x[0], t(x[1]), *x[2:])
        if x[0] in ("p", "plink")
        else (x[0], x[1], t(x[2]) if x[2] else None)
        if x[0] == "img"
        else x
        for x in b.blocks
    ]


def _generated(a: Article, site_seed: int) -> Body:
    rng = random.Random(f"body:{site_seed}:{a.idx}")
    year = a.published.year
    summary = content.lead(rng, a.topic, year) if rng.random() < 0.5 else None
    blocks: list[tuple] = []
    n_par = rng.randint(3, 7)
    event_day = a.day - timedelta(days=rng.randint(1, 6))
    blocks.append(("p", content.first_paragraph(rng, a.topic, year, event_day)))
    n_img = rng.choices([0, 1, 2, 3], weights=[4, 3, 2, 1])[0]
    img_at = sorted(rng.sample(range(1, n_par + 1), min(n_img, n_par)))
    table_at = rng.randrange(2, n_par + 1) if rng.random() < 0.12 else -1
    for i in range(1, n_par):
        if i in img_at:
            cap = content.caption(rng, a.topic, year) if rng.random() < 0.8 else None
            blocks.append(("img", photo_path(a, rng), cap))
        if i == table_at:
            blocks.append(("table", content.table(rng, a.topic)))
        blocks.append(("p", content.paragraph(rng, a.topic, year)))
    if "tcvn3" in a.flags:
        blocks.insert(1, ("tcvn3", content.TCVN3_PARAGRAPH))
    attachments: list[tuple[str, str]] = []
    if rng.random() < 0.2 or "inline-attachment" in a.flags:
        for _ in range(rng.randint(1, 2)):
            text, ext = content.doc(rng, year)
            attachments.append((doc_path(a, text, ext), text))
    if "inline-attachment" in a.flags:
        path, text = attachments[0]
        blocks.append(("plink", f"Chi tiết xem tại: {text}", path, text))
    author = role = None
    r = rng.random()
    if r < 0.85:
        author = content.name(rng)
        role = rng.choice(content.ROLES) if r < 0.55 else None
    source = rng.choice(content.SOURCES) if rng.random() < 0.3 else None
    return Body(summary, blocks, author, role, source, attachments)
