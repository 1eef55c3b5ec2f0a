"""One site's crawl in Redis: its keys and the atomic operations on them.

Under ``<prefix>:<spider>:<host>``:

* ``requests`` (zset) the frontier; ``dupefilter`` (set) the seen-set;
* ``leases`` (zset lease id → deadline, ms), ``leased`` (hash lease id →
  ``score␠request``) and ``holders`` (hash lease id → worker): popped requests
  not yet acknowledged, and who holds them;
* ``items`` (list of JSON items) for the collector; ``stats`` (hash) the
  workers' summed counters; ``failures`` (list of JSON) their failed URLs;
* ``seeded`` (set once: the first worker started the walk), ``workers``
  (zset worker id → liveness deadline).

The per-host limiter's keys are ``<prefix>:host:<host>`` (shared by every
crawl of the host). Times come from Redis (``TIME``), never from the workers'
clocks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"

# KEYS: requests, leases, leased, lease counter, holders; ARGV: lease ms, worker
#   -> {id, request} or nil
POP = f"""{NOW_MS}
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return nil end
redis.call('ZREM', KEYS[1], top[1])
local id = tostring(redis.call('INCR', KEYS[4]))
redis.call('HSET', KEYS[3], id, top[2] .. ' ' .. top[1])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), id)
redis.call('HSET', KEYS[5], id, ARGV[2])
return {{id, top[1]}}
"""

# KEYS: seen-set, requests; ARGV: fingerprint, score, request -> 1 (pushed) or 0 (seen before).
# One step: a worker dying between marking a request seen and pushing it would lose it for
# good (every later copy of it is taken for a duplicate).
PUSH_UNSEEN = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""

# KEYS: requests, leases, leased, holders -> number of requests put back
REAP = f"""{NOW_MS}
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, id in ipairs(expired) do
  local value = redis.call('HGET', KEYS[3], id)
  if value then
    local cut = string.find(value, ' ', 1, true)
    redis.call('ZADD', KEYS[1], tonumber(string.sub(value, 1, cut - 1)), string.sub(value, cut + 1))
  end
  redis.call('HDEL', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
  redis.call('ZREM', KEYS[2], id)
end
return #expired
"""

# KEYS: leases, workers; ARGV: lease ms, worker id, lease ids... -> renewed count
RENEW = f"""{NOW_MS}
local deadline = now + tonumber(ARGV[1])
redis.call('ZADD', KEYS[2], deadline, ARGV[2])
local renewed = 0
for i = 3, #ARGV do
  renewed = renewed + redis.call('ZADD', KEYS[1], 'XX', 'CH', deadline, ARGV[i])
end
return renewed
"""

# KEYS: host key; ARGV: interval ms -> 0 (token taken: go now) or ms until the next one.
# The token is taken at the moment of sending, never reserved ahead: a worker whose
# reactor runs late cannot send a burst of stale reservations.
TAKE = f"""{NOW_MS}
local interval = tonumber(ARGV[1])
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < free then return free - now end
redis.call('SET', KEYS[1], now + interval, 'PX', interval + 60000)
return 0
"""

# KEYS: requests, leases, workers -> {frontier, leases out, live workers}
STATE = f"""{NOW_MS}
return {{redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]),
         redis.call('ZCOUNT', KEYS[3], now, '+inf')}}
"""


def crawl_prefix(prefix: str, spider: str, host: str) -> str:
    """The key prefix of one site's crawl."""
    return f"{prefix}:{spider}:{host}"


@dataclass
class CrawlState:
    """What the frontier looks like right now."""

    frontier: int
    leases: int
    workers: int
    seeded: bool
    items: int

    @property
    def done(self) -> bool:
        """The walk was started, nothing is queued or leased, no worker is alive."""
        return self.seeded and not (self.frontier or self.leases or self.workers)


