"""A worker whose Redis goes away: it pauses and goes on when Redis comes back; after
NEWSCRAWL_REDIS_OUTAGE it exits non-zero, and its leased work is taken over by another
worker. Redis "goes away" by SIGSTOP: connections hang and calls time out, as with a
restarting or unreachable server, and the data is still there when it answers again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time

import pytest
import pytest_twisted
from redisserver import RedisServer
from test_crawl import _expected_articles
from test_distributed import SlowSite, _paths, _seed, _worker

from newscrawl.distributed.keys import Keys, connect

FAST_FAIL = {"NEWSCRAWL_REDIS_TIMEOUT": "1"}  # seconds a Redis call may hang
GUARD = 180  # s: a step that never comes fails the test instead of hanging it


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    yield server
    os.kill(server.proc.pid, signal.SIGCONT)
    server.stop()


def _when_leased(server_url: str, worker: str, site: SlowSite, proc) -> None:
    """Wait until the worker has requests in flight (mid-crawl)."""
    client, keys = connect(server_url), Keys.for_crawl("newscrawl", "article")
    deadline = time.monotonic() + GUARD
    while client.zcard(keys.inflight(worker)) < 2 or len(site.requests) < 6:
        assert time.monotonic() < deadline, "the worker never got work"
        assert proc.poll() is None
        time.sleep(0.05)
    client.close()


def _logged(proc, log, text: str) -> None:
    """Wait until the worker's log says `text` (an event, not a guessed duration)."""
    deadline = time.monotonic() + GUARD
    while True:
        exited = proc.poll() is not None  # before the log is read: a last line counts
        if log.exists() and text in log.read_text("utf-8", "replace"):
            return
        assert not exited, f"the worker exited without logging {text!r}"
        assert time.monotonic() < deadline, f"{text!r} never logged"
        time.sleep(0.05)


def _finished(proc, log) -> int:
    try:
        return proc.wait(GUARD)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"worker did not stop; its log:\n{log.read_text()[-3000:]}")


def _merged(out, run) -> list[dict]:
    from newscrawl.distributed.merge import merge_run

    merge_run(out / run)
    return [json.loads(x) for x in (out / run / "articles.jsonl").read_text().splitlines()]


@pytest.mark.slow
@pytest.mark.redis
def test_a_worker_pauses_while_redis_is_away_and_goes_on(tmp_path, redis_server, site_dir):
    out = tmp_path / "out"
    with SlowSite(site_dir, delay=0.5) as site:
        run = _seed(site, redis_server.url)
        proc = _worker("w1", site, redis_server.url, out, NEWSCRAWL_REDIS_OUTAGE="60",
                       **FAST_FAIL)
        _when_leased(redis_server.url, "w1", site, proc)
        os.kill(redis_server.proc.pid, signal.SIGSTOP)
        try:  # Redis is back once the worker has seen it gone and paused
            _logged(proc, out / "w1.log", "Redis unreachable")
        finally:
            os.kill(redis_server.proc.pid, signal.SIGCONT)
        _logged(proc, out / "w1.log", "Redis reachable again")
        code = _finished(proc, out / "w1.log")
    log = (out / "w1.log").read_text()
    assert code == 0, log[-3000:]
    assert "Redis unreachable" in log and "Redis reachable again" in log
    merged = _merged(out, run)
    assert sorted(_paths(merged, site)) == sorted(_expected_articles(site_dir))


@pytest.mark.slow
@pytest.mark.redis
def test_a_worker_gives_up_after_the_outage_limit_and_its_work_is_taken_over(
        tmp_path, redis_server, site_dir):
    out = tmp_path / "out"
    with SlowSite(site_dir, delay=0.5) as site:
        run = _seed(site, redis_server.url)
        victim = _worker("victim", site, redis_server.url, out, NEWSCRAWL_REDIS_OUTAGE="3",
                         **FAST_FAIL)
        _when_leased(redis_server.url, "victim", site, victim)
        os.kill(redis_server.proc.pid, signal.SIGSTOP)
        try:
            code = _finished(victim, out / "victim.log")  # bounded: fails if it hangs
        finally:
            os.kill(redis_server.proc.pid, signal.SIGCONT)
        log = (out / "victim.log").read_text()
        assert code == 1, log[-3000:]
        assert "redis_unavailable" in log
        # Its leases are still in Redis; another worker takes them over once the victim's
        # heartbeat has expired, and the run is complete.
        survivor = _worker("survivor", site, redis_server.url, out)
        assert _finished(survivor, out / "survivor.log") == 0
    merged = _merged(out, run)
    assert sorted(_paths(merged, site)) == sorted(_expected_articles(site_dir))


# -- crawl-state calls off the reactor thread ---------------------------------------------

ARCHIVED = "https://daily.example/news/1-harbour"


def _state_crawler(server_url: str, outage: str):
    """A worker's crawler with the crawl state in Redis, as the add-on sets it up."""
    from scrapy.utils.test import get_crawler

    from newscrawl.spiders.article import ArticleSpider

    crawler = get_crawler(ArticleSpider, {
        "NEWSCRAWL_REDIS_URL": server_url, "NEWSCRAWL_WORKER_ID": "w1",
        "NEWSCRAWL_INCREMENTAL": True, "NEWSCRAWL_STATE_PATH": "redis",
        "NEWSCRAWL_STATE_BACKEND": "newscrawl.distributed.state.RedisCrawlState",
        "NEWSCRAWL_REDIS_OUTAGE": outage, **FAST_FAIL})
    crawler.spider = ArticleSpider(start_urls="https://daily.example/")
    return crawler


