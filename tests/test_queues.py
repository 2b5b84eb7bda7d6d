"""The scheduler's compact memory queue (newscrawl/queues.py): requests come back as they
went in, LIFO; a request that cannot be serialized waits as it is."""

from __future__ import annotations

import scrapy
from scrapy.utils.test import get_crawler

from newscrawl.discovery.sitemaps import Link
from newscrawl.queues import CompactLifoMemoryQueue, pack, unpack
from newscrawl.spiders.article import XML_PRIORITY, ArticleSpider


def _spider() -> ArticleSpider:
    crawler = get_crawler(ArticleSpider)
    spider = ArticleSpider.from_crawler(crawler, start_urls="https://news.example/sitemap.xml")
    crawler.spider = spider
    return spider


def _requests(spider: ArticleSpider) -> list[scrapy.Request]:
    listed = spider._article_request("https://news.example/2026/11/a-story.html", "sitemap",
                                     Link("https://news.example/2026/11/a-story.html", "page",
                                          date="2026-11-02", title="A story"))
    listed.headers[b"Referer"] = b"https://news.example/sitemap-1.xml"
    listed.meta["depth"] = 2
    sitemap = spider._request("https://news.example/sitemap-2.xml", spider.parse_xml,
                              role="sitemap", route="sitemap", priority=XML_PRIORITY)
    posted = scrapy.Request("https://news.example/search", method="POST", body=b"q=x",
                            cookies={"a": "b"}, dont_filter=True, flags=["f"],
                            cb_kwargs={"page": 2}, callback=spider.parse_article,
                            encoding="latin-1")
    return [listed, sitemap, posted]


def test_requests_come_back_as_they_went_in():
    spider = _spider()
    for request in _requests(spider):
        packed = pack(request, spider)
        assert isinstance(packed, bytes) and len(packed) < 600
        back = unpack(packed, spider)
        assert back is not request
        assert back.to_dict(spider=spider) == request.to_dict(spider=spider)
        assert back.callback == request.callback and back.errback == request.errback


def test_a_request_that_cannot_be_serialized_waits_as_it_is():
    spider = _spider()
    other = scrapy.Request("https://news.example/x", callback=lambda response: None)
    holding = scrapy.Request("https://news.example/y", callback=spider.parse_article,
                             meta={"lock": __import__("threading").Lock()})
    for request in (other, holding):
        assert pack(request, spider) is request
        assert unpack(request, spider) is request


def test_queue_is_lifo_with_peek_and_len():
    spider = _spider()
    queue = CompactLifoMemoryQueue.from_crawler(spider.crawler, "slot/0")
    odd = scrapy.Request("https://news.example/odd", callback=lambda response: None)
    requests = [*_requests(spider), odd]
    for request in requests:
        queue.push(request)
    assert len(queue) == 4
    assert queue.peek() is odd and queue.pop() is odd
    assert queue.peek().url == requests[2].url
    assert [queue.pop().url for _ in range(3)] == [r.url for r in reversed(requests[:3])]
    assert queue.pop() is None and queue.peek() is None and len(queue) == 0
