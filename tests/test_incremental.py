"""Incremental runs against a news site that changes between crawls: versions, 304s,
skipped and gone articles, the run archive (items, WARC, manifest) and `reprocess`."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import jsonschema
import pytest
import pytest_twisted
from newssite import NewsSite
from scrapy.utils.test import get_crawler
from test_crawl import _settings
from warcio.archiveiterator import ArchiveIterator
from warcio.cli import main as warcio_main

from newscrawl.cli import main as cli_main
from newscrawl.spiders.article import ArticleSpider
from newscrawl.state.base import ArticleState, is_due, parse_schedule

SCHEMA = Path(__file__).resolve().parent.parent / "newscrawl" / "schema" / "article.schema.json"


@pytest.fixture
def news_site():
    with NewsSite(count=5) as site:
        yield site


def _crawl(tmp_path: Path, site: NewsSite, name: str, **extra):
    settings = _settings(tmp_path, NEWSCRAWL_INCREMENTAL=True, NEWSCRAWL_RUN_ID=name, **extra)
    settings["FEEDS"] = {str(tmp_path / f"{name}.jsonl"): {"format": "jsonlines"}}
    crawler = get_crawler(ArticleSpider, settings)
    d = crawler.crawl(start_urls=f"{site.url}/")
    return crawler, d


def _runs(tmp_path: Path) -> list[dict]:
    """Manifests of the runs, oldest first (the tests name them run1, run2...)."""
    return [json.loads(p.read_text()) for p in sorted((tmp_path / "runs").glob("*/manifest.json"))]


def _items(tmp_path: Path, run_id: str) -> list[dict]:
    with gzip.open(tmp_path / "runs" / run_id / "items.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _by_n(items: list[dict]) -> dict[int, dict]:
    return {int(i["url"].rsplit("/", 1)[1][:4]): i for i in items}


@pytest_twisted.inlineCallbacks
def test_two_runs_emit_new_and_changed_articles_only(tmp_path, news_site):
    every_run = "0s:1d"  # revisit everything at once: the second run comes seconds later
    crawler, d = _crawl(tmp_path, news_site, "run1", NEWSCRAWL_REVISIT_SCHEDULE=every_run)
    yield d
    (first,) = _runs(tmp_path)
    run1 = _by_n(_items(tmp_path, first["runId"]))
    assert sorted(run1) == [1, 2, 3, 4, 5]
    assert len(_items(tmp_path, first["runId"])) == 5, "an article emitted twice"
    assert all(i["metadata"]["version"] == 1 and i["metadata"]["previousFingerprint"] is None
               for i in run1.values())
    assert first["status"] == "complete" and first["exitStatus"] == 0
    schema = json.loads(SCHEMA.read_text())
    for item in run1.values():
        jsonschema.validate(item, schema)
    assert first["counts"]["new"] == 5 and first["counts"]["items"] == 5

    # Next day: two new articles, one edited, one with only a new header date, one deleted,
    # one untouched.
    news_site.add(6)
    news_site.add(7)
    news_site.edit(1)
    news_site.new_day(2)
    news_site.delete(3)
    crawler, d = _crawl(tmp_path, news_site, "run2", NEWSCRAWL_REVISIT_SCHEDULE=every_run)
    yield d
    stats = crawler.stats.get_stats()
    second = _runs(tmp_path)[1]
    run2 = _by_n(_items(tmp_path, second["runId"]))
    assert sorted(run2) == [1, 6, 7]
    edited = run2[1]["metadata"]
    assert edited["version"] == 2
    assert edited["previousFingerprint"] == run1[1]["metadata"]["fingerprint"]
    assert edited["changedFields"] == ["articleBody"]
    assert edited["articleId"] == run1[1]["metadata"]["articleId"]
    assert run2[6]["metadata"]["version"] == 1 and run2[6]["metadata"]["changedFields"] == []
    # The feed of the run holds the same items.
    feed = [json.loads(x) for x in (tmp_path / "run2.jsonl").read_text().splitlines()]
    assert sorted(_by_n(feed)) == [1, 6, 7]
    # Header date only: fetched (its ETag changed), judged unchanged, not emitted.
    assert stats["newscrawl/incremental/unchanged"] == 1
    # Untouched articles (4, 5) answered 304 to conditional requests, and were not parsed.
    assert stats["newscrawl/incremental/not_modified"] == 2
    conditional = [h for p, h, s in news_site.requests if s == 304]
    assert len(conditional) == 2 and all("If-None-Match" in h for h in conditional)
    assert stats["newscrawl/pages/article"] == 4  # 1, 2, 6, 7
    # The deleted article was revisited from the state, found gone, not counted as an error.
    assert stats["newscrawl/incremental/gone"] == 1
    assert not any(k.startswith("newscrawl/fetch_error/") for k in stats)
    assert stats["newscrawl/health"] == "ok"
    for key, value in {"new": 2, "updated": 1, "unchanged": 1, "notModified": 2, "gone": 1,
                       "items": 3, "errors": 0}.items():
        assert second["counts"][key] == value, key

    # A third run an hour later on the default schedule: nothing is due, nothing is new.
    crawler, d = _crawl(tmp_path, news_site, "run3")
    yield d
    stats = crawler.stats.get_stats()
    third = _runs(tmp_path)[2]
    assert third["counts"]["items"] == 0
    assert stats["newscrawl/incremental/not_due"] == 6  # every live article on the home page
    assert "newscrawl/pages/article" not in stats
    assert third["exitStatus"] == 0 and stats["newscrawl/health"] == "ok"

    # The WARCs pass warcio's own check, and their metadata records link the items.
    warcs = [tmp_path / "runs" / m["runId"] / "pages.warc.gz" for m in (first, second)]
    for warc in warcs:
        with pytest.raises(SystemExit) as done:
            warcio_main(["check", str(warc)])
        assert done.value.code == 0
    links = _warc_links(warcs[1])
    assert {(m["articleId"], m["fingerprint"], m["version"]) for m in links.values()} == {
        (i["metadata"]["articleId"], i["metadata"]["fingerprint"], i["metadata"]["version"])
        for i in run2.values()}
    for entry in first["files"] + second["files"]:
        assert entry["bytes"] > 0 and len(entry["sha256"]) == 64
    assert not list((tmp_path / "runs").glob(".*.part"))

    # Reprocessing the archive reproduces the items ...
    out = tmp_path / "reprocessed.jsonl"
    assert cli_main(["reprocess", *map(str, warcs), "--out", str(out)]) == 0
    again = [json.loads(x) for x in out.read_text().splitlines()]
    archived = list(run1.values()) + list(run2.values())
    assert _comparable(again) == _comparable(archived)
    # ... and, against the state, finds nothing new (the cleaning has not changed) ...
    state_copy = tmp_path / "state-copy.sqlite3"
    shutil.copy(tmp_path / "state.sqlite3", state_copy)
    assert cli_main(["reprocess", *map(str, warcs), "--out", str(out),
                     "--state", str(state_copy)]) == 0
    assert out.read_text() == ""
    # ... until the cleaning gives another result: then it is a new version.
    with sqlite3.connect(state_copy) as db:
        db.execute("UPDATE articles SET fingerprint = 'sha256:old', field_hashes = "
                   "json_set(field_hashes, '$.headline', 'x') WHERE url LIKE '%0004-%'")
    assert cli_main(["reprocess", *map(str, warcs), "--out", str(out),
                     "--state", str(state_copy)]) == 0
    (changed,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert changed["url"].endswith(news_site.articles[4].path)
    assert changed["metadata"]["version"] == 2
    assert changed["metadata"]["previousFingerprint"] == "sha256:old"
    assert changed["metadata"]["changedFields"] == ["headline"]

    # Resetting a site forgets its articles: the next run would emit them as new.
    assert cli_main(["state", "reset", "--site", "127.0.0.1", "--state", str(state_copy)]) == 0
    with sqlite3.connect(state_copy) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM urls").fetchone()[0] == 0


def _warc_links(path: Path) -> dict[str, dict]:
    """Metadata records by the response record they refer to (every one must exist)."""
    responses, links = set(), {}
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                responses.add(record.rec_headers.get_header("WARC-Record-ID"))
            elif record.rec_type == "metadata":
                ref = record.rec_headers.get_header("WARC-Refers-To")
                links[ref] = json.loads(record.content_stream().read())
    assert set(links) == responses
    return links


def _comparable(items: list[dict]) -> list[str]:
    out = []
    for item in items:
        item = json.loads(json.dumps(item))
        for key in ("version", "previousFingerprint", "changedFields"):
            item["metadata"].pop(key, None)
        out.append(json.dumps(item, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def test_revisit_schedule_decays():
    from datetime import UTC, datetime, timedelta

    now = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)
    schedule = parse_schedule("1h:1d,1d:7d")
    assert schedule == [(3600, 86400), (86400, 7 * 86400)]

    def article(age: timedelta, since: timedelta) -> ArticleState:
        iso = lambda dt: dt.isoformat().replace("+00:00", "Z")  # noqa: E731
        return ArticleState(id="a", site="s", url="u", fingerprint="f",
                            first_seen=iso(now - age), last_seen=iso(now - since))

    h, d = timedelta(hours=1), timedelta(days=1)
    assert is_due(article(5 * h, h), now, schedule)
    assert is_due(article(5 * h, h - timedelta(seconds=30)), now, schedule)  # cron jitter
    assert not is_due(article(5 * h, 20 * timedelta(minutes=1)), now, schedule)
    assert not is_due(article(3 * d, 5 * h), now, schedule)
    assert is_due(article(3 * d, d), now, schedule)
    assert not is_due(article(8 * d, 2 * d), now, schedule)  # past the last step: never
    gone = article(5 * h, 2 * h)
    gone.gone = "2025-01-10T11:00:00Z"
    assert not is_due(gone, now, schedule)


def test_next_run_finishes_a_committed_run_and_abandons_an_uncommitted_one(tmp_path):
    from newscrawl.exporters.run_archive import RunArchive
    from newscrawl.state.base import utc_now
    from newscrawl.state.sqlite import SqliteCrawlState

    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    runs = tmp_path / "runs"

    def article(n: int) -> ArticleState:
        return ArticleState(id=f"a{n}", site="s", url=f"https://s.example/news/{n}",
                            fingerprint=f"sha256:{n}", first_seen="2025-01-01T00:00:00Z",
                            last_seen="2025-01-01T00:00:00Z", urls=[f"https://s.example/news/{n}"])

    # r0 died mid-run: files half written, articles staged, never committed.
    state.begin_run("r0", utc_now())
    state.stage("r0", article(0))
    (runs / ".r0.part").mkdir(parents=True)
    (runs / ".r0.part" / "items.jsonl.gz").write_bytes(b"\x1f\x8b truncated")
    # r1 died after its commit point, before its folder got its final name.
    state.begin_run("r1", utc_now())
    state.stage("r1", article(1))
    manifest = {"runId": "r1", "status": "complete", "files": [], "counts": {"new": 1}}
    state.commit_run("r1", manifest)
    (runs / ".r1.part").mkdir()
    (runs / ".r1.part" / "items.jsonl.gz").write_bytes(gzip.compress(b"{}\n"))
    state.close()

    # The next crawl: its run archive recovers when it is made, before anything is fetched.
    crawler = get_crawler(ArticleSpider, _settings(tmp_path, NEWSCRAWL_INCREMENTAL=True,
                                                   NEWSCRAWL_RUN_ID="r2"))
    assert any(isinstance(e, RunArchive) for e in crawler.extensions.middlewares)

    assert json.loads((runs / "r1" / "manifest.json").read_text()) == manifest
    assert (runs / "r1" / "items.jsonl.gz").exists()
    abandoned = json.loads((runs / "r0" / "manifest.json").read_text())
    assert abandoned["status"] == "abandoned" and abandoned["discardedStaged"] == 1
    assert sorted(p.name for p in (runs / "r0").iterdir()) == ["manifest.json"]
    assert sorted(p.name for p in runs.glob(".*.part")) == [".r2.part"]  # the new run's
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    assert state.get("a1") is not None and state.get("a0") is None
    assert state.get_run("r0").status == "abandoned"
    assert state.running_runs() == ["r2"]
    state.close()


def test_health_counts_articles_seen_not_only_new_ones():
    from newscrawl.extensions.health import problems

    known = {"newscrawl/state/known_articles": 40, "downloader/response_count": 10}
    # Nothing new, but articles were seen unchanged or not modified: healthy.
    assert problems({**known, "newscrawl/incremental/unchanged": 2,
                     "newscrawl/incremental/not_modified": 5}, 0.2) == []
    # Nothing due and nothing new: a quiet hour.
    assert problems({**known, "newscrawl/incremental/not_due": 12}, 0.2) == []
    # Article pages fetched, none of them an article any more: the site broke.
    (problem,) = problems({**known, "newscrawl/incremental/not_due": 12,
                           "newscrawl/pages/article": 3}, 0.2)
    assert "no article" in problem and "40 archived articles" in problem
    assert problems({"downloader/response_count": 3}, 0.2) == ["no article was exported"]