class RedisCrawl:
    """The keys of one site's crawl and the operations workers and collector share."""

    def __init__(self, server: Any, prefix: str) -> None:
        self.server = server
        self.prefix = prefix
        self.requests = f"{prefix}:requests"
        self.dupefilter = f"{prefix}:dupefilter"
        self.leases = f"{prefix}:leases"
        self.leased = f"{prefix}:leased"
        self.lease_counter = f"{prefix}:lease_counter"
        self.holders = f"{prefix}:holders"
        self.items = f"{prefix}:items"
        self.stats = f"{prefix}:stats"
        self.failures = f"{prefix}:failures"
        self.seeded = f"{prefix}:seeded"
        self.workers = f"{prefix}:workers"
        self._push_unseen = server.register_script(PUSH_UNSEEN)
        self._pop = server.register_script(POP)
        self._reap = server.register_script(REAP)
        self._renew = server.register_script(RENEW)
        self._state = server.register_script(STATE)

    # --- frontier and leases ---------------------------------------------------------
    def push_unseen(self, fingerprint: str, score: float, data: str, seen_key: str = "") -> bool:
        """Mark a request seen and push it, in one step; False if it was seen before."""
        keys = [seen_key or self.dupefilter, self.requests]
        return bool(self._push_unseen(keys=keys, args=[fingerprint, score, data]))

    def pop(self, lease_ms: int, worker: str = "") -> tuple[str, str] | None:
        """Take the best request off the frontier under a new lease held by ``worker``:
        ``(lease id, data)``."""
        found = self._pop(
            keys=[self.requests, self.leases, self.leased, self.lease_counter, self.holders],
            args=[lease_ms, worker],
        )
        if not found:
            return None
        lease, data = found
        return _text(lease), _text(data)

    def ack(self, *leases: str) -> None:
        """The leased requests are handled: forget them."""
        if leases:
            pipe = self.server.pipeline()
            pipe.zrem(self.leases, *leases)
            pipe.hdel(self.leased, *leases)
            pipe.hdel(self.holders, *leases)
            pipe.execute()

    def renew(self, worker: str, lease_ms: int, leases: list[str]) -> None:
        """Keep a live worker's leases (and the worker itself) alive for ``lease_ms``."""
        self._renew(keys=[self.leases, self.workers], args=[lease_ms, worker, *leases])

    def reap(self) -> int:
        """Put requests whose lease expired back on the frontier; returns how many."""
        return int(self._reap(keys=[self.requests, self.leases, self.leased, self.holders]))

    def release(self, leases: list[str]) -> None:
        """Give leases back now (a worker shutting down early)."""
        if leases:
            pipe = self.server.pipeline()
            for lease in leases:
                pipe.zadd(self.leases, {lease: 0})
            pipe.execute()
            self.reap()

    # --- workers and the end of the crawl ------------------------------------------
    def seed_once(self) -> bool:
        """True for the one worker that starts the walk of this site."""
        return bool(self.server.set(self.seeded, "1", nx=True))

    def leave(self, worker: str) -> None:
        """A worker is done with this crawl."""
        self.server.zrem(self.workers, worker)

    def state(self) -> CrawlState:
        """Frontier, leases, live workers, seeded flag and items waiting."""
        frontier, leases, workers = self._state(keys=[self.requests, self.leases, self.workers])
        return CrawlState(
            frontier=int(frontier),
            leases=int(leases),
            workers=int(workers),
            seeded=bool(self.server.exists(self.seeded)),
            items=int(self.server.llen(self.items)),
        )

    # --- items and stats ------------------------------------------------------------
    def push_item(self, item: dict[str, Any]) -> None:
        """An item for the collector."""
        self.server.rpush(self.items, json.dumps(item, ensure_ascii=False, default=str))

    def pop_items(self, count: int) -> list[dict[str, Any]]:
        """Up to ``count`` items, oldest first."""
        raw = self.server.lpop(self.items, count) or []
        return [json.loads(value) for value in raw]

    def add_stats(self, deltas: dict[str, int], failures: list[dict[str, Any]]) -> None:
        """Add a worker's counters (and failed URLs) to the crawl's."""
        pipe = self.server.pipeline()
        for key, delta in deltas.items():
            pipe.hincrby(self.stats, key, delta)
        for failure in failures:
            pipe.rpush(self.failures, json.dumps(failure, ensure_ascii=False))
        pipe.execute()

    def read_stats(self) -> tuple[dict[str, int], list[dict[str, Any]]]:
        """The workers' summed counters and failed URLs."""
        counters = {_text(k): int(v) for k, v in self.server.hgetall(self.stats).items()}
        failures = [json.loads(v) for v in self.server.lrange(self.failures, 0, -1)]
        return counters, failures

    def clear(self) -> None:
        """Delete every key of this crawl (the collector, once it wrote everything)."""
        keys = [
            self.requests, self.dupefilter, self.leases, self.leased, self.lease_counter,
            self.holders,
            self.items, self.stats, self.failures, self.seeded, self.workers,
        ]  # fmt: skip
        self.server.delete(*keys)


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
