"""Page objects in web-poet's shape: one cached method per item field, the item built from them.

A page object subclasses :class:`ItemPage` and sets ``item_cls`` to a dataclass item; each
of the item's fields is a method of the page decorated with :func:`field`, computed once
on first use and cached.  :meth:`ItemPage.to_item` builds the item from those methods, so
adding a field to the item is adding one method here (web-poet's ``ItemPage`` and
``@field``, without its async machinery or scrapy-poet's injection, which this project
does not need).
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar

T = TypeVar("T")


class field(cached_property[T]):  # named as web-poet's decorator
    """A page method that computes one item field; computed once, then cached."""


class ItemPage(Generic[T]):
    """A page object that builds an item of ``item_cls`` from its :func:`field` methods."""

    item_cls: ClassVar[type]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The names of the page's field methods, in the item's order."""
        return tuple(f.name for f in dataclasses.fields(cls.item_cls))

    def to_item(self) -> T:
        """The item, each field from the page's method of that name."""
        values: dict[str, Any] = {name: getattr(self, name) for name in self.field_names()}
        item: T = self.item_cls(**values)
        return item

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "item_cls" in cls.__dict__:
            methods = {name: getattr(cls, name, None) for name in cls.field_names()}
            lacking = [name for name, method in methods.items() if not isinstance(method, field)]
            if lacking:
                raise TypeError(f"{cls.__name__} has no @field method for {', '.join(lacking)}")
