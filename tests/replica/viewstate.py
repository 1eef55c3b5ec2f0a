"""Signed ASP.NET-like form tokens: __VIEWSTATE carries the page state, __EVENTVALIDATION
binds the allowed postback events to that state.

Tokens are deterministic for a given page state (real ASP.NET tokens are reusable too), so
several concurrent POSTs built from one page's tokens all work. A token that was not issued
by this server (missing, truncated, forged, from another skin/seed) fails verification.

Layout of the decoded __VIEWSTATE bytes::

    b"\\xff\\x01" | u16 len | payload (compact JSON) | 16-byte HMAC | filler (realistic size)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import random
import struct
from typing import Any

MAGIC = b"\xff\x01"
_SIG = 16


class TokenError(ValueError):
    """The posted __VIEWSTATE / __EVENTVALIDATION is missing, stale or forged."""


class Signer:
    """Issues and verifies the tokens of one replica (key derived from seed and skin)."""

    def __init__(self, seed: int, skin: str, size: int = 12_000) -> None:
        self.key = hashlib.sha256(f"replica:{seed}:{skin}".encode()).digest()
        rnd = random.Random(f"filler:{seed}:{skin}")
        # a pool of "serialized control state": slices of it pad each token to a real size
        self._pool = rnd.randbytes(size * 2)
        self.size = size

    def _mac(self, tag: bytes, payload: bytes) -> bytes:
        return hmac.new(self.key, tag + payload, hashlib.sha256).digest()[:_SIG]

    def viewstate(self, state: dict[str, Any]) -> str:
        """Encode and sign *state* (a small JSON-able dict) as a __VIEWSTATE value."""
        payload = json.dumps(state, sort_keys=True, separators=(",", ":")).encode()
        h = int.from_bytes(hashlib.md5(payload).digest()[:4], "big")
        start = h % self.size
        length = self.size * 3 // 4 + h % (self.size // 4)
        filler = self._pool[start : start + length]
        raw = MAGIC + struct.pack(">H", len(payload)) + payload + self._mac(b"vs", payload)
        return base64.b64encode(raw + filler).decode("ascii")

    def tokens(self, state: dict[str, Any]) -> tuple[str, str]:
        """(__VIEWSTATE, __EVENTVALIDATION) of a page state."""
        payload = json.dumps(state, sort_keys=True, separators=(",", ":")).encode()
        return self.viewstate(state), self._ev(payload)

    def event_validation(self, viewstate: str) -> str:
        """The __EVENTVALIDATION that goes with a __VIEWSTATE value."""
        return self._ev(self._payload(viewstate))

    def _ev(self, payload: bytes) -> str:
        mac = self._mac(b"ev", payload)
        n = 40 + payload[0] % 120
        return base64.b64encode(MAGIC + mac + self._pool[-n:]).decode("ascii")

    def _payload(self, viewstate: str) -> bytes:
        try:
            raw = base64.b64decode(viewstate.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
            raise TokenError("__VIEWSTATE is not base64") from exc
        if len(raw) < 4 + _SIG or raw[:2] != MAGIC:
            raise TokenError("__VIEWSTATE has a bad header")
        (n,) = struct.unpack(">H", raw[2:4])
        payload, mac = raw[4 : 4 + n], raw[4 + n : 4 + n + _SIG]
        if len(payload) != n or not hmac.compare_digest(mac, self._mac(b"vs", payload)):
            raise TokenError("Validation of viewstate MAC failed")
        return payload

    def verify(self, viewstate: str | None, validation: str | None) -> dict[str, Any]:
        """Return the state carried by a posted pair of tokens, or raise TokenError."""
        if not viewstate or not validation:
            raise TokenError("__VIEWSTATE or __EVENTVALIDATION missing")
        payload = self._payload(viewstate)
        try:
            raw = base64.b64decode(validation.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
            raise TokenError("__EVENTVALIDATION is not base64") from exc
        mac = self._mac(b"ev", payload)
        if raw[:2] != MAGIC or not hmac.compare_digest(raw[2 : 2 + _SIG], mac):
            raise TokenError("Invalid postback or callback argument (event validation)")
        state: dict[str, Any] = json.loads(payload)
        return state
