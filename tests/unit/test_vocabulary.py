"""One vocabulary: the page objects' labels and hints are declared in one module.

Every regex that ``pages/`` compiles or applies is read from the source (``ast``):
one that spells a label or class-name word of the vocabulary outside
``pages/vocabulary.py`` is a private copy, which drifts from the shared one (the
lead hint once existed three times with three contents).  The date labels live in
``normalize/labels.py``, which the date parser shares.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kcn_crawler.normalize import labels
from kcn_crawler.pages import vocabulary

PACKAGE = Path(__file__).resolve().parents[2] / "kcn_crawler"
PAGES = sorted((PACKAGE / "pages").glob("*.py"))
#: Modules whose job is to declare vocabulary (the layouts' class names are data too).
DECLARING = {"vocabulary.py", "selectors.py", "labels.py"}
#: One or more words of each vocabulary: a regex spelling one is a copy of it.
MARKERS = (
    "sapo",  # LEAD_HINT
    "tomtat",
    "trichdan",
    "tieude",  # TITLE_HINT, HEADING_HINT
    "chuthich",  # CAPTION_HINT
    "tacgia",  # AUTHOR_HINT
    "tác\\s+giả",  # AUTHOR_LABEL
    "cập nhật",  # the date labels
    "ngày đăng",
    "đăng ngày",
    "xuất bản",
    "lượt xem",  # DATE_LINE_NOISE
    "đã\\s+đăng",  # the archive's labels
    "đã đăng ngày",
    "tin liên quan",  # STOP_LINE
    "đính kèm",  # ATTACH_LINE
    "video clip",  # SIDE_LABEL, NEVER_CONTENT_LABEL
    "breadcrumb",  # CHROME_NAME
    "ms-webpart",  # WEB_PART, WEB_PART_TITLE
    "trang sau",  # PAGE_TURN_LABELS
    "tiếp",  # PAGE_TURN_WORDS
    "truoc",  # PAGE_TURN_IMAGES
    "pageindex",  # PAGE_PARAMS
    "tin tức",  # NEWS_WORDS
    "utm_source",  # TRACKING_PARAMS
    "cổng thông tin",  # SITE_SUFFIX
    "datetimecontrol",  # ARCHIVE_DATE_INPUT
    "timkiem",  # SEARCH_INPUT, CHROME_NAME
)
_RE_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall"}


def _regex_texts(path: Path, lists: bool = True) -> list[tuple[int, str]]:
    """(line, text) of every string literal inside the pattern of an ``re.*`` call and,
    with ``lists``, of every module-level tuple/set/dict of strings (a word list)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_FUNCS
            and node.args
        ):
            out.extend(
                (c.lineno, c.value)
                for c in ast.walk(node.args[0])
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            )
    for stmt in tree.body if lists else ():
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, (ast.Tuple, ast.Set, ast.Dict, ast.Call)):
            out.extend(
                (c.lineno, c.value)
                for c in ast.walk(value)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            )
    return sorted(set(out))


def _copies(paths: list[Path], markers: tuple[str, ...], lists: bool = True) -> list[str]:
    """Where a module of ``paths`` (not a declaring one) spells one of ``markers``."""
    found = []
    for path in paths:
        if path.name in DECLARING:
            continue
        for line, text in _regex_texts(path, lists):
            low = text.lower()
            found += [f"{path.name}:{line}: {m!r}" for m in markers if m in low]
    return found


def test_pages_spell_no_vocabulary_of_their_own() -> None:
    """No module of pages/ but the vocabulary writes a label or hint word in a pattern."""
    assert _copies(PAGES, MARKERS) == []


def test_normalize_spells_no_date_label_of_its_own() -> None:
    """normalize/ reads the date labels from labels.py (the date parser's noise too); the
    chrome labels' list ("Các tin đã đăng ngày") is another vocabulary."""
    normalize = sorted((PACKAGE / "normalize").glob("*.py"))
    date_labels = tuple(w for w in labels.PUBLICATION_DATE_LABELS if " " in w)
    assert _copies(normalize, date_labels, lists=False) == []


def test_a_private_copy_is_caught(tmp_path: Path) -> None:
    """The guard fails on a module that declares its own lead hint again."""
    copy = tmp_path / "article.py"
    copy.write_text(
        'import re\n_LEAD_HINT = re.compile(r"sapo|lead|summary|mota", re.I)\n', encoding="utf-8"
    )
    assert _copies([copy], MARKERS) == ["article.py:2: 'sapo'"]


@pytest.mark.parametrize(
    ("hints", "marked"),
    [
        ("sapo", True),
        ("news-lead", True),
        ("newssummary", True),  # mid-word: the fallback's form
        ("tomtatngan", True),
        ("intro", True),  # the fast path's addition
        ("trich-dan", True),
        ("tandan-p-article-news-title", False),
        ("ms-rtestate-field", False),
    ],
)
def test_one_lead_hint(hints: str, marked: bool) -> None:
    """The one lead hint knows every name any of its former copies knew."""
    assert bool(vocabulary.LEAD_HINT.search(hints)) is marked


@pytest.mark.parametrize(
    ("line", "publication"),
    [
        ("Cập nhật: 31/01/2018 08:30", True),
        ("Ngày đăng: 31/01/2018", True),
        ("Thời gian đăng: 31/01/2018", True),
        ("Ngày 31/01/2018", False),  # a bare "Ngày" opens event sentences
        ("Thời gian: 31/01/2018", False),
    ],
)
def test_date_labels_from_one_list(line: str, publication: bool) -> None:
    """Date lines open with any date label; only some say the publication's date."""
    assert vocabulary.DATE_LINE_LABEL.match(line)
    assert bool(vocabulary.PUBLICATION_LABEL.match(line)) is publication
