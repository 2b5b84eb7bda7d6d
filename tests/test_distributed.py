"""Distributed crawling on Redis (newscrawl/distributed): leases, claims, merge, and real
worker processes (`scrapy crawl article` with NEWSCRAWL_REDIS_URL) sharing one frontier
against the fixture site served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import pytest_twisted
from redisserver import RedisServer
from scrapy import Request
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from servers import FixtureSite
from test_crawl import _expected_articles
from twisted.internet.defer import Deferred
from warcio.archiveiterator import ArchiveIterator
from warcio.cli import main as warcio_main
from warcio.warcwriter import WARCWriter

from newscrawl import settings as project_settings
from newscrawl.spiders.article import ArticleSpider

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def redis_url(tmp_path):
    server = RedisServer(tmp_path)
    yield server.url
    server.stop()


def _project(**extra) -> dict:
    base = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    base.update(extra)
    return base


# -- single-machine mode stays Redis-free ------------------------------------------------


def test_single_machine_mode_imports_no_redis(tmp_path):
    code = (
        "import sys\n"
        "from scrapy.utils.test import get_crawler\n"
        "from newscrawl import settings as m\n"
        "from newscrawl.spiders.article import ArticleSpider\n"
        "c = get_crawler(ArticleSpider, {k: getattr(m, k) for k in dir(m) if k.isupper()})\n"
        "c._apply_settings()\n"
        "import newscrawl.cli\n"
        "print(c.settings['SCHEDULER'], 'redis' in sys.modules, 'scrapy_redis' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["newscrawl.scheduler.DiscoveryFirstScheduler", "False", "False"]


@pytest.mark.redis
def test_redis_url_turns_a_crawl_into_a_worker(redis_url):
    from newscrawl.distributed.commands import seed
    from newscrawl.distributed.keys import Keys, connect

    run, _ = seed(connect(redis_url), Keys.for_crawl("newscrawl", "article"),
                  ArticleSpider(start_urls="http://news.example/"))
    crawler = get_crawler(ArticleSpider, _project(NEWSCRAWL_REDIS_URL=redis_url))
    crawler._apply_settings()
    s = crawler.settings
    worker = f"{socket.gethostname()}-{os.getpid()}"
    assert s["NEWSCRAWL_WORKER_ID"] == worker
    assert (s["NEWSCRAWL_REDIS_RUN"], s["NEWSCRAWL_RUN_ID"]) == (run, f"{run}.{worker}")
    assert s["SCHEDULER"] == "newscrawl.distributed.scheduler.RedisScheduler"
    assert s["DUPEFILTER_CLASS"] == "newscrawl.distributed.dupefilter.RedisDupeFilter"
    assert s.getdict("FEEDS") == {} and not s["NEWSCRAWL_ARCHIVE_DIR"]
    assert s["NEWSCRAWL_STATE_BACKEND"] == "newscrawl.distributed.state.RedisCrawlState"
    assert not s["NEWSCRAWL_RUNS_DIR"]
    assert s.getbool("NEWSCRAWL_TEMPLATE_LEARNING")  # templates live in the shared state
    assert "newscrawl.distributed.claims.ClaimPipeline" in s.getdict("ITEM_PIPELINES")


# -- leases and claims ------------------------------------------------------------------


def _queue(redis_url: str, worker: str):
    from newscrawl.distributed.frontier import HostFrontier
    from newscrawl.distributed.keys import Keys, connect

    spider = ArticleSpider(start_urls="http://news.example/")
    server = connect(redis_url)
    return HostFrontier(server, spider, Keys.for_crawl("t", "article"), worker), spider


@pytest.mark.redis
def test_dead_workers_leases_go_back_to_the_queue(redis_url):
    a, spider = _queue(redis_url, "a")
    b, _ = _queue(redis_url, "b")
    for n, priority in ((1, 0), (2, 5)):
        a.push(Request(f"http://news.example/{n}", callback=spider.parse_article,
                       priority=priority))
    (token,), _ = a.pop()
    request = a.decode(token)
    assert request.url == "http://news.example/2"  # the higher priority first
    assert request.callback == spider.parse_article
    assert len(a) == 1
    a.server.set(a.keys.alive("a"), "1", px=60000)
    b.server.set(b.keys.alive("b"), "1", px=60000)
    assert b.reclaim_dead() == []  # a is alive: its lease holds
    a.server.delete(a.keys.alive("a"))  # a's heartbeat expired
    assert b.reclaim_dead() == ["a"]
    tokens, _ = b.pop(2)
    assert {b.decode(t).url for t in tokens} == {"http://news.example/1",
                                                  "http://news.example/2"}
    assert b.ack(*tokens) == 2
    assert b.pop() == ([], None) and b.reclaim_dead() == []


@pytest.mark.redis
def test_a_workers_first_leases_are_not_reclaimed_before_its_first_heartbeat(redis_url):
    """The heartbeat goes over a connection of its own: a worker can pop before its first
    beat lands. Another worker's reclaim in that gap must not take it for dead (CI once saw
    a sitemap fetched twice that way)."""
    a, spider = _queue(redis_url, "a")
    b, _ = _queue(redis_url, "b")
    a.push(Request("http://news.example/sitemap.xml", callback=spider.parse))
    (token,), _ = a.pop()
    assert b.reclaim_dead() == [] and b.pop() == ([], None)
    ttl = a.server.pttl(a.keys.alive("a"))
    assert 0 < ttl <= a.policy.lease * 1000  # until the heartbeat takes over
    a.server.delete(a.keys.alive("a"))  # a never beats: it is dead after all
    assert b.reclaim_dead() == ["a"]
    assert [b.decode(t).url for t in b.pop()[0]] == ["http://news.example/sitemap.xml"]


@pytest.mark.redis
def test_acked_request_is_not_reclaimed_and_release_puts_back(redis_url):
    a, spider = _queue(redis_url, "a")
    a.push(Request("http://news.example/1", callback=spider.parse_article))
    a.push(Request("http://news.example/2", callback=spider.parse_article))
    (token,), _ = a.pop()
    a.ack(token)
    a.pop()
    assert a.release() == 1  # a stops cleanly with one unfinished request
    assert len(a) == 1 and a.reclaim_dead() == []


@pytest.mark.redis
def test_a_request_seen_this_run_is_not_queued_again(redis_url):
    a, _ = _queue(redis_url, "a")
    assert a.push(Request("http://news.example/1"), fingerprint="f1")
    assert not a.push(Request("http://news.example/1?again"), fingerprint="f1")
    assert a.push(Request("http://news.example/1?again"))  # dont_filter: no fingerprint
    assert len(a) == 2


@pytest.mark.redis
def test_a_hosts_pages_wait_while_its_sitemaps_are_read_by_any_worker(redis_url):
    """The frontier's discovery gate (newscrawl/discovery/first.py): a news sitemap found
    while an article of the same host is queued is read before the article is handed out,
    by whichever worker; a dead worker's sitemap lease keeps the gate shut until it is
    read by another; other hosts are not held."""
    from newscrawl.discovery.first import mark

    a, spider = _queue(redis_url, "a")
    b, _ = _queue(redis_url, "b")

    def request(url: str, discovery: bool = False, priority: int = 0) -> Request:
        meta: dict = {}
        if discovery:
            mark(meta)
        return Request(url, meta=meta, priority=priority)

    a.push(request("http://news.example/sitemap.xml", discovery=True, priority=10))
    a.push(request("http://news.example/news/1"))
    a.push(request("http://other.example/news/2"))
    tokens, _ = a.pop(3)
    assert [a.decode(t).url for t in tokens] == ["http://news.example/sitemap.xml",
                                                 "http://other.example/news/2"]
    # While the sitemap is read, a's own and b's pops leave news.example's article queued.
    assert b.pop(2)[0] == [] and len(b) == 1
    # The sitemap lists another one: read next (by b), while the article still waits.
    a.push(request("http://news.example/sitemap-news.xml", discovery=True, priority=10),
           ack=tokens[0])
    a.ack(tokens[1])
    (news,), _ = b.pop(2)
    assert b.decode(news).url == "http://news.example/sitemap-news.xml"
    # b dies reading it (its heartbeat expires): its lease goes back, the gate stays shut
    # until a has read it.
    a.server.delete(a.keys.alive("b"))
    assert a.reclaim_dead() == ["b"]
    (again,), _ = a.pop(2)
    assert a.decode(again).url == "http://news.example/sitemap-news.xml"
    assert a.pop(2)[0] == []
    assert a.ack(again) == 1 and not a.server.exists(a.keys.discovery("news.example"))
    (article,), _ = a.pop(2)
    assert a.decode(article).url == "http://news.example/news/1"


@pytest.mark.redis
def test_the_discovery_gate_never_shuts_a_host_for_good(redis_url):
    """A start page queued below an article (a retry lowers priority), a discovery request
    the dupefilter drops, a member lost from the queue and a lease nobody acks (its push
    failed) cannot hold a host's other requests for good."""
    from newscrawl.discovery.first import mark

    a, _ = _queue(redis_url, "a")
    disc = a.keys.discovery("news.example")

    def request(url: str, discovery: bool = False, priority: int = 0) -> Request:
        meta: dict = {}
        if discovery:
            mark(meta)
        return Request(url, meta=meta, priority=priority)

    # A discovery request is taken first whatever its priority; the article waits for it.
    a.push(request("http://news.example/news/1", priority=5))
    assert a.push(request("http://news.example/", discovery=True, priority=-1),
                  fingerprint="home-fp")
    (home,), _ = a.pop(2)
    assert a.decode(home).url == "http://news.example/"
    assert a.pop(2)[0] == []
    # The same start point again (the dupefilter drops it): nothing more to wait for.
    assert not a.push(request("http://news.example/", discovery=True),
                      fingerprint="home-fp")
    assert a.server.zcard(disc) == 1
    # Its lease is never acked (the worker's push of its output failed): once the lease's
    # deadline has passed, the host's articles are taken again.
    ready = a.keys.base + "ready"
    assert a.server.zscore(ready, "news.example") == a.server.zscore(disc, home)
    for key, member in ((disc, home), (ready, "news.example")):  # time passes
        a.server.zadd(key, {member: 1})
    (article,), _ = a.pop(2)
    assert a.decode(article).url == "http://news.example/news/1"
    assert a.server.zcard(disc) == 0
    # A queued discovery token that left the queue some other way is forgotten.
    a.push(request("http://news.example/sitemap.xml", discovery=True, priority=10))
    a.push(request("http://news.example/news/2"))
    (sitemap,) = a.server.zrange(a.keys.queue("news.example"), 0, 0)
    a.server.zrem(a.keys.queue("news.example"), sitemap)
    (article,), _ = a.pop(2)
    assert a.decode(article).url == "http://news.example/news/2"
    assert a.server.zcard(disc) == 0
    # A discovery lease put back (a worker stopping) is queued, and taken first, again.
    a.push(request("http://news.example/news/3", priority=5))
    a.push(request("http://news.example/feed.xml", discovery=True, priority=-3))
    b, _ = _queue(redis_url, "b")
    (feed,), _ = b.pop(2)
    assert b.release() == 1 and a.server.zscore(disc, feed) == float("inf")
    (again,), _ = a.pop(2)
    assert again == feed and a.pop(2)[0] == []
    assert a.ack(feed) == 1
    (article,), _ = a.pop(2)
    assert a.decode(article).url == "http://news.example/news/3"


