"""JSON for scrapy-redis's ``SCHEDULER_SERIALIZER``: requests stored without pickle.

scrapy-redis stores ``Request.to_dict()``; this module makes that dict JSON
(bytes as ``{"$b": base64}``, dicts with bytes keys such as headers as
``{"$d": [[key, value], ...]}``, tuples as lists) so Redis never holds anything
that runs code when read back. A value JSON cannot express raises ``TypeError``
when the request is scheduled, not later.
"""

from __future__ import annotations

import base64
import json
from typing import Any


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: _encode(item) for key, item in value.items()}
        return {"$d": [[_encode(key), _encode(item)] for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in Redis as JSON: {value!r}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$b"}:
            return base64.b64decode(value["$b"])
        if set(value) == {"$d"}:
            return {_decode(key): _decode(item) for key, item in value["$d"]}
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


def dumps(obj: Any) -> str:
    """A request dict as JSON text."""
    return json.dumps(_encode(obj), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """The request dict back from JSON text."""
    return _decode(json.loads(text))
