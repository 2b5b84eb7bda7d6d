"""Downloader middleware: at most NEWSCRAWL_MAX_PAGES_PER_SITE pages fetched per site and run.

A site is a host without its `www.`; every page the spider asks for counts once (home,
sections, sitemaps, feeds, articles, revisits), not robots.txt, retries or redirect hops.
It sits after the conditional-request middleware, so links to articles not due for a
revisit cost nothing. Past the budget a request is refused before any connection: the first
refusal per site is a warning naming the site and the limit, the others are counted
(`newscrawl/refused/budget`) and logged at DEBUG. 0 switches the budget off.

In a distributed crawl each worker keeps its own count.
"""

from __future__ import annotations

import logging
from collections import Counter
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from .. import defaults
from ..faults import Refused, stats_key

logger = logging.getLogger(__name__)

CODE = "budget"


def site_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


class PageBudgetMiddleware:
    def __init__(self, crawler: Crawler, limit: int):
        self.stats = crawler.stats
        self.limit = limit
        self.fetched: Counter[str] = Counter()
        self.announced: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        limit = defaults.getint(crawler.settings, "NEWSCRAWL_MAX_PAGES_PER_SITE")
        if limit <= 0:
            raise NotConfigured("NEWSCRAWL_MAX_PAGES_PER_SITE is 0: no page budget")
        return cls(crawler, limit)

    def process_request(self, request: Request) -> None:
        meta = request.meta
        if ("newscrawl_role" not in meta or meta.get("retry_times")
                or meta.get("redirect_times") or request.url.startswith("file:")):
            return None
        site = site_of(request.url)
        if self.fetched[site] < self.limit:
            self.fetched[site] += 1
            return None
        reason = f"NEWSCRAWL_MAX_PAGES_PER_SITE ({self.limit} pages) reached for {site}"
        if site not in self.announced:
            self.announced.add(site)
            logger.warning("Page budget spent: %s: further pages of the site are not fetched "
                           "in this run (first one refused: %s)", reason, request.url)
        else:
            logger.debug("Refused: %s: %s: %s", request.url, CODE, reason)
        self.stats.inc_value(stats_key(CODE, refused=True))
        # The spider's errback stays silent on a FetchFault: reported here.
        raise Refused(CODE, reason)
