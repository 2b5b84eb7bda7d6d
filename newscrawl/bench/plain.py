"""What a user would write instead of newscrawl, as the crawl benchmark's yardsticks: a plain
Scrapy project (the `scrapy startproject` defaults) whose spider reads the sitemaps and
yields every page's raw HTML, and the same with readability-lxml in an item pipeline.
Both export a JSON Lines feed, at the concurrency newscrawl's bench crawl uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.spiders import SitemapSpider


class PlainSpider(SitemapSpider):
    name = "plain"

    def __init__(self, sitemap_url: str = "", **kwargs: Any):
        super().__init__(**kwargs)
        self.sitemap_urls = [sitemap_url]

    def parse(self, response: Any) -> Any:
        yield {"url": response.url, "html": response.text}


class ReadabilityPipeline:
    """readability-lxml's summary as text (the same call as the extraction bench's)."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        from ..evaluation.extraction import _readability

        return {"url": item["url"], "articleBody": _readability(item["html"], item["url"])}


def plain_settings(out: Path, readability: bool) -> dict[str, Any]:
    return {
        # `scrapy startproject` defaults (Scrapy 2.13+)
        "ROBOTSTXT_OBEY": True,
        "FEED_EXPORT_ENCODING": "utf-8",
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        # the bench crawl's concurrency and logging (newscrawl.bench.load.bench_settings)
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
        "AUTOTHROTTLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "FEEDS": {str(out / "articles.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}},
        "ITEM_PIPELINES": {f"{__name__}.ReadabilityPipeline": 100} if readability else {},
    }
