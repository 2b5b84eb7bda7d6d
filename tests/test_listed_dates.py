"""Dates that sitemaps and feeds list reach their articles whatever the order of fetches:
the scheduler reads a host's sitemaps and feeds before its other pages
(newscrawl/scheduler.py), the crawl state remembers the date a listing gave
(ArticleState.listed_date), and a fetch that only lost the archived date is no new version
(state/versions.py). Article 1009 of the fixture site is dated by its news sitemap alone."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
import pytest_twisted
from scrapy.utils.test import get_crawler
from servers import FixtureSite
from test_crawl import _settings

from newscrawl.spiders.article import ArticleSpider
from newscrawl.state.base import ArticleState, utc_now
from newscrawl.state.sqlite import SqliteCrawlState
from newscrawl.state.versions import field_hashes, judge

NEWS_SITEMAP = "/sitemap-news.xml"
DATED_BY_SITEMAP = "/news/1009-hollywood-ai-copyright-letter-trump"
SITEMAP_DATE = "2025-03-18T14:20:00+09:00"


class ChangingSite(FixtureSite):
    """The fixture site, with some paths answered late (seconds) and some gone (404)."""

    def __init__(self, folder: Path, slow: dict[str, float] | None = None):
        super().__init__(folder)
        self.slow = dict(slow or {})
        self.gone: set[str] = set()

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        time.sleep(self.slow.get(path, 0.0))
        if path in self.gone:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return super().respond(path, headers)


def _crawl(tmp_path: Path, site: ChangingSite, name: str, **extra):
    settings = _settings(tmp_path, NEWSCRAWL_RUN_ID=name, **extra)
    settings["FEEDS"] = {str(tmp_path / f"{name}.jsonl"): {"format": "jsonlines"}}
    crawler = get_crawler(ArticleSpider, settings)
    d = crawler.crawl(site="seoulpost", start_urls=f"{site.url}/sitemap.xml {site.url}/")
    return crawler, d


def _feed(tmp_path: Path, name: str) -> dict[str, dict]:
    lines = (tmp_path / f"{name}.jsonl").read_text("utf-8").splitlines()
    return {json.loads(x)["url"].split("/", 3)[3]: json.loads(x) for x in lines}


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_a_slow_news_sitemap_still_dates_the_article_linked_from_the_home_page(
        tmp_path, site_dir):
    # The home page links 1009 at once; its news sitemap answers 1.5 s later. Before the
    # scheduler held the host's pages, 1009 was fetched first and exported undated.
    with ChangingSite(site_dir, slow={NEWS_SITEMAP: 1.5}) as site:
        crawler, d = _crawl(tmp_path, site, "run1")
        yield d
        requests = list(site.requests)
    item = _feed(tmp_path, "run1")[DATED_BY_SITEMAP.lstrip("/")]
    assert item["datePublished"] == SITEMAP_DATE
    assert item["metadata"]["sources"]["datePublished"] == "sitemap"
    # Articles and sections were fetched only once the news sitemap had been read.
    pages = [p for p in requests if "/news/" in p or p.startswith("/section/")]
    assert pages and all(requests.index(p) > requests.index(NEWS_SITEMAP) for p in pages)
    assert crawler.stats.get_value("newscrawl/discovery/held") > 0
    assert len(requests) == len(set(requests))


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_a_revisit_keeps_the_date_a_sitemap_gave_once_it_is_no_longer_listed(
        tmp_path, site_dir):
    """A Google News sitemap lists an article for two days; it is revisited for seven."""
    every_run = {"NEWSCRAWL_INCREMENTAL": True, "NEWSCRAWL_REVISIT_SCHEDULE": "0s:1d"}
    with ChangingSite(site_dir) as site:
        _, d = _crawl(tmp_path, site, "run1", **every_run)
        yield d
        first = _feed(tmp_path, "run1")
        site.gone.add(NEWS_SITEMAP)
        crawler, d = _crawl(tmp_path, site, "run2", **every_run)
        yield d
    stats = crawler.stats.get_stats()
    assert first[DATED_BY_SITEMAP.lstrip("/")]["datePublished"] == SITEMAP_DATE
    assert stats["newscrawl/incremental/revisit_due"] == len(first)
    assert stats["newscrawl/incremental/unchanged"] == len(first)
    assert "newscrawl/incremental/updated" not in stats
    # Cleaned with the date the state remembers, not merely kept (see the next tests).
    assert "newscrawl/incremental/date_kept" not in stats
    assert not (tmp_path / "run2.jsonl").exists() or not _feed(tmp_path, "run2")
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    try:
        known = state.find(f"{site.url}{DATED_BY_SITEMAP}")
        assert known is not None and known.listed_date == SITEMAP_DATE
        assert known.version == 1
    finally:
        state.close()


def _item(date: str | None, body: str = "Body.") -> dict:
    item = {"url": "https://news.example/a/1", "headline": "A", "articleBody": body,
            "authors": ["X"], "datePublished": date, "description": None, "images": [],
            "metadata": {"site": "news.example"}}
    from newscrawl.clean.fingerprint import content_fingerprint

    item["metadata"]["fingerprint"] = content_fingerprint(item)
    return item


def _state_with(tmp_path: Path, item: dict) -> SqliteCrawlState:
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    state.begin_run("r1", utc_now())
    verdict = judge(state, item, utc_now(), "r1", listed_date=item["datePublished"])
    assert verdict.kind == "new"
    state.stage("r1", verdict.record)
    state.commit_run("r1", {})
    return state


def test_a_fetch_that_only_lost_the_date_keeps_the_archived_version(tmp_path):
    state = _state_with(tmp_path, _item("2025-03-18T14:20:00+09:00"))
    try:
        crawl = judge(state, _item(None), utc_now(), "r2", keep_archived_date=True)
        assert crawl.kind == "unchanged" and crawl.date_kept
        # Anything else that changed makes a version, and the missing date is part of it.
        edited = judge(state, _item(None, body="New body."), utc_now(), "r2",
                       keep_archived_date=True)
        assert edited.kind == "updated" and not edited.date_kept
        assert edited.record.field_hashes == field_hashes(_item(None, body="New body."))
        # Another date is a change; reprocess (no keep_archived_date) emits a lost date.
        other = judge(state, _item("2025-03-19"), utc_now(), "r2", keep_archived_date=True)
        assert other.kind == "updated"
        assert judge(state, _item(None), utc_now(), "r2").kind == "updated"
        # The record remembers the listed date across versions it was not given again.
        assert edited.record.listed_date == "2025-03-18T14:20:00+09:00"
    finally:
        state.close()


def test_an_undated_archived_version_gets_no_date_kept(tmp_path):
    state = _state_with(tmp_path, _item(None))
    try:
        dated = judge(state, _item("2025-03-18"), utc_now(), "r2", keep_archived_date=True)
        assert dated.kind == "updated" and dated.record.version == 2
        assert judge(state, _item(None), utc_now(), "r2",
                     keep_archived_date=True).kind == "unchanged"
    finally:
        state.close()


def test_a_state_file_from_before_listed_dates_opens_and_gains_the_column(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:  # the articles table as it was (no listed_date)
        db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, site TEXT, url TEXT NOT NULL, "
                   "fingerprint TEXT NOT NULL, version INTEGER NOT NULL, field_hashes TEXT "
                   "NOT NULL DEFAULT '{}', first_seen TEXT, last_seen TEXT, last_changed "
                   "TEXT, etag TEXT, last_modified TEXT, gone TEXT, run_id TEXT)")
        db.execute("INSERT INTO articles (id, url, fingerprint, version) "
                   "VALUES ('a1', 'https://news.example/a/1', 'sha256:x', 3)")
    state = SqliteCrawlState(path)
    try:
        assert state.get("a1") == ArticleState(id="a1", site=None, url="https://news.example/a/1",
                                               fingerprint="sha256:x", version=3)
        state.touch("a1", utc_now(), listed_date="2025-03-18")
        state.touch("a1", utc_now())  # a fetch without a listing keeps the remembered one
        assert state.get("a1").listed_date == "2025-03-18"
    finally:
        state.close()