def _claims(redis_url: str, worker: str):
    from newscrawl.distributed.claims import ClaimPipeline

    crawler = get_crawler(ArticleSpider, {"NEWSCRAWL_REDIS_URL": redis_url,
                                          "NEWSCRAWL_WORKER_ID": worker,
                                          "NEWSCRAWL_REDIS_PREFIX": "t"})
    pipeline = ClaimPipeline.from_crawler(crawler)
    pipeline.spider_opened(ArticleSpider(start_urls="http://news.example/"))
    return pipeline


async def _drained(*components) -> None:
    """Every Redis call the components' links were given is done."""
    for c in components:
        await c.link.call(lambda: None)


def _aio(coro):
    """A coroutine of our code (asyncio, as in a crawl) awaited from a Twisted test."""
    return Deferred.fromFuture(asyncio.ensure_future(coro))


@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_each_article_is_claimed_by_one_worker(redis_url):
    w1, w2 = _claims(redis_url, "w1"), _claims(redis_url, "w2")
    item = {"url": "http://news.example/a?utm_source=x", "articleBody": "text",
            "metadata": {"fingerprint": "f1"}}
    assert await _aio(w1.process_item(dict(item))) is not None
    variant = dict(item, url="http://news.example/a")
    with pytest.raises(DropItem, match="already emitted by w1"):
        await _aio(w2.process_item(variant))
    with pytest.raises(DropItem, match=r"\(content\)"):  # same text at another URL
        await _aio(w2.process_item(dict(item, url="http://news.example/b")))
    # w1 dies before writing the article: its pending claims are released with its leases.
    queue, _ = _queue(redis_url, "w2")
    w1.server.sadd(queue.keys.workers, "w1")
    queue.reclaim_dead()
    assert await _aio(w2.process_item(variant)) is not None


