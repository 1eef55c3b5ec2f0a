"""The seed article's fields, read from the one real page we hold (shared/portal/seed-page.txt).

Nothing here comes from the crawler or the replica: the title, body and
signature are cut out of the text-browser rendering of the real page.
"""

from __future__ import annotations

from pathlib import Path

# A verbatim copy of shared/portal/seed-page.txt, kept in the repository: the clone is the project.
SEED_PATH = Path(__file__).resolve().parents[1] / "replica" / "seed-page.txt"
SEED_DATE = "31-01-2018"
SEED_PUBLISHED = "2018-01-31T00:00:00+07:00"
SEED_AUTHOR = "Cao Thị Ngọc Hà"
SEED_ROLE = "TP. Quản lý Khoa học"


def seed_lines() -> list[str]:
    return SEED_PATH.read_text("utf-8").splitlines()


def seed_title() -> str:
    """The headline: the line that ends with the article's date, without the date."""
    line = next(line for line in seed_lines() if line.rstrip().endswith(SEED_DATE))
    return " ".join(line.rstrip()[: -len(SEED_DATE)].split())


def seed_paragraphs() -> list[str]:
    """Body paragraphs: the lines between the headline and the signature, spaces collapsed."""
    lines = seed_lines()
    start = next(i for i, line in enumerate(lines) if line.rstrip().endswith(SEED_DATE)) + 1
    end = next(i for i, line in enumerate(lines) if line.strip() == SEED_AUTHOR)
    return [" ".join(line.split()) for line in lines[start:end] if line.strip()]
