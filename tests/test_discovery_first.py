"""Discovery first on one machine (newscrawl/scheduler.py, newscrawl/discovery/first.py):
which requests the spider marks, that redirects and retries keep the mark, and that the
requests the scheduler holds always come back, in memory and in a JOBDIR's disk queue.
The crawl itself: tests/test_listed_dates.py."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import pytest_twisted
from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.test import get_crawler
from test_crawl import _settings

from newscrawl.discovery.first import is_discovery, mark
from newscrawl.middlewares.redirect import LoopAwareRedirectMiddleware
from newscrawl.middlewares.retry import BackoffRetryMiddleware
from newscrawl.scheduler import DiscoveryFirstScheduler
from newscrawl.spiders.article import ArticleSpider

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-news.xml</loc></sitemap>
</sitemapindex>"""
NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://news.example/2024/12/02/first-story-about-things</loc></url>
</urlset>"""
HOME = b"""<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head><body><a href="/2024/12/02/a-story-linked-from-home">A story</a>
<a href="/section/world">World</a></body></html>"""


def _spider(**kw) -> ArticleSpider:
    crawler = get_crawler(ArticleSpider, {"ROBOTSTXT_OBEY": False})
    return crawler._create_spider(**kw)


def _marked(requests) -> dict[str, bool]:
    return {r.url: is_discovery(r) for r in requests}


@pytest_twisted.ensureDeferred
async def test_the_spider_marks_start_points_robots_sitemaps_indexes_and_feeds():
    s = _spider(start_urls="https://news.example/ https://news.example/sitemap.xml")
    starts = [r async for r in s.start()]
    assert _marked(starts) == {"https://news.example/": True,
                               "https://news.example/sitemap.xml": True,
                               "https://news.example/robots.txt": True}
    robots = TextResponse("https://news.example/robots.txt",
                          body=b"Sitemap: https://news.example/sitemap.xml\n",
                          request=starts[-1])
    assert _marked(s.parse_robots(robots)) == {"https://news.example/sitemap.xml": True}
    index = XmlResponse("https://news.example/sitemap.xml", body=SITEMAP_INDEX,
                        request=starts[1])
    assert _marked(s.parse_xml(index)) == {"https://news.example/sitemap-news.xml": True}
    news = XmlResponse("https://news.example/sitemap-news.xml", body=NEWS_SITEMAP,
                       request=Request("https://news.example/sitemap-news.xml"))
    assert _marked(s.parse_xml(news)) == {
        "https://news.example/2024/12/02/first-story-about-things": False}
    home = HtmlResponse("https://news.example/", body=HOME, request=starts[0])
    out = list(s.parse_start(home))
    # The feed, queued before the links it holds back; the links are not discovery.
    assert out[0].url == "https://news.example/feed.xml" and is_discovery(out[0])
    assert out[1:] and not any(is_discovery(r) for r in out[1:])


def test_the_robots_middlewares_sitemaps_are_marked():
    """ROBOTSTXT_OBEY (the default): the robots middleware's own fetch of robots.txt."""
    s = _spider(start_urls="https://news.example/")
    crawled: list[Request] = []
    s.crawler.engine = SimpleNamespace(crawl=crawled.append)  # type: ignore[assignment]
    robots_request = Request("https://news.example/robots.txt",
                             meta={"dont_obey_robotstxt": True})
    robots = TextResponse(robots_request.url, request=robots_request,
                          body=b"Sitemap: https://cdn.example/news/sitemap.xml\n")
    s.response_received(robots, robots_request)
    assert _marked(crawled) == {"https://cdn.example/news/sitemap.xml": True}


@pytest_twisted.ensureDeferred
async def test_redirects_and_retries_keep_the_mark(tmp_path):
    crawler = get_crawler(Spider, _settings(tmp_path))
    crawler.spider = crawler._create_spider("s")
    request = Request("http://news.example/sitemap.xml", meta={})
    mark(request.meta)
    redirect = LoopAwareRedirectMiddleware.from_crawler(crawler)
    moved = redirect.process_response(request, Response(
        request.url, status=301, headers={"Location": "https://news.example/sitemap.xml"}))
    assert isinstance(moved, Request) and is_discovery(moved)
    retry = BackoffRetryMiddleware.from_crawler(crawler)
    retry.backoff_base = 0.0  # no wait in a test
    again = await retry.process_response(moved, Response(moved.url, status=503))
    assert isinstance(again, Request) and is_discovery(again)
    assert again.meta["retry_times"] == 1


class _Engine:
    """What the scheduler reads of the engine: the requests in progress (and the
    downloader, which the downloader-aware priority queue asks about its slots)."""

    def __init__(self) -> None:
        self._slot = SimpleNamespace(inprogress=set())
        self.downloader = SimpleNamespace(  # idle: no slot downloading anything
            slots={}, get_slot_key=lambda request: urlparse_cached(request).hostname)