@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_final_claims_survive_the_worker(redis_url):
    w1, w2 = _claims(redis_url, "w1"), _claims(redis_url, "w2")
    item = {"url": "http://news.example/a", "articleBody": "x", "metadata": {}}
    await _aio(w1.process_item(item))
    w1.item_scraped(item)  # written to w1's part
    await _drained(w1)
    queue, _ = _queue(redis_url, "w2")
    w1.server.sadd(queue.keys.workers, "w1")
    queue.reclaim_dead()
    with pytest.raises(DropItem):
        await _aio(w2.process_item(dict(item)))


def test_merge_takes_each_article_once_and_skips_a_torn_line(tmp_path):
    from newscrawl.distributed.merge import merge_run

    parts = tmp_path / "run1" / "parts"
    parts.mkdir(parents=True)
    a = {"url": "http://news.example/a", "headline": "A", "articleBody": "a",
         "datePublished": "2024-12-02", "metadata": {"site": "news"}}
    b = dict(a, url="http://news.example/b", headline="B")
    (parts / "w1.jsonl").write_text(json.dumps(a) + "\n" + '{"url": "http://news.ex')
    (parts / "w2.jsonl").write_text(json.dumps(b) + "\n" + json.dumps(a) + "\n")
    summary = merge_run(tmp_path / "run1")
    assert (summary["articles"], summary["duplicates"], summary["broken_lines"]) == (2, 1, 1)
    lines = (tmp_path / "run1" / "articles.jsonl").read_text().splitlines()
    assert sorted(json.loads(x)["url"] for x in lines) == [a["url"], b["url"]]
    index = (tmp_path / "run1" / "archive" / "index.jsonl").read_text().splitlines()
    assert len(index) == 2


