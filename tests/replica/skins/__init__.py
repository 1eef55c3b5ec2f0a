"""The skins of the portal family: same anatomy, different markup.

Every module of this package is imported here; a module defining a skin registers its
``Skin`` subclass with ``@register`` (see base.py). Adding a skin is adding one module."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .base import REGISTRY, Skin

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

SKINS: tuple[str, ...] = tuple(sorted(REGISTRY, key=lambda name: REGISTRY[name].order))


@cache
def get_skin(name: str) -> Skin:
    """The skin instance called *name* (one of ``SKINS``)."""
    try:
        return REGISTRY[name]()
    except KeyError:
        raise ValueError(f"unknown skin {name!r}") from None
