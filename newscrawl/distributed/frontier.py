"""The shared frontier, partitioned by host, with leases and per-host politeness.

One queue per host (a sorted set of serialized requests by priority), as StormCrawler
partitions its URLs by host and scrapy-cluster keeps one throttled queue per domain; a
sorted set of the hosts that may be popped from, scored by the time (Redis' clock, ms) their
next request may be taken. A pop takes the host whose turn came first, so workers share the
sites between them instead of all queueing behind one: a host is offered again only after
its delay, and only while fewer than CONCURRENT_REQUESTS_PER_DOMAIN of its requests are
taken and not yet downloaded anywhere in the cluster (its `slots`). The hard guarantee
is made just before the download, by the politeness gate (gate.py), against the same slots
and the host's `next` time; the pop's pacing keeps workers from taking requests they could
not fetch soon.

Discovery first (`newscrawl/discovery/first.py`): a host's sitemaps, feeds and start points
are kept in its sorted set `disc:<host>` from the push until their lease is acked (their
response read and what it lists queued). While that set is not empty, a pop takes from the
host only such a request (the best queued one, whatever its priority): its other requests
wait in the queue, and the host is offered again when the last one is acked. So the dates
those documents list reach every article they list, whichever worker reads them.
The gate cannot shut a host for good: a queued member scores +inf and is taken first; a
leased one scores its lease's deadline (now + the slot hold), after which it no longer
counts (a lease nobody acks, as when a push failed); a requeued one (reclaim, release)
scores +inf again; a member neither queued nor leased is dropped at the next pop.

Leases, as before: a pop *moves* the request into the worker's in-flight set, in one Lua
script; the worker acks it once its response (and the items from it) are fully processed.
A worker keeps a heartbeat key with a TTL; when it stops refreshing it (killed, machine
gone), any live worker moves the dead worker's in-flight requests back to their hosts'
queues (`reclaim_dead`), frees their slots, and releases the article claims the dead worker
had not written yet.

A token is `<host>\\n<serialized request>`: every script can tell a request's host. Key
names are built inside the scripts (fine on a single Redis server, not on Redis Cluster).
All times are Redis' own (TIME), so workers on machines with skewed clocks agree.

The methods are synchronous (redis-py); a worker calls them through its link (link.py),
never from the reactor thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scrapy import Request
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.queue import Base

from .. import defaults
from ..discovery.first import is_discovery
from .keys import Keys

logger = logging.getLogger(__name__)

# Shared by every script: ARGV[1] is the key base, ARGV[2] the per-host concurrency limit.
_PRELUDE = """
if redis.replicate_commands then redis.replicate_commands() end
local base, limit = ARGV[1], tonumber(ARGV[2])
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local now = now_ms()
local function host_of(token)
  local i = string.find(token, '\\n', 1, true)
  return string.sub(token, 1, i - 1)
end
-- Offer the host for popping while it has queued requests and a free slot.
local function offer(host)
  local ready = base .. 'ready'
  if redis.call('ZCARD', base .. 'q:' .. host) == 0 then
    redis.call('ZREM', ready, host)
    return
  end
  local slots = base .. 'slots:' .. host
  redis.call('ZREMRANGEBYSCORE', slots, '-inf', now)
  if redis.call('ZCARD', slots) >= limit then
    redis.call('ZREM', ready, host)
    return
  end
  local at = tonumber(redis.call('HGET', base .. 'host:' .. host, 'pop_at') or '0')
  redis.call('ZADD', ready, at, host)
end
-- The host's delay between fetches (ms): the largest of DOWNLOAD_DELAY, its robots.txt
-- Crawl-delay and, with AutoThrottle, its shared throttle delay (or the start delay).
local function host_delay(host, min_ms, start_ms)
  local f = redis.call('HMGET', base .. 'host:' .. host, 'crawl_delay', 'throttle')
  local d = min_ms
  if f[1] then d = math.max(d, tonumber(f[1])) end
  if start_ms >= 0 then d = math.max(d, tonumber(f[2] or start_ms)) end
  return d
end
-- A leased token is finished or put back: out of the worker's in-flight set, its slot free.
local function unlease(worker, token)
  local host = host_of(token)
  redis.call('ZREM', base .. 'slots:' .. host, token)
  return redis.call('ZREM', base .. 'inflight:' .. worker, token), host
end
-- A lease ends for good (acked): a discovery request is read, the host's gate may open.
local function finish(worker, token)
  local n, host = unlease(worker, token)
  redis.call('ZREM', base .. 'disc:' .. host, token)
  return n, host
