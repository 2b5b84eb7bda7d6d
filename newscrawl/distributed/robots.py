"""robots.txt once per host per run for the whole cluster.

The single-machine middleware (middlewares/robotstxt.py: RFC 9309, 5xx or unreachable means
"disallow the host", Crawl-delay) fetches robots.txt in every process: N workers fetch it N
times and could disagree (one gets a 503, another a 200). A worker asks Redis first:

- the host's verdict is cached there (`<prefix>:<spider>:robots:<host:port>`, a hash: HTTP
  status, body, reason, URL) with a TTL of NEWSCRAWL_ROBOTS_CACHE_TTL seconds (24 h, the
  longest RFC 9309 lets a cached copy be used); `newscrawl redis seed` of a new run drops
  it, so each run reads robots.txt afresh;
- missing, one worker takes a lock (SET NX with a TTL: a fetcher that dies frees it) and
  fetches it, through the politeness gate like any request; the others wait for the
  verdict. Unreachable or 5xx is cached too: the host is disallowed for every worker;
- a worker keeps the parsed verdict until the cached one expires, then asks again.

The Crawl-delay goes to the host's entry in Redis (gate.py), not to a local download slot.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from .. import defaults
from ..faults import describe
from ..middlewares.robotstxt import StrictRobotsTxtMiddleware
from .gate import ROBOTS_META, SEND_MARGIN
from .keys import Keys, keys_from_settings
from .link import link_for

logger = logging.getLogger(__name__)

MAX_BODY = 500 * 1024  # bytes of robots.txt kept; RFC 9309 asks parsers to read at least this
WAIT = 0.2  # seconds between looks while another worker fetches robots.txt

# KEYS: the verdict, the lock; ARGV: worker, lock TTL (ms)
# -> {'cached', status, body, reason, url, ttl ms} | {'fetch'} | {'wait'}
_LOOKUP = """
local e = redis.call('HMGET', KEYS[1], 'status', 'body', 'reason', 'url')
if e[1] then return {'cached', e[1], e[2], e[3], e[4], redis.call('PTTL', KEYS[1])} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'fetch'} end
-- Ours already (this lookup retried after its answer was lost): fetch.
if redis.call('GET', KEYS[2]) == ARGV[1] then return {'fetch'} end
return {'wait'}
"""


def _store(server: Any, verdict: str, lock: str, record: dict[str, Any], ttl: float) -> None:
    pipe = server.pipeline(transaction=True)
    pipe.hset(verdict, mapping=record)
    pipe.pexpire(verdict, int(ttl * 1000))
    pipe.delete(lock)
    pipe.execute()


# The host's Crawl-delay (ms), counted from its last fetch already: the robots.txt fetch
# itself comes no closer to the next request than the site asks. KEYS: host; ARGV: delay,
# the gate's send margin (ms)
_SET_CRAWL_DELAY = """
redis.call('HSET', KEYS[1], 'crawl_delay', ARGV[1])
local last = redis.call('HGET', KEYS[1], 'last')
if last then
  local at = tonumber(last) + tonumber(ARGV[1]) + tonumber(ARGV[2])
  if at > tonumber(redis.call('HGET', KEYS[1], 'next') or '0') then
    redis.call('HSET', KEYS[1], 'next', at)
  end
end
return 1
"""


class ClusterRobotsTxtMiddleware(StrictRobotsTxtMiddleware):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.link = link_for(crawler)
        self.worker: str = settings["NEWSCRAWL_WORKER_ID"]
        self.ttl = defaults.getfloat(settings, "NEWSCRAWL_ROBOTS_CACHE_TTL")
        # The fetch, its retries and backoffs; a fetcher that dies frees the lock then.
        self.lock_ttl = (settings.getfloat("DOWNLOAD_TIMEOUT", 180)
                         * (settings.getint("RETRY_TIMES", 2) + 1) + 60)
        self._lookup = self.link.server.register_script(_LOOKUP)
        self._set_crawl_delay = self.link.server.register_script(_SET_CRAWL_DELAY)
        self._expires: dict[str, float] = {}  # netloc -> monotonic time the verdict expires
        self._keys: Keys | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterRobotsTxtMiddleware:
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        return cls(crawler)

    @property
    def keys(self) -> Keys:
        if self._keys is None:
            assert self.crawler.spider is not None  # asked while the spider crawls
            self._keys = keys_from_settings(self.crawler.settings, self.crawler.spider.name)
        return self._keys

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        expires = self._expires.get(netloc)
        if expires is not None and time.monotonic() >= expires:
            del self._expires[netloc]
            if not isinstance(self._parsers.get(netloc), Deferred):
                self._parsers.pop(netloc, None)
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            try:
                await self._from_cluster(request, netloc)
            except Exception as e:  # Redis gone: nothing is allowed without the verdict
                self._unavailable(netloc, f"no verdict from Redis: {e}",
                                  f"{netloc}/robots.txt")
                self._expires[netloc] = time.monotonic()  # ask again next time
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    async def _from_cluster(self, request: Request, netloc: str) -> None:
        verdict, lock = self.keys.robots(netloc), self.keys.robots_lock(netloc)
        while True:
            found = await maybe_deferred_to_future(self.link.call(
                self._lookup, keys=[verdict, lock],
                args=[self.worker, int(self.lock_ttl * 1000)]))
            kind = found[0].decode()
            if kind == "cached":
                status, body, reason, url, ttl = found[1:]
                self._stats.inc_value("newscrawl/robotstxt/from_cluster")
                self._expires[netloc] = time.monotonic() + max(int(ttl), 0) / 1000
                await self._apply(int(status), body, reason.decode(), url.decode(), netloc,
                                  request)
                return
            if kind == "fetch":
                break
            await sleep(WAIT)
        status, body, reason, url = await self._fetch(request)
        record = {"status": status, "body": body, "reason": reason, "url": url}
        await maybe_deferred_to_future(self.link.call(_store, self.link.server, verdict, lock,
                                                      record, self.ttl))
        self._expires[netloc] = time.monotonic() + self.ttl
        await self._apply(status, body, reason, url, netloc, request)

    async def _fetch(self, request: Request) -> tuple[int, bytes, str, str]:
        """(HTTP status or 0 when unreachable, body, reason, URL)."""
        parts = urlparse_cached(request)
        url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        robots = Request(url, priority=self.DOWNLOAD_PRIORITY, callback=NO_CALLBACK,
                         meta={"dont_obey_robotstxt": True, ROBOTS_META: True})
        self._stats.inc_value("robotstxt/request_count")
        self._stats.inc_value("newscrawl/robotstxt/fetched_for_cluster")
        try:
            response = await self.crawler.engine.download_async(robots)
        except Exception as e:
            if not isinstance(e, IgnoreRequest):
                logger.error("Error downloading %s: %s", url, e)
            code, reason, _ = describe(e)
            return 0, b"", f"{code}: {reason}", url
        return response.status, response.body[:MAX_BODY], f"HTTP {response.status}", response.url

    async def _apply(self, status: int, body: bytes, reason: str, url: str, netloc: str,
                     request: Request) -> None:
        if status == 0:
            self._unavailable(netloc, reason, url)
        else:
            await self._parse_robots(Response(url, status=status, body=body), netloc, request)

    def _apply_crawl_delay(self, key: str, delay: float) -> None:
        self.link.send(self._set_crawl_delay, keys=[self.keys.host(key)],
                       args=[int(round(delay * 1000)), int(SEND_MARGIN * 1000)])
