"""Markup nested deeper than the HTML parser goes, flattened so that no text is lost.

libxml2 stops building the tree at 2,048 open elements (``Excessive depth in
document``) and drops everything below: an article wrapped in thousands of
``<div>`` s would lose its text. :func:`flatten` rewrites such markup in one
linear pass over its tags: past ``MAX_DEPTH`` open elements, start and end tags
of containers are dropped (their text is kept, and paragraphs and line breaks
still separate it). Only pages that hit the parser's limit pay for it.
"""

from __future__ import annotations

import re

from kcn_crawler.pages.thresholds import CLOSE_TAG_SEARCH, MAX_DEPTH

# Elements without end tags: they never open a level.
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
# Kept at any depth: they cannot nest, so they add at most one level.
_KEEP = frozenset(b"p br img hr".split())
_TAG = re.compile(
    rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<!--.*?-->", re.S
)


def flatten(html: bytes, max_depth: int = MAX_DEPTH) -> bytes:
    """``html`` with containers below ``max_depth`` open elements unwrapped."""
    out: list[bytes] = []
    stack: list[tuple[bytes, bool]] = []  # (tag name, kept)
    pos = 0
    for match in _TAG.finditer(html):
        closing, raw_name = match.group(1), match.group(2)
        if raw_name is None:  # a comment
            continue
        name = raw_name.lower()
        keep = True
        if closing:
            for i in range(len(stack) - 1, max(-1, len(stack) - CLOSE_TAG_SEARCH), -1):
                if stack[i][0] == name:
                    keep = stack[i][1]
                    del stack[i:]
                    break
        elif name not in _VOID and not match.group(0).endswith(b"/>"):
            keep = len(stack) < max_depth or name in _KEEP
            stack.append((name, keep))
        if not keep:
            out.append(html[pos : match.start()])
            pos = match.end()
    out.append(html[pos:])
    return b"".join(out)