def _scheduler(tmp_path, **settings) -> tuple[DiscoveryFirstScheduler, _Engine]:
    crawler = get_crawler(Spider, _settings(tmp_path, **settings))
    spider = crawler._create_spider("s")
    crawler.spider = spider
    engine = _Engine()
    crawler.engine = engine  # type: ignore[assignment]
    scheduler = DiscoveryFirstScheduler.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, engine


def _discovery(url: str, priority: int = 10) -> Request:
    request = Request(url, priority=priority)
    mark(request.meta)
    return request


def test_a_hosts_requests_wait_while_its_sitemap_is_read_and_then_come_back(tmp_path):
    scheduler, engine = _scheduler(tmp_path)
    inprogress = engine._slot.inprogress
    for request in (_discovery("https://news.example/sitemap.xml"),
                    Request("https://news.example/a/1"), Request("https://news.example/a/2"),
                    Request("https://other.example/a/3")):
        scheduler.enqueue_request(request)
    sitemap = scheduler.next_request()
    assert sitemap is not None and sitemap.url.endswith("/sitemap.xml")
    inprogress.add(sitemap)
    other = scheduler.next_request()  # news.example's two are held, not lost
    assert other is not None and other.url == "https://other.example/a/3"
    assert scheduler.next_request() is None
    assert scheduler.has_pending_requests() and len(scheduler) == 2
    # The sitemap lists another sitemap: it is taken while the articles still wait.
    scheduler.enqueue_request(_discovery("https://news.example/sitemap-news.xml"))
    inprogress.discard(sitemap)
    news = scheduler.next_request()
    assert news is not None and news.url.endswith("/sitemap-news.xml")
    inprogress.add(news)
    assert scheduler.next_request() is None and len(scheduler) == 2
    # Read (or failed, or redirected: the engine drops it from its requests in progress).
    inprogress.discard(news)
    urls = [scheduler.next_request(), scheduler.next_request(), scheduler.next_request()]
    assert sorted(r.url for r in urls if r) == ["https://news.example/a/1",
                                                "https://news.example/a/2"]
    assert not scheduler.has_pending_requests() and len(scheduler) == 0
    stats = scheduler.stats.get_stats()  # type: ignore[union-attr]
    assert stats["newscrawl/discovery/held"] >= 2
    assert stats["scheduler/dequeued"] == stats["scheduler/enqueued"] == 6 - 1


def test_held_requests_are_kept_in_the_jobdir_when_the_crawl_pauses(tmp_path):
    scheduler, engine = _scheduler(tmp_path, JOBDIR=str(tmp_path / "job"))
    scheduler.enqueue_request(_discovery("https://news.example/sitemap.xml"))
    scheduler.enqueue_request(Request("https://news.example/a/1"))
    sitemap = scheduler.next_request()
    engine._slot.inprogress.add(sitemap)
    assert scheduler.next_request() is None and len(scheduler) == 1
    scheduler.close("shutdown")  # paused while the sitemap was read: its article is kept
    # (another crawler: the first one still holds its run folder's lock in this process)
    resumed, _ = _scheduler(tmp_path / "resumed", JOBDIR=str(tmp_path / "job"))
    assert len(resumed) == 1
    article = resumed.next_request()
    assert article is not None and article.url == "https://news.example/a/1"
    assert resumed.stats.get_value("scheduler/dequeued/disk") == 1  # type: ignore[union-attr]
    resumed.close("finished")


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_a_jobdir_crawl_reads_the_news_sitemap_first_and_finishes(tmp_path, site_dir):
    """The disk queue (JOBDIR): every request serializable, the held ones too."""
    from test_listed_dates import DATED_BY_SITEMAP, NEWS_SITEMAP, SITEMAP_DATE, ChangingSite

    with ChangingSite(site_dir, slow={NEWS_SITEMAP: 1.0}) as site:
        settings = _settings(tmp_path, JOBDIR=str(tmp_path / "job"))
        crawler = get_crawler(ArticleSpider, settings)
        yield crawler.crawl(site="seoulpost",
                            start_urls=f"{site.url}/sitemap.xml {site.url}/")
    stats = crawler.stats.get_stats()
    assert stats["finish_reason"] == "finished"
    assert stats["scheduler/enqueued/disk"] == stats["scheduler/dequeued/disk"] > 0
    assert "scheduler/unserializable" not in stats
    assert stats["newscrawl/discovery/held"] > 0
    items = [json.loads(x) for x in
             (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()]
    (dated,) = [i for i in items if i["url"].endswith(DATED_BY_SITEMAP)]
    assert dated["datePublished"] == SITEMAP_DATE
