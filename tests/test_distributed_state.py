"""The crawl state on Redis behaves as the SQLite store does (the CrawlState contract), and
keeps versions consistent when workers commit the same article."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
import pytest_twisted
from redisserver import RedisServer
from twisted.internet.defer import Deferred

from newscrawl.state.base import ArticleState, iso
from newscrawl.state.sqlite import SqliteCrawlState

T0 = datetime(2025, 1, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "redis"])
def state(request, tmp_path):
    if request.param == "sqlite":
        store = SqliteCrawlState(tmp_path / "state.sqlite3")
        yield store
        store.close()
        return
    from newscrawl.distributed.keys import connect
    from newscrawl.distributed.state import RedisCrawlState

    server = RedisServer(tmp_path)
    store = RedisCrawlState(connect(server.url), prefix="t")
    yield store
    store.close()
    server.stop()


def _article(version: int = 1, fingerprint: str = "f1", **kw) -> ArticleState:
    return ArticleState(id="a1", site="news", url="http://news.example/a", fingerprint=fingerprint,
                        version=version, first_seen=iso(T0), last_seen=iso(T0),
                        last_changed=iso(T0), urls=["http://news.example/a"], **kw)


def test_state_contract(state):
    state.begin_run("r1", T0)
    state.stage("r1", _article())
    assert state.get("a1") is None and state.running_runs() == ["r1"]
    assert state.commit_run("r1", {"items": 1}) == 1
    assert state.get_run("r1").status == "committed"
    assert state.get_run("r1").manifest == {"items": 1}
    assert state.find("http://news.example/a?utm_source=x").id == "a1"
    assert state.count_articles() == state.count_articles("news") == 1

    state.touch("a1", T0 + timedelta(hours=2), etag='"e1"', urls=["http://news.example/a-amp"])
    a = state.get("a1")
    assert (a.etag, a.last_seen) == ('"e1"', iso(T0 + timedelta(hours=2)))
    assert state.find("http://news.example/a-amp").id == "a1"

    state.begin_run("r2", T0)
    state.stage("r2", _article(version=2, fingerprint="f2"))
    assert state.abandon_run("r2") == 1
    assert state.get("a1").version == 1 and state.get_run("r2").status == "abandoned"
    assert state.running_runs() == []

    hourly = [(3600.0, 86400.0)]
    assert [x.id for x in state.due_for_revisit(["news"], T0 + timedelta(hours=4), hourly)] \
        == ["a1"]
    state.mark_gone("a1", T0 + timedelta(hours=5))
    assert state.due_for_revisit(["news"], T0 + timedelta(hours=8), hourly) == []

    state.set_value("templates", "news", {"blocks": ["x"]})
    assert state.get_value("templates", "news") == {"blocks": ["x"]}
    state.delete_value("templates", "news")
    assert state.get_value("templates", "news") is None

    assert state.reset_site("news") == 1
    assert state.get("a1") is None and state.find("http://news.example/a") is None


def test_workers_committing_one_article_make_one_version_each_change(tmp_path):
    from newscrawl.distributed.keys import connect
    from newscrawl.distributed.state import RedisCrawlState

    server = RedisServer(tmp_path)
    try:
        w1, w2 = (RedisCrawlState(connect(server.url), prefix="t") for _ in range(2))
        w1.stage("r0", _article())
        w1.commit_run("r0", {})
        # Both workers saw version 1 and a change; each stages version 2.
        w1.stage("r1", _article(version=2, fingerprint="f2"))
        w2.stage("r2", _article(version=2, fingerprint="f3"))
        w1.commit_run("r1", {})
        w2.commit_run("r2", {})
        assert (w1.get("a1").version, w1.get("a1").fingerprint) == (3, "f3")
        # The same content committed again adds no version.
        w1.stage("r3", _article(version=4, fingerprint="f3"))
        w1.commit_run("r3", {})
        assert w2.get("a1").version == 3
    finally:
        server.stop()


def test_update_value_on_redis_reruns_the_change_after_a_concurrent_write(tmp_path):
    """What another worker stores between our read and our write is merged, not lost."""
    from newscrawl.distributed.keys import connect
    from newscrawl.distributed.state import RedisCrawlState

    server = RedisServer(tmp_path)
    try:
        mine, other = (RedisCrawlState(connect(server.url), prefix="t") for _ in range(2))
        mine.set_value("templates", "news", ["a"])
        seen = []

        def change(value):
            seen.append(value)
            if len(seen) == 1:  # another worker's save lands after our read
                other.set_value("templates", "news", [*value, "other"])
            return [*value, "mine"]

        assert mine.update_value("templates", "news", change) == ["a", "other", "mine"]
        assert seen == [["a"], ["a", "other"]]  # WATCH saw the write: read again
        assert other.get_value("templates", "news") == ["a", "other", "mine"]
    finally:
        server.stop()


def test_workers_saving_one_sites_templates_merge_what_they_learned(state):
    """Two workers each see two articles with the site's rail: alone neither has seen it
    on MIN_PAGES (3) articles; their saves merged, the next crawl knows it from the start."""
    from newscrawl.clean.templates import body_block_keys
    from newscrawl.pipelines.templates import SiteTemplateMemory

    rail = body_block_keys("Travel notes: a weekend on Jeju's quieter eastern coast.")
    workers = [SiteTemplateMemory(state, min_pages=3) for _ in range(2)]
    for n, worker in enumerate(workers):
        assert worker.known("news") == frozenset()  # both start before either saves
        for article in (f"w{n}-a", f"w{n}-b"):
            assert worker.observe("news", article, rail) == []
    for worker in workers:
        worker.save()
    assert workers[1].known("news") == frozenset(rail)  # learned back on save
    stored = state.get_value("templates", "news")
    assert {k: len(v) for k, v in stored.items()} == {k: 3 for k in rail}
    assert SiteTemplateMemory(state, min_pages=3).known("news") == frozenset(rail)


@pytest_twisted.ensureDeferred
async def test_the_close_stores_what_each_site_learned_and_lets_it_go(state):
    """At the close each site's blocks are merged into the store (another worker's saved
    blocks kept) and then dropped from memory: nothing learns from them any more."""
    from newscrawl.clean.templates import body_block_keys
    from newscrawl.pipelines.templates import SiteTemplateMemory

    rail = body_block_keys("Travel notes: a weekend on Jeju's quieter eastern coast.")
    other = SiteTemplateMemory(state, min_pages=3)
    other.observe("news", "w1-a", rail)
    other.save()
    memory = SiteTemplateMemory(state, min_pages=3)
    for article in ("w2-a", "w2-b"):
        memory.observe("news", article, rail)
        memory.observe("sport", article, rail)
    await Deferred.fromFuture(asyncio.ensure_future(memory.save_at_close()))
    assert memory.learner.seen == {} and memory.loaded == set() and memory.dirty == set()
    assert {k: sorted(v) for k, v in state.get_value("templates", "news").items()} == {
        k: ["w1-a", "w2-a", "w2-b"] for k in rail}
    assert {k: sorted(v) for k, v in state.get_value("templates", "sport").items()} == {
        k: ["w2-a", "w2-b"] for k in rail}
    assert SiteTemplateMemory(state, min_pages=3).known("news") == frozenset(rail)


@pytest.mark.parametrize("size", [4097, 10_000])
def test_a_large_mapping_round_trips_in_its_order(state, size):
    value = {f"block{n:05}é": [f"a{n % 7}"] for n in range(size, 0, -1)}  # not sorted
    state.set_value("templates", "news", value)
    got = state.get_value("templates", "news")
    assert got == value and list(got) == list(value)
    bigger = state.update_value("templates", "news", lambda v: {**v, "extra": ["a1"]})
    assert state.get_value("templates", "news") == bigger and len(bigger) == size + 1
    state.set_value("templates", "news", {"one": ["a1"]})  # shrinks: no part left behind
    assert state.get_value("templates", "news") == {"one": ["a1"]}
    state.set_value("templates", "news", value)
    state.delete_value("templates", "news")
    assert state.get_value("templates", "news") is None


def test_sqlite_keeps_a_large_mapping_in_parts_and_reads_the_whole_form(tmp_path):
    from newscrawl.state.base import DUMPS_SLICE

    store = SqliteCrawlState(tmp_path / "state.sqlite3")
    value = {f"b{n}": [f"a{n}"] for n in range(2 * DUMPS_SLICE + 1)}
    store.set_value("templates", "news", value)
    assert [tuple(r) for r in store.db.execute("SELECT value FROM kv")] == [(None,)]
    assert store.db.execute("SELECT count(*) FROM kv_parts").fetchone()[0] == 3
    # A file written before parts existed holds the whole text in kv: still read.
    store.delete_value("templates", "news")
    store.db.execute("INSERT INTO kv (namespace, key, value) VALUES ('templates', 'news', ?)",
                     (json.dumps(value),))
    assert store.get_value("templates", "news") == value
    assert store.db.execute("SELECT count(*) FROM kv_parts").fetchone()[0] == 0
    store.close()


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 10_000])
def test_a_large_value_is_encoded_in_slices_as_json_dumps_would(size):
    from newscrawl.state.base import dumps_value

    value = {f"k{n}\u2028é": ([f"a{n}"] if n % 2 else (f"a{n}", None, 1.5)) for n in range(size)}
    assert dumps_value(value) == json.dumps(value, ensure_ascii=False)
    assert json.loads(dumps_value(value)) == json.loads(json.dumps(value))
    assert dumps_value(["x", {"y": 1}]) == json.dumps(["x", {"y": 1}])
