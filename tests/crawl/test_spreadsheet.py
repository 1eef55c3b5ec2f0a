"""The CSV export opened by LibreOffice Calc (headless): Vietnamese intact, formulas inert."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kcn_crawler.exporters.csv import ArticleCsvExporter
from tests.components.test_exporters import article
from tests.crawl.helpers import run_crawl

SOFFICE = shutil.which("soffice")
# separator, quote, UTF-8, from line 1, …, evaluate formulas: what a user gets when
# Calc's import dialog detects the byte-order mark and formulas are evaluated.
CSV_FILTER = "CSV:44,34,76,1,,,,,,,,-1"

pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (Debian package libreoffice-calc-nogui) is not installed",
)


def calc_cells(csv_path: Path) -> str:
    """The text of every cell as LibreOffice Calc shows it, via its HTML export."""
    assert SOFFICE, "LibreOffice must be installed on CI (.ci/run installs it)"
    profile = csv_path.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
            f"--infilter={CSV_FILTER}", "--convert-to", "html", "--outdir", str(csv_path.parent),
            str(csv_path),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    page = csv_path.with_suffix(".html").read_text("utf-8", errors="replace")
    body = page.split("<body", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_calc_shows_the_crawls_vietnamese_titles(tmp_path: Path, replica_per_skin: Any) -> None:
    replica = replica_per_skin("classic")
    csv_path = tmp_path / "articles.csv"
    run = run_crawl("news", tmp_path, "-a", f"site={replica.url}", "-O", str(csv_path), output=None)
    assert run.returncode == 0, run.stderr[-3000:]
    cells = calc_cells(csv_path)
    assert "ï»¿" not in cells, "the byte-order mark is read as such, not as text"
    titles = [a["title"] for a in replica.truth()["articles"] if a["channels"]]
    shown = [title for title in titles if " ".join(title.split()) in cells]
    assert len(shown) == len(titles)


def test_calc_does_not_evaluate_a_formula_cell(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    exporter = ArticleCsvExporter(buffer)
    exporter.start_exporting()
    exporter.export_item(article(title="=1+2", summary="@SUM(1,2)"))
    exporter.finish_exporting()
    (tmp_path / "formula.csv").write_bytes(buffer.getvalue())
    cells = calc_cells(tmp_path / "formula.csv")
    assert "'=1+2" in cells and "'@SUM(1,2)" in cells
    assert " 3 " not in f" {cells} "
