"""The worker's life in a distributed crawl:

- a heartbeat key with a TTL (NEWSCRAWL_REDIS_LEASE seconds) that keeps its leases; when it
  expires (worker killed, machine gone) another worker reclaims its in-flight requests;
- every heartbeat: reclaim dead workers' requests, publish progress counters, obey a stop
  request (`newscrawl redis stop`);
- when idle: ack everything it handed out, wait for work while the frontier (queued +
  leased anywhere) is non-empty, and stop once it has been empty for
  NEWSCRAWL_REDIS_IDLE_TIMEOUT seconds;
- every POLL_INTERVAL: learn the frontier's size and wake the engine up. Scrapy asks an
  idle scheduler for requests only on its 5-s heartbeat, so a waiting worker would notice
  new work (and its idle timeout) that late, and a short crawl would be over before a
  second worker joined in;
- Redis unreachable for longer than NEWSCRAWL_REDIS_OUTAGE (link.py): close with reason
  `redis_unavailable` (a non-zero exit status).

No Redis call runs in the reactor thread: the heartbeat has a link of its own (it must not
wait behind the frontier's calls), everything else goes through the crawl's main link.
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
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet import task
from twisted.python.failure import Failure

from .. import defaults
from .frontier import HostFrontier, Policy
from .keys import keys_from_settings
from .leases import lease_all_done
from .link import RedisGone, link_for
from .scheduler import wake_engine

logger = logging.getLogger(__name__)

POLL_INTERVAL = 1.0  # seconds between wake-ups of an idle engine


class Worker:
    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.worker: str = settings["NEWSCRAWL_WORKER_ID"]
        self.lease = max(defaults.getfloat(settings, "NEWSCRAWL_REDIS_LEASE"), 1.0)
        self.idle_timeout = defaults.getfloat(settings, "NEWSCRAWL_REDIS_IDLE_TIMEOUT")
        self.link = link_for(crawler)
        self.beat_link = link_for(crawler, "beat")
        self.empty_since: float | None = None
        self.frontier_size: tuple[int, int] | None = None  # (queued, leased), last seen
        self.counts: Counter[str] = Counter()
        self.heartbeat: task.LoopingCall | None = None
        self.poller: task.LoopingCall | None = None
        self.stopping = False
        self.beating = False
        self.sizing = False

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
        policy = Policy.from_settings(self.crawler.settings)
        self.queue = HostFrontier(self.link.server, spider, self.keys, self.worker, policy)
        self.beat_queue = HostFrontier(self.beat_link.server, spider, self.keys, self.worker,
                                       policy)
        self.beat()
        self.heartbeat = task.LoopingCall(self.beat)
        self.heartbeat.start(self.lease / 3, now=False)
        self.poller = task.LoopingCall(self.poll)
        self.poller.start(POLL_INTERVAL, now=False)

    # -- periodic ---------------------------------------------------------------------------

    def poll(self) -> None:
        if self.link.gone is not None or self.beat_link.gone is not None:
            self.close("redis_unavailable", self.link.gone or self.beat_link.gone)
            return
        if not self.sizing and not self.link.paused:
            self.sizing = True
            self.link.call(self.queue.size).addCallbacks(self._sized, self._size_failed)
        wake_engine(self.crawler)

    def _sized(self, size: tuple[int, int]) -> None:
        self.sizing = False
        self.frontier_size = size

    def _size_failed(self, failure: Failure) -> None:
        self.sizing = False
        self.frontier_size = None

    def beat(self) -> None:
        if self.beating:  # the last one still waits for Redis
            return
        self.beating = True
        info = {"pid_host": self.worker, "run": self.crawler.settings.get("NEWSCRAWL_RUN_ID"),
                "at": time.time()}
        counts, self.counts = self.counts, Counter()
        d = self.beat_link.call(self._beat, json.dumps(info), counts)
        d.addCallbacks(self._beaten, self._beat_failed, errbackArgs=(counts,))

    def _beat(self, info: str, counts: Counter[str]) -> tuple[list[str], bool]:
        """In the beat link's thread."""
        server = self.beat_link.server
        pipe = server.pipeline(transaction=False)
        pipe.set(self.keys.alive(self.worker), info, px=int(self.lease * 1000))
        for name, n in counts.items():
            pipe.hincrby(self.keys.counters, name, n)
        pipe.exists(self.keys.stop)
        stop = pipe.execute()[-1]
        return self.beat_queue.reclaim_dead(), bool(stop)

    def _beaten(self, result: tuple[list[str], bool]) -> None:
        self.beating = False
        dead, stop = result
        self._abandon(dead)
        if stop and not self.stopping:
            logger.info("Stop requested in Redis (%s): worker %s closing", self.keys.stop,
                        self.worker)
            self.close("shutdown")

    def _beat_failed(self, failure: Failure, counts: Counter[str]) -> None:
        self.beating = False
        self.counts.update(counts)  # sent with the next beat
        if not failure.check(RedisGone):
            logger.error("Heartbeat failed: %s", failure.getErrorMessage())

    def _abandon(self, dead: list[str]) -> None:
        """Abandon what dead workers staged in the shared crawl state (their state runs,
        <run>.<worker>, never commit: those articles are new next run)."""
        run = self.crawler.settings.get("NEWSCRAWL_REDIS_RUN")
        if not dead or not run:
            return
        from ..state import run_context

        state = run_context(self.crawler).state
        if state is not None:
            for w in dead:
                self.link.send(state.abandon_run, f"{run}.{w}")

    def close(self, reason: str, why: Any = None) -> None:
        if self.stopping:
            return
        self.stopping = True
        if why is not None:
            logger.error("Worker %s closing (%s): %s", self.worker, reason, why)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    # -- signals ----------------------------------------------------------------------------

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
        settled = self.crawler.signals.send_catch_log(lease_all_done)
        if any(isinstance(n, int) and n for _, n in settled):
            self.frontier_size = None  # measured again after those acks (the link's order)
        if self.stopping:
            return
        if self.link.paused or self.frontier_size is None:
            # Redis away (the link retries; worker.poll closes after the outage limit), or
            # the frontier's size not known yet: not a reason to stop.
            self.empty_since = None
            raise DontCloseSpider
        queued, leased = self.frontier_size
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

    async def spider_closed(self, spider: Any, reason: str) -> None:
        for loop in (self.heartbeat, self.poller):
            if loop is not None and loop.running:
                loop.stop()
        counts, self.counts = self.counts, Counter()
        try:
            await maybe_deferred_to_future(self.beat_link.call(self._leave, counts))
        except Exception as e:
            logger.warning("Could not sign off in Redis: %s", e)

    def _leave(self, counts: Counter[str]) -> None:
        server = self.beat_link.server
        pipe = server.pipeline(transaction=False)
        for name, n in counts.items():
            pipe.hincrby(self.keys.counters, name, n)
        pipe.delete(self.keys.alive(self.worker))
        pipe.execute()
