"""The end of an article body: related lists, print links, attachments block,
the ``Nguồn: …`` line and the author's signature.

Works on the :class:`~kcn_crawler.pages.body.Block` list of a body, from the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from kcn_crawler.normalize import (
    clean_inline,
    is_boilerplate_line,
    looks_like_person_name,
    looks_like_role,
    split_source,
)
from kcn_crawler.pages.base import BLOCK_TAGS, SKIP_TAGS, is_right_aligned, raw_text, tag_of
from kcn_crawler.pages.body import Block
from kcn_crawler.pages.thresholds import (
    BOX_MIN_CHILDREN,
    LABEL_LINE_MAX_CHARS,
    LABEL_MAX_CHARS,
    NAME_MAX_CHARS,
    NAME_MAX_WORDS,
    SIGNATURE_LEVELS,
    SIGNATURE_MAX_CHARS,
    SIGNATURE_MAX_PARTS,
    SIGNATURE_MAX_WORDS,
    SIGNS_MAX_CHARS,
    SIGNS_MAX_LINES,
    SOURCE_LABEL_CHARS,
    TAIL_BLOCKS,
)
from kcn_crawler.pages.vocabulary import (
    ATTACH_LINE,
    AUTHOR_HINT,
    AUTHOR_LABEL,
    FILE_NOTE,
    STOP_LINE,
)

_SENTENCE_END = re.compile(r"[.!?;:]$")


@dataclass
class Tail:
    """What the end of the body held besides text."""

    author: str | None = None
    author_role: str | None = None
    source: str | None = None


def is_stop_line(text: str) -> bool:
    """Whether a line starts page furniture (related news, print link, archive form)."""
    if len(text) > LABEL_LINE_MAX_CHARS or ATTACH_LINE.match(text):
        return False
    return bool(STOP_LINE.match(text)) or (len(text) <= LABEL_MAX_CHARS and _boiler(text))


def _boiler(text: str) -> bool:
    try:
        return bool(is_boilerplate_line(text))
    except Exception:  # pragma: no cover - defensive against helper changes
        return False


def _source(text: str) -> str | None:
    if "nguồn" not in text.lower()[:SOURCE_LABEL_CHARS] and not text.startswith("("):
        return None
    rest, src = split_source([text])
    return src if src and not rest else None


def _marked(b: Block) -> bool:
    return b.right or bool(AUTHOR_HINT.search(b.hints))


def _short(b: Block) -> bool:
    return (
        len(b.text) <= SIGNATURE_MAX_CHARS
        and len(b.text.split()) <= SIGNATURE_MAX_WORDS
        and not b.row
        and not b.caption
    )


def cut_furniture(blocks: list[Block], attachment_names: set[str]) -> list[Block]:
    """The blocks up to the first furniture line, without the attachment block."""
    out: list[Block] = []
    skipping_attach = False
    for b in blocks:
        if is_stop_line(b.text) and not b.row:
            break
        if ATTACH_LINE.match(b.text):
            skipping_attach = True
            continue
        if b.text in attachment_names or (skipping_attach and _all_names(b.text, attachment_names)):
            continue
        skipping_attach = False
        out.append(b)
    return out


def take_tail(blocks: list[Block]) -> tuple[list[Block], Tail]:
    """Take the ``Nguồn: …`` line and the signature off the end of the body."""
    tail = Tail()
    content = [b for b in blocks if not b.caption]
    drop: list[Block] = []
    for b in reversed(content[-TAIL_BLOCKS:]):  # the source: one of the last lines
        src = _source(b.text)
        if src:
            tail.source = src
            drop.append(b)
            break
    content = [b for b in content if not any(b is d for d in drop)]
    drop.extend(_signature(content, tail))
    if tail.source is None and drop:  # a source line just above the signature
        content = [b for b in content if not any(b is d for d in drop)]
        if content:
            src = _source(content[-1].text)
            if src:
                tail.source = src
                drop.append(content[-1])
    return [b for b in blocks if not any(b is d for d in drop)], tail


def _all_names(text: str, names: set[str]) -> bool:
    """Whether a line of the attachment block lists attachments only ("Hồ sơ mẫu (zip)")."""
    if not names:
        return False
    for part in (p.strip() for p in text.split("|")):
        if part and part not in names:
            name = next((n for n in names if n and part.startswith(n)), None)
            if name is None or not FILE_NOTE.match(part[len(name) :]):
                return False
    return True


def strip_author_label(name: str) -> str:
    """The signer's name without a leading label such as "Tác giả:", nor the
    parentheses some editors sign in ("(Minh Hà)")."""
    name = AUTHOR_LABEL.sub("", name, count=1).strip() or name
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip() or name
    return name


def _signature(content: list[Block], tail: Tail) -> list[Block]:
    """The signature blocks at the end of ``content`` (name, then role if any)."""
    blocks = _signature_blocks(content, tail)
    if tail.author:
        tail.author = strip_author_label(tail.author)
    return blocks


def _signature_blocks(content: list[Block], tail: Tail) -> list[Block]:
    if len(content) < 2:
        return []
    last, prev = content[-1], content[-2]
    pieces = _pieces(last) if _short(last) else None
    if pieces is not None and len(pieces) == 2:  # name and role side by side on one line
        name, position = pieces
        if _marked(last):
            hinted = bool(AUTHOR_HINT.search(last.hints))
            named = looks_like_person_name(name) or (hinted and _name_line(name))
            ok = named and _role_line(position)
        else:  # unmarked: only a person's name beside a unit or position
            ok = looks_like_person_name(name) and looks_like_role(position)
            ok = ok and _role_line(position)
        if ok:
            tail.author, tail.author_role = name, position
            return [last]
    if len(content) >= 3 and _short(prev) and _short(last) and _is_name(prev):
        styled = _marked(prev) or prev.bold or prev.italic
        role = looks_like_role(last.text) and not _SENTENCE_END.search(last.text.rstrip("."))
        if (styled and (role or _marked(last) or last.bold or last.italic)) or (
            role and looks_like_person_name(prev.text)
        ):
            tail.author, tail.author_role = prev.text, last.text
            return [prev, last]
    if _short(last) and _is_name(last):
        tail.author = last.text
        return [last]
    # a block marked as the author's is never body text, even when it reads oddly
    marked = [b for b in content[-2:] if AUTHOR_HINT.search(b.hints) and _short(b)]
    if marked and marked[-1] is last and (len(marked) == 1 or marked[0] is prev):
        if _name_line(marked[0].text) and tail.author is None:
            tail.author = marked[0].text
            if len(marked) == 2:
                tail.author_role = last.text
        return marked
    return []


def _pieces(b: Block) -> list[str] | None:
    """The texts of a one-line block's inline parts (``<span>Name</span><span>Role</span>``),
    or ``None`` when its element holds lines of its own (blocks, ``<br>``)."""
    el = b.el
    if el is None or len(el) == 0 or len(el) > SIGNATURE_MAX_PARTS:
        return None  # no inline parts (one piece), or too many
    parts = [el.text or ""]
    for child in el:
        tag = tag_of(child)
        if tag in BLOCK_TAGS:
            return None
        if tag and tag not in SKIP_TAGS:
            parts.append(raw_text(child))
        parts.append(child.tail or "")
    pieces = [c for c in (clean_inline(p) for p in parts) if any(ch.isalnum() for ch in c)]
    return pieces or None


def _name_line(text: str) -> bool:
    return (
        0 < len(text) <= NAME_MAX_CHARS
        and len(text.split()) <= NAME_MAX_WORDS
        and not (_SENTENCE_END.search(text) and not text.endswith(".)"))
    )


def _role_line(text: str) -> bool:
    if not 0 < len(text) <= SIGNATURE_MAX_CHARS or len(text.split()) > SIGNATURE_MAX_WORDS:
        return False
    return looks_like_role(text) or not _SENTENCE_END.search(text.rstrip("."))


def _signs(el: etree._Element, text: str) -> bool:
    """Whether a short element after the body is a signature: marked as the author's,
    right-aligned without links, a ``Nguồn: …`` line, or a person's name (and a
    position) and nothing else."""
    if len(text) > SIGNS_MAX_CHARS:
        return False
    if AUTHOR_HINT.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return True
    if el.find(".//a[@href]") is not None:
        return False
    if is_right_aligned(el) or _source(clean_inline(text)):
        return True
    lines = [c for c in (clean_inline(t) for t in el.itertext()) if c]
    return (
        0 < len(lines) <= SIGNS_MAX_LINES
        and looks_like_person_name(lines[0])
        and (len(lines) == 1 or looks_like_role(lines[1]))
    )


def _attachment_block(el: etree._Element) -> bool:
    """Whether ``el`` is the attachments block: headed "Văn bản đính kèm", "Tệp tin đính
    kèm", … and holding links."""
    first = next((t for t in el.itertext() if t.strip()), "")
    return bool(ATTACH_LINE.match(clean_inline(first))) and el.find(".//a[@href]") is not None


