"""The switch: with NEWSCRAWL_REDIS_URL set, a crawl becomes a worker of a distributed crawl.

An add-on (Scrapy's ADDONS) because it must change settings before the crawler builds its
components: the scheduler, the duplicate filter, and the worker's own middlewares,
extension and pipeline. Without the setting it does nothing and imports nothing: the module
itself imports neither redis nor scrapy_redis.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import Settings

from ..errors import require
from .keys import default_worker_id

logger = logging.getLogger(__name__)

_PKG = "newscrawl.distributed"
_PROJECT = 20  # SETTINGS_PRIORITIES["project"]


class DistributedAddon:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DistributedAddon:
        return cls(crawler)

    def update_settings(self, settings: Settings) -> None:
        url = settings.get("NEWSCRAWL_REDIS_URL")
        if not url:
            return
        for module in ("redis", "scrapy_redis"):  # else one line naming the extra
            require(module, "redis", "a distributed crawl (NEWSCRAWL_REDIS_URL)")
        if not settings.get("NEWSCRAWL_WORKER_ID"):
            _default(settings, "NEWSCRAWL_WORKER_ID", default_worker_id())
        # Over the project's own scheduler (settings.py), which it replaces: the same rules.
        _default(settings, "SCHEDULER", f"{_PKG}.scheduler.RedisScheduler")
        settings.set("DUPEFILTER_CLASS", f"{_PKG}.dupefilter.RedisDupeFilter", "addon")
        settings["SPIDER_MIDDLEWARES"][f"{_PKG}.leases.LeaseSpiderMiddleware"] = 1
        settings["SPIDER_MIDDLEWARES"][f"{_PKG}.start.SeededStartMiddleware"] = 2
        # Dates sitemaps and feeds list for articles, shared (the fetcher may be another).
        settings["SPIDER_MIDDLEWARES"][f"{_PKG}.listed.ListedDatesSpiderMiddleware"] = 3
        settings["DOWNLOADER_MIDDLEWARES"][f"{_PKG}.listed.ListedDatesDownloaderMiddleware"] = 5
        settings["DOWNLOADER_MIDDLEWARES"][f"{_PKG}.leases.LeaseDownloaderMiddleware"] = 1
        _cluster_politeness(settings)
        settings["EXTENSIONS"][f"{_PKG}.parts.PartWriter"] = 520
        settings["EXTENSIONS"][f"{_PKG}.worker.Worker"] = 530
        settings["EXTENSIONS"][f"{_PKG}.templates.TemplateSync"] = 540
        # After the per-process DedupPipeline (600): the claim makes it once across workers.
        settings["ITEM_PIPELINES"][f"{_PKG}.claims.ClaimPipeline"] = 650
        # Each worker writes its own parts (parts.py: JSON Lines and WARC), durable record
        # by record; the run's feed, archive and file list are made from the parts by
        # `newscrawl redis merge`. So the single-machine feed and archive are off, and so
        # are per-process run folders (a lock and crash recovery by the next local run, which
        # do not fit workers sharing a run); unless given on the command line (-O, -s
        # NEWSCRAWL_ARCHIVE_DIR=..., ...).
        for name, off in (("FEEDS", {}), ("NEWSCRAWL_ARCHIVE_DIR", ""),
                          ("NEWSCRAWL_RUNS_DIR", "")):
            _default(settings, name, off)
        # The incremental crawl state is shared in Redis: versions and "new or changed"
        # verdicts hold across workers and runs, and learned site templates (merged on
        # save, pipelines/templates.py) are shared by every worker.
        _default(settings, "NEWSCRAWL_STATE_BACKEND", f"{_PKG}.state.RedisCrawlState")
        # The run id the crawl was seeded with names this worker's part, so the parts of one
        # run belong together. Each worker commits what it staged in the state as its own
        # state run, <run>.<worker>, once its part is written: a killed worker's articles
        # stay uncommitted and count as new again next run.
        run = _seeded_run(settings, self.crawler.spidercls.name)
        if run:
            settings.set("NEWSCRAWL_REDIS_RUN", run, "addon")
            if not settings.get("NEWSCRAWL_RUN_ID"):
                _default(settings, "NEWSCRAWL_RUN_ID",
                         f"{run}.{settings['NEWSCRAWL_WORKER_ID']}")
        logger.info("Distributed crawl: worker %s on %s", settings["NEWSCRAWL_WORKER_ID"],
                    _redact(url))


def _cluster_politeness(settings: Settings) -> None:
    """Per-host concurrency, delays, Crawl-delay, AutoThrottle and robots.txt for the whole
    cluster (gate.py, frontier.py, robots.py) instead of per process. Scrapy's own delay
    and AutoThrottle are switched off in the worker: they would only wait on top of the
    gate's turns. The configured DOWNLOAD_DELAY is the cluster's."""
    mw = settings["DOWNLOADER_MIDDLEWARES"]
    mw[f"{_PKG}.gate.PolitenessGate"] = 950  # innermost: right before the download handler
    if settings.getbool("ROBOTSTXT_OBEY"):
        for name, order in list(mw.items()):
            if name == "newscrawl.middlewares.robotstxt.StrictRobotsTxtMiddleware" and order:
                mw[name] = None
                mw[f"{_PKG}.robots.ClusterRobotsTxtMiddleware"] = order
    settings["EXTENSIONS"]["scrapy.extensions.throttle.AutoThrottle"] = None
    if settings.get("NEWSCRAWL_REDIS_DOWNLOAD_DELAY") is None:
        settings.set("NEWSCRAWL_REDIS_DOWNLOAD_DELAY", settings.getfloat("DOWNLOAD_DELAY"),
                     "addon")
    settings.set("DOWNLOAD_DELAY", 0.0, max(settings.getpriority("DOWNLOAD_DELAY") or 0, 15))


def _default(settings: Settings, name: str, value: Any) -> None:
    """Override a project default (settings.py), never a command-line or spider setting.
    At "project" priority: the "addon" priority is below it and would not take."""
    if (settings.getpriority(name) or 0) <= _PROJECT:  # None: not set at all
        settings.set(name, value, "project")


def _seeded_run(settings: Settings, spider_name: str) -> str | None:
    import redis

    from .keys import connect, keys_from_settings

    server = connect(settings["NEWSCRAWL_REDIS_URL"])
    try:
        run = server.get(keys_from_settings(settings, spider_name).run)
    except redis.RedisError as e:
        raise RuntimeError(f"Redis at {_redact(settings['NEWSCRAWL_REDIS_URL'])} "
                           f"(NEWSCRAWL_REDIS_URL): {e}") from e
    return run.decode() if run else None


def _redact(url: str) -> str:
    """redis://user:secret@host -> redis://user:***@host, for logs."""
    if "@" not in url:
        return url
    scheme, _, rest = url.partition("://")
    creds, _, host = rest.rpartition("@")
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"

