"""The load benchmark in small: a generated site of 200 articles, 5% of whose responses fail
once (500, 503/429 with Retry-After, a dropped connection), every article exported exactly
once after retries. The full run is `python -m newscrawl.bench.load --pages 10000`."""

from __future__ import annotations

import pytest
import pytest_twisted
from scrapy.utils.test import get_crawler

from newscrawl.bench.load import bench_settings, check_feed
from newscrawl.bench.site import GeneratedSite, fails_first
from newscrawl.spiders.article import ArticleSpider

pytestmark = pytest.mark.slow  # whole crawls: -m "not slow" leaves them out

PAGES = 200


@pytest_twisted.inlineCallbacks
def test_every_article_exported_exactly_once_despite_transient_failures(tmp_path):
    site = GeneratedSite(PAGES, fail_share=0.05).start()
    try:
        settings = bench_settings(tmp_path, NEWSCRAWL_RETRY_BACKOFF_BASE=0.05)
        crawler = get_crawler(ArticleSpider, settings)
        yield crawler.crawl(start_urls=f"{site.url}/sitemap.xml")
    finally:
        site.stop()
    failing = sum(fails_first(n, 0.05) for n in range(PAGES))
    assert failing >= 5 and site.failed == failing  # the faults really happened
    assert check_feed(tmp_path / "articles.jsonl", site.url, PAGES) == {
        "exported": PAGES, "missing": 0, "duplicates": 0, "unexpected": 0}
    stats = crawler.stats.get_stats()
    assert stats["retry/count"] == failing
    assert stats["newscrawl/health"] == "ok"
