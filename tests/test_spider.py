"""The `article` spider's discovery: start points, scope, sitemap dates."""

from __future__ import annotations

import gzip
import io
import logging
from datetime import UTC, datetime

import pytest
from scrapy.http import HtmlResponse, Request, Response, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.errors import UserError
from newscrawl.items import ArticleItem, PageCarrier, source_of
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
    with pytest.raises(UserError, match="give start points"):  # one line, exit status 2
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


def test_article_response_becomes_a_carrier_with_its_source():
    s = spider(start_urls="https://news.example/")
    url = "https://news.example/2024/12/02/first-story-about-things"
    s.listed_dates["news.example/2024/12/02/first-story-about-things"] = "2024-12-02"
    response = HtmlResponse(url, body=b"<html><body><p>x</p></body></html>",
                            headers={"Content-Type": "text/html; charset=utf-8",
                                     "ETag": '"v1"'},
                            request=Request(url))
    (carrier,) = list(s.parse_article(response))
    assert isinstance(carrier, PageCarrier) and carrier.page is None
    assert isinstance(carrier.article, ArticleItem) and dict(carrier.article) == {"url": url}
    source = carrier.source
    assert source.sitemap_date == "2024-12-02" and source.site == "news.example"
    assert source.headers["Content-Type"] == "text/html; charset=utf-8"
    assert (source.etag, source.last_modified) == ('"v1"', None)
    assert source_of(response) is source  # for the run archive's WARC


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


# -- start points -------------------------------------------------------------------------------


def test_start_urls_split_on_whitespace_and_keep_commas():
    s = spider(start_urls="https://pl.example/7,75398,27234,polska-news-story.html\n"
                          "  https://pl.example/  ")
    assert s.start_points == ["https://pl.example/7,75398,27234,polska-news-story.html",
                              "https://pl.example/"]


def test_comma_separated_start_urls_still_work_with_a_transition_note(caplog):
    s = spider(start_urls="https://news.example/sitemap.xml,https://news.example/")
    assert s.start_points == ["https://news.example/sitemap.xml", "https://news.example/"]
    assert any("separate start URLs with spaces or newlines" in r.getMessage()
               for r in caplog.records if r.levelname == "WARNING")


def test_start_urls_file_and_stdin(tmp_path, monkeypatch):
    listed = tmp_path / "urls.txt"
    listed.write_text("# today's stories\nhttps://a.example/1,2,3.html\n\nhttps://a.example/p/9\n")
    assert spider(start_urls_file=str(listed)).start_points == [
        "https://a.example/1,2,3.html", "https://a.example/p/9"]
    monkeypatch.setattr("sys.stdin", io.StringIO("https://b.example/x\n"))
    s = spider(start_urls="https://a.example/", start_urls_file="-")
    assert s.start_points == ["https://a.example/", "https://b.example/x"]
    assert s.allowed_domains == ["a.example", "b.example"]


# -- sitemaps and feeds: what is skipped is said -----------------------------------------------


def _xml(url: str, body: bytes, **headers) -> XmlResponse | Response:
    cls = XmlResponse if body.lstrip().startswith(b"<") else Response
    return cls(url, body=body, headers=headers, request=Request(url))


def test_file_and_private_entries_are_logged_with_a_reason_code(caplog):
    caplog.set_level(logging.INFO)
    s = spider(start_urls="https://news.example/sitemap-news.xml")
    body = NEWS_SITEMAP.replace(b"</urlset>", b"<url><loc>http://10.1.2.3/2024/12/02/leak"
                                b"ed-staging-story-page</loc></url></urlset>")
    list(s.parse_xml(_xml("https://news.example/sitemap-news.xml", body)))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("file:///etc/passwd" in m and "file_url" in m for m in warnings)
    assert any("http://10.1.2.3/" in m and "private_network" in m for m in warnings)
    assert any("elsewhere.example" in m and "offsite" in m for m in
               (r.getMessage() for r in caplog.records if r.levelno == logging.INFO))
    stats = s.crawler.stats
    assert stats.get_value("newscrawl/discovery/out_of_scope") == 3
    for code in ("file_url", "private_network", "offsite"):
        assert stats.get_value(f"newscrawl/discovery/out_of_scope/{code}") == 1


@pytest.mark.parametrize(("host", "code"), [
    ("10.1.2.3", "private_network"),
    ("127.1", "private_network"),  # inet_aton's shorthand
    ("2130706433", "private_network"),  # 127.0.0.1 as one number
    ("preview.localhost", "private_network"),
    ("[::127.0.0.1]", "private_network"),  # IPv4-compatible
    ("[::ffff:192.168.0.9]", "private_network"),  # IPv4-mapped
    ("[64:ff9b::7f00:1]", "private_network"),  # NAT64
    ("[2002:a00:1::]", "private_network"),  # 6to4 of 10.0.0.1
    ("[fd00::1]", "private_network"),
    ("8.8.8.8", "offsite"),
    ("[2001:4860:4860::8888]", "offsite"),
    ("[64:ff9b::808:808]", "offsite"),  # NAT64 of a public address
    ("elsewhere.example", "offsite"),
])
def test_an_entry_on_another_host_is_named_private_or_offsite(caplog, host, code):
    """The reason code of an out-of-scope entry: the private-network guard's own reading of
    the address (newscrawl.addresses), every spelling of a non-public one included."""
    caplog.set_level(logging.INFO)
    s = spider(start_urls="https://news.example/sitemap.xml")
    entry = f"http://{host}/2024/12/02/a-story-on-another-host"
    body = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>" + entry.encode() + b"</loc></url></urlset>")
    assert list(s.parse_xml(_xml("https://news.example/sitemap.xml", body))) == []
    assert s.crawler.stats.get_value(f"newscrawl/discovery/out_of_scope/{code}") == 1
    level = logging.WARNING if code == "private_network" else logging.INFO
    assert any(entry in r.getMessage() and code in r.getMessage() and r.levelno == level
               for r in caplog.records)


