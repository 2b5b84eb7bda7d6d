"""Crawl state shared by the incremental components of one crawl (the downloader and spider
middlewares, the incremental pipeline, the run archive): one store and one run id per
crawler, made on first use.

    NEWSCRAWL_INCREMENTAL    False: every run emits every article (no state is read)
    NEWSCRAWL_STATE_PATH     the store (default SQLite file); empty: incremental crawling off
    NEWSCRAWL_STATE_BACKEND  the CrawlState class, built with `from_settings(settings)`
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object

from .base import ArticleState, CrawlState, RunRecord, is_due, parse_schedule, utc_now

__all__ = ["ArticleState", "CrawlState", "RunContext", "RunRecord", "is_due", "new_run_id",
           "open_state", "open_store", "run_context", "spider_sites"]

DEFAULT_BACKEND = "newscrawl.state.sqlite.SqliteCrawlState"


def open_store(settings: Any, crawler: Crawler | None = None) -> CrawlState | None:
    """The configured store, or None when NEWSCRAWL_STATE_PATH is empty. For a crawl, a
    store class with `from_crawler` is built with it (the Redis state takes the worker's
    link there, to answer the crawl's components off the reactor thread)."""
    if not settings.get("NEWSCRAWL_STATE_PATH"):
        return None
    cls = load_object(settings.get("NEWSCRAWL_STATE_BACKEND") or DEFAULT_BACKEND)
    if crawler is not None and hasattr(cls, "from_crawler"):
        return cls.from_crawler(crawler)
    return cls.from_settings(settings)


def open_state(settings: Any, crawler: Crawler | None = None) -> CrawlState | None:
    """The store for incremental crawling: None when NEWSCRAWL_INCREMENTAL is off."""
    if not settings.getbool("NEWSCRAWL_INCREMENTAL"):
        return None
    return open_store(settings, crawler)


def new_run_id() -> str:
    """Sortable by start time, unique across hosts: 20250102T101500Z-3f9a1c."""
    return utc_now().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


@dataclass
class RunContext:
    run_id: str
    state: CrawlState | None
    schedule: list[tuple[float, float]] = field(default_factory=list)
    started: Any = None


def run_context(crawler: Crawler) -> RunContext:
    ctx = getattr(crawler, "_newscrawl_run", None)
    if ctx is None:
        settings = crawler.settings
        ctx = RunContext(
            run_id=settings.get("NEWSCRAWL_RUN_ID") or new_run_id(),
            state=open_state(settings, crawler),
            schedule=parse_schedule(settings.get("NEWSCRAWL_REVISIT_SCHEDULE")),
            started=utc_now(),
        )
        crawler._newscrawl_run = ctx  # type: ignore[attr-defined]
        if ctx.state is not None:
            # After spider_closed, where the run archive commits.
            crawler.signals.connect(lambda: ctx.state.close(), signal=signals.engine_stopped,
                                    weak=False)
    return ctx


def spider_sites(spider: Any) -> list[str]:
    """The `site` values (item metadata.site) a spider's articles get: its profile's name,
    else the hosts it may crawl."""
    profile = getattr(spider, "profile", None)
    if profile is not None:
        return [profile.name]
    return list(getattr(spider, "allowed_domains", None) or [])
