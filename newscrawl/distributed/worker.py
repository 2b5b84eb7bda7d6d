"""The worker's life in a distributed crawl:

- a heartbeat key with a TTL (NEWSCRAWL_REDIS_LEASE seconds) that keeps its leases; when it
  expires (worker killed, machine gone) another worker reclaims its in-flight requests;
- every heartbeat: reclaim dead workers' requests, publish progress counters, obey a stop
  request (`newscrawl redis stop`);
- when idle: ack everything it popped, wait for work while the frontier (queued + leased
  anywhere) is non-empty, and stop once it has been empty for NEWSCRAWL_REDIS_IDLE_TIMEOUT
  seconds;
- every POLL_INTERVAL: wake the engine up. Scrapy asks an idle scheduler for requests only
  on its 5-s heartbeat, so a waiting worker would notice new work (and its idle timeout)
  that late, and a short crawl would be over before a second worker joined in.

Redis calls are synchronous (redis-py) and short; they run in the reactor thread.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from .frontier import LeasedPriorityQueue, inflight_total
from .keys import connect, keys_from_settings
from .leases import lease_all_done

logger = logging.getLogger(__name__)

POLL_INTERVAL = 1.0  # seconds between wake-ups of an idle engine


class Worker:
    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.worker: str = settings["NEWSCRAWL_WORKER_ID"]
        self.lease = max(settings.getfloat("NEWSCRAWL_REDIS_LEASE", 30), 1.0)
        self.idle_timeout = settings.getfloat("NEWSCRAWL_REDIS_IDLE_TIMEOUT", 60)
        self.server = connect(settings["NEWSCRAWL_REDIS_URL"])
        self.empty_since: float | None = None
        self.counts: Counter[str] = Counter()
        self.heartbeat: task.LoopingCall | None = None
        self.poller: task.LoopingCall | None = None
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Worker:
        if not crawler.settings.get("NEWSCRAWL_REDIS_URL"):
            raise NotConfigured("NEWSCRAWL_REDIS_URL is not set")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.crawler.stats.set_value("newscrawl/distributed/worker", 1)  # for RunHealth
        self.keys = keys_from_settings(self.crawler.settings, spider.name)
        self.queue = LeasedPriorityQueue(self.server, spider, self.keys, self.worker)
        self.beat()
        self.heartbeat = task.LoopingCall(self.beat)
        self.heartbeat.start(self.lease / 3, now=False)
        self.poller = task.LoopingCall(self.poll)
        self.poller.start(POLL_INTERVAL, now=False)

    def poll(self) -> None:
        # No public API wakes the engine; this is what ExecutionEngine.crawl() does. A busy
        # engine returns at once (it pulls requests only while it has room).
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def beat(self) -> None:
        info = {"pid_host": self.worker, "run": self.crawler.settings.get("NEWSCRAWL_RUN_ID"),
                "at": time.time()}
        pipe = self.server.pipeline(transaction=False)
        pipe.set(self.keys.alive(self.worker), json.dumps(info), px=int(self.lease * 1000))
        for name, n in self.counts.items():
            pipe.hincrby(self.keys.counters, name, n)
        pipe.execute()
        self.counts.clear()
        self.reclaim()
        if not self.stopping and self.server.exists(self.keys.stop):
            self.stopping = True
            logger.info("Stop requested in Redis (%s): worker %s closing", self.keys.stop,
                        self.worker)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="shutdown"))

    def reclaim(self) -> None:
        """Requeue dead workers' leases; abandon what they staged in the shared crawl state
        (their state runs, <run>.<worker>, never commit: those articles are new next run)."""
        dead = self.queue.reclaim_dead()
        run = self.crawler.settings.get("NEWSCRAWL_REDIS_RUN")
        if not dead or not run:
            return
        from ..state import run_context

        state = run_context(self.crawler).state
        if state is not None:
            for w in dead:
                state.abandon_run(f"{run}.{w}")

    def response_received(self, response: Any, **kwargs: Any) -> None:
        self.counts["responses"] += 1

    def item_scraped(self, **kwargs: Any) -> None:
        self.counts["articles"] += 1

    def item_dropped(self, **kwargs: Any) -> None:
        self.counts["dropped"] += 1

    def spider_idle(self, spider: Any) -> None:
        # The engine has nothing downloading or scraping: every lease this worker holds
        # is finished (acks the middlewares could not see, e.g. a response dropped by a
        # downloader middleware, are made here).
        self.crawler.signals.send_catch_log(lease_all_done)
        self.reclaim()
        if self.stopping:
            return
        queued = len(self.queue)
        leased = inflight_total(self.server, self.keys)
        if queued or leased:
            self.empty_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.empty_since is None:
            self.empty_since = now
        if now - self.empty_since < self.idle_timeout:
            raise DontCloseSpider
        logger.info("Frontier empty for %.0f s (NEWSCRAWL_REDIS_IDLE_TIMEOUT): worker %s done",
                    now - self.empty_since, self.worker)

    def spider_closed(self, spider: Any, reason: str) -> None:
        for loop in (self.heartbeat, self.poller):
            if loop is not None and loop.running:
                loop.stop()
        self.beat_counts_only()
        self.server.delete(self.keys.alive(self.worker))

    def beat_counts_only(self) -> None:
        if self.counts:
            pipe = self.server.pipeline(transaction=False)
            for name, n in self.counts.items():
                pipe.hincrby(self.keys.counters, name, n)
            pipe.execute()
            self.counts.clear()