def _archive_one(server_url: str) -> None:
    """One committed article with an ETag, as an earlier run leaves it."""
    from newscrawl.distributed.state import RedisCrawlState
    from newscrawl.state.base import ArticleState

    state = RedisCrawlState(connect(server_url))
    state.stage("r0", ArticleState(id="a1", site="daily.example", url=ARCHIVED,
                                   fingerprint="fp-1", etag='"v1"', urls=[ARCHIVED],
                                   first_seen="2025-01-01T00:00:00Z"))
    state.commit_run("r0", {})
    state.close()


def _carrier(fingerprint: str):
    from datetime import UTC, datetime

    from newscrawl.items import ArticleItem, PageCarrier, PageSource, Rendered

    carrier = PageCarrier(ArticleItem(url=ARCHIVED), PageSource(
        body=b"", headers={}, fetched_at=datetime(2025, 3, 1, tzinfo=UTC), site="daily.example"))
    carrier.accept(Rendered({"metadata": {"fingerprint": fingerprint, "site": "daily.example"}}))
    return carrier


@pytest.mark.slow
@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_crawl_state_calls_wait_for_a_frozen_redis_off_the_reactor(redis_server):
    """The conditional-requests middleware and the incremental pipeline read the shared
    crawl state while Redis is frozen (SIGSTOP): their calls wait in the worker's Redis
    thread (its link: time out, retry) while the reactor goes on (a LoopingCall ticks, the
    test's own timers fire), and they finish with the right answer once Redis is back.
    Were a lookup made in the reactor thread, calling the hook would itself hang until the
    call timed out and come back failed: `not called` below would not hold."""
    from scrapy import Request
    from scrapy.utils.defer import deferred_from_coro
    from twisted.internet import reactor, task

    from newscrawl.middlewares.conditional import ConditionalRequestMiddleware
    from newscrawl.pipelines.incremental import IncrementalPipeline
    from newscrawl.state.versions import Unchanged

    _archive_one(redis_server.url)
    crawler = _state_crawler(redis_server.url, outage="60")
    middleware = ConditionalRequestMiddleware.from_crawler(crawler)
    pipeline = IncrementalPipeline.from_crawler(crawler)
    state = middleware.state
    assert pipeline.state is state and state.link is not None
    threads: list[str] = []
    find = state.find

    def spied_find(url: str):
        threads.append(threading.current_thread().name)
        return find(url)

    state.find = spied_find  # type: ignore[method-assign]
    ticks: list[float] = []
    loop = task.LoopingCall(lambda: ticks.append(time.monotonic()))
    loop.start(0.05)
    os.kill(redis_server.proc.pid, signal.SIGSTOP)
    try:
        request = Request(ARCHIVED, meta={"newscrawl_role": "revisit"})
        # As the engine runs them: asyncio tasks (the reactor is asyncio's).
        lookup = deferred_from_coro(middleware.process_request(request))
        judged = deferred_from_coro(pipeline.process_item(_carrier("fp-1")))
        deadline = time.monotonic() + 60
        while not state.link.paused:  # a call has timed out: the link retries, paused
            assert time.monotonic() < deadline, "the link never noticed the frozen Redis"
            await task.deferLater(reactor, 0.1, lambda: None)
        seen = len(ticks)
        await task.deferLater(reactor, 0.5, lambda: None)
        assert not lookup.called and not judged.called  # still waiting for Redis...
        assert len(ticks) > seen  # ...and the reactor goes on meanwhile
    finally:
        os.kill(redis_server.proc.pid, signal.SIGCONT)
    lookup.addTimeout(60, reactor)
    judged.addTimeout(60, reactor)
    assert await lookup is None
    assert request.meta["newscrawl_known_id"] == "a1"
    assert request.headers["If-None-Match"] == b'"v1"'
    with pytest.raises(Unchanged):  # the archived fingerprint: seen, not emitted again
        await judged
    loop.stop()
    assert threads and set(threads) == {"redis-main"}  # the worker's link, never the reactor
    assert crawler.stats.get_value("newscrawl/incremental/unchanged") == 1
    assert state.get("a1").last_seen is not None  # the pipeline's touch reached Redis


@pytest.mark.slow
@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_a_crawl_state_call_past_the_outage_limit_fails_its_request_for_the_queue(
        redis_server):
    """Past NEWSCRAWL_REDIS_OUTAGE the lookup fails with RedisGone: the request fails, and
    the scheduler counts it a Redis failure, whose request goes back to the queue."""
    from scrapy import Request
    from scrapy.utils.defer import deferred_from_coro
    from twisted.internet import reactor
    from twisted.python.failure import Failure

    from newscrawl.distributed.link import RedisGone
    from newscrawl.distributed.scheduler import redis_failure
    from newscrawl.middlewares.conditional import ConditionalRequestMiddleware

    _archive_one(redis_server.url)
    middleware = ConditionalRequestMiddleware.from_crawler(
        _state_crawler(redis_server.url, outage="1"))
    os.kill(redis_server.proc.pid, signal.SIGSTOP)
    try:
        lookup = deferred_from_coro(middleware.process_request(
            Request(ARCHIVED, meta={"newscrawl_role": "article"})))
        lookup.addTimeout(60, reactor)
        with pytest.raises(RedisGone) as failed:
            await lookup
    finally:
        os.kill(redis_server.proc.pid, signal.SIGCONT)
    assert redis_failure(Failure(failed.value))