end
local function requeue(worker, token, score)
  local _, host = unlease(worker, token)
  if redis.call('ZADD', base .. 'q:' .. host, score, token) == 1 then
    redis.call('INCR', base .. 'queued')
  end
  -- A discovery request put back is queued again: no deadline until it is taken.
  redis.call('ZADD', base .. 'disc:' .. host, 'XX', '+inf', token)
  offer(host)
end
"""

# ARGV: base, limit, worker, token, score, fingerprint ('' = not filtered), ack ('' = none),
# discovery ('1': a sitemap, feed or start point; '' = not)
_PUSH = _PRELUDE + """
local worker, token, score, fp, ack = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local queued = 0
if fp == '' or redis.call('SADD', base .. 'dupefilter', fp) == 1 then
  local host = host_of(token)
  if redis.call('ZADD', base .. 'q:' .. host, score, token) == 1 then
    redis.call('INCR', base .. 'queued')
  end
  if ARGV[8] == '1' then redis.call('ZADD', base .. 'disc:' .. host, '+inf', token) end
  redis.call('SADD', base .. 'hosts', host)
  offer(host)
  queued = 1
end
if ack ~= '' then
  local _, host = finish(worker, ack)
  offer(host)
end
return queued
"""

# ARGV: base, limit, worker, n, hold (ms), DOWNLOAD_DELAY (ms), start delay (ms, -1: none),
# pop id -> {tokens, ms until the next host is ready (-1: none queued)}. The answer is kept
# under the pop id: a pop retried because its answer was lost (a timeout) gets the same
# tokens, never a second batch nobody would hand out.
_POP = _PRELUDE + """
local worker, n, hold = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local min_ms, start_ms, popid = tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8]
local lease_ms = tonumber(ARGV[9])
local last = base .. 'lastpop:' .. worker
local prev = redis.call('GET', last)
if prev then
  local p = cmsgpack.unpack(prev)
  if p[1] == popid then return {p[2], p[3]} end
end
local ready, out, tries = base .. 'ready', {}, 0
-- Discovery first: the host's queued discovery request with the best score, or nothing
-- while one is being read (then the earliest lease deadline: when to look again), or
-- false when the host has none (any request may be taken).
local function discovery(host, q)
  local disc = base .. 'disc:' .. host
  redis.call('ZREMRANGEBYSCORE', disc, '-inf', now)  -- a lease past its deadline
  local members = redis.call('ZRANGE', disc, 0, -1, 'WITHSCORES')
  if #members == 0 then return false end
  local best, best_score, deadline = nil, nil, nil
  for i = 1, #members, 2 do
    local s = redis.call('ZSCORE', q, members[i])
    if s then
      if best == nil or tonumber(s) < best_score then best, best_score = members[i], tonumber(s) end
    elseif members[i + 1] == 'inf' then
      redis.call('ZREM', disc, members[i])  -- neither queued nor leased: lost
    elseif deadline == nil then
      deadline = tonumber(members[i + 1])  -- being read (ZRANGE: the earliest first)
    end
  end
  if best ~= nil then
    redis.call('ZREM', q, best)
    redis.call('ZADD', disc, now + hold, best)
    return {best, best_score}
  end
  if deadline == nil then return false end
  return {nil, deadline}
