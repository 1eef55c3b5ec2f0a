"""Hostile article pages: deep nesting, meta refresh, huge text nodes (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.helpers import run
from tests.faults.server import (
    Handler,
    HostileSite,
    article_html,
    article_path,
    article_title,
    serve,
)

pytestmark = pytest.mark.crawl


def page(html: str | bytes, status: int = 200):  # type: ignore[no-untyped-def]
    def fault(h: Handler) -> None:
        h.send(status, html)

    return fault


def test_an_article_nested_10000_deep_is_exported(tmp_path: Path) -> None:
    deep = "<div>" * 10_000 + "<p>Nội dung sâu của bài viết, đọc đủ.</p>" * 3 + "</div>" * 10_000
    site = HostileSite(routes={article_path(2): page(article_html(2, body=deep))})
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.titles() == {article_title(n) for n in (1, 2, 3)}
    deep_item = next(i for i in result.items if i["title"] == article_title(2))
    assert "Nội dung sâu của bài viết, đọc đủ." in deep_item["text"]
    assert "RecursionError" not in result.stderr


REFRESHES = [
    "30;url={self}",  # auto-reload of the page itself
    "0; URL='{self}#top'",
    "5;url=javascript:location.reload()",
    "0;url=mailto:webmaster@example.org",
    "0;url=data:text/html,hello",
]


def test_a_meta_refresh_never_loses_the_article(tmp_path: Path) -> None:
    """One article per hostile refresh: every one is exported, nothing raised."""
    site = HostileSite(articles=len(REFRESHES) + 1)
    with serve(site) as url:
        for n, refresh in enumerate(REFRESHES, 1):
            content = refresh.format(self=url + article_path(n))
            head = f'<meta http-equiv="refresh" content="{content}">'
            site.routes[article_path(n)] = page(article_html(n, head=head))
        result = run(tmp_path, url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.titles() == {article_title(n) for n in range(1, len(REFRESHES) + 2)}
    assert "Traceback" not in result.stderr
    assert result.stats.get("kcn/meta_refresh/ignored") == len(REFRESHES)


def test_a_meta_refresh_to_another_article_is_followed_and_logged(tmp_path: Path) -> None:
    site = HostileSite()
    head = f'<meta http-equiv="refresh" content="0;url={article_path(9)}">'
    site.routes[article_path(2)] = page(article_html(2, head=head))
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Following meta refresh from" in result.stderr
    assert article_title(9) in result.titles()
    assert result.stats.get("kcn/meta_refresh/followed") == 1


def test_a_50_mb_text_node_is_read_in_bounded_memory(tmp_path: Path) -> None:
    word = "Sở Khoa học và Công nghệ tỉnh Thanh Hóa tổ chức hội nghị, "
    body = "<p>" + word * (50 * 1024 * 1024 // len(word.encode())) + "</p>"
    data = article_html(2, body=body).encode()
    site = HostileSite(routes={article_path(2): page(data)})
    with serve(site) as url:
        result = run(tmp_path, url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.titles() == {article_title(n) for n in (1, 2, 3)}
    assert "run(s) of text longer than" in result.stderr
    huge = next(i for i in result.items if i["title"] == article_title(2))
    assert huge["text"].startswith(word.strip())
    # the crawler at rest is ~90 MB; the page costs at most 4 times its size on top
    assert result.peak_rss_mb < 100 + 4 * len(data) / 2**20, result.peak_rss_mb
