"""The politeness gate: per-host concurrency and delay kept for the whole cluster.

Scrapy's downloader keeps CONCURRENT_REQUESTS_PER_DOMAIN, DOWNLOAD_DELAY, robots.txt's
Crawl-delay and AutoThrottle per process: N workers would put N times the load on a site.
In a worker, the innermost downloader middleware asks Redis for the host's turn right
before the request goes to the wire (one Lua script, atomic over all workers):

- a slot: fewer than CONCURRENT_REQUESTS_PER_DOMAIN fetches of the host under way in the
  cluster (a request popped from the frontier already holds one, frontier.py; a request
  that did not come from it, robots.txt aside, takes one here);
- the time: not before the host's `next`, which each grant moves to now + the host's delay
  (the largest of DOWNLOAD_DELAY, its Crawl-delay and its AutoThrottle delay). After the
  grant the worker moves `next` once more, to (now + delay + SEND_MARGIN), as it hands the
  request to the download handler, so a worker that was slow between grant and send (a
  CPU-bound reactor) cannot bring the next worker's request closer than the delay.

The slot is freed when the response (or the failure) comes back; with AutoThrottle on, the
response's latency adjusts the host's shared delay in the same script, with AutoThrottle's
own rule. Scrapy's own per-process delay and AutoThrottle are switched off in a worker
(addon.py): they would only add their own waits on top.

robots.txt requests take no slot (the requests waiting for it hold theirs, so the site
still sees at most the limit) but keep the delay.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import maybe_deferred_to_future

from .frontier import _PRELUDE, Policy, request_host
from .keys import Keys, keys_from_settings
from .link import link_for

logger = logging.getLogger(__name__)

GRANT_META = "newscrawl_gate"  # (host, slot member) of a granted request
LEASE_META = "newscrawl_lease"  # the frontier token of a request popped from Redis
ROBOTS_META = "newscrawl_robots"  # a robots.txt request: no slot of its own
# Kept in hand after a send: the request still takes a few reactor turns (connection,
# write) after the gate's last word, more when the worker's CPU is busy cleaning a page.
SEND_MARGIN = 0.05  # seconds
MAX_WAIT = 2.0  # seconds between two asks for the same request (stays responsive to close)
BUSY_WAIT = 0.05  # seconds before asking again when every slot of the host is taken

# ARGV: base, limit, host, member ('' = no slot: robots.txt), DOWNLOAD_DELAY (ms),
# start delay (ms, -1: no AutoThrottle), hold (ms) -> {granted 0/1, ms (delay or wait)}
_ACQUIRE = _PRELUDE + """
local host, member, hold = ARGV[3], ARGV[4], tonumber(ARGV[7])
local slots, h = base .. 'slots:' .. host, base .. 'host:' .. host
redis.call('ZREMRANGEBYSCORE', slots, '-inf', now)
if member ~= '' and not redis.call('ZSCORE', slots, member) then
  if redis.call('ZCARD', slots) >= limit then return {0, -1} end
  redis.call('ZADD', slots, now + hold, member)
end
local nxt = tonumber(redis.call('HGET', h, 'next') or '0')
if now < nxt then return {0, nxt - now} end
local d = host_delay(host, tonumber(ARGV[5]), tonumber(ARGV[6]))
redis.call('HSET', h, 'next', now + d, 'last', now)
if member ~= '' then redis.call('ZADD', slots, now + hold, member) end
return {1, d}
"""

# ARGV: base, limit, host, delay + margin (ms). `last` is when a request of the host last
# went out (a Crawl-delay learnt later counts from it, robots.py).
_SENT = _PRELUDE + """
local h = base .. 'host:' .. ARGV[3]
local at = now + tonumber(ARGV[4])
if at > tonumber(redis.call('HGET', h, 'next') or '0') then redis.call('HSET', h, 'next', at) end
redis.call('HSET', h, 'last', now)
return at
"""

# ARGV: base, limit, host, member, latency (ms, -1: none), status, target concurrency,
# min delay (ms), max delay (ms), start delay (ms)
_DONE = _PRELUDE + """
local host, member, latency = ARGV[3], ARGV[4], tonumber(ARGV[5])
if member ~= '' then redis.call('ZREM', base .. 'slots:' .. host, member) end
if latency >= 0 then
  -- AutoThrottle's rule (scrapy.extensions.throttle), on the host's shared delay.
  local h = base .. 'host:' .. host
  local old = tonumber(redis.call('HGET', h, 'throttle') or ARGV[10])
  local target = latency / tonumber(ARGV[7])
  local new = math.max(target, (old + target) / 2)
  new = math.min(math.max(tonumber(ARGV[8]), new), tonumber(ARGV[9]))
  if ARGV[6] == '200' or new > old then redis.call('HSET', h, 'throttle', math.floor(new)) end
