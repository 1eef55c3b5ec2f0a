"""Legacy Vietnamese encodings (TCVN3/ABC, VNI) shown as Latin-1 mojibake (stub)."""

from __future__ import annotations


def repair_legacy(s: str) -> tuple[str, str | None]:
    """Return ``(fixed, "tcvn3" | "vni" | None)``; stub: no repair yet."""
    return s, None
