"""The distributed scheduler: scrapy-redis' scheduler idea (a frontier and a duplicate filter
in Redis), rebuilt around the host-partitioned frontier, leases and a reactor that never
waits for Redis.

- Every Redis call goes through the worker's link (link.py): a thread, calls in order.
  `next_request()` answers from a small local buffer and, when it is empty, asks the link
  for as many requests as the engine has room for, from hosts whose turn has come
  (frontier.py); when they arrive, or when the next host's turn comes, it wakes the engine.
  `enqueue_request()` hands the request to the link (duplicate filter and queue in one
  script) and answers True at once: the request is in Redis before anything ordered after
  it, in particular before the lease of the request it came from is acked.
- `close()` never flushes the shared frontier (scrapy-redis does unless SCHEDULER_PERSIST):
  a worker stopping puts its unfinished leases back instead.
- leases: each popped request is tracked until done (leases.py, item signals) and acked; a
  request scheduled from a leased one (redirect, retry) replaces it atomically; a request
  whose processing failed because Redis did (a crawl-state lookup, a claim) is put back into
  the queue, not acked.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any

from scrapy import Request, signals
from scrapy.core.scheduler import BaseScheduler
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.internet import reactor
from twisted.python.failure import Failure

from ..discovery.first import is_discovery
from .dupefilter import RedisDupeFilter
from .frontier import HostFrontier, Policy
from .gate import LEASE_META
from .keys import keys_from_settings
from .leases import lease_all_done, lease_done, lease_item
from .link import RedisGone, link_for

logger = logging.getLogger(__name__)

MAX_BATCH = 16  # requests popped at most in one call
MAX_SLEEP = 1.0  # seconds: with nothing ready, look again at least this often


def _engine(crawler: Crawler) -> Any:
    try:
        return crawler.engine
    except RuntimeError:  # not crawling (a test driving the scheduler)
        return None


def wake_engine(crawler: Crawler) -> None:
    """Make the engine ask the scheduler again now. No public API does; this is what
    ExecutionEngine.crawl() does. A busy engine returns at once."""
    slot = getattr(_engine(crawler), "_slot", None)
    if slot is not None and slot.closing is None:
        slot.nextcall.schedule()


def redis_failure(failure: Failure | None) -> bool:
    import redis

    return failure is not None and failure.check(redis.RedisError, RedisGone) is not None


class RedisScheduler(BaseScheduler):
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.worker: str = crawler.settings["NEWSCRAWL_WORKER_ID"]
        self.link = link_for(crawler)
        self.policy = Policy.from_settings(crawler.settings)
        self.buffer: deque[tuple[Request, bytes]] = deque()
        self.popping = False
        self.closing = False
        self._wakeup: Any = None
        # lease token -> [items not yet through the pipelines, callback output finished]
        self._open: dict[bytes, list[Any]] = {}
        self._item_lease: dict[int, bytes] = {}
        self._failed: set[bytes] = set()  # leases to put back, not ack (Redis failed them)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        scheduler = cls(crawler)
        scheduler.link.server.ping()  # fail at start, with the URL in the error
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(scheduler._item_done, signal=signal)
        crawler.signals.connect(scheduler.item_from, signal=lease_item)
        crawler.signals.connect(scheduler.output_done, signal=lease_done)
        crawler.signals.connect(scheduler.ack_all, signal=lease_all_done)
        return scheduler

    def open(self, spider: Any) -> Any:
        self.spider = spider
        self.keys = keys_from_settings(self.crawler.settings, spider.name)
        self.frontier = HostFrontier(self.link.server, spider, self.keys, self.worker,
                                     self.policy)
        self.df = RedisDupeFilter(self.link.server, self.keys.dupefilter,
                                  debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"),
                                  fingerprinter=self.crawler.request_fingerprinter)

        def joined(queued: int) -> None:
            if queued:
                logger.info("Joining the crawl: %d requests queued in Redis", queued)

        return self.link.call(len, self.frontier).addCallback(joined)

    def close(self, reason: str) -> Any:
        self.closing = True
        if self._wakeup is not None and self._wakeup.active():
            self._wakeup.cancel()

        def released(n: int) -> None:
            if n:
                logger.info("Put %d unfinished requests back into the Redis queue", n)

        def failed(failure: Failure) -> None:
            logger.error("Could not put this worker's unfinished requests back (%s): the "
                         "other workers take them over once its lease (NEWSCRAWL_REDIS_LEASE) "
                         "has expired", failure.getErrorMessage())

        return self.link.call(self.frontier.release).addCallbacks(released, failed)

    def has_pending_requests(self) -> bool:
        return bool(self.buffer)

    def __len__(self) -> int:
        return len(self.buffer)

    # -- in ----------------------------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        # A copy of a leased request carries its token. A redirect or retry replaces the
        # leased request (that lease ends as this one is queued); any other request that
        # merely copied the meta is new work, and its parent is not done yet.
        token = request.meta.pop(LEASE_META, None)
        replaces = "redirect_urls" in request.meta or "retry_times" in request.meta
        parent = token if replaces else None
        if parent is not None:
            self._open.pop(parent, None)
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        d = self.link.call(self.frontier.push, self.frontier.encode(request), request.priority,
                           fingerprint, parent, is_discovery(request))
        d.addCallbacks(self._pushed, self._push_failed, callbackArgs=(request,),
                       errbackArgs=(request,))
        return True

    def _pushed(self, queued: bool, request: Request) -> None:
        if queued:
            self.stats.inc_value("scheduler/enqueued/redis")
        else:
            self.df.log(request, self.spider)

    def _push_failed(self, failure: Failure, request: Request) -> None:
        # The request is lost to this run unless the one it came from is fetched again: its
        # lease is not acked either (the link failed that too), so another worker does.
        self.stats.inc_value("newscrawl/distributed/push_failed")
        if not failure.check(RedisGone):  # said once, by the link
            logger.error("Could not queue %s in Redis: %s", request.url,
                         failure.getErrorMessage())

    # -- out ---------------------------------------------------------------------------------

    def next_request(self) -> Request | None:
        if not self.buffer:
            self._refill()
            return None
        request, token = self.buffer.popleft()
        request.meta[LEASE_META] = token
        self._open[token] = [0, False]
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def _refill(self) -> None:
        if self.popping or self.closing or self.link.paused:
            return
        engine = _engine(self.crawler)
        if engine is not None:
            downloader = engine.downloader
            room = downloader.total_concurrency - len(downloader.active) - len(self.buffer)
        else:  # not crawling (a test driving the scheduler)
            room = MAX_BATCH
        self.popping = True
        d = self.link.call(self.frontier.pop, max(1, min(room, MAX_BATCH)))
        d.addCallbacks(self._popped, self._pop_failed)

    def _popped(self, result: tuple[list[bytes], float | None]) -> None:
        self.popping = False
        tokens, wait = result
        for token in tokens:
            self.buffer.append((self.frontier.decode(token), token))
        if tokens:
            wake_engine(self.crawler)
        elif wait is not None and not self.closing:
            # Nothing may be taken now; the next host's turn comes in `wait` seconds.
            if self._wakeup is not None and self._wakeup.active():
                self._wakeup.cancel()
            # (mypy reads the zope interface's method without its self: ignore arg-type)
            self._wakeup = reactor.callLater(
                min(max(wait, 0.01), MAX_SLEEP),  # type: ignore[arg-type]
                wake_engine, self.crawler)

    def _pop_failed(self, failure: Failure) -> None:
        self.popping = False
        if not failure.check(RedisGone):
            logger.error("Taking requests from Redis failed: %s", failure.getErrorMessage())

    # -- lease bookkeeping (called by leases.LeaseMiddleware and item signals) ------------

    def item_from(self, item: Any, response: Response | None, **kwargs: Any) -> None:
        token = _token(response)
        if token in self._open:
            self._open[token][0] += 1
            self._item_lease[id(item)] = token

    def output_done(self, request: Request, failure: Failure | None = None,
                    **kwargs: Any) -> None:
        token = request.meta.get(LEASE_META)
        if token in self._open:
            if redis_failure(failure):
                self._failed.add(token)
            self._open[token][1] = True
            self._maybe_ack(token)

    def _item_done(self, item: Any, failure: Failure | None = None, **kwargs: Any) -> None:
        token = self._item_lease.pop(id(item), None)
        if token in self._open:
            if redis_failure(failure):
                self._failed.add(token)
            self._open[token][0] -= 1
            self._maybe_ack(token)

    def _maybe_ack(self, token: bytes) -> None:
        pending, finished = self._open[token]
        if finished and pending <= 0:
            del self._open[token]
            self._settle([token])

    def _settle(self, tokens: list[bytes]) -> None:
        failed = [t for t in tokens if t in self._failed]
        done = [t for t in tokens if t not in self._failed]
        if done:
            self.link.send(self.frontier.ack, *done)
        if failed:
            self._failed.difference_update(failed)
            self.stats.inc_value("newscrawl/distributed/requeued_after_redis_error",
                                 len(failed))
            self.link.send(self.frontier.requeue, *failed)

    def ack_all(self, **kwargs: Any) -> int:
        """The engine is idle: everything this worker handed out is done."""
        tokens = list(self._open)
        self._open.clear()
        self._item_lease.clear()
        self._settle(tokens)
        return len(tokens)


def _token(response: Any) -> bytes | None:
    request = getattr(response, "request", None)
    return request.meta.get(LEASE_META) if request is not None else None
