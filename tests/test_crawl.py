"""A real Scrapy crawl, in the test's reactor, of fixture sites served over HTTP on 127.0.0.1:
sitemap and home -> sections -> articles -> pipelines -> feed + archive; and one site per
route by which articles are found (robots.txt + gzipped sitemaps, a feed, links)."""

from __future__ import annotations

import gzip
import json
import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_twisted
from conftest import FIXTURES
from scrapy.utils.test import get_crawler
from servers import FixtureSite

from newscrawl import settings as project_settings
from newscrawl.fixtures import load_fixtures
from newscrawl.spiders.article import ArticleSpider


def _settings(tmp_path: Path, **extra) -> dict:
    base = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    base.update({
        "FEEDS": {str(tmp_path / "articles.jsonl"): {"format": "jsonlines",
                                                     "encoding": "utf-8"}},
        "NEWSCRAWL_ARCHIVE_DIR": str(tmp_path / "archive"),
        "NEWSCRAWL_STATE_PATH": str(tmp_path / "state.sqlite3"),
        "NEWSCRAWL_RUNS_DIR": str(tmp_path / "runs"),
        # One crawl's output is checked here; incremental runs: tests/test_incremental.py.
        "NEWSCRAWL_INCREMENTAL": False,
        # Cleaning in the crawl process: the default ("auto") may start workers mid-crawl on
        # a busy machine; tests/test_cleaning_pool.py covers it, and the pool's tests ask.
        "NEWSCRAWL_CLEANING_PROCESSES": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": ["127.0.0.0/8"],  # the test servers
    })
    base.update(extra)
    return base


def _expected_articles(site_dir: Path) -> set[str]:
    """Paths of the fixture pages whose golden output is an article."""
    paths = set()
    for fx in load_fixtures(site_dir):
        if fx.is_html and fx.expected_path.exists():
            expected = json.loads(fx.expected_path.read_text("utf-8"))
            if not expected["metadata"].get("notArticle"):
                paths.add(fx.url.split("seoulpost.example", 1)[1].split("?")[0])
    return paths


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_crawl_fixture_site_over_http(tmp_path, fixture_site, site_dir):
    crawler = get_crawler(ArticleSpider, _settings(tmp_path))
    yield crawler.crawl(site="seoulpost",
                        start_urls=f"{fixture_site.url}/sitemap.xml,{fixture_site.url}/")
    stats = crawler.stats.get_stats()
    feed = tmp_path / "articles.jsonl"
    items = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    got = {item["url"].split(fixture_site.url, 1)[1] for item in items}

    assert got == _expected_articles(site_dir)
    assert len(items) == len(got), "an article was exported twice"
    # Robots.txt was asked for, sections and sitemaps were followed.
    assert "/robots.txt" in fixture_site.requests
    assert any(p.startswith("/section/") for p in fixture_site.requests)
    assert stats.get("newscrawl/discovery/sitemapindex") == 1
    # The feed is UTF-8 text, not \u escapes.
    assert "\\u" not in feed.read_text("utf-8")
    # Archive: one Markdown file per article, plus an index naming each one.
    index = [json.loads(x) for x in (tmp_path / "archive" / "index.jsonl").read_text().split("\n")
             if x]
    assert len(index) == len(items)
    for entry in index:
        md = (tmp_path / "archive" / entry["path"]).read_text("utf-8")
        assert md.startswith("---\n")
        assert f"url: {json.dumps(entry['url'])}" in md
    # No temporary files left behind.
    assert not list(tmp_path.rglob("*.part"))