end
offer(host)
return 1
"""


class PolitenessGate:
    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.policy = Policy.from_settings(settings)
        self.link = link_for(crawler)
        server = self.link.server
        self._acquire = server.register_script(_ACQUIRE)
        self._sent = server.register_script(_SENT)
        self._done = server.register_script(_DONE)
        self.keys: Keys | None = None
        self.robots: Any = None  # the robots.txt middleware, for the Crawl-delays it read
        self.target = settings.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY", 1.0)
        self.max_delay = settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60.0)
        # A granted fetch holds its slot at most this long (a dead worker's slot frees).
        self.fetch_hold = settings.getfloat("DOWNLOAD_TIMEOUT", 180) + 60

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessGate:
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        return cls(crawler)

    def _base(self) -> str:
        if self.keys is None:
            assert self.crawler.spider is not None  # the gate works for an open spider
            self.keys = keys_from_settings(self.crawler.settings, self.crawler.spider.name)
        return self.keys.base

    async def process_request(self, request: Request) -> None:
        if request.url.startswith(("data:", "file:")):
            return
        host = request_host(request)
        token = request.meta.get(LEASE_META)
        if token and not self._paced(host):
            # No delay applies to the host, only its slots: the pop took one for this
            # request. Nothing to ask. (robots.txt always asks: a Crawl-delay it brings
            # counts from its fetch.)
            request.meta[GRANT_META] = (host, token)
            return
        if request.meta.get(ROBOTS_META):
            member = b""
        else:
            # A request from the frontier holds the slot its pop took; any other takes one.
            member = token or b"gate:" + secrets.token_hex(8).encode()
        p, base, waited = self.policy, self._base(), 0.0
        while True:
            granted, ms = await maybe_deferred_to_future(self.link.call(
                self._acquire, args=[base, p.limit, host, member, p.ms(p.delay),
                                     p.ms(p.start_delay), int(self.fetch_hold * 1000)]))
            if granted:
                break
            wait = BUSY_WAIT if ms < 0 else min(ms / 1000, MAX_WAIT)
            waited += wait
            await sleep(wait)
        request.meta[GRANT_META] = (host, member)
        if waited:
            self.stats.inc_value("newscrawl/politeness/waited")
            self.stats.inc_value("newscrawl/politeness/waited_ms", int(waited * 1000))
        # Even with no delay now: a Crawl-delay learnt later counts from this send.
        self.link.send(self._sent, args=[base, p.limit, host, ms + int(SEND_MARGIN * 1000)])

    def _paced(self, host: str) -> bool:
        """Does a delay apply to the host: DOWNLOAD_DELAY, AutoThrottle, or a Crawl-delay
        (every worker reads the host's robots.txt, from Redis or the site, before a
        request of the host reaches the gate)?"""
        if self.policy.delay > 0 or self.policy.start_delay is not None:
            return True
        if self.robots is None:
            self.robots = next((mw for mw in self.crawler.engine.downloader.middleware.middlewares
                                if hasattr(mw, "crawl_delays")), False)
        return bool(self.robots) and host in self.robots.crawl_delays

    def _finish(self, request: Request, response: Response | None) -> None:
        host, member = request.meta.pop(GRANT_META, (None, None))
        if host is None:
            # Refused before the gate (robots.txt, private network): free the pop's slot.
            token = request.meta.get(LEASE_META)
            if not token or request.url.startswith(("data:", "file:")):
                return
            host, member = request_host(request), token
        p = self.policy
        latency = -1
        if (response is not None and p.start_delay is not None
                and request.meta.get("download_latency") is not None
                and not request.meta.get("autothrottle_dont_adjust_delay")):
            latency = int(request.meta["download_latency"] * 1000)
        self.link.send(self._done, args=[
            self._base(), p.limit, host, member, latency,
            response.status if response is not None else 0, self.target,
            p.ms(p.delay), p.ms(self.max_delay), p.ms(p.start_delay)])

    def process_response(self, request: Request, response: Response) -> Response:
        self._finish(request, response)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._finish(request, None)
