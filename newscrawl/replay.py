"""Offline crawling: a download handler that answers http(s) requests from saved fixtures.

Enabled by the NEWSCRAWL_REPLAY_DIR setting (a fixture folder); without it, requests go to
Scrapy's own HTTP handler, so the same settings serve live and offline crawls. A request with
no fixture gets a 404 response, a warning naming the URL and a stats counter.

A replay is an offline crawl: saved responses cost no server anything, so `OfflineReplay`
(an add-on) switches the politeness delays off (AutoThrottle, robots.txt Crawl-delay, retry
backoff) unless the command line sets them.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.utils.misc import build_from_crawler, load_object

from .errors import UserError
from .fixtures import FixtureIndex

logger = logging.getLogger(__name__)

# What a replay changes: no delay between requests to one (saved) site.
OFFLINE_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "NEWSCRAWL_RETRY_BACKOFF_BASE": 0.0,  # seconds
    "NEWSCRAWL_ROBOTS_MAX_CRAWL_DELAY": 0.0,  # seconds
}


class OfflineReplay:
    """Scrapy add-on: with NEWSCRAWL_REPLAY_DIR set, OFFLINE_SETTINGS override the project's
    settings (not the command line's or a spider's)."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("NEWSCRAWL_REPLAY_DIR"):
            return
        project = SETTINGS_PRIORITIES["project"]
        for name, value in OFFLINE_SETTINGS.items():
            if (settings.getpriority(name) or 0) <= project:
                settings.set(name, value, priority=project)


# One index per crawl: Scrapy builds a handler per scheme (http, https).
_INDEXES: WeakKeyDictionary[Crawler, FixtureIndex] = WeakKeyDictionary()


class ReplayDownloadHandler(BaseDownloadHandler):
    lazy = False

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        folder = crawler.settings.get("NEWSCRAWL_REPLAY_DIR")
        self.index: FixtureIndex | None = None
        self._live: BaseDownloadHandler | None = None
        if folder:
            path = Path(folder)
            if not path.is_dir():
                raise UserError(f"NEWSCRAWL_REPLAY_DIR {folder!r} is not a folder")
            self.index = _INDEXES.get(crawler)
            if self.index is None:
                self.index = _INDEXES[crawler] = FixtureIndex.from_folder(path)
                logger.info("Replaying %d saved responses from %s", len(self.index), path)

    def _live_handler(self, scheme: str) -> BaseDownloadHandler:
        if self._live is None:
            base = self.crawler.settings.getwithbase("DOWNLOAD_HANDLERS_BASE")
            self._live = build_from_crawler(load_object(base[scheme]), self.crawler)
        return self._live

    async def download_request(self, request: Request) -> Response:
        if self.index is None:
            return await self._live_handler("https").download_request(request)
        stats = self.crawler.stats
        fixture = self.index.find(request.url)
        if fixture is None:
            logger.warning("No saved response for %s in replay mode: answering 404", request.url)
            stats.inc_value("newscrawl/replay/missing")
            return Response(url=request.url, status=404, request=request,
                            headers={"Content-Type": "text/plain"}, body=b"")
        stats.inc_value("newscrawl/replay/hit")
        body = fixture.body
        headers = Headers(fixture.headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        if fixture.fetched_at:
            request.meta.setdefault(
                "newscrawl_fetched_at",
                datetime.fromisoformat(fixture.fetched_at.replace("Z", "+00:00")),
            )
        return cls(url=request.url, status=fixture.status, headers=headers, body=body,
                   request=request)

    async def close(self) -> None:
        if self._live is not None:
            await self._live.close()