@pytest_twisted.inlineCallbacks
def test_offline_replay_crawl(tmp_path, site_dir):
    """The README's main job: the same crawl answered from fixtures, no network."""
    crawler = get_crawler(ArticleSpider, _settings(tmp_path, NEWSCRAWL_REPLAY_DIR=str(site_dir)))
    yield crawler.crawl(site="seoulpost")
    items = [json.loads(line)
             for line in (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()]
    got = {item["url"].split("seoulpost.example", 1)[1] for item in items}
    assert got == _expected_articles(site_dir)
    stats = crawler.stats.get_stats()
    assert stats.get("newscrawl/replay/hit", 0) > len(items)


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_cleaning_in_worker_processes_gives_the_same_items(tmp_path, site_dir):
    """NEWSCRAWL_CLEANING_PROCESSES moves cleaning to a process pool; results are identical."""
    feeds = {}
    for workers in (0, 2):
        out = tmp_path / str(workers)
        crawler = get_crawler(ArticleSpider, _settings(
            out, NEWSCRAWL_REPLAY_DIR=str(site_dir), NEWSCRAWL_CLEANING_PROCESSES=workers))
        yield crawler.crawl(site="seoulpost")
        items = [json.loads(line)
                 for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
        feeds[workers] = {item["url"]: item for item in items}
    assert feeds[0] and feeds[0] == feeds[2]


# -- discovery: one fixture site per route ------------------------------------------------------


class RouteSite(FixtureSite):
    """A fixture site whose gzipped bodies name its origin too (rewritten inside the gzip),
    sent with their Content-Encoding when the sidecar has one."""

    drop_headers = frozenset({"content-length", "transfer-encoding", "connection"})

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        fx = self.fixtures.get(path)
        if fx is None or fx.body[:2] != b"\x1f\x8b":
            return super().respond(path, headers)
        body = gzip.decompress(fx.body).replace(self.origin.encode(), self.url.encode())
        return fx.status, fx.headers, gzip.compress(body, mtime=0)


@dataclass
class Route:
    origin: str
    start: list[str]  # paths of the start URLs
    articles: set[str]  # exactly the articles to export
    found: dict[str, int]  # newscrawl/found/<route>
    fetched: set[str]  # exactly the pages to fetch (robots.txt included)


ROUTES = {
    # robots.txt -> gzipped sitemap index -> gzipped sitemaps; home and sections are script
    # shells without article links.
    "harbourgazette": Route(
        "https://www.harbourgazette.example", ["/"],
        {f"/2025/03/{s}/" for s in ("harbour-dredging-approved", "ferry-timetable-cut",
                                    "lighthouse-cottage-museum", "fish-market-moves",
                                    "sea-wall-repairs")},
        {"sitemap": 5},
        {"/robots.txt", "/", "/port/", "/town/", "/sea/", "/sitemap_index.xml.gz",
         "/news-sitemap.xml", "/sitemaps/post-sitemap1.xml.gz", "/sitemaps/page-sitemap.xml.gz"}),
    # Only a feed, advertised on the home page; WordPress plain permalinks (/?p=101).
    "valleyherald": Route(
        "https://valleyherald.example", ["/"], {f"/?p={n}" for n in (101, 102, 103, 104)},
        {"feed": 4}, {"/robots.txt", "/", "/feed/", "/feed/atom/"}),
    # Article URLs of no particular shape among a lot of chrome links.
    "metrodaily": Route(
        "https://www.metrodaily.example", ["/"],
        {"/news/delay-3.html", "/p/1234", "/culture/why-it-matters", "/sport/derby-day",
         "/opinion/bridge-tolls", "/culture/mural-returns"},
        {"links": 6},
        {"/robots.txt", "/", "/news", "/culture", "/sport", "/opinion", "/podcasts", "/puzzles",
         "/culture?page=2", "/p/1240"}),
    # Commas in article URLs, one given as a start URL.
    "krakowexpress": Route(
        "https://www.krakowexpress.example",
        ["/7,75398,27234,harbour-dredging-plan-approved.html", "/"],
        {"/7,75398,27234,harbour-dredging-plan-approved.html",
         "/7,75398,27235,valley-school-robotics-prize.html",
         "/7,75399,27236,village-shop-cooperative.html"},
        {"start": 1, "links": 2}, {"/robots.txt", "/", "/0,75398.html", "/0,75399.html"}),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ROUTES))
@pytest_twisted.inlineCallbacks
def test_each_route_finds_exactly_the_sites_articles(tmp_path, caplog, name):
    route = ROUTES[name]
    caplog.set_level(logging.INFO)
    with RouteSite(FIXTURES / name, origin=route.origin) as site:
        crawler = get_crawler(ArticleSpider, _settings(tmp_path))
        yield crawler.crawl(start_urls=" ".join(site.url + p for p in route.start))
    stats = crawler.stats.get_stats()
    items = [json.loads(line)
             for line in (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()]
    urls = [item["url"].split(site.url, 1)[1] for item in items]
    assert sorted(urls) == sorted(route.articles), "not exactly the site's articles, once each"
    assert {k.rsplit("/", 1)[1]: v for k, v in stats.items()
            if k.startswith("newscrawl/found/")} == route.found
    # Each article page once, plus exactly the discovery pages the route needs: no legal,
    # account, tag, author or taxonomy-sitemap page, no numbered page beyond "next".
    assert sorted(site.requests) == sorted(set(site.requests)), "a page was fetched twice"
    assert set(site.requests) == route.fetched | route.articles
    assert stats.get("newscrawl/fetch_error/http_404") is None


def _logged(caplog, level: int, *words: str) -> bool:
    return any(r.levelno == level and all(w in r.getMessage() for w in words)
               for r in caplog.records)


@pytest_twisted.inlineCallbacks
def test_sitemap_route_reports_what_it_skipped(tmp_path, caplog):
    """A private address and another site's URL in a sitemap, a DTD, a taxonomy sitemap:
    each one log line with the URL and a reason code, and a counter."""
    caplog.set_level(logging.INFO)
    with RouteSite(FIXTURES / "harbourgazette",
                   origin="https://www.harbourgazette.example") as site:
        crawler = get_crawler(ArticleSpider, _settings(tmp_path))
        yield crawler.crawl(start_urls=f"{site.url}/")
    stats = crawler.stats.get_stats()
    sitemap = f"{site.url}/sitemaps/post-sitemap1.xml.gz"
    assert _logged(caplog, logging.WARNING, "http://192.168.10.20/2025/03/draft-preview/",
                   sitemap, "private_network")
    assert _logged(caplog, logging.INFO,
                   "https://www.partner-news.example/harbour-dredging-approved", sitemap,
                   "offsite")
    assert _logged(caplog, logging.INFO, f"{site.url}/sitemaps/page-sitemap.xml.gz",
                   "dtd_removed")
    assert stats["newscrawl/discovery/out_of_scope/private_network"] == 1
    assert stats["newscrawl/discovery/out_of_scope/offsite"] == 1
    assert stats["newscrawl/discovery/dtd_removed"] == 1
    assert stats["newscrawl/discovery/skipped/taxonomy_sitemap"] == 1
    assert stats["newscrawl/discovery/robots_sitemaps"] == 2
    assert "/sitemaps/category-sitemap.xml.gz" not in site.requests


@pytest_twisted.inlineCallbacks
def test_gzipped_sitemaps_offline_through_replay(tmp_path):
    """The same site from its saved responses: the Content-Encoding: gzip sitemap is decoded
    by Scrapy's middleware, the .gz files by the spider."""
    crawler = get_crawler(ArticleSpider, _settings(
        tmp_path, NEWSCRAWL_REPLAY_DIR=str(FIXTURES / "harbourgazette")))
    yield crawler.crawl(start_urls="https://www.harbourgazette.example/")
    items = [json.loads(line)
             for line in (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()]
    route = ROUTES["harbourgazette"]
    assert sorted(i["url"].split(".example", 1)[1] for i in items) == sorted(route.articles)
    stats = crawler.stats.get_stats()
    assert stats["httpcompression/response_count"] == 1  # the news sitemap
    assert stats["newscrawl/discovery/urlset"] == 3


@pytest_twisted.inlineCallbacks
def test_page_budget_bounds_a_home_crawl(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    with RouteSite(FIXTURES / "metrodaily", origin="https://www.metrodaily.example") as site:
        crawler = get_crawler(ArticleSpider, _settings(tmp_path, NEWSCRAWL_MAX_PAGES_PER_SITE=4,
                                                       CONCURRENT_REQUESTS_PER_DOMAIN=1))
        yield crawler.crawl(start_urls=f"{site.url}/")
    fetched = [p for p in site.requests if p != "/robots.txt"]
    assert len(fetched) == 4
    assert crawler.stats.get_value("newscrawl/refused/budget") > 0
    assert _logged(caplog, logging.WARNING, "NEWSCRAWL_MAX_PAGES_PER_SITE (4 pages)",
                   "127.0.0.1")


@pytest_twisted.inlineCallbacks
def test_link_depth_limits_listing_hops(tmp_path):
    """Depth 1: the home page's sections are read, not their next pages."""
    with RouteSite(FIXTURES / "metrodaily", origin="https://www.metrodaily.example") as site:
        crawler = get_crawler(ArticleSpider, _settings(tmp_path, NEWSCRAWL_MAX_LINK_DEPTH=1))
        yield crawler.crawl(start_urls=f"{site.url}/")
    assert "/culture" in site.requests and "/culture?page=2" not in site.requests
    assert "/culture/mural-returns" not in site.requests


# -- newscrawl fetch -----------------------------------------------------------------------------


def _fetch(args: list[str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "fetch", *args,
         "-s", "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS=127.0.0.0/8", "-s", "AUTOTHROTTLE_ENABLED=0"],
        cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
def test_fetch_command_extracts_the_given_urls_and_writes_nothing_else(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    with RouteSite(FIXTURES / "metrodaily", origin="https://www.metrodaily.example") as site:
        listed = f"# from a file\n{site.url}/p/1234\n\n{site.url}/p/1240\n"
        run = _fetch([f"{site.url}/news/delay-3.html", f"{site.url}/missing-page",
                      "--input", "-"], work, stdin=listed)
        md = _fetch([f"{site.url}/culture/why-it-matters", "--format", "md", "-o", "out.md"],
                    work)
    items = [json.loads(line) for line in run.stdout.splitlines()]
    assert sorted(i["url"] for i in items) == [f"{site.url}/news/delay-3.html",
                                               f"{site.url}/p/1234"]
    assert items[0]["headline"] and items[0]["articleBody"]
    # The gallery (not an article) and the 404 are explained, not exported; some URLs
    # failed: exit status 3.
    assert run.returncode == 3, run.stderr
    assert f"{site.url}/missing-page" in run.stderr and "http_404" in run.stderr
    assert f"{site.url}/p/1240" in run.stderr and "not an article" in run.stderr
    # Through the crawl's machinery: robots.txt asked for, nothing discovered or followed.
    assert "/robots.txt" in site.requests
    assert "/" not in site.requests and "/culture" not in site.requests
    # Markdown to a file, exit 0; no crawl state, archive or run folder written.
    assert md.returncode == 0, md.stderr
    text = (work / "out.md").read_text("utf-8")
    assert text.startswith("---\n") and "# Why the old cinema's return matters" in text
    assert sorted(p.name for p in work.iterdir()) == ["out.md"]
