"""Runs of text too long to be prose, cut before a page is decoded and parsed.

A single text node of 50 MB (issue 12) is no article paragraph; reading it
whole cost about 14 times its size in memory (the bytes, the decoded string,
lxml's copy, every cleaning step's copy). :func:`cap_text_runs` cuts every run
of text between two tags to ``MAX_TEXT_RUN`` bytes, on a character boundary,
working on the raw bytes; pages without such a run are returned as they are,
at the cost of one ``find`` per tag.
"""

from __future__ import annotations

from kcn_crawler.pages.thresholds import MAX_TEXT_RUN


def cap_text_runs(html: bytes, max_run: int = MAX_TEXT_RUN) -> tuple[bytes, int]:
    """``html`` with every text run longer than ``max_run`` bytes cut; and how many were cut."""
    if len(html) <= max_run:
        return html, 0
    out: list[bytes] = []
    cut = 0
    last = 0  # start of what is not copied yet
    pos = 0  # start of the current text run
    size = len(html)
    while pos < size:
        lt = html.find(b"<", pos)
        end = size if lt < 0 else lt
        if end - pos > max_run:
            keep = pos + max_run
            while keep > pos and 0x80 <= html[keep] <= 0xBF:  # inside a UTF-8 character
                keep -= 1
            out.append(html[last:keep])
            last = end
            cut += 1
        if lt < 0:
            break
        gt = html.find(b">", lt)
        pos = size if gt < 0 else gt + 1
    if not cut:
        return html, 0
    out.append(html[last:])
    return b"".join(out), cut
