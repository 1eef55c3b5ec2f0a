"""The fallback on markup it has never seen: every article fixture, reshaped.

Hidden replica skins share the portal's meanings, not its markup.  Each fixture
is rewritten — class and id names scrambled (SharePoint's ``s4-`` ids kept),
paragraphs turned into divs, blocks wrapped in extra divs, paragraphs merged
with ``<br>`` — and must still yield the same fields.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from functools import cache

import pytest
from lxml import etree
from lxml import html as lxml_html

from kcn_crawler.pages.article import ArticlePage
from kcn_crawler.pages.listing import ListingPage
from tests.pages._fixtures import cases, load
from tests.pages.test_article import check


def _token(s: str) -> str:
    return "k" + hashlib.sha1(s.encode()).hexdigest()[:6]


def scramble(root: etree._Element) -> None:
    """Class and id names replaced by meaningless tokens ("x1 y2" style)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        cls = el.get("class")
        if cls:
            el.set("class", " ".join(_token(c) for c in cls.split()))
        ident = el.get("id")
        if ident and not ident.startswith("s4-"):
            el.set("id", _token(ident))


def p_to_div(root: etree._Element) -> None:
    scramble(root)
    for el in root.iter("p"):
        el.tag = "div"


def wrap_blocks(root: etree._Element) -> None:
    """Every paragraph and table wrapped in two more divs."""
    scramble(root)
    for el in list(root.iter("p", "table", "figure")):
        parent = el.getparent()
        if parent is None:
            continue
        outer = etree.Element("div", {"class": "v1"})
        inner = etree.SubElement(outer, "div", {"class": "v2"})
        outer.tail, el.tail = el.tail, None
        parent.replace(el, outer)
        inner.append(el)


def merge_paragraphs(root: etree._Element) -> None:
    """Runs of sibling <p> (not right-aligned, no images) become one div with <br><br>."""
    scramble(root)
    for parent in list(root.iter()):
        run: list[etree._Element] = []
        for child in list(parent):
            plain = (
                child.tag == "p"
                and "right" not in (child.get("style") or "") + (child.get("align") or "")
                and not list(child.iter("img", "a", "b", "strong"))
            )
            if plain:
                run.append(child)
                continue
            _merge(run)
            run = []
        _merge(run)


def _merge(run: list[etree._Element]) -> None:
    if len(run) < 2:
        return
    first = run[0]
    first.tag = "div"
    for p in run[1:]:
        etree.SubElement(first, "br")
        br = etree.SubElement(first, "br")
        br.tail = "".join(p.itertext())
        p.getparent().remove(p)


def decomposed(root: etree._Element) -> None:
    """Scrambled, and every text in NFD (as some editors save it)."""
    scramble(root)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "style"):
            if el.text:
                el.text = unicodedata.normalize("NFD", el.text)
            if el.tail:
                el.tail = unicodedata.normalize("NFD", el.tail)


def rows_as_table(root: etree._Element) -> None:
    """Scrambled, and each run of 2+ sibling paragraphs laid out as rows of a table."""
    scramble(root)
    for parent in list(root.iter()):
        runs: list[list[etree._Element]] = [[]]
        for child in parent:
            if child.tag == "p" and not (child.tail or "").strip():
                runs[-1].append(child)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            if len(run) < 2:
                continue
            table = etree.Element("table")
            parent.insert(parent.index(run[0]), table)
            for p in run:
                td = etree.SubElement(etree.SubElement(table, "tr"), "td")
                td.append(p)


TRANSFORMS: dict[str, tuple[Callable[[etree._Element], None], list[str]]] = {
    "scrambled": (scramble, ["title", "date", "summary", "text", "author", "author_role",
                             "source", "images", "attachments"]),
    "p_to_div": (p_to_div, ["title", "date", "summary", "text", "author", "author_role",
                            "source", "images", "attachments"]),
    "wrapped": (wrap_blocks, ["title", "date", "summary", "text", "author", "author_role",
                              "source", "images", "attachments"]),
    "merged": (merge_paragraphs, ["title", "date", "text", "images", "attachments"]),
    "nfd": (decomposed, ["title", "date", "summary", "text", "author", "author_role",
                         "source", "images", "attachments"]),
    "table_rows": (rows_as_table, ["title", "date", "summary", "text", "author",
                                   "author_role", "source", "images", "attachments"]),
}  # fmt: skip


@cache
def reshaped(case: str, transform: str) -> tuple[ArticlePage, dict]:
    html, expected = load("ArticlePage", case)
    root = lxml_html.document_fromstring(html)
    TRANSFORMS[transform][0](root)
    out = lxml_html.tostring(root, encoding="unicode")
    return ArticlePage(expected["url"], out, expected.get("listing_title")), expected


PARAMS = [
    (case, transform, field)
    for case in cases("ArticlePage")
    for transform, (_, fields) in TRANSFORMS.items()
    for field in fields
]


@pytest.mark.parametrize(("case", "transform", "field"), PARAMS)
def test_reshaped(case: str, transform: str, field: str) -> None:
    raw, expected = reshaped(case, transform)
    if field in expected:
        check(raw, expected, field)


def wrap_links(root: etree._Element) -> None:
    """Scrambled, and every link wrapped in two spans."""
    scramble(root)
    for a in list(root.iter("a")):
        parent = a.getparent()
        outer = etree.Element("span")
        inner = etree.SubElement(outer, "span")
        outer.tail, a.tail = a.tail, None
        parent.replace(a, outer)
        inner.append(a)


LISTING_TRANSFORMS: dict[str, Callable[[etree._Element], None]] = {
    "scrambled": scramble,
    "p_to_div": p_to_div,
    "wrapped_links": wrap_links,
}
LISTING_PARAMS = [
    (cls, case, transform)
    for cls in ("ListingPage", "ArchiveResultsPage")
    for case in cases(cls)
    for transform in LISTING_TRANSFORMS
]


@pytest.mark.parametrize(("cls", "case", "transform"), LISTING_PARAMS)
def test_listing_reshaped(cls: str, case: str, transform: str) -> None:
    """Entries and the next page survive renamed classes and deeper nesting."""
    html, expected = load(cls, case)
    root = lxml_html.document_fromstring(html)
    LISTING_TRANSFORMS[transform](root)
    out = lxml_html.tostring(root, encoding="unicode")
    page = ListingPage(expected["url"], out, expected.get("page_number", 1))
    got = [[e.url, e.title, e.date_raw] for e in page.entries()]
    assert got == [[e["url"], e["title"], e["date_raw"]] for e in expected["entries"]]
    turn = page.next_page()
    want = expected["next_page"]
    if want is None:
        assert turn is None
    elif "url" in want:
        assert getattr(turn, "url", None) == want["url"]
    else:
        assert (getattr(turn, "target", None), getattr(turn, "argument", None)) == (
            want["target"],
            want["argument"],
        )