def test_feed_entries_out_of_scope_are_logged_too(caplog):
    caplog.set_level(logging.INFO)
    s = spider(start_urls="https://news.example/")
    rss = (b"<rss version='2.0'><channel><item><link>file:///etc/shadow</link></item>"
           b"<item><link>https://news.example/2024/12/02/a-feed-story-of-ours</link></item>"
           b"</channel></rss>")
    requests = list(s.parse_xml(_xml("https://news.example/rss.xml", rss)))
    assert [r.url for r in requests] == ["https://news.example/2024/12/02/a-feed-story-of-ours"]
    assert requests[0].meta["newscrawl_route"] == "feed"
    assert any("/etc/shadow" in r.getMessage() and "file_url" in r.getMessage()
               for r in caplog.records if r.levelno == logging.WARNING)


def test_a_removed_dtd_is_logged(caplog):
    caplog.set_level(logging.INFO)
    s = spider(start_urls="https://news.example/sitemap.xml")
    body = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaa">]><urlset xmlns="http:/'
            b'/www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example/2024/12/02/'
            b"story-with-a-long-slug</loc></url></urlset>")
    requests = list(s.parse_xml(_xml("https://news.example/sitemap.xml", body)))
    assert len(requests) == 1
    assert any("https://news.example/sitemap.xml" in r.getMessage() and "dtd_removed" in
               r.getMessage() for r in caplog.records if r.levelno == logging.INFO)
    assert s.crawler.stats.get_value("newscrawl/discovery/dtd_removed") == 1


# -- gzipped sitemaps ------------------------------------------------------------------------------


@pytest.mark.parametrize("ctype", ["application/gzip", "application/x-gzip",
                                   "application/octet-stream"])
def test_gzipped_sitemap_bodies_are_read(ctype):
    s = spider(start_urls="https://news.example/sitemap.xml.gz")
    response = _xml("https://news.example/sitemap.xml.gz", gzip.compress(NEWS_SITEMAP),
                    **{"Content-Type": ctype})
    urls = [r.url for r in s.parse_start(response)]
    assert urls == ["https://news.example/2024/12/02/first-story-about-things"]
    assert s.crawler.stats.get_value("newscrawl/discovery/urlset") == 1


def test_gzip_bomb_sitemap_stops_at_download_maxsize(caplog):
    crawler = get_crawler(ArticleSpider, {"DOWNLOAD_MAXSIZE": 100_000})
    s = crawler._create_spider(start_urls="https://news.example/sitemap.xml.gz")
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000 + b"</urlset>")
    assert list(s.parse_xml(_xml("https://news.example/sitemap.xml.gz", bomb))) == []
    assert crawler.stats.get_value("newscrawl/fetch_error/decompression_bomb") == 1
    assert any("https://news.example/sitemap.xml.gz" in r.getMessage()
               and "DOWNLOAD_MAXSIZE" in r.getMessage() for r in caplog.records)


def test_broken_gzip_is_reported_not_raised(caplog):
    s = spider(start_urls="https://news.example/sitemap.xml.gz")
    broken = gzip.compress(NEWS_SITEMAP)[:5] + b"\x00" * 40
    assert list(s.parse_xml(_xml("https://news.example/sitemap.xml.gz", broken))) == []
    assert s.crawler.stats.get_value("newscrawl/discovery/bad_gzip") == 1
    assert any("bad_gzip" in r.getMessage() for r in caplog.records)


# -- robots.txt and the home page --------------------------------------------------------------


def test_robots_txt_sitemap_lines_of_a_home_start_point():
    s = spider(start_urls="https://news.example/")
    robots = (b"User-agent: *\nDisallow: /search\nSitemap: https://news.example/sitemap.xml.gz"
              b"\nsitemap: /news-sitemap.xml\nSitemap: https://cdn.example/news/sitemap.xml\n")
    requests = list(s.parse_robots(Response("https://news.example/robots.txt", body=robots,
                                            request=Request("https://news.example/robots.txt"))))
    assert [r.url for r in requests] == ["https://news.example/sitemap.xml.gz",
                                         "https://news.example/news-sitemap.xml",
                                         "https://cdn.example/news/sitemap.xml"]
    assert all(r.meta["newscrawl_route"] == "sitemap" for r in requests)
    # Read once per site, and only for sites given by their home page.
    again = Response("https://news.example/robots.txt", body=robots,
                     request=Request("https://news.example/robots.txt"))
    assert list(s.parse_robots(again)) == []
    other = spider(start_urls="https://news.example/section/world")
    assert list(other.parse_robots(again)) == []


def test_a_home_page_is_a_listing_even_with_article_markup():
    s = spider(start_urls="https://news.example/")
    body = (b'<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script>'
            b'</head><body><main><ul><li><h2><a href="/culture/why-it-matters">Why the old '
            b"cinema's return matters</a></h2></li></ul></main></body></html>")
    out = list(s.parse_start(HtmlResponse("https://news.example/", body=body,
                                          request=Request("https://news.example/"))))
    assert [r.url for r in out] == ["https://news.example/culture/why-it-matters"]
    assert out[0].meta["newscrawl_route"] == "links"
