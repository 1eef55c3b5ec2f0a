"""Every ``kcn/…`` stats key the package writes or reads is declared in one module."""

from __future__ import annotations

import re
from pathlib import Path

from kcn_crawler import stats_keys

PACKAGE = Path(stats_keys.__file__).parent
LITERAL = re.compile(r"""["'](kcn/[\w/]+)["']""")


def declared() -> set[str]:
    return {value for name, value in vars(stats_keys).items() if name.isupper()}


def test_every_key_literal_of_the_package_is_declared() -> None:
    used = {
        (key, str(path.relative_to(PACKAGE)))
        for path in PACKAGE.rglob("*.py")
        if path.name != "stats_keys.py"
        for key in LITERAL.findall(path.read_text("utf-8"))
    }
    assert used, "no key found: the pattern is wrong"
    assert sorted(pair for pair in used if pair[0] not in declared()) == []


def test_each_constant_says_what_it_means() -> None:
    source = Path(stats_keys.__file__).read_text("utf-8")
    for line in source.splitlines():
        if re.match(r"[A-Z_]+ = \"kcn/", line):
            assert "  # " in line, line


def test_parametrized_keys() -> None:
    assert stats_keys.articles_missing("title") == "kcn/articles/missing/title"
    assert stats_keys.catalog_status("new") == stats_keys.CATALOG_NEW
    assert stats_keys.files_of_kind("image") == "kcn/files/images"
