"""The eleven skins of the portal family: same anatomy, different markup."""

from __future__ import annotations

from functools import cache

from .base import Skin


@cache
def get_skin(name: str) -> Skin:
    """The skin instance called *name* (one of ``tests.replica.site.SKINS``)."""
    if name == "classic":
        from .classic import Classic

        return Classic()
    if name == "modern":
        from .modern import Modern

        return Modern()
    if name == "third":
        from .third import Third

        return Third()
    if name == "portal2":
        from .portal2 import Portal2

        return Portal2()
    if name == "egov":
        from .egov import Egov

        return Egov()
    if name == "legacy":
        from .legacy import Legacy

        return Legacy()
    if name == "mobile":
        from .mobile import Mobile

        return Mobile()
    if name == "sp2013":
        from .sp2013 import Sp2013

        return Sp2013()
    if name == "navi":
        from .navi import Navi

        return Navi()
    if name == "prose":
        from .prose import Prose

        return Prose()
    if name == "cms":
        from .cms import Cms

        return Cms()
    raise ValueError(f"unknown skin {name!r}")
