"""A listing page fetched as an article (a sitemap that lists the home and a section page):
the verdict drops it with a reason code, counted and logged once with its URL; it never
becomes an article version in incremental runs; its links still feed discovery."""

from __future__ import annotations

import logging
import sqlite3

import pytest
import pytest_twisted
from scrapy.utils.test import get_crawler
from servers import LoopbackSite
from test_crawl import _settings

from newscrawl.spiders.article import ArticleSpider

STORIES = {
    "/2025/03/01/harbour-plan-approved-after-long-debate": "Harbour plan approved after a "
    "long debate",
    "/2025/03/02/ferry-line-links-the-islands-from-june": "Ferry line links the islands from "
    "June",
    "/2025/03/03/port-workers-vote-to-end-the-strike": "Port workers vote to end the strike",
}
TEXT = ("The council heard evidence from residents, engineers and the operator over three days, "
        "and its report recommends a phased approach to the works on the quay. ")


def story(path: str, title: str) -> bytes:
    paras = "".join(f"<p>{TEXT}Point {i} of the story about {title.lower()}.</p>"
                    for i in range(5))
    return (f"<html lang='en'><head><title>{title} | Harbour News</title>"
            "<meta property='og:type' content='article'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/section/port'>Port</a></nav>"
            f"<article><h1>{title}</h1><time datetime='2025-03-0{path[9]}T08:00:00Z'>"
            f"March {path[9]}</time>{paras}</article></body></html>").encode()


def section() -> bytes:
    cards = "".join(
        f"<div class='card'><h3><a href='{path}'>{title}</a></h3><p>A summary of the story, "
        "one line about what happened and why it matters.</p></div>"
        for path, title in STORIES.items()
    )
    return ("<html lang='en'><head><title>Port | Harbour News</title>"
            "<meta property='og:type' content='article'></head><body>"
            "<nav><a href='/'>Home</a></nav><main><h1>Port</h1>"
            f"{cards}{cards.replace('card', 'tile')}</main></body></html>").encode()


class HarbourNews(LoopbackSite):
    """A sitemap listing one story and the Port section; the section links to all three."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def respond(self, path, headers):
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
        if path == "/sitemap.xml":
            first = next(iter(STORIES))
            urls = "".join(f"<url><loc>{self.url}{p}</loc></url>"
                           for p in (first, "/section/port"))
            body = ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns="
                    f"'http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>")
            return 200, {"Content-Type": "application/xml"}, body.encode()
        if path == "/section/port":
            return 200, html, section()
        if path in STORIES:
            return 200, html, story(path, STORIES[path])
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def record(self, path, headers, status):
        self.requests.append(path)


@pytest.mark.slow
@pytest.mark.parametrize("processes", [0, 1])
@pytest_twisted.inlineCallbacks
def test_a_listing_in_a_sitemap_feeds_discovery_and_never_becomes_a_version(
        tmp_path, caplog, processes):
    """Cleaned in the crawl process, or in a cleaning worker (NEWSCRAWL_CLEANING_PROCESSES)."""
    caplog.set_level(logging.INFO)
    with HarbourNews() as site:
        for run in ("run1", "run2"):
            settings = _settings(tmp_path, NEWSCRAWL_INCREMENTAL=True, NEWSCRAWL_RUN_ID=run,
                                 NEWSCRAWL_REVISIT_SCHEDULE="0s:1d",
                                 NEWSCRAWL_CLEANING_PROCESSES=processes)
            settings["FEEDS"] = {str(tmp_path / f"{run}.jsonl"): {"format": "jsonlines"}}
            crawler = get_crawler(ArticleSpider, settings)
            yield crawler.crawl(start_urls=f"{site.url}/sitemap.xml")
            stats = crawler.stats.get_stats()
            assert stats.get("newscrawl/dropped/not_article/listing_page") == 1, run
            assert stats.get("newscrawl/discovery/rejected_listing") == 1, run
            if run == "run1":
                exported = (tmp_path / "run1.jsonl").read_text("utf-8")
                # Two of the stories are linked only from the section page.
                for path in STORIES:
                    assert path in exported
                assert "/section/port" not in exported
    drops = [r for r in caplog.records
             if "/section/port" in r.getMessage() and "not an article" in r.getMessage()]
    assert len(drops) == 2, "one line per run naming the URL"
    assert "(listing_page)" in drops[0].getMessage()
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        articles = [row[0] for row in db.execute("select url from articles")]
        urls = [row[0] for row in db.execute("select url from urls")]
    assert sorted(u.split(site.url, 1)[1] for u in articles) == sorted(STORIES)
    assert not any("/section/" in u for u in urls), "a listing became an article version"
