"""Pipeline: parse the fetched page once and locate its main content and metadata
(newscrawl.clean.article.STAGES["extract"]).

With NEWSCRAWL_CLEANING_PROCESSES = N > 0, this pipeline instead sends the whole cleaning
(every enabled stage and the rendering) to a pool of N worker processes, so that cleaning,
the CPU-heavy part of a crawl, runs in parallel with the crawl and on every core. The later
stage pipelines then find the carrier already rendered and pass it on.

"auto" (the default) decides at run time: on one core, or while the crawl process has CPU to
spare (a polite crawl waiting on its download delays; a crawl of a few pages), cleaning stays
in the crawl process and no worker costs memory or start-up. Once the crawl process is busy
(AUTO_BUSY_SHARE of a core over AUTO_WINDOW_ITEMS articles: cleaning, ~2/3 of its CPU, holds
the crawl up), one worker per core (at most AUTO_MAX_PROCESSES) starts; pages are cleaned
in the crawl process until every worker is warmed up, then in the pool. Same items either way.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from .. import defaults
from ..clean.document import NotHTML
from ..cleaning import clean_source, start_worker, worker_started
from ..items import PageCarrier, carrier_of
from .stage import StagePipeline, enabled_stages, note_charset

logger = logging.getLogger(__name__)

AUTO = "auto"
# The crawl process alone feeds ~150 generated articles a second (its share without the
# cleaning: ~6 ms CPU each); a worker cleans ~30-120 a second (real pages ~26 ms, generated
# ~8): past ~4 workers the crawl process is the bottleneck and more only cost memory.
AUTO_MAX_PROCESSES = 4
AUTO_WINDOW_ITEMS = 50  # articles over which "auto" measures how busy the crawl process is
AUTO_BUSY_SHARE = 0.6  # CPU seconds per second of the crawl process that start the workers


def usable_cores() -> int:
    """Cores this process may run on (its affinity, a container's cpuset), not the machine's."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return count() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cleaning_processes(value: object, cores: int) -> tuple[int, bool]:
    """NEWSCRAWL_CLEANING_PROCESSES read: (worker processes, whether they start only once
    the crawl process is busy). "auto": none on one core, else one a core up to
    AUTO_MAX_PROCESSES; a number: that many, started when the spider opens."""
    if str(value).strip().lower() == AUTO:
        return (0, False) if cores < 2 else (min(cores, AUTO_MAX_PROCESSES), True)
    return int(value), False  # type: ignore[call-overload]


class BusyMeter:
    """The crawl process's CPU share over windows of `window` articles: CPU seconds
    (process_time, every thread) per second of wall time."""

    def __init__(self, window: int, wall: Callable[[], float] = time.monotonic,
                 cpu: Callable[[], float] = time.process_time):
        self.window, self.wall, self.cpu = window, wall, cpu
        self.count = 0
        self.mark: tuple[float, float] | None = None

    def tick(self) -> float | None:
        """Count an article; the window's share when it is full, else None."""
        if self.mark is None:  # the first article opens the first window
            self.mark = (self.wall(), self.cpu())
            return None
        self.count += 1
        if self.count < self.window:
            return None
        now = (self.wall(), self.cpu())
        seconds, cpu = now[0] - self.mark[0], now[1] - self.mark[1]
        self.mark, self.count = now, 0
        return cpu / seconds if seconds > 0 else None


class ExtractPipeline(StagePipeline):
    stage = "extract"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.pool: ProcessPoolExecutor | None = None
        self.ready = False  # the pool takes the pages (auto: once its workers are warm)
        self.meter: BusyMeter | None = None
        self.workers, auto = cleaning_processes(
            defaults.get(crawler.settings, "NEWSCRAWL_CLEANING_PROCESSES"), usable_cores())
        if self.workers > 0:
            self.stages = enabled_stages(crawler)
            crawler.signals.connect(self.close_pool, signal=signals.engine_stopped)
            if auto:
                self.meter = BusyMeter(AUTO_WINDOW_ITEMS)
            else:
                self._make_pool()
                self.ready = True  # pages wait in the pool's queue while workers start
                crawler.signals.connect(self.start_pool, signal=signals.spider_opened)

    def _make_pool(self) -> None:
        # spawn, not fork: forking a process that runs a Twisted reactor is unsafe.
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=partial(start_worker, defaults.getint(
                self.crawler.settings, "NEWSCRAWL_GC_THRESHOLD")))
        self.stats.set_value("newscrawl/cleaning/processes", self.workers)

    def process_item(self, item: Any) -> Any:
        if self.ready:
            return self._clean_in_pool(carrier_of(item, self))
        if self.meter is not None:
            self._measure(item)
        return super().process_item(item)

    def _measure(self, item: Any) -> None:
        """auto: start the workers once the crawl process is busy; pages are cleaned here
        until all of them are warmed up."""
        share = self.meter.tick() if self.meter is not None else None
        if share is None or share < AUTO_BUSY_SHARE:
            return
        self.meter = None
        logger.info("Cleaning moves to %d worker processes: the crawl process was busy "
                    "%.0f%% of the last %d articles' time (NEWSCRAWL_CLEANING_PROCESSES=auto, "
                    "starting at %.0f%%); cleaned here until they are warmed up (at %s)",
                    self.workers, 100 * share, AUTO_WINDOW_ITEMS, 100 * AUTO_BUSY_SHARE,
                    carrier_of(item, self).url)
        self._make_pool()
        pending = self.start_pool()

        def warmed(_future: Any) -> None:  # in the pool's thread: a flag, read by the reactor
            pending.discard(_future)
            if not pending:
                self.ready = self.pool is not None

        for future in list(pending):
            future.add_done_callback(warmed)

    async def _clean_in_pool(self, carrier: PageCarrier) -> PageCarrier:
        source = carrier.source
        if "templates" in self.stages:
            from .templates import memory_for

            memory = memory_for(self.crawler)
            await memory.load(source.site or "")
            source.known_templates = memory.known(source.site or "")
        loop = asyncio.get_running_loop()
        try:
            rendered = await loop.run_in_executor(self.pool, clean_source, source, carrier.url,
                                                  self.stages)
        except NotHTML as exc:
            self.stats.inc_value("newscrawl/dropped/not_html")
            raise DropItem(f"{carrier.url}: not an HTML page: {exc}") from exc
        note_charset(self.stats, carrier.url, rendered.fields["metadata"].get("encoding"))
        carrier.accept(rendered)
        return carrier

    def start_pool(self) -> set[Any]:
        """Spawn the workers now rather than on the first pages: their start (a Python
        process, its imports, warm_up: ~1 s CPU each) then overlaps with robots.txt and the
        sitemaps (or, in auto mode, with the pages cleaned here meanwhile) instead of
        holding up articles. The pool spawns a worker per submitted task while none is
        idle, up to max_workers. Returns the warm-up tasks."""
        if self.pool is None:
            return set()
        return {self.pool.submit(worker_started) for _ in range(self.workers)}

    def close_pool(self) -> None:
        self.ready = False
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
