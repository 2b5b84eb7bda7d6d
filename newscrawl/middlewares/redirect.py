"""Downloader middleware: Scrapy's redirects, with loops and over-long chains reported.

Scrapy drops the second visit of a redirect loop silently (the duplicate filter) and logs
an over-long chain at DEBUG; here both end the request with a warning naming the first URL
of the chain, and a counter (`newscrawl/fetch_error/redirect_loop`, `.../too_many_redirects`).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest

from ..faults import FetchFault, fault

logger = logging.getLogger(__name__)


class LoopAwareRedirectMiddleware(RedirectMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        stats = self.crawler.stats
        if redirected.url in chain:
            loop = " -> ".join([*chain[chain.index(redirected.url):], redirected.url])
            raise fault(logger, stats, chain[0],
                        FetchFault("redirect_loop", f"redirect loop {loop}"))
        try:
            return super()._redirect(redirected, request, reason)
        except IgnoreRequest:
            raise fault(logger, stats, chain[0], FetchFault(
                "too_many_redirects",
                f"more than REDIRECT_MAX_TIMES ({self.max_redirect_times}) redirects, "
                f"last {request.url} -> {redirected.url}")) from None