# -- worker processes -------------------------------------------------------------------


class SlowSite(FixtureSite):
    """The fixture site, answering each request after `delay` seconds (`slow`: after that
    many seconds for these paths)."""

    def __init__(self, folder: Path, delay: float, slow: dict[str, float] | None = None):
        super().__init__(folder)
        handler = self.server.RequestHandlerClass
        slow = slow or {}

        def do_get(h) -> None:
            time.sleep(slow.get(h.path, delay))
            handler.do_GET(h)

        self.server.RequestHandlerClass = type("SlowHandler", (handler,), {"do_GET": do_get})


def _worker(name: str, site: SlowSite, redis_url: str, out: Path,
            **extra: str) -> subprocess.Popen:
    settings = {
        "NEWSCRAWL_REDIS_URL": redis_url,
        "NEWSCRAWL_WORKER_ID": name,
        "NEWSCRAWL_REDIS_RUNS_DIR": str(out),
        "NEWSCRAWL_REDIS_IDLE_TIMEOUT": "1",
        # Long enough that a worker starved of CPU on a loaded 2-core machine (start-up,
        # first-call warm-up) keeps its leases; the kill test waits this long to reclaim.
        "NEWSCRAWL_REDIS_LEASE": "8",
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8",
        "NEWSCRAWL_STATE_PATH": str(out / f"{name}.sqlite3"),
        "AUTOTHROTTLE_ENABLED": "False",
        # One site: a worker leases only what it can download at once (the engine pulls up
        # to CONCURRENT_REQUESTS from the scheduler), leaving the rest to the other worker,
        # whose share the site's limit for the whole cluster leaves room for.
        "CONCURRENT_REQUESTS": "4",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
        "LOG_FILE": str(out / f"{name}.log"),
        "LOG_LEVEL": "INFO",
        **extra,
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", "site=seoulpost",
           "-a", f"start_urls={site.url}/sitemap.xml,{site.url}/"]
    for k, v in settings.items():
        cmd += ["-s", f"{k}={v}"]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / f"{name}.log", "ab") as log:  # start-up errors, before LOG_FILE opens
        return subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log, env={**os.environ})


def _seed(site: SlowSite, redis_url: str) -> str:
    """What `newscrawl redis seed --site seoulpost --url ... --url ...` does."""
    from newscrawl.distributed.commands import seed
    from newscrawl.distributed.keys import Keys, connect

    spider = ArticleSpider(site="seoulpost", start_urls=f"{site.url}/sitemap.xml,{site.url}/")
    run, pushed = seed(connect(redis_url), Keys.for_crawl("newscrawl", "article"), spider)
    assert pushed == 2
    return run


def _part_items(out: Path, run: str) -> dict[str, list[dict]]:
    return {p.stem: [json.loads(x) for x in p.read_text("utf-8").splitlines() if x.strip()]
            for p in sorted((out / run / "parts").glob("*.jsonl"))}


def _paths(items, site: SlowSite) -> list[str]:
    return [i["url"].split(site.url, 1)[1] for i in items]


