"""Downloader middleware: fetch known articles only when due, and conditionally.

For article requests (never discovery pages: home, sections, sitemaps, feeds) whose URL the
crawl state knows:

- not due for a revisit (NEWSCRAWL_REVISIT_SCHEDULE) -> skipped before fetching
  (`newscrawl/incremental/not_due`);
- due -> sent with If-None-Match / If-Modified-Since from the stored validators; a 304 is
  recorded as "seen, unchanged" and goes no further: no parsing
  (`newscrawl/incremental/not_modified`);
- 404 or 410 -> the article was deleted: recorded, not revisited again, not a fetch error
  (`newscrawl/incremental/gone`).

A known article's request also carries the sitemap or feed date the state remembers for it
(`ARCHIVED_LISTED_META`): the spider cleans the page with it when this run has not listed
the article (yet), so the date a sitemap gave once is not lost to a later fetch.

The three outcomes raise subclasses of StateSkip (an IgnoreRequest), which the spider's
errback passes over in silence.

The state is read and written through `state.call`: a shared store (Redis) answers in a
thread of its own while the reactor goes on with other requests; a failed call fails the
request (a distributed worker puts it back into the queue: distributed/scheduler.py).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from ..state import is_due, run_context
from ..state.base import utc_now

logger = logging.getLogger(__name__)

ARTICLE_ROLES = ("article", "revisit")
ARCHIVED_LISTED_META = "newscrawl_archived_listed_date"


class StateSkip(IgnoreRequest):
    """A request the crawl state made unnecessary: not a failure."""


class NotDue(StateSkip):
    pass


class NotModified(StateSkip):
    pass


class Gone(StateSkip):
    pass


class ConditionalRequestMiddleware:
    def __init__(self, crawler: Crawler):
        self.run = run_context(crawler)
        if self.run.state is None:
            raise NotConfigured("incremental off (NEWSCRAWL_INCREMENTAL, NEWSCRAWL_STATE_PATH)")
        self.state = self.run.state
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        role = request.meta.get("newscrawl_role")
        if role not in ARTICLE_ROLES:
            return None
        known = await self.state.call(self.state.find, request.url)
        if known is None:
            return None
        # Revisit requests were chosen because they were due; discovered links are checked.
        if role == "article" and not is_due(known, utc_now(), self.run.schedule):
            self.stats.inc_value("newscrawl/incremental/not_due")
            logger.debug("Not due for a revisit: %s (version %d, last seen %s, schedule %s)",
                         request.url, known.version, known.last_seen, self.run.schedule)
            raise NotDue(f"{request.url}: not due for a revisit")
        request.meta["newscrawl_known_id"] = known.id
        if known.listed_date:
            request.meta[ARCHIVED_LISTED_META] = known.listed_date
        if known.etag:
            request.headers.setdefault("If-None-Match", known.etag)
        if known.last_modified:
            request.headers.setdefault("If-Modified-Since", known.last_modified)
        return None

    async def process_response(self, request: Request, response: Response) -> Any:
        known_id = request.meta.get("newscrawl_known_id")
        if known_id is None:
            return response
        if response.status == 304:
            await self.state.call(self.state.touch, known_id, utc_now(),
                                  etag=_header(response, "ETag"),
                                  last_modified=_header(response, "Last-Modified"))
            self.stats.inc_value("newscrawl/incremental/not_modified")
            logger.debug("Not modified (304): %s", request.url)
            raise NotModified(f"{request.url}: not modified")
        if response.status in (404, 410):
            await self.state.call(self.state.mark_gone, known_id, utc_now())
            self.stats.inc_value("newscrawl/incremental/gone")
            logger.info("Gone (%d): %s; an archived article, not revisited again",
                        response.status, request.url)
            raise Gone(f"{request.url}: gone ({response.status})")
        return response


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
