"""What one worker learns reaches the others while the crawl runs: site templates
(distributed/templates.py, through the shared crawl state) and the dates sitemaps list for
articles (distributed/listed.py)."""

from __future__ import annotations

import pytest
import pytest_twisted
from redisserver import RedisServer
from scrapy.utils.test import get_crawler

from newscrawl.clean.templates import body_block_keys
from newscrawl.distributed.templates import TemplateSync
from newscrawl.pipelines.templates import memory_for
from newscrawl.spiders.article import ArticleSpider

RAIL = "Most read this week: the council, the bridge and the harbour festival"


@pytest.fixture
def redis_url(tmp_path):
    server = RedisServer(tmp_path)
    yield server.url
    server.stop()


def _worker(redis_url: str, name: str) -> TemplateSync:
    crawler = get_crawler(ArticleSpider, {
        "NEWSCRAWL_REDIS_URL": redis_url, "NEWSCRAWL_WORKER_ID": name,
        "NEWSCRAWL_STATE_BACKEND": "newscrawl.distributed.state.RedisCrawlState",
        "NEWSCRAWL_STATE_PATH": "unused", "NEWSCRAWL_TEMPLATE_MIN_PAGES": 3,
        "NEWSCRAWL_TEMPLATE_SYNC_ITEMS": 3})
    return TemplateSync.from_crawler(crawler)


def _article(n: int) -> set[str]:
    return body_block_keys(f"Story {n} begins here with its own first paragraph.\n\n{RAIL}")


@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_a_template_learned_by_one_worker_reaches_another_during_the_run(redis_url):
    w1, w2 = _worker(redis_url, "w1"), _worker(redis_url, "w2")
    m1, m2 = memory_for(w1.crawler), memory_for(w2.crawler)
    rail = body_block_keys(RAIL)
    assert m2.known("news") == frozenset()  # w2 meets the site, knows nothing yet
    for n in range(3):  # w1 exports three articles with the same rail: it is template
        m1.observe("news", f"a{n}", _article(n))
        w1.item_scraped()  # every NEWSCRAWL_TEMPLATE_SYNC_ITEMS articles: an exchange
    assert rail <= m1.known("news")
    await w1.link.call(lambda: None)  # w1's exchange is done
    w2.sync()  # w2's next exchange (every NEWSCRAWL_TEMPLATE_SYNC_INTERVAL s)
    await w2.link.call(lambda: None)
    assert rail <= m2.known("news")
    assert w2.crawler.stats.get_value("newscrawl/templates/from_other_workers") == len(rail)
    # w2's own learning is kept, and goes the other way.
    m2.observe("news", "b1", body_block_keys("A line only w2 has seen, in story b1 alone."))
    w2.sync()
    await w2.link.call(lambda: None)
    w1.sync()
    await w1.link.call(lambda: None)
    assert set(m1.learner.seen["news"]) == set(m2.learner.seen["news"])


@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_a_date_listed_in_a_sitemap_read_by_one_worker_reaches_the_fetcher(redis_url):
    """The sitemap is read by w1, the article (requested first from a listing page, with no
    date) is fetched by w2: the listed date reaches it (distributed/listed.py)."""
    import asyncio

    from scrapy import Request
    from scrapy.http import HtmlResponse
    from twisted.internet.defer import Deferred

    from newscrawl.distributed.listed import (
        LISTED_META,
        ListedDatesDownloaderMiddleware,
        ListedDatesSpiderMiddleware,
    )

    def crawler(name: str):
        return get_crawler(ArticleSpider, {"NEWSCRAWL_REDIS_URL": redis_url,
                                           "NEWSCRAWL_WORKER_ID": name})

    reader = ListedDatesSpiderMiddleware.from_crawler(crawler("w1"))
    fetcher = ListedDatesDownloaderMiddleware.from_crawler(crawler("w2"))
    sitemap = HtmlResponse("http://news.example/sitemap.xml", body=b"")
    listed = Request("http://news.example/2024/12/story", meta={
        LISTED_META: "2024-12-02T09:15:00+09:00", "newscrawl_role": "article"})
    assert list(reader.process_spider_output(sitemap, [listed])) == [listed]
    await reader.link.call(lambda: None)

    from_listing = Request("http://news.example/2024/12/story?utm_source=home",
                           meta={"newscrawl_role": "article", LISTED_META: None})
    other = Request("http://news.example/2024/12/other", meta={"newscrawl_role": "article"})
    for request in (from_listing, other):
        await Deferred.fromFuture(asyncio.ensure_future(fetcher.process_request(request)))
    assert from_listing.meta[LISTED_META] == "2024-12-02T09:15:00+09:00"
    assert not other.meta.get(LISTED_META)