def signature_after(body: etree._Element) -> list[etree._Element]:
    """Blocks just after the body that sign it (see :func:`_signs`): the body's later
    siblings, or its parent's when the body ends its parent."""
    out: list[etree._Element] = []
    node = body
    for _ in range(SIGNATURE_LEVELS):
        seen_text = False
        for sib in node.itersiblings():
            tag = tag_of(sib)
            if not tag or tag in SKIP_TAGS:
                continue
            if _attachment_block(sib):
                continue  # the files; the source line may follow them
            if len(sib) > BOX_MIN_CHILDREN or (
                sib.find(".//a[@href]") is not None
                and not AUTHOR_HINT.search(f"{sib.get('class') or ''} {sib.get('id') or ''}")
            ):
                return out  # a box, links: no signature (nor one after it)
            text = raw_text(sib).strip()
            if not text:
                if (sib.tail or "").strip():
                    return out
                continue
            seen_text = True
            if not _signs(sib, text):
                return out
            out.append(sib)
            if (sib.tail or "").strip():
                return out
        if seen_text or (node.tail or "").strip():
            return out
        parent = node.getparent()
        if parent is None or tag_of(parent) in ("body", "html", "form"):
            return out
        node = parent
    return out


def _is_name(b: Block) -> bool:
    """A signature name line: a person's name, or any short line marked as the author."""
    text = b.text.strip()
    if _SENTENCE_END.search(text) and not text.endswith(".)"):
        return False
    if looks_like_person_name(text):
        return True
    return bool(AUTHOR_HINT.search(b.hints)) and len(text.split()) <= NAME_MAX_WORDS