def _wait(proc: subprocess.Popen, log: Path) -> int:
    try:
        return proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"worker did not stop; its log:\n{log.read_text()[-3000:]}")


@pytest.mark.slow
@pytest.mark.redis
def test_two_workers_fetch_each_url_once_and_emit_each_article_once(
        tmp_path, redis_url, site_dir):
    out = tmp_path / "out"
    with SlowSite(site_dir, delay=0.2) as site:
        run = _seed(site, redis_url)
        workers = {n: _worker(n, site, redis_url, out) for n in ("w1", "w2")}
        codes = {n: _wait(p, out / f"{n}.log") for n, p in workers.items()}
        requests = list(site.requests)
    assert codes == {"w1": 0, "w2": 0}, [(out / f"{n}.log").read_text()[-2000:] for n in codes]
    parts = _part_items(out, run)
    assert set(parts) == {"w1", "w2"} and all(parts.values()), "both workers did work"
    emitted = [p for items in parts.values() for p in _paths(items, site)]
    assert sorted(emitted) == sorted(_expected_articles(site_dir))  # each exactly once
    # Every URL once, robots.txt too: one worker fetched it for the cluster.
    assert len(requests) == len(set(requests)), sorted(requests)
    assert "/robots.txt" in requests
    # Status in Redis: nothing queued or leased, every article claimed for good.
    from newscrawl.distributed.commands import status
    from newscrawl.distributed.keys import Keys, connect

    info = status(connect(redis_url), Keys.for_crawl("newscrawl", "article"))
    assert (info["queued"], info["leased"], info["claims_pending"]) == (0, 0, 0)
    assert info["counters"]["articles"] == len(emitted)

    # Each worker's WARC passes warcio's check; together they hold the page of every
    # exported article once, linked to its item by a metadata record.
    warcs = sorted((out / run / "warc").glob("*.warc.gz"))
    assert [w.name for w in warcs] == ["w1.warc.gz", "w2.warc.gz"]
    for warc in warcs:
        with pytest.raises(SystemExit) as done:
            warcio_main(["check", str(warc)])
        assert done.value.code == 0
    pages = {w.name.split(".")[0]: _warc_pages(w) for w in warcs}
    for worker, items in parts.items():  # a worker's pages are in its own WARC
        assert sorted(pages[worker]) == sorted(i["url"] for i in items)
        for item in items:
            assert pages[worker][item["url"]]["articleId"] == item["metadata"]["articleId"]
    # `newscrawl reprocess` redoes the run's items from the worker WARCs.
    from newscrawl.cli import main as cli_main

    again = tmp_path / "reprocessed.jsonl"
    assert cli_main(["reprocess", *map(str, warcs), "--out", str(again)]) == 0
    assert sorted(json.loads(x)["url"] for x in again.read_text().splitlines()) == sorted(
        i["url"] for items in parts.values() for i in items)
    # The merge lists every part of the run, with sizes and sha256.
    from newscrawl.distributed.merge import merge_run

    files = {f["name"]: f for f in merge_run(out / run)["files"]}
    assert set(files) == {"parts/w1.jsonl", "parts/w2.jsonl", "warc/w1.warc.gz",
                          "warc/w2.warc.gz"}
    for name, entry in files.items():
        data = (out / run / name).read_bytes()
        assert (entry["bytes"], entry["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
        assert "tornBytes" not in entry
    assert json.loads((out / run / "merged.json").read_text())["files"] == list(files.values())


def _warc_pages(path: Path) -> dict[str, dict]:
    """Response URL -> the metadata record linked to it (a URL twice fails). Up to a torn
    tail, as readers of a killed worker's WARC must."""
    from newscrawl.distributed.parts import complete_gzip_length

    responses: dict[str, str] = {}
    links: dict[str, dict] = {}
    with path.open("rb") as fh:
        for record in ArchiveIterator(io.BytesIO(fh.read(complete_gzip_length(path)))):
            headers = record.rec_headers
            if record.rec_type == "response":
                url = headers.get_header("WARC-Target-URI")
                assert url not in responses.values(), f"{url} archived twice"
                responses[headers.get_header("WARC-Record-ID")] = url
            elif record.rec_type == "metadata":
                links[headers.get_header("WARC-Refers-To")] = json.loads(
                    record.content_stream().read())
    assert set(links) == set(responses)
    return {url: links[rid] for rid, url in responses.items()}


@pytest.mark.slow
@pytest.mark.redis
def test_next_run_revisits_and_emits_only_changes_using_the_shared_state(
        tmp_path, redis_url, site_dir):
    """Versions live in Redis (RedisCrawlState): what run 1's two workers committed is known
    to run 2's worker, which revisits the articles due (every one, by this schedule) and
    emits again only what changed. The news sitemap, the only date of article 1009, answers
    late: the home page's link to 1009 (run 1) and its revisit (run 2) must wait for it, or
    1009 is archived undated and comes back "updated" (tests/test_listed_dates.py)."""
    out = tmp_path / "out"
    with SlowSite(site_dir, delay=0.0, slow={"/sitemap-news.xml": 1.5}) as site:
        run1 = _seed(site, redis_url)
        for proc in [_worker(n, site, redis_url, out) for n in ("w1", "w2")]:
            assert _wait(proc, out / "w1.log") == 0
        run2 = _seed(site, redis_url)
        w3 = _worker("w3", site, redis_url, out, NEWSCRAWL_REVISIT_SCHEDULE="0s:1d")
        assert _wait(w3, out / "w3.log") == 0
    first = [i for items in _part_items(out, run1).values() for i in items]
    assert sorted(_paths(first, site)) == sorted(_expected_articles(site_dir))
    log = (out / "w3.log").read_text()
    stats = {k: int(v) for k, v in re.findall(r"'newscrawl/([a-z_/]+)': (\d+)", log)}
    assert stats["state/known_articles"] == stats["incremental/revisit_due"] == len(first)
    # Unchanged, every one: nothing on the site changed between the runs.
    updated = stats.get("incremental/updated", 0)
    assert updated == 0, re.findall(r"Updated: .*", log)
    assert stats["incremental/unchanged"] == len(first)
    assert "incremental/date_kept" not in stats  # cleaned with its date, not merely kept
    (dated,) = [i for i in first if "/news/1009-" in i["url"]]
    assert dated["datePublished"] == "2025-03-18T14:20:00+09:00"
    second = [i for items in _part_items(out, run2).values() for i in items]
    assert len(second) == updated and "incremental/new" not in stats


@pytest.mark.slow
@pytest.mark.redis
def test_workers_learn_site_templates_into_redis_and_the_next_run_starts_knowing_them(
        tmp_path, redis_url):
    """An unlabeled rail repeats on every article page (tests/test_templates.py): run 1's two
    workers learn it into the shared state in Redis, no local file; run 2's worker drops it
    from its first article on, and every article keeps its own paragraphs."""
    from test_templates import RAIL, _has_rail, _site_with_rail

    from newscrawl.clean.templates import body_block_keys
    from newscrawl.distributed.keys import connect
    from newscrawl.distributed.state import RedisCrawlState

    folder, golden = _site_with_rail(tmp_path)
    out = tmp_path / "out"
    with SlowSite(folder, delay=0.0) as site:
        run1 = _seed(site, redis_url)
        for proc in [_worker(n, site, redis_url, out) for n in ("w1", "w2")]:
            assert _wait(proc, out / "w1.log") == 0
        learned = RedisCrawlState(connect(redis_url)).get_value("templates", "seoulpost")
        run2 = _seed(site, redis_url)
        # Not incremental: run 2 emits every article again, not only changed ones.
        w3 = _worker("w3", site, redis_url, out, NEWSCRAWL_INCREMENTAL="False")
        assert _wait(w3, out / "w3.log") == 0
    assert not list(out.glob("*.sqlite3"))  # templates and state are in Redis only
    rail = body_block_keys("\n\n".join(RAIL))
    assert rail and all(len(learned.get(key, [])) == 3 for key in rail)
    first = [i for items in _part_items(out, run1).values() for i in items]
    second = [i for items in _part_items(out, run2).values() for i in items]
    assert sorted(i["url"] for i in second) == sorted(i["url"] for i in first)
    assert any(_has_rail(i) for i in first) and not any(_has_rail(i) for i in second)
    golden = {urlsplit(url).path: paragraphs for url, paragraphs in golden.items()}
    for item in first + second:
        paragraphs = [p for p in item["articleBody"].split("\n\n") if p not in RAIL]
        assert paragraphs == golden[urlsplit(item["url"]).path], item["url"]


@pytest.mark.slow
@pytest.mark.redis
def test_killed_worker_work_is_reclaimed_and_every_article_archived_once(
        tmp_path, redis_url, site_dir):
    out = tmp_path / "out"
    with SlowSite(site_dir, delay=1.0) as site:
        run = _seed(site, redis_url)
        victim = _worker("victim", site, redis_url, out)
        survivor = _worker("survivor", site, redis_url, out)
        # Mid-crawl: once the victim has article requests leased (in flight).
        from newscrawl.distributed.keys import Keys, connect

        server, keys = connect(redis_url), Keys.for_crawl("newscrawl", "article")
        deadline = time.monotonic() + 30
        while server.zcard(keys.inflight("victim")) < 2 or len(site.requests) < 8:
            assert time.monotonic() < deadline, "the victim never got work"
            assert victim.poll() is None
            time.sleep(0.05)
        leased_at_kill = server.zcard(keys.inflight("victim"))
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        code = _wait(survivor, out / "survivor.log")
    log = (out / "survivor.log").read_text()
    assert code == 0, log[-3000:]
    assert "Reclaimed" in log  # the survivor took the victim's leases over
    # ... and abandoned what the victim had staged in the shared crawl state.
    from newscrawl.distributed.state import RedisCrawlState

    state = RedisCrawlState(connect(redis_url))
    assert state.get_run(f"{run}.victim").status == "abandoned"
    assert state.get_run(f"{run}.survivor").status == "committed"
    assert leased_at_kill >= 2
    from newscrawl.distributed.merge import merge_run

    summary = merge_run(out / run)
    merged = [json.loads(x) for x in (out / run / "articles.jsonl").read_text().splitlines()]
    assert sorted(_paths(merged, site)) == sorted(_expected_articles(site_dir))
    assert summary["articles"] == len(merged)
    index = (out / run / "archive" / "index.jsonl").read_text().splitlines()
    assert len(index) == len(merged)
    # A WARC beside every part (the victim's, if it wrote any, keeps the pages it
    # finished): every merged article's page is in some worker's WARC.
    files = [f["name"] for f in summary["files"]]
    assert sorted(n.split("/")[1].split(".")[0] for n in files if n.startswith("warc/")) \
        == sorted(summary["parts"]) and "warc/survivor.warc.gz" in files
    archived = {url for w in (out / run / "warc").glob("*.warc.gz") for url in _warc_pages(w)}
    assert {i["url"] for i in merged} <= archived


def test_a_restarted_worker_cuts_the_torn_tail_of_its_parts(tmp_path):
    """A worker killed mid-write and started again under its id appends after its last
    whole record and line, so its parts stay readable (warcio check, JSON lines)."""
    from newscrawl.distributed import parts

    def record(n: int) -> bytes:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        writer.write_record(writer.create_warc_record(
            f"http://news.example/{n}", "resource", payload=io.BytesIO(b"x" * 5000),
            warc_content_type="text/plain"))
        return buffer.getvalue()

    warc, part = tmp_path / "w.warc.gz", tmp_path / "w.jsonl"
    warc.write_bytes(record(1) + record(2)[:-7])
    part.write_bytes(b'{"n": 1}\n{"n": ')
    for path, tail, complete in ((warc, record(3), parts.complete_gzip_length),
                                 (part, b'{"n": 3}\n', parts.complete_lines_length)):
        fd = parts.open_append(path, complete)
        os.write(fd, tail)
        os.close(fd)
        assert complete(path) == path.stat().st_size
    with pytest.raises(SystemExit) as done:
        warcio_main(["check", str(warc)])
    assert done.value.code == 0
    with warc.open("rb") as fh:
        assert [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh)] \
            == ["http://news.example/1", "http://news.example/3"]
    assert [json.loads(x) for x in part.read_text().splitlines()] == [{"n": 1}, {"n": 3}]


def test_a_worker_given_no_article_page_is_not_an_unhealthy_run():
    from newscrawl.extensions.health import problems

    assert problems({"newscrawl/distributed/worker": 1}, 0.2) == []
    assert problems({"newscrawl/distributed/worker": 1, "newscrawl/pages/article": 3}, 0.2) \
        == ["no article was exported"]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newscrawl.cli", "redis", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.slow
@pytest.mark.redis
def test_operator_commands_seed_status_stop(tmp_path, redis_url, site_dir):
    """The README's operations: seed, status while a worker crawls, stop it cleanly (its
    unfinished requests go back to the queue), a second seed refused while work is left."""
    out = tmp_path / "out"
    with SlowSite(site_dir, delay=1.0) as site:
        seeded = _cli("--redis", redis_url, "seed", "--site", "seoulpost",
                      "--url", f"{site.url}/sitemap.xml", "--url", f"{site.url}/")
        assert seeded.returncode == 0 and "2 start points queued" in seeded.stdout
        worker = _worker("w1", site, redis_url, out)
        deadline = time.monotonic() + 30
        while True:
            info = json.loads(_cli("--redis", redis_url, "status", "--json").stdout)
            if info["leased"] >= 2 and info["queued"]:
                break
            assert time.monotonic() < deadline, info
            time.sleep(0.3)
        # Alive: its heartbeat (sent from a thread of its own, a moment after it started
        # on a starved machine) holds its leases.
        while not info["workers"].get("w1", {}).get("alive"):
            assert time.monotonic() < deadline, info
            time.sleep(0.3)
            info = json.loads(_cli("--redis", redis_url, "status", "--json").stdout)
        # Per host: its queue, fetches under way and when it may be fetched next.
        host = info["hosts"]["127.0.0.1"]
        assert host["queued"] == info["queued"] and host["fetching"] >= 1
        assert _cli("--redis", redis_url, "stop").returncode == 0
        code = _wait(worker, out / "w1.log")
    assert code == 1  # closed early (shutdown): the run is not complete
    info = json.loads(_cli("--redis", redis_url, "status", "--json").stdout)
    assert info["leased"] == 0 and info["queued"] > 0 and info["stop_requested"]
    assert info["workers"] == {}  # it left: no heartbeat, no leases
    text = _cli("--redis", redis_url, "status").stdout
    assert re.search(r"host 127\.0\.0\.1: \d+ queued, 0 fetching, next fetch", text), text
    again = _cli("--redis", redis_url, "seed", "--site", "seoulpost")
    assert again.returncode == 2 and "in progress" in again.stderr


def _scheduler(redis_url: str):
    from newscrawl.distributed.scheduler import RedisScheduler

    crawler = get_crawler(ArticleSpider, {"NEWSCRAWL_REDIS_URL": redis_url,
                                          "NEWSCRAWL_WORKER_ID": "w1"})
    spider = ArticleSpider(start_urls="http://news.example/")
    scheduler = RedisScheduler.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, spider


async def _next(scheduler):
    """What the engine does: ask, and ask again once the scheduler has woken it up."""
    request = scheduler.next_request()
    if request is None:
        await _drained(scheduler)
        request = scheduler.next_request()
    return request


@pytest.mark.redis
@pytest_twisted.ensureDeferred
async def test_scheduler_leases_end_when_the_response_and_its_items_are_done(redis_url):
    from scrapy.http import HtmlResponse

    scheduler, spider = _scheduler(redis_url)

    async def leased() -> int:
        await _drained(scheduler)
        return scheduler.link.server.zcard(scheduler.keys.inflight("w1"))

    for n in (1, 2, 3):
        assert scheduler.enqueue_request(
            Request(f"http://news.example/{n}", callback=spider.parse_article))
    scheduler.enqueue_request(Request("http://news.example/1"))  # seen: not queued
    await _drained(scheduler)
    assert len(scheduler.frontier) == 3
    assert scheduler.stats.get_value("scheduler/enqueued/redis") == 3

    # Done: callback output consumed and its one item through the pipelines.
    r1 = await _next(scheduler)
    response = HtmlResponse(r1.url, body=b"<html></html>", request=r1)
    item = {"url": r1.url}
    scheduler.item_from(item, response)
    scheduler.output_done(r1)
    assert await leased() >= 1
    scheduler._item_done(item)
    held = len(scheduler.buffer)  # popped in the same batch, not handed out yet
    assert await leased() == held

    # A redirect replaces its leased request; a request that only copied meta does not.
    r2 = await _next(scheduler)
    child = Request("http://news.example/elsewhere", meta=dict(r2.meta))
    assert scheduler.enqueue_request(child) and await leased() == len(scheduler.buffer) + 1
    redirect = r2.replace(url="http://news.example/2b",
                          meta={**r2.meta, "redirect_urls": [r2.url]})
    assert scheduler.enqueue_request(redirect) and await leased() == len(scheduler.buffer)

    # A request whose processing Redis failed goes back to the queue, not acked.
    import redis
    from twisted.python.failure import Failure

    r3 = await _next(scheduler)
    scheduler.output_done(r3, failure=Failure(redis.ConnectionError("gone")))
    await _drained(scheduler)
    queued = len(scheduler.frontier)
    assert scheduler.stats.get_value("newscrawl/distributed/requeued_after_redis_error") == 1

    assert await _next(scheduler) is not None
    held = await leased()
    assert held >= 1 and len(scheduler.frontier) == queued - held
    await scheduler.close("shutdown")  # unfinished work goes back, handed out or not
    assert await leased() == 0 and len(scheduler.frontier) == queued
