"""Loading of the hand-written page fixtures: fixtures/<PageClass>/<case>/."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def cases(page_class: str) -> list[str]:
    """Case names of one page class, sorted."""
    root = FIXTURES / page_class
    return sorted(p.name for p in root.iterdir() if (p / "expected.json").exists())


def load(page_class: str, case: str) -> tuple[str, dict]:
    """(input HTML, expected values) of one case; ``text_file`` is read into ``text``."""
    d = FIXTURES / page_class / case
    html = (d / "input.html").read_text(encoding="utf-8")
    expected = json.loads((d / "expected.json").read_text(encoding="utf-8"))
    if "text_file" in expected:
        expected["text"] = (d / expected.pop("text_file")).read_text(encoding="utf-8").strip()
    return html, expected


def params(
    page_class: str, fields: list[str], derive: Callable[[dict], dict] | None = None
) -> list[tuple[str, str]]:
    """(case, field) pairs for the fields each case's expected.json states."""
    out = []
    for case in cases(page_class):
        _, expected = load(page_class, case)
        if derive is not None:
            expected = derive(expected)
        out.extend((case, f) for f in fields if f in expected)
    return out
