"""Pipeline: drop what is not an article, with the reason logged and counted; count the
articles' warnings. Counters and log lines are built from the codes of newscrawl.clean.codes
(NotArticleReason, WarningCode), never from the wording of a message.

Each drop names the URL, the reason code and its detail, once ("https://x.example/politik/:
not an article (listing_page): 12 teasers of other pages...") and counts
`newscrawl/dropped/not_article/<code>`. A page whose tree was flattened below the depth
limit is exported, with a WARNING naming the URL and the limit (`deep_nesting`, counted as
every warning in `newscrawl/warning/<code>`). A listing fetched as an article (a home or section
page listed in a sitemap) still feeds discovery: the spider requests its links.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from ..clean.codes import NotArticleReason, WarningCode
from ..clean.document import MAX_DEPTH, NotHTML, load_document
from ..items import PageCarrier, carrier_of

logger = logging.getLogger(__name__)


class ValidationPipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def process_item(self, item: Any) -> PageCarrier:
        carrier = carrier_of(item, self)
        for code in carrier.warnings:
            self.stats.inc_value(f"newscrawl/warning/{code}")
            if code == WarningCode.DEEP_NESTING:  # the page's markup altered, not a verdict
                logger.warning("%s: elements nested deeper than %d levels: flattened (%s)",
                               carrier.url, MAX_DEPTH, code)
        rejection = carrier.rejection
        if rejection is not None:
            self.stats.inc_value("newscrawl/dropped/not_article")
            self.stats.inc_value(f"newscrawl/dropped/not_article/{rejection.reason}")
            if rejection.reason is NotArticleReason.LISTING_PAGE:
                self._discover(carrier)
            raise DropItem(f"{carrier.url}: not an article ({rejection.reason}): "
                           f"{rejection.detail}")
        self.stats.inc_value("newscrawl/articles")
        return carrier

    def _discover(self, carrier: PageCarrier) -> None:
        """Hand a rejected listing's links to the spider (the page parsed again from the
        source the carrier keeps: listings fetched as articles are few)."""
        listing_links = getattr(self.crawler.spider, "listing_links", None)
        if listing_links is None or self.crawler.engine is None:
            return
        source = carrier.source
        try:
            root, _ = load_document(source.body, source.headers.get("Content-Type"))
        except NotHTML:
            return
        for request in listing_links(root, carrier.url):
            self.crawler.engine.crawl(request)
