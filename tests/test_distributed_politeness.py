"""Politeness is a property of the cluster: 1, 2 or 3 worker processes crawling the same
sites put the load of one polite crawler on each (tests/politesites.py measures it on the
site's side), fetch robots.txt once per host, and export every article once.

Also the Lua side on its own: slots and turns shared by two workers, AutoThrottle's delay
shared, a dead worker's slots freed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from politesites import PoliteSite
from redisserver import RedisServer
from scrapy import Request

from newscrawl.spiders.article import ArticleSpider

ROOT = Path(__file__).resolve().parent.parent

# The policy under test.
PER_HOST = 2  # CONCURRENT_REQUESTS_PER_DOMAIN
DELAY = 0.25  # s, DOWNLOAD_DELAY
CRAWL_DELAY = 1.0  # s, robots.txt of the second site
# The site stamps arrivals with the kernel's receive time (tests/arrivals.py), so a loaded
# machine delaying its handler threads does not shorten a gap; what is left is the clock's
# and the loopback's jitter, well under a ms. A per-worker policy would show gaps of a
# fraction of the delay (N workers: about delay / N).
RESOLUTION = 0.005  # s


@pytest.fixture
def redis_url(tmp_path):
    server = RedisServer(tmp_path)
    yield server.url
    server.stop()


def _seed(redis_url: str, start_urls: list[str], prefix: str = "newscrawl") -> str:
    from newscrawl.distributed.commands import seed
    from newscrawl.distributed.keys import Keys, connect

    run, pushed = seed(connect(redis_url), Keys.for_crawl(prefix, "article"),
                       ArticleSpider(start_urls=start_urls))
    assert pushed == len(start_urls)
    return run


def start_worker(name: str, start_urls: list[str], redis_url: str, out: Path,
                 **extra: str) -> subprocess.Popen:
    settings = {
        "NEWSCRAWL_REDIS_URL": redis_url,
        "NEWSCRAWL_WORKER_ID": name,
        "NEWSCRAWL_REDIS_RUNS_DIR": str(out),
        "NEWSCRAWL_REDIS_IDLE_TIMEOUT": "2",
        # the product's default: under load a worker's first page (imports, warm-up, the
        # language model) can hold its reactor long enough for a 10-s lease to lapse, and
        # another worker then fetches the leased sitemap again (at-least-once, by design)
        "NEWSCRAWL_REDIS_LEASE": "30",
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8",
        "NEWSCRAWL_STATE_PATH": str(out / f"{name}.sqlite3"),
        "CONCURRENT_REQUESTS": "8",
        "DEFAULT_REQUEST_HEADERS": json.dumps({"X-Worker": name}),  # who sent what
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(PER_HOST),
        "DOWNLOAD_DELAY": str(DELAY),
        "AUTOTHROTTLE_ENABLED": "False",
        "LOG_FILE": str(out / f"{name}.log"),
        "LOG_LEVEL": "INFO",
        **extra,
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article",
           "-a", "start_urls=" + " ".join(start_urls)]
    for k, v in settings.items():
        cmd += ["-s", f"{k}={v}"]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / f"{name}.log", "ab") as log:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log, env={**os.environ})


def wait_for(proc: subprocess.Popen, log: Path, timeout: float = 120) -> int:
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"worker did not stop; its log:\n{log.read_text()[-3000:]}")


def part_items(out: Path, run: str) -> dict[str, list[dict]]:
    return {p.stem: [json.loads(x) for x in p.read_text("utf-8").splitlines() if x.strip()]
            for p in sorted((out / run / "parts").glob("*.jsonl"))}


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.parametrize("workers", [1, 2, 3])
def test_the_sites_see_one_polite_crawler_however_many_workers(tmp_path, redis_url, workers):
    """Site A answers slowly (0.8 s): without a cluster-wide limit, N workers would have
    N * PER_HOST requests open on it and send them DELAY / N apart. Site B asks for a
    Crawl-delay of 1 s in its robots.txt. Each site measures what it got."""
    out = tmp_path / "out"
    # Alone, a worker takes PER_HOST requests at once: the baseline reaches the limit. With
    # more, each takes one at a time: no worker can overrun a site by itself, only the
    # workers together could, and they must take turns on both sites.
    concurrency = PER_HOST if workers == 1 else 1
    with PoliteSite(1, pages=16, latency=0.8) as a, \
            PoliteSite(2, pages=8, latency=0.1, crawl_delay=CRAWL_DELAY) as b:
        start = [f"{a.url}/sitemap.xml", f"{b.url}/sitemap.xml"]
        run = _seed(redis_url, start)
        procs = {f"w{i}": start_worker(f"w{i}", start, redis_url, out,
                                       CONCURRENT_REQUESTS=str(concurrency))
                 for i in range(1, workers + 1)}
        codes = {n: wait_for(p, out / f"{n}.log") for n, p in procs.items()}
    logs = {n: (out / f"{n}.log").read_text() for n in procs}
    assert codes == dict.fromkeys(procs, 0), {n: logs[n][-2000:] for n in procs}
    seen = {"A": (a.max_active, round(a.min_gap(), 3), sorted(a.workers())),
            "B": (b.max_active, round(b.min_gap(), 3), sorted(b.workers()))}
    print(f"{workers} worker(s): per host (max concurrent, min gap s, workers): {seen}")

    # What each site saw: the limit and the delays of one polite crawler.
    assert a.max_active <= PER_HOST, seen
    assert b.max_active <= PER_HOST, seen
    assert a.min_gap() >= DELAY - RESOLUTION, seen
    assert b.min_gap() >= CRAWL_DELAY - RESOLUTION, seen
    # robots.txt once per host for the whole cluster, and the sitemap once.
    warnings = {n: [x for x in log.splitlines() if "WARNING" in x or "ERROR" in x]
                for n, log in logs.items()}
    for site in (a, b):
        fetched = [(round(t, 3), p, w) for t, p, w in site.arrivals
                   if p in ("/robots.txt", "/sitemap.xml")]
        assert site.count("/robots.txt") == 1 and site.count("/sitemap.xml") == 1, \
            (fetched, warnings)
    # Every article exported once, by whichever worker.
    parts = part_items(out, run)
    emitted = [i["url"] for items in parts.values() for i in items]
    assert sorted(emitted) == sorted(a.articles() | b.articles())
    if workers == 1:
        assert a.max_active == PER_HOST  # the limit is reached: the test can see an overrun
    else:
        # Site A's slots were taken by several workers (which worker gets site B's next
        # turn is up to chance: who is free when it comes).
        assert len(a.workers()) >= 2, "workers took turns"
        # The workers that did not fetch robots.txt read it from Redis.
        assert sum("'newscrawl/robotstxt/from_cluster'" in log for log in logs.values()) >= 1


# -- the scripts on their own ---------------------------------------------------------------


def _frontier(redis_url: str, worker: str, **policy):
    from newscrawl.distributed.frontier import HostFrontier, Policy
    from newscrawl.distributed.keys import Keys, connect

    spider = ArticleSpider(start_urls="http://a.example/")
    return HostFrontier(connect(redis_url), spider, Keys.for_crawl("t", "article"), worker,
                        Policy(**policy))


def _gate_call(frontier, script: str, *args):
    from newscrawl.distributed import gate

    run = frontier.server.register_script(getattr(gate, script))
    return run(args=[frontier.keys.base, frontier.policy.limit, *args])


@pytest.mark.redis
def test_pops_share_a_hosts_slots_between_workers_and_take_turns_across_hosts(redis_url):
    w1 = _frontier(redis_url, "w1", limit=2)
    w2 = _frontier(redis_url, "w2", limit=2)
    for n in range(5):
        w1.push(Request(f"http://a.example/{n}"))
    w1.push(Request("http://b.example/1"))
    tokens, _ = w1.pop(8)
    hosts = [t.split(b"\n")[0] for t in tokens]
    assert sorted(hosts) == [b"a.example", b"a.example", b"b.example"]  # 2 slots of a
    assert w2.pop(8)[0] == []  # a's slots are taken, by another worker
    # A fetch of a.example done (the gate frees its slot): one more may be taken, by anyone.
    _gate_call(w1, "_DONE", "a.example", tokens[hosts.index(b"a.example")], -1, 200, 1, 0, 0, 0)
    assert [t.split(b"\n")[0] for t in w2.pop(8)[0]] == [b"a.example"]
    assert w1.ack(*tokens) == 3


@pytest.mark.redis
def test_a_hosts_turn_comes_after_its_delay_and_the_gate_holds_the_gap(redis_url):
    w1 = _frontier(redis_url, "w1", limit=4, delay=0.5)
    w2 = _frontier(redis_url, "w2", limit=4, delay=0.5)
    for n in range(3):
        w1.push(Request(f"http://a.example/{n}"))
    first, wait = w1.pop(4)
    assert len(first) == 1 and 0.4 <= wait <= 0.5  # a's next turn, not at once
    assert w2.pop(4)[0] == []
    # The gate: a grant sets the host's next time; another worker asking is told to wait.
    granted, delay_ms = _gate_call(w1, "_ACQUIRE", "a.example", first[0], 500, -1, 60000)
    assert (granted, delay_ms) == (1, 500)
    granted, wait_ms = _gate_call(w2, "_ACQUIRE", "a.example", b"gate:x", 500, -1, 60000)
    assert granted == 0 and 400 <= wait_ms <= 500
    # A robots.txt request takes no slot but keeps the gap too.
    assert _gate_call(w2, "_ACQUIRE", "a.example", b"", 500, -1, 60000)[0] == 0


@pytest.mark.redis
def test_the_gate_refuses_a_slot_beyond_the_limit_and_a_dead_workers_slots_free(redis_url):
    w1 = _frontier(redis_url, "w1", limit=1)
    w2 = _frontier(redis_url, "w2", limit=1)
    w1.push(Request("http://a.example/1"))
    w1.push(Request("http://a.example/2"))
    (token,), _ = w1.pop(4)
    # A request that did not come from the frontier (no slot of its own) must wait.
    assert _gate_call(w2, "_ACQUIRE", "a.example", b"gate:y", 0, -1, 60000) == [0, -1]
    assert _gate_call(w1, "_ACQUIRE", "a.example", token, 0, -1, 60000)[0] == 1
    # w1 dies mid-fetch (its heartbeat expires): its lease and its slot are taken back.
    w2.server.delete(w2.keys.alive("w1"))
    assert w2.reclaim_dead() == ["w1"]
    tokens, _ = w2.pop(4)
    assert len(tokens) == 1  # the limit holds: one of the two, the other still queued
    assert len(w2) == 1


@pytest.mark.redis
def test_autothrottle_delay_is_shared_and_follows_scrapys_rule(redis_url):
    w1 = _frontier(redis_url, "w1", start_delay=1.0)
    w2 = _frontier(redis_url, "w2", start_delay=1.0)

    def report(frontier, latency_ms: int, status: int = 200) -> int:
        # target concurrency 2, min delay 0, max delay 60 s, start delay 1 s
        _gate_call(frontier, "_DONE", "a.example", b"", latency_ms, status, 2, 0, 60000, 1000)
        return int(frontier.server.hget(frontier.keys.host("a.example"), "throttle"))

    # AutoThrottle: new = max(latency / target, (old + latency / target) / 2)
    assert report(w1, 400) == 600  # (1000 + 200) / 2
    assert report(w2, 400) == 400  # (600 + 200) / 2, from w1's value: one shared delay
    assert report(w1, 2000) == 1000  # max(1000, (400 + 1000) / 2)
    assert report(w2, 100, status=500) == 1000  # an error never lowers it
    # Pops and grants use it.
    w1.push(Request("http://a.example/1"))
    w1.push(Request("http://a.example/2"))
    assert len(w1.pop(4)[0]) == 1
    assert _gate_call(w1, "_ACQUIRE", "a.example", b"", 0, 1000, 60000) == [1, 1000]


@pytest.mark.redis
def test_status_lists_hosts_with_queue_and_next_fetch(redis_url):
    from newscrawl.distributed.commands import status

    w1 = _frontier(redis_url, "w1", delay=30.0)
    for n in range(3):
        w1.push(Request(f"http://a.example/{n}"))
    w1.push(Request("http://b.example/1"))
    tokens, _ = w1.pop(4)
    _gate_call(w1, "_ACQUIRE", "a.example", next(t for t in tokens if t.startswith(b"a.")),
               30000, -1, 60000)
    hosts = status(w1.server, w1.keys)["hosts"]
    assert hosts["a.example"]["queued"] == 2 and hosts["a.example"]["fetching"] == 1
    assert 29 <= hosts["a.example"]["next_fetch_in"] <= 30
    assert hosts["b.example"]["queued"] == 0 and hosts["b.example"]["next_fetch_in"] == 0
