"""Fast-path selector sets: data, not code.

Each set names, for the title, the date line, the body and the lead of one known
layout, the class names (whole tokens, any case) and/or an XPath that mark it;
``furniture`` names what the layout puts around the body (related list, tags,
menus, sliders): never body text, never the article's date.  Sets are tried in
order; a set matches only when both its title and its body are found (and the
body holds real text).

Matching costs one pass over the elements (a dict look-up per distinct class
attribute value, cached), whatever the number of sets, plus the sets' own
XPaths: far cheaper than one ``contains(concat(...))`` predicate per class name,
which costs milliseconds on a SharePoint page.
"""

from __future__ import annotations

from lxml import etree

ROLES = ("title", "date", "body", "lead", "furniture")

#: Known layouts, most specific first.
SELECTOR_SETS: tuple[dict, ...] = (
    {
        # The platform vendor's article web part, as on the family's real sites
        # (docs/anatomy.md, "Observed on real sites"): p.tandan-p-article-news-title,
        # span.tandan-span-date-publish ("Đăng ngày 11/02/2023 08:30"), the summary, an
        # empty p.tandan-p-article-main, then SharePoint's rich-text field; or the
        # tandan-*-view variant.  The rich-text field holds the body in both (with its
        # hidden label beside it); the largest body candidate wins.
        "name": "tandan",
        "title": {"classes": ("tandan-p-article-news-title", "tandan-title-view")},
        "date": {"classes": ("tandan-span-date-publish", "tandan-date-view")},
        "body": {
            "classes": (
                "tandan-content-view",
                "tandan-p-article-news-content",
                "tandan-p-article-main",
                "ms-rtestate-field",
            )
        },
        "lead": {"classes": ("tandan-p-article-news-summary", "tandan-summary-view")},
        "furniture": {
            "classes": (
                "tandan-div-article-other",
                "tandan-p-article-other",
                "td-tags",
                "td-ul-module-menu-left",
                "td-slide-rotate",
            )
        },
    },
    {
        # SharePoint e-portal news detail web part, as on the seed page: a "Nội dung"
        # box whose table holds the title and the date in one row, the body below.
        "name": "eportal-newsdetail",
        "title": {
            "classes": (
                "newstitle",
                "titlenews",
                "newsdetailtitle",
                "tieude",
                "tieudetin",
                "detailtitle",
                "titledetail",
                "articletitle",
                "news-title",
                "title-news",
                "tieu-de",
                "detail-title",
                "title-detail",
                "article-title",
                "newsdetail-title",
            )
        },
        "date": {
            "classes": (
                "newsdate",
                "datenews",
                "newsdetaildate",
                "ngaydang",
                "detaildate",
                "datedetail",
                "articledate",
                "newstime",
                "publishdate",
                "news-date",
                "date-news",
                "ngay-dang",
                "detail-date",
                "date-detail",
                "article-date",
                "news-time",
                "publish-date",
            )
        },
        "body": {
            "classes": (
                "newscontent",
                "contentnews",
                "newsdetailcontent",
                "noidung",
                "noidungtin",
                "detailcontent",
                "contentdetail",
                "articlecontent",
                "newsbody",
                "chitiet",
                "chitiettin",
                "news-content",
                "content-news",
                "noi-dung",
                "detail-content",
                "content-detail",
                "article-content",
                "news-body",
                "chi-tiet",
                "newsdetail-content",
            )
        },
        "lead": {
            "classes": (
                "newssapo",
                "sapo",
                "newslead",
                "newssummary",
                "mota",
                "tomtat",
                "newsdescription",
                "articlesapo",
                "articlelead",
                "news-sapo",
                "news-lead",
                "news-summary",
                "mo-ta",
                "tom-tat",
                "article-sapo",
                "article-lead",
                "article-summary",
            )
        },
    },
    {
        # HTML5 news article: <article> with an <h1>, a <time>, an articleBody.
        "name": "html5-article",
        "title": {"xpath": "//article//h1 | //*[@itemprop='headline']"},
        "date": {"xpath": "//article//time | //*[@itemprop='datePublished']"},
        "body": {
            "xpath": "//*[@itemprop='articleBody']",
            "classes": (
                "entry-content",
                "article-body",
                "post-content",
                "article__body",
                "content-body",
                "body-text",
                "story-body",
            ),
        },
        "lead": {
            "classes": (
                "sapo",
                "lead",
                "summary",
                "description",
                "article-lead",
                "article__lead",
                "standfirst",
                "excerpt",
            )
        },
    },
)

# -- compiled form ------------------------------------------------------------------
_TOKENS: dict[str, list[tuple[int, str]]] = {}
_XPATHS: list[dict[str, etree.XPath]] = []
for _i, _set in enumerate(SELECTOR_SETS):
    _XPATHS.append({})
    for _role in ROLES:
        _spec = _set.get(_role) or {}
        for _tok in _spec.get("classes", ()):
            _TOKENS.setdefault(_tok.lower(), []).append((_i, _role))
        if _spec.get("xpath"):
            _XPATHS[_i][_role] = etree.XPath(_spec["xpath"])

# what each distinct class attribute value marks: portal pages repeat a few dozen values
_BY_CLASS: dict[str, tuple[tuple[int, str], ...]] = {}


def _marks(cls: str) -> tuple[tuple[int, str], ...]:
    """The (set, role) pairs a class attribute value names, each once, in token order."""
    found = _BY_CLASS.get(cls)
    if found is None:
        pairs: list[tuple[int, str]] = []
        for tok in cls.lower().split():
            pairs.extend(p for p in _TOKENS.get(tok, ()) if p not in pairs)
        found = tuple(pairs)
        if len(_BY_CLASS) < 50_000:  # bounded: class values are few on one site
            _BY_CLASS[cls] = found
    return found


def match(root: etree._Element) -> list[dict[str, list[etree._Element]]]:
    """For each selector set, the elements found for each role, in document order."""
    hits: list[dict[str, list[etree._Element]]] = [{r: [] for r in ROLES} for _ in _XPATHS]
    for el in root.iter(etree.Element):
        cls = el.get("class")
        if not cls:
            continue
        for i, role in _marks(cls):
            hits[i][role].append(el)
    for i, xps in enumerate(_XPATHS):
        for role, xp in xps.items():
            hits[i][role] = list(xp(root)) + hits[i][role]
    return hits


def set_name(index: int) -> str:
    """The name of selector set ``index``."""
    return SELECTOR_SETS[index]["name"]
