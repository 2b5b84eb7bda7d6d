"""A worker whose Redis goes away: it pauses and goes on when Redis comes back; after
NEWSCRAWL_REDIS_OUTAGE it exits non-zero, and its leased work is taken over by another
worker. Redis "goes away" by SIGSTOP: connections hang and calls time out, as with a
restarting or unreachable server, and the data is still there when it answers again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest
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
