"""The `article` spider's discovery: start points, scope, sitemap dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.spiders.article import ArticleSpider

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/2024/12/02/first-story-about-things</loc><news:news>
<news:publication_date>2024-12-02T09:15:00+09:00</news:publication_date></news:news></url>
<url><loc>https://elsewhere.example/2024/12/02/not-our-site-story</loc></url>
<url><loc>file:///etc/passwd</loc></url>
</urlset>"""


def spider(**kw):
    crawler = get_crawler(ArticleSpider)
    return crawler._create_spider(**kw)


def test_needs_start_points():
    with pytest.raises(ValueError):
        spider()


def test_start_urls_argument_and_allowed_domains():
    s = spider(start_urls="https://news.example/sitemap.xml, https://www.news.example/")
    assert s.start_points == ["https://news.example/sitemap.xml", "https://www.news.example/"]
    assert s.allowed_domains == ["news.example", "www.news.example"]


def test_site_profile():
    s = spider(site="seoulpost")
    assert "www.seoulpost.example" in s.allowed_domains
    assert s.is_article_url("https://www.seoulpost.example/news/1001-zelenskyy")
    assert not s.is_article_url("https://www.seoulpost.example/section/world")


def test_unknown_site_profile_is_a_clear_error():
    with pytest.raises(ValueError, match="no site profile"):
        spider(site="nope")


def test_news_sitemap_gives_requests_in_scope_with_their_date():
    s = spider(start_urls="https://news.example/sitemap-news.xml")
    response = XmlResponse("https://news.example/sitemap-news.xml", body=NEWS_SITEMAP,
                           request=Request("https://news.example/sitemap-news.xml"))
    requests = list(s.parse_xml(response))
    assert [r.url for r in requests] == ["https://news.example/2024/12/02/first-story-about-things"]
    assert requests[0].meta["newscrawl_listed_date"] == "2024-12-02T09:15:00+09:00"


def test_article_response_becomes_an_item_with_its_source():
    s = spider(start_urls="https://news.example/")
    url = "https://news.example/2024/12/02/first-story-about-things"
    s.listed_dates["news.example/2024/12/02/first-story-about-things"] = "2024-12-02"
    response = HtmlResponse(url, body=b"<html><body><p>x</p></body></html>",
                            headers={"Content-Type": "text/html; charset=utf-8"},
                            request=Request(url))
    (item,) = list(s.parse_article(response))
    assert isinstance(item, ArticleItem) and item["url"] == url
    assert item._source.sitemap_date == "2024-12-02"
    assert item._source.headers["Content-Type"] == "text/html; charset=utf-8"


def test_listing_page_links_to_articles_only_in_scope():
    s = spider(start_urls="https://news.example/")
    body = b"""<html><body><ul>
      <li><a href="/2024/12/02/a-story-with-a-long-slug">A story</a></li>
      <li><a href="https://news.example/2024/12/03/another-story-with-a-slug?utm_source=x">b</a>
      <li><a href="https://evil.example/2024/12/02/a-story-with-a-long-slug">c</a></li>
      <li><a href="/tag/politics">tag</a><a href="javascript:void(0)">js</a></li></ul>
      </body></html>"""
    response = HtmlResponse("https://news.example/", body=body,
                            request=Request("https://news.example/"))
    urls = [r.url for r in s.parse_listing(response)]
    assert urls == ["https://news.example/2024/12/02/a-story-with-a-long-slug",
                    "https://news.example/2024/12/03/another-story-with-a-slug"]


def test_sitemap_entries_older_than_the_window_are_skipped_before_fetching():
    crawler = get_crawler(ArticleSpider, {"NEWSCRAWL_MAX_AGE_DAYS": 2})
    s = crawler._create_spider(start_urls="https://news.example/sitemap-news.xml")
    body = NEWS_SITEMAP.replace(
        b"</urlset>",
        b"<url><loc>https://news.example/2099/01/01/a-story-from-the-recent-past</loc>"
        b"<news:news><news:publication_date>"
        + datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        + b"</news:publication_date></news:news></url></urlset>")
    response = XmlResponse("https://news.example/sitemap-news.xml", body=body,
                           request=Request("https://news.example/sitemap-news.xml"))
    urls = [r.url for r in s.parse_xml(response)]
    assert urls == ["https://news.example/2099/01/01/a-story-from-the-recent-past"]
    assert crawler.stats.get_value("newscrawl/discovery/too_old") == 1
