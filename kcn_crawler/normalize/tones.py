"""Tone-mark placement (stub)."""

from __future__ import annotations


def apply_tone_style(s: str, style: str = "keep") -> str:
    """Return ``s`` with tone marks placed in ``style``; stub: identity."""
    return s
