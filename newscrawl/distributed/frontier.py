"""The shared frontier: a priority queue of serialized requests in a Redis sorted set, with
leases.

scrapy-redis' PriorityQueue pops a request and forgets it: a worker killed mid-request loses
it for good, and since its fingerprint is already in the duplicate filter, nobody fetches it
again. Here a pop *moves* the request into the worker's in-flight set, in one Lua script; the
worker acks it once its response (and the items from it) are fully processed. A worker keeps
a heartbeat key with a TTL (the lease); when it stops refreshing it (killed, machine gone),
any live worker moves the dead worker's in-flight requests back into the queue
(`reclaim_dead`) and releases the article claims it had not written yet.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy_redis.queue import Base

from .keys import Keys

logger = logging.getLogger(__name__)

_POP = """
local r = redis.call('ZPOPMIN', KEYS[1])
if #r == 0 then return false end
redis.call('ZADD', KEYS[2], r[2], r[1])
redis.call('SADD', KEYS[3], ARGV[1])
return r[1]
"""

# KEYS: workers, requests, claims; ARGV: key base. Key names are built inside the script
# (fine on a single Redis server, not on Redis Cluster).
_RECLAIM = """
local moved, dead = 0, {}
for _, w in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. 'alive:' .. w) == 0 then
    local inflight = ARGV[1] .. 'inflight:' .. w
    local items = redis.call('ZRANGE', inflight, 0, -1, 'WITHSCORES')
    for i = 1, #items, 2 do
      redis.call('ZADD', KEYS[2], items[i + 1], items[i])
      moved = moved + 1
    end
    redis.call('DEL', inflight)
    local pending = ARGV[1] .. 'pending:' .. w
    for _, k in ipairs(redis.call('SMEMBERS', pending)) do
      if redis.call('HGET', KEYS[3], k) == 'pending:' .. w then
        redis.call('HDEL', KEYS[3], k)
      end
    end
    redis.call('DEL', pending)
    redis.call('SREM', KEYS[1], w)
    table.insert(dead, w)
  end
end
return {moved, dead}
"""

# A worker that stops cleanly puts back what it had leased but not finished.
_RELEASE = """
local items = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do redis.call('ZADD', KEYS[2], items[i + 1], items[i]) end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[1])
return #items / 2
"""


class LeasedPriorityQueue(Base):
    """scrapy-redis' queue base (request (de)serialization) with leased pops."""

    def __init__(self, server: Any, spider: Any, keys: Keys, worker: str,
                 serializer: Any = None):
        super().__init__(server, spider, keys.requests, serializer)
        self.keys = keys
        self.worker = worker
        self._pop = server.register_script(_POP)
        self._reclaim = server.register_script(_RECLAIM)
        self._release = server.register_script(_RELEASE)

    def __len__(self) -> int:
        return self.server.zcard(self.keys.requests)

    def encode(self, request: Request) -> bytes:
        return self._encode_request(request)

    def push(self, request: Request, ack: bytes | None = None) -> None:
        """Queue a request; with `ack`, also end that lease, in the same transaction (a
        redirect or retry replaces the leased request it came from)."""
        pipe = self.server.pipeline(transaction=True)
        pipe.zadd(self.keys.requests, {self._encode_request(request): -request.priority})
        if ack is not None:
            pipe.zrem(self.keys.inflight(self.worker), ack)
        pipe.execute()

    def pop(self, timeout: int = 0) -> tuple[Request, bytes] | None:
        """The next request and its lease token (the serialized request), or None.
        Never blocks: the engine calls this from the reactor thread."""
        data = self._pop(keys=[self.keys.requests, self.keys.inflight(self.worker),
                               self.keys.workers], args=[self.worker])
        if not data:
            return None
        return self._decode_request(data), data

    def ack(self, *tokens: bytes) -> None:
        if tokens:
            self.server.zrem(self.keys.inflight(self.worker), *tokens)

    def ack_all(self) -> int:
        return self.server.delete(self.keys.inflight(self.worker))

    def release(self) -> int:
        """Put this worker's unfinished leases back into the queue."""
        return int(self._release(keys=[self.keys.inflight(self.worker), self.keys.requests,
                                       self.keys.workers], args=[self.worker]))

    def reclaim_dead(self) -> list[str]:
        """Requeue the leased requests of workers whose heartbeat expired; the dead
        workers' ids."""
        moved, dead = self._reclaim(keys=[self.keys.workers, self.keys.requests,
                                          self.keys.claims], args=[self.keys.base])
        dead = [w.decode() if isinstance(w, bytes) else w for w in dead]
        if dead:
            logger.warning("Reclaimed %d requests leased by dead workers %s", moved,
                           ", ".join(dead))
        return dead

    def clear(self) -> None:
        self.server.delete(self.keys.requests)


def inflight_total(server: Any, keys: Keys) -> int:
    """Requests leased by any worker, alive or not."""
    workers = [w.decode() if isinstance(w, bytes) else w
               for w in server.smembers(keys.workers)]
    if not workers:
        return 0
    pipe = server.pipeline(transaction=False)
    for w in workers:
        pipe.zcard(keys.inflight(w))
    return sum(pipe.execute())
