"""The distributed scheduler: scrapy-redis' Scheduler, adapted for Scrapy 2.19 and leases.

What differs from `scrapy_redis.scheduler.Scheduler`, and why:

- built from our settings (NEWSCRAWL_REDIS_URL, NEWSCRAWL_REDIS_PREFIX), with our queue
  (frontier.LeasedPriorityQueue) and duplicate filter (dupefilter.RedisDupeFilter);
- `next_request()` never blocks: scrapy-redis' SCHEDULER_IDLE_BEFORE_CLOSE makes it BRPOP
  inside the reactor thread, freezing every download of the worker; waiting for work is
  the job of the worker extension's idle handler instead (worker.py);
- `close()` never flushes: the frontier is shared, one worker finishing must not clear it
  for the others (scrapy-redis flushes unless SCHEDULER_PERSIST); a worker stopping puts
  its unfinished leases back into the queue instead;
- leases: each popped request is tracked until done (leases.py, item signals) and acked;
  a request scheduled from a leased one (redirect, retry) replaces it atomically.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy_redis.scheduler import Scheduler

from .dupefilter import RedisDupeFilter
from .frontier import LeasedPriorityQueue
from .keys import connect, keys_from_settings
from .leases import lease_all_done, lease_done, lease_item

logger = logging.getLogger(__name__)

LEASE_META = "newscrawl_lease"  # the lease token of the request this one came from


class RedisScheduler(Scheduler):
    def __init__(self, crawler: Crawler, server: Any):
        super().__init__(server, persist=True)
        self.crawler = crawler
        self.stats = crawler.stats
        self.worker: str = crawler.settings["NEWSCRAWL_WORKER_ID"]
        # lease token -> [items not yet through the pipelines, callback output finished]
        self._open: dict[bytes, list[Any]] = {}
        self._item_lease: dict[int, bytes] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        server = connect(crawler.settings["NEWSCRAWL_REDIS_URL"])
        server.ping()  # fail at start, with the URL in the error, not at the first request
        scheduler = cls(crawler, server)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(scheduler._item_done, signal=signal)
        crawler.signals.connect(scheduler.item_from, signal=lease_item)
        crawler.signals.connect(scheduler.output_done, signal=lease_done)
        crawler.signals.connect(scheduler.ack_all, signal=lease_all_done)
        return scheduler

    def open(self, spider: Any) -> None:
        self.spider = spider
        self.keys = keys_from_settings(self.crawler.settings, spider.name)
        self.queue = LeasedPriorityQueue(self.server, spider, self.keys, self.worker)
        self.df = RedisDupeFilter(self.server, self.keys.dupefilter,
                                  debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"),
                                  fingerprinter=self.crawler.request_fingerprinter)
        if len(self.queue):
            logger.info("Joining the crawl: %d requests queued in Redis", len(self.queue))

    def close(self, reason: str) -> None:
        released = self.queue.release()
        if released:
            logger.info("Put %d unfinished requests back into the Redis queue", released)

    def has_pending_requests(self) -> bool:
        return len(self.queue) > 0

    def enqueue_request(self, request: Request) -> bool:
        # A copy of a leased request carries its token. A redirect or retry replaces the
        # leased request (that lease ends as this one is queued); any other request that
        # merely copied the meta is new work, and its parent is not done yet.
        token = request.meta.pop(LEASE_META, None)
        replaces = "redirect_urls" in request.meta or "retry_times" in request.meta
        parent = token if replaces else None
        if parent is not None:
            self._open.pop(parent, None)
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            if parent is not None:
                self.queue.ack(parent)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request, ack=parent)
        return True

    def next_request(self) -> Request | None:
        popped = self.queue.pop()
        if popped is None:
            return None
        request, token = popped
        request.meta[LEASE_META] = token
        self._open[token] = [0, False]
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    # -- lease bookkeeping (called by leases.LeaseMiddleware and item signals) ------------

    def item_from(self, item: Any, response: Response | None, **kwargs: Any) -> None:
        token = _token(response)
        if token in self._open:
            self._open[token][0] += 1
            self._item_lease[id(item)] = token

    def output_done(self, request: Request, **kwargs: Any) -> None:
        token = request.meta.get(LEASE_META)
        if token in self._open:
            self._open[token][1] = True
            self._maybe_ack(token)

    def _item_done(self, item: Any, **kwargs: Any) -> None:
        token = self._item_lease.pop(id(item), None)
        if token in self._open:
            self._open[token][0] -= 1
            self._maybe_ack(token)

    def _maybe_ack(self, token: bytes) -> None:
        pending, finished = self._open[token]
        if finished and pending <= 0:
            del self._open[token]
            self.queue.ack(token)

    def ack_all(self, **kwargs: Any) -> None:
        """The engine is idle: everything this worker popped is done."""
        self._open.clear()
        self._item_lease.clear()
        self.queue.ack_all()


def _token(response: Any) -> bytes | None:
    request = getattr(response, "request", None)
    return request.meta.get(LEASE_META) if request is not None else None