end
while #out < n and tries < n + 64 do
  tries = tries + 1
  local c = redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, 1)
  if #c == 0 then break end
  local host = c[1]
  local slots = base .. 'slots:' .. host
  redis.call('ZREMRANGEBYSCORE', slots, '-inf', now)
  local r, reading = {}, nil
  if redis.call('ZCARD', slots) < limit then
    local q = base .. 'q:' .. host
    local d = discovery(host, q)
    if d == false then
      r = redis.call('ZPOPMIN', q)
    elseif d[1] ~= nil then
      r = d
    else
      reading = d[2]
    end
  end
  if reading ~= nil then
    -- Its other requests wait for the read: offered again on its ack, or at its deadline.
    redis.call('ZADD', ready, reading, host)
  elseif #r == 0 then
    redis.call('ZREM', ready, host)
  else
    local token = r[1]
    redis.call('ZADD', base .. 'inflight:' .. worker, r[2], token)
    redis.call('ZADD', slots, now + hold, token)
    redis.call('DECR', base .. 'queued')
    local h = base .. 'host:' .. host
    local at = now + host_delay(host, min_ms, start_ms)
    local nxt = tonumber(redis.call('HGET', h, 'next') or '0')
    if nxt > at then at = nxt end
    redis.call('HSET', h, 'pop_at', at)
    offer(host)
    out[#out + 1] = token
  end
end
if #out > 0 then
  redis.call('SADD', base .. 'workers', worker)
  -- A worker taking leases is alive now, even if its first heartbeat (another connection)
  -- has not landed yet: without this, another worker's reclaim in that gap would take it
  -- for dead and fetch its leases again.
  redis.call('SET', base .. 'alive:' .. worker, '{}', 'PX', lease_ms, 'NX')
end
local first = redis.call('ZRANGE', ready, 0, 0, 'WITHSCORES')
local wait = -1
if #first > 0 then wait = math.max(0, tonumber(first[2]) - now) end
redis.call('SET', last, cmsgpack.pack({popid, out, wait}), 'PX', 600000)
return {out, wait}
"""

# ARGV: base, limit, worker, tokens...
_ACK = _PRELUDE + """
local done = 0
for i = 4, #ARGV do
  local n, host = finish(ARGV[3], ARGV[i])
  done = done + n
  offer(host)
end
return done
"""

# Leases whose processing Redis failed go back to their queues. ARGV: base, limit, worker,
# tokens...
_REQUEUE = _PRELUDE + """
local worker, n = ARGV[3], 0
for i = 4, #ARGV do
  local score = redis.call('ZSCORE', base .. 'inflight:' .. worker, ARGV[i])
  if score then
    requeue(worker, ARGV[i], score)
    n = n + 1
  end
end
return n
"""

# A worker that stops cleanly (or finds leases it never handed out) puts them back.
# ARGV: base, limit, worker
_RELEASE = _PRELUDE + """
local worker = ARGV[3]
local items = redis.call('ZRANGE', base .. 'inflight:' .. worker, 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do requeue(worker, items[i], items[i + 1]) end
redis.call('DEL', base .. 'inflight:' .. worker)
redis.call('SREM', base .. 'workers', worker)
return #items / 2
"""

# ARGV: base, limit
_RECLAIM = _PRELUDE + """
local moved, dead = 0, {}
for _, w in ipairs(redis.call('SMEMBERS', base .. 'workers')) do
  if redis.call('EXISTS', base .. 'alive:' .. w) == 0 then
    local items = redis.call('ZRANGE', base .. 'inflight:' .. w, 0, -1, 'WITHSCORES')
    for i = 1, #items, 2 do
      requeue(w, items[i], items[i + 1])
      moved = moved + 1
    end
    redis.call('DEL', base .. 'inflight:' .. w)
    local pending = base .. 'pending:' .. w
    for _, k in ipairs(redis.call('SMEMBERS', pending)) do
      if redis.call('HGET', base .. 'claims', k) == 'pending:' .. w then
        redis.call('HDEL', base .. 'claims', k)
      end
    end
    redis.call('DEL', pending)
    redis.call('SREM', base .. 'workers', w)
    table.insert(dead, w)
  end
end
return {moved, dead}
"""


def request_host(request: Request) -> str:
    """The politeness key of a request: its host name, as Scrapy's download slots."""
    return (urlparse_cached(request).hostname or "-").lower()


def token_host(token: bytes) -> str:
    return token.split(b"\n", 1)[0].decode()


@dataclass(frozen=True)
class Policy:
    """What every worker of a crawl must agree on (their settings)."""

    limit: int = 8  # CONCURRENT_REQUESTS_PER_DOMAIN
    delay: float = 0.0  # seconds, DOWNLOAD_DELAY
    start_delay: float | None = None  # seconds, AUTOTHROTTLE_START_DELAY; None: no AutoThrottle
    hold: float = 300.0  # seconds a popped request keeps its slot without reaching the gate
    lease: float = 30.0  # seconds, NEWSCRAWL_REDIS_LEASE: a heartbeat's TTL

    @classmethod
    def from_settings(cls, settings: Any) -> Policy:
        throttle = settings.getbool("AUTOTHROTTLE_ENABLED")
        delay = settings.getfloat("NEWSCRAWL_REDIS_DOWNLOAD_DELAY",
                                  settings.getfloat("DOWNLOAD_DELAY"))
        return cls(
            limit=max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")),
            delay=delay,
            start_delay=max(delay, settings.getfloat("AUTOTHROTTLE_START_DELAY"))
            if throttle else None,
            hold=2 * defaults.getfloat(settings, "NEWSCRAWL_REDIS_LEASE")
            + settings.getfloat("DOWNLOAD_TIMEOUT", 180),
            lease=max(defaults.getfloat(settings, "NEWSCRAWL_REDIS_LEASE"), 1.0),
        )

    def ms(self, seconds: float | None) -> int:
        return -1 if seconds is None else int(round(seconds * 1000))


class HostFrontier(Base):
    """scrapy-redis' queue base (request (de)serialization) over per-host queues."""

    def __init__(self, server: Any, spider: Any, keys: Keys, worker: str,
                 policy: Policy | None = None, serializer: Any = None):
        super().__init__(server, spider, keys.queued, serializer)
        self.keys = keys
        self.worker = worker
        self.policy = policy or Policy()
        self._pops = 0  # numbers this worker's pops (a retried pop keeps its number)
        self._push = server.register_script(_PUSH)
        self._pop = server.register_script(_POP)
        self._ack = server.register_script(_ACK)
        self._requeue = server.register_script(_REQUEUE)
        self._release = server.register_script(_RELEASE)
        self._reclaim = server.register_script(_RECLAIM)

    def _argv(self, *args: Any) -> list[Any]:
        return [self.keys.base, self.policy.limit, *args]

    def __len__(self) -> int:
        return int(self.server.get(self.keys.queued) or 0)

    def encode(self, request: Request) -> bytes:
        return request_host(request).encode() + b"\n" + self._encode_request(request)

    def decode(self, token: bytes) -> Request:
        return self._decode_request(token.split(b"\n", 1)[1])

    def push(self, request: Request | bytes, priority: int = 0, fingerprint: str = "",
             ack: bytes | None = None, discovery: bool = False) -> bool:
        """Queue a request (or its token) unless its fingerprint was seen this run; with
        `ack`, also end that lease in the same script (a redirect or retry replaces the
        leased request it came from). `discovery`: a sitemap, feed or start point, read
        before the host's other requests are taken (a Request says so itself). True when
        queued."""
        if isinstance(request, Request):
            discovery = is_discovery(request)
            priority, request = request.priority, self.encode(request)
        return bool(self._push(args=self._argv(self.worker, request, -priority, fingerprint,
                                               ack or b"", "1" if discovery else "")))

    def pop(self, n: int = 1) -> tuple[list[bytes], float | None]:
        """Up to n tokens from hosts whose turn has come, and the seconds until another
        host's turn (None: nothing queued anywhere)."""
        p = self.policy
        self._pops += 1
        tokens, wait = self._pop(args=self._argv(self.worker, n, p.ms(p.hold), p.ms(p.delay),
                                                 p.ms(p.start_delay), self._pops,
                                                 p.ms(p.lease)))
        return list(tokens), (None if wait < 0 else wait / 1000)

    def ack(self, *tokens: bytes) -> int:
        return int(self._ack(args=self._argv(self.worker, *tokens))) if tokens else 0

    def requeue(self, *tokens: bytes) -> int:
        """Put these leases back into their hosts' queues."""
        return int(self._requeue(args=self._argv(self.worker, *tokens))) if tokens else 0

    def release(self) -> int:
        """Put this worker's unfinished leases back into their hosts' queues."""
        return int(self._release(args=self._argv(self.worker)))

    def reclaim_dead(self) -> list[str]:
        """Requeue the leased requests of workers whose heartbeat expired; the dead
        workers' ids."""
        moved, dead = self._reclaim(args=self._argv())
        dead = [w.decode() if isinstance(w, bytes) else w for w in dead]
        if dead:
            logger.warning("Reclaimed %d requests leased by dead workers %s", moved,
                           ", ".join(dead))
        return dead

    def size(self) -> tuple[int, int]:
        """(queued, leased by any worker)."""
        return len(self), inflight_total(self.server, self.keys)


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


def host_status(server: Any, keys: Keys) -> dict[str, dict[str, Any]]:
    """Per host: queued requests, fetches under way, seconds until the next fetch may start
    (0: now), and the delays in force (seconds)."""
    hosts = sorted(h.decode() for h in server.smembers(keys.hosts))
    if not hosts:
        return {}
    seconds, micros = server.time()
    now = seconds * 1000 + micros // 1000
    pipe = server.pipeline(transaction=False)
    for h in hosts:
        pipe.zcard(keys.queue(h))
        pipe.zcount(keys.slots(h), now, "+inf")
        pipe.hmget(keys.host(h), "next", "crawl_delay", "throttle")
    replies = pipe.execute()
    out = {}
    for i, h in enumerate(hosts):
        queued, busy, (nxt, crawl_delay, throttle) = replies[3 * i: 3 * i + 3]
        out[h] = {
            "queued": queued,
            "fetching": busy,
            "next_fetch_in": max(0.0, (int(nxt) - now) / 1000) if nxt else 0.0,
            "crawl_delay": int(crawl_delay) / 1000 if crawl_delay else None,
            "throttle_delay": int(throttle) / 1000 if throttle else None,
        }
    return out
