"""Hostile servers, one crawl: every fault page sits next to good articles on the same site.
For each case: a log line naming the URL and the reason, a counter, the crawl finishing, and
every good article exported."""

from __future__ import annotations

import gzip
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import brotli
import pytest
import pytest_twisted
from conftest import DATA, ROOT
from faultserver import Exchange, FaultServer
from newssite import NewsSite
from scrapy.utils.test import get_crawler
from test_crawl import _settings
from twisted.internet import defer

from newscrawl.clean.document import MAX_DEPTH
from newscrawl.commands.crawl import exit_status
from newscrawl.spiders.article import ArticleSpider

EVIL = DATA / "evil"
MAXSIZE = 1024 * 1024  # DOWNLOAD_MAXSIZE in these crawls
TIMEOUT = 1  # DOWNLOAD_TIMEOUT in these crawls, seconds

PARAGRAPHS = [
    "The harbour authority said on Wednesday that container traffic had recovered to its "
    "level before the strike, and that the backlog of ships at anchor was gone.",
    "Dock workers returned to full shifts at the beginning of the month after the union "
    "accepted a new agreement on pay and on the use of automated cranes.",
    "Shipping lines had diverted dozens of vessels to neighbouring ports during the dispute, "
    "and several said they would now move their services back.",
    "Local businesses that depend on the port welcomed the news but said it would take "
    "months to make up for the orders they lost over the summer.",
]


def article(n: int, title: str | None = None) -> bytes:
    title = title or f"Port traffic recovers, report number {n}"
    body = "".join(f"<p>{p} (Report {n}.)</p>" for p in PARAGRAPHS)
    return (f"<!doctype html><html lang='en'><head><title>{title}</title>"
            f"<meta property='og:type' content='article'>"
            f"<meta property='article:published_time' content='2024-05-0{1 + n % 9}T08:00:00Z'>"
            f"</head><body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def listing(links: list[str]) -> bytes:
    items = "".join(f"<li><a href='{u}'>{u}</a></li>" for u in links)
    return f"<html><head><title>Home</title></head><body><ul>{items}</ul></body></html>".encode()


# -- fault handlers ---------------------------------------------------------------------


def slow(ex: Exchange) -> None:
    ex.stop.wait(TIMEOUT * 5)  # never answers within DOWNLOAD_TIMEOUT


def dropped_mid_body(ex: Exchange) -> None:
    body = article(90)
    ex.head(200, {"Content-Type": "text/html", "Content-Length": str(len(body))})
    ex.conn.sendall(body[:300])
    ex.reset()


def short_body(ex: Exchange) -> None:
    body = article(91)
    ex.head(200, {"Content-Type": "text/html", "Content-Length": str(len(body) + 5000)})
    ex.conn.sendall(body)  # then a clean close, 5000 bytes short


def broken_chunked(ex: Exchange) -> None:
    ex.head(200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
    ex.conn.sendall(b"40\r\n<html><body>" + b"x" * 52 + b"\r\nzz-not-hex\r\nhello\r\n0\r\n\r\n")


def flaky(status: int, n: int, retry_after: str | None = None):
    """Fails with `status` on the first request, then serves article n."""
    def handler(ex: Exchange) -> None:
        if ex.attempt == 0:
            ex.respond(status, b"try again", "text/plain",
                       {"Retry-After": retry_after} if retry_after else None)
        else:
            ex.respond(200, article(n))
    return handler


def always(status: int, retry_after: str | None = None):
    def handler(ex: Exchange) -> None:
        ex.respond(status, b"nope", "text/plain",
                   {"Retry-After": retry_after} if retry_after else None)
    return handler


def redirect(to: str):
    return lambda ex: ex.respond(302, b"", "text/plain", {"Location": to})


def huge_declared(ex: Exchange) -> None:
    ex.head(200, {"Content-Type": "text/html", "Content-Length": str(MAXSIZE * 4)})
    ex.conn.sendall(b"<html><body>" + b"x" * 1000)


def huge_chunked(ex: Exchange) -> None:
    ex.head(200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
    chunk = b"<p>" + b"x" * 65530 + b"</p>"
    for _ in range(MAXSIZE // len(chunk) + 4):
        ex.conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    ex.conn.sendall(b"0\r\n\r\n")


BOMB = b"<html><body><p>" + b"A" * (MAXSIZE * 8) + b"</p></body></html>"


def bomb(encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.compress(BOMB, 9)
    if encoding == "deflate":
        return zlib.compress(BOMB, 9)
    return brotli.compress(BOMB)


def evil(name: str, content_type: str = "text/html") -> tuple[bytes, str]:
    return (EVIL / name).read_bytes(), content_type


def legacy(name: str, content_type: str = "text/html") -> tuple[bytes, str]:
    return (DATA / "charset" / name).read_bytes(), content_type


# path -> (what we expect, how to check it)
# Fetch faults: (code of newscrawl/fetch_error/<code>) -- lost, explained.
FETCH_FAULTS = {
    "/news/10001-slow-response-page": ("timeout", slow),
    "/news/10002-dropped-connection-page": ("connection_lost", dropped_mid_body),
    "/news/10003-short-content-length-page": ("data_loss", short_body),
    "/news/10004-broken-chunked-page": ("malformed_chunked", broken_chunked),
    "/news/10005-always-500-page": ("http_500", always(500)),
    "/news/10006-always-429-page": ("http_429", always(429)),
    "/news/10007-retry-after-too-long": ("http_503", always(503, "3600")),
    "/news/10008-redirect-loop-a": ("redirect_loop", redirect("/news/10009-redirect-loop-b")),
    "/news/10010-redirect-chain-0": ("too_many_redirects", redirect("/chain/1")),
    "/news/10011-larger-than-maxsize": ("too_large", huge_declared),
    "/news/10012-chunked-larger-than-maxsize": ("too_large", huge_chunked),
    "/news/10013-gzip-bomb-page": ("decompression_bomb", None),
    "/news/10014-deflate-bomb-page": ("decompression_bomb", None),
    "/news/10015-brotli-bomb-page": ("decompression_bomb", None),
}
# Pages that arrive but are not articles: (counter, reason in the log line).
DROPPED = {
    "/news/10020-binary-garbage-page": ("newscrawl/dropped/not_html", "binary data",
                                        evil("binary-garbage.html")),
    "/news/10021-pdf-served-as-html": ("newscrawl/dropped/not_html", "PDF",
                                       evil("document-pdf.html")),
    "/news/10022-png-served-as-html": ("newscrawl/dropped/not_html", "PNG",
                                       evil("image-png.html")),
    "/news/10023-json-served-as-html": ("newscrawl/dropped/not_html", "JSON",
                                        evil("api-json.html")),
    "/news/10024-zero-byte-body-page": ("newscrawl/dropped/not_html", "empty document",
                                       evil("empty.html")),
    "/news/10025-only-scripts-page": ("newscrawl/dropped/not_article/empty_body", "empty_body",
                                      evil("scripts-only.html")),
    "/news/10026-consent-interstitial-page": ("newscrawl/dropped/not_article/interstitial",
                                              "interstitial",
                                              evil("consent-interstitial.html")),
    "/news/10027-paywall-interstitial-page": ("newscrawl/dropped/not_article/interstitial",
                                              "interstitial",
                                              evil("paywall-interstitial.html")),
}
# Hostile but readable: exported, with the text right. path -> (body, content type, text)
CAFES = "Zürich’s cafés reopened their terraces"
SURVIVORS = {
    "/news/10030-http-charset-contradicts-meta": (
        *evil("wrong-charset.html", "text/html; charset=iso-8859-1"), "Zürich’s cafés"),
    "/news/10031-meta-charset-contradicts-http": (
        *evil("cp1252-meta-contradicts-header.html", "text/html; charset=utf-8"), CAFES),
    "/news/10032-cp1252-without-any-charset": (
        *evil("cp1252-no-charset.html", "text/html"), CAFES),
    "/news/10033-utf8-without-any-charset": (*evil("utf8-no-charset.html", "text/html"), CAFES),
    "/news/10034-nested-five-thousand-levels": (
        *evil("deep-nesting.html", "text/html; charset=utf-8"),
        "ridership had doubled"),
    "/news/10035-euc-kr-without-any-charset": (
        *legacy("ko-euc-kr.html"), "시립 도서관의 24시간 열람실을 시민에게 공개했다"),
    "/news/10036-shift-jis-under-a-latin1-default": (
        *legacy("ja-shift_jis.html", "text/html; charset=iso-8859-1"),
        "春のダイヤ改正から平日の運行本数"),
}
# How each survivor's charset was decided (newscrawl/charset/<reason>, a DEBUG line).
CHARSET_REASONS = {
    "/news/10030-http-charset-contradicts-meta": "declared_but_utf8",
    "/news/10031-meta-charset-contradicts-http": "http_contradicted",
    "/news/10032-cp1252-without-any-charset": "undeclared_detected",
    "/news/10033-utf8-without-any-charset": "undeclared_utf8",
    "/news/10034-nested-five-thousand-levels": "declared",
    "/news/10035-euc-kr-without-any-charset": "undeclared_detected",
    "/news/10036-shift-jis-under-a-latin1-default": "declared_but_detected",
}
# Transient faults: the article behind them is exported after a retry.
TRANSIENT = {
    "/news/10040-transient-500-page": flaky(500, 40),
    "/news/10041-transient-503-retry-after": flaky(503, 41, retry_after="1"),
    "/news/10042-transient-429-retry-after": flaky(429, 42, retry_after="1"),
    "/news/10043-transient-dropped-connection": None,  # set below
    "/news/10044-redirect-chain-of-five": redirect("/five/1"),
}
GOOD = [f"/news/2000{i}-good-article-number-{i}" for i in range(6)]


def _transient_drop(ex: Exchange) -> None:
    if ex.attempt == 0:
        ex.head(200, {"Content-Type": "text/html", "Content-Length": "5000"})
        ex.conn.sendall(b"<html>")
        ex.reset()
    else:
        ex.respond(200, article(43))


TRANSIENT["/news/10043-transient-dropped-connection"] = _transient_drop


def build_site(site: FaultServer, blocked: FaultServer, unreachable_url: str) -> list[str]:
    for i, path in enumerate(GOOD):
        site.page(path, article(i))
    for path, (_, handler) in FETCH_FAULTS.items():
        if handler is not None:
            site.route(path, handler)
    for encoding in ("gzip", "deflate", "br"):
        name = {"br": "brotli"}.get(encoding, encoding)
        path = next(p for p in FETCH_FAULTS if f"-{name}-bomb" in p)
        site.page(path, bomb(encoding), headers={"Content-Encoding": encoding})
    site.route("/news/10009-redirect-loop-b", redirect("/news/10008-redirect-loop-a"))
    for hop in range(1, 12):
        site.route(f"/chain/{hop}", redirect(f"/chain/{hop + 1}"))
    for hop in range(1, 5):
        site.route(f"/five/{hop}", redirect(f"/five/{hop + 1}"))
    site.page("/five/5", article(44))
    for path, (_, _, (body, ctype)) in DROPPED.items():
        site.page(path, body, content_type=ctype)
    for path, (body, ctype, _) in SURVIVORS.items():
        site.page(path, body, content_type=ctype)
    for path, handler in TRANSIENT.items():
        site.route(path, handler)
    site.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    # Another host whose robots.txt fails, and one that cannot be reached.
    blocked.page("/robots.txt", b"down", status=503, content_type="text/plain")
    blocked.page("/news/30001-behind-a-failing-robots-txt", article(301))
    links = [*GOOD, *FETCH_FAULTS, *DROPPED, *SURVIVORS, *TRANSIENT,
             f"{blocked.url}/news/30001-behind-a-failing-robots-txt",
             f"{unreachable_url}/news/40001-on-an-unreachable-host"]
    site.page("/", listing(links))
    return links


def fault_settings(tmp_path: Path, **extra) -> dict:
    return _settings(tmp_path, **{
        "DOWNLOAD_TIMEOUT": TIMEOUT, "DOWNLOAD_MAXSIZE": MAXSIZE, "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": 1, "NEWSCRAWL_RETRY_BACKOFF_BASE": 0.05, "NEWSCRAWL_RETRY_AFTER_MAX": 5,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "INFO", **extra})


def _closed_port_url() -> str:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there any more
    return f"http://127.0.0.1:{port}"


class Crawl:
    def __init__(self, stats, records, items, site, blocked, unreachable):
        self.stats, self.records, self.items = stats, records, items
        self.site, self.blocked, self.unreachable = site, blocked, unreachable

    def logged(self, url: str, *words: str, level: int = logging.WARNING) -> bool:
        return any(url in r.getMessage() and all(w in r.getMessage() for w in words)
                   for r in self.records if r.levelno >= level)


_RESULT: dict[str, Crawl] = {}


@defer.inlineCallbacks
def _run(tmp_path: Path, caplog):
    with FaultServer() as site, FaultServer() as blocked:
        unreachable = _closed_port_url()
        build_site(site, blocked, unreachable)
        crawler = get_crawler(ArticleSpider, fault_settings(tmp_path))
        caplog.set_level(logging.INFO)
        caplog.set_level(logging.DEBUG, logger="newscrawl.pipelines.stage")  # charsets
        yield crawler.crawl(start_urls=f"{site.url}/")
    feed = tmp_path / "articles.jsonl"
    items = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    _RESULT["crawl"] = Crawl(crawler.stats.get_stats(), list(caplog.records), items, site,
                             blocked, unreachable)


@pytest.fixture
def crawl(tmp_path_factory, caplog) -> Crawl:
    """The one crawl over the hostile site, run in the test reactor by the first test that
    asks for it; each test checks one case (or family of cases) in its result."""
    if "crawl" not in _RESULT:
        pytest_twisted.blockon(_run(tmp_path_factory.mktemp("faults"), caplog))
    return _RESULT["crawl"]


def _paths(crawl: Crawl) -> set[str]:
    return {item["url"].split(crawl.site.url, 1)[1] for item in crawl.items
            if item["url"].startswith(crawl.site.url)}


def test_crawl_finishes_and_every_good_article_is_exported_once(crawl):
    assert crawl.stats["finish_reason"] == "finished"
    urls = [item["url"] for item in crawl.items]
    assert len(urls) == len(set(urls)), "an article was exported twice"
    got = _paths(crawl)
    # An article reached through redirects is exported under its final URL.
    transient = {p for p in TRANSIENT if "chain-of-five" not in p} | {"/five/5"}
    assert set(GOOD) <= got
    assert set(SURVIVORS) <= got
    assert transient <= got, "a transient fault lost an article"
    # Nothing else made it into the feed: no fault page, no interstitial, no garbage.
    assert got == set(GOOD) | set(SURVIVORS) | transient


@pytest.mark.parametrize("path", list(FETCH_FAULTS))
def test_fetch_fault_is_logged_and_counted(crawl, path):
    code = FETCH_FAULTS[path][0]
    url = crawl.site.url + path
    assert crawl.logged(url, code), f"no warning naming {url} and {code}"
    assert crawl.stats.get(f"newscrawl/fetch_error/{code}", 0) >= 1


@pytest.mark.parametrize("path", list(DROPPED))
def test_bad_page_is_dropped_with_reason_and_counter(crawl, path):
    counter, reason, _ = DROPPED[path]
    url = crawl.site.url + path
    assert crawl.logged(url, reason), f"no warning naming {url} and {reason}"
    assert crawl.stats.get(counter, 0) >= 1


@pytest.mark.parametrize("path", list(SURVIVORS))
def test_hostile_but_readable_page_is_exported_with_its_text(crawl, path):
    item = next(i for i in crawl.items if i["url"] == crawl.site.url + path)
    text = SURVIVORS[path][2]
    assert text in item["articleBody"]
    assert "Ã" not in item["articleBody"] and "\ufffd" not in item["articleBody"]


@pytest.mark.parametrize("path", list(SURVIVORS))
def test_each_charset_decision_is_logged_and_counted(crawl, path):
    url, reason = crawl.site.url + path, CHARSET_REASONS[path]
    assert any(r.levelno == logging.DEBUG and r.getMessage().startswith(f"Charset of {url}: ")
               and f"({reason}: " in r.getMessage() for r in crawl.records), (url, reason)
    expected = sum(1 for p in SURVIVORS if CHARSET_REASONS[p] == reason)
    assert crawl.stats.get(f"newscrawl/charset/{reason}", 0) >= expected


def test_flattened_deep_nesting_is_logged_with_the_limit_and_counted(crawl):
    url = crawl.site.url + "/news/10034-nested-five-thousand-levels"
    assert crawl.logged(url, "(deep_nesting)", f"deeper than {MAX_DEPTH} levels")
    deep = [p for p in SURVIVORS if "nested" in p]
    assert crawl.stats.get("newscrawl/warning/deep_nesting", 0) == len(deep)
    item = next(i for i in crawl.items if i["url"] == url)
    assert "deep_nesting" in item["metadata"]["warnings"]


# How each transient fault's first attempt failed: (words of its INFO retry line, the
# reason Scrapy's retry counter is kept under: retry/reason_count/<reason>).
TRANSIENT_REASONS = {
    "/news/10040-transient-500-page": ("HTTP 500", "500 Internal Server Error"),
    "/news/10041-transient-503-retry-after": ("HTTP 503", "503 Service Unavailable"),
    "/news/10042-transient-429-retry-after": ("HTTP 429", "429 Unknown Status"),
    "/news/10043-transient-dropped-connection": ("ResponseDataLossError",
                                                 "scrapy.exceptions.ResponseDataLossError"),
}


@pytest.mark.parametrize("path", list(TRANSIENT_REASONS))
def test_each_transient_fault_is_logged_and_counted(crawl, path):
    words, reason = TRANSIENT_REASONS[path]
    url = crawl.site.url + path
    assert crawl.logged(url, "Retrying", words, level=logging.INFO), (url, words)
    assert crawl.stats.get(f"retry/reason_count/{reason}", 0) >= 1, sorted(
        k for k in crawl.stats if k.startswith("retry/"))


def test_transient_faults_are_retried_and_retry_after_is_honoured(crawl):
    for path in ("/news/10041-transient-503-retry-after", "/news/10042-transient-429-retry-after"):
        first, second = crawl.site.times(path)[:2]
        assert second - first >= 1.0, f"{path} was retried before its Retry-After"
    assert crawl.stats["newscrawl/retry/retry_after"] >= 2
    assert crawl.stats["retry/count"] >= 4


def test_retry_after_above_the_cap_is_not_waited_for(crawl):
    url = crawl.site.url + "/news/10007-retry-after-too-long"
    assert crawl.logged(url, "NEWSCRAWL_RETRY_AFTER_MAX")
    assert crawl.stats["newscrawl/retry/retry_after_too_long"] == 1
    assert crawl.site.requested("/news/10007-retry-after-too-long") == 1


def test_redirect_limits(crawl):
    # The chain stopped at REDIRECT_MAX_TIMES (5) hops; the loop was not followed around.
    assert crawl.site.requested("/chain/5") == 1 and crawl.site.requested("/chain/6") == 0
    assert crawl.site.requested("/news/10008-redirect-loop-a") == 1


def test_bombs_are_stopped_by_download_maxsize(crawl):
    for path in FETCH_FAULTS:
        if "-bomb-" in path:
            assert crawl.logged(crawl.site.url + path, "DOWNLOAD_MAXSIZE")


def test_failing_or_unreachable_robots_txt_disallows_the_host(crawl):
    blocked = f"{crawl.blocked.url}/news/30001-behind-a-failing-robots-txt"
    unreachable = f"{crawl.unreachable}/news/40001-on-an-unreachable-host"
    assert crawl.logged(blocked, "robots_unavailable", "HTTP 503")
    assert crawl.logged(unreachable, "robots_unavailable", "connection_refused")
    assert crawl.stats["newscrawl/refused/robots_unavailable"] == 2
    assert crawl.stats["newscrawl/robotstxt/unavailable"] == 2
    # The page behind the failing robots.txt was never asked for.
    assert crawl.blocked.requested("/news/30001-behind-a-failing-robots-txt") == 0


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_crawl_delay_is_honoured_per_host(tmp_path, caplog):
    """robots.txt's Crawl-delay spaces the host's requests, AutoThrottle notwithstanding."""
    caplog.set_level(logging.INFO)
    pages = [f"/news/5000{i}-slow-paced-article-number-{i}" for i in range(3)]
    with FaultServer(name="localhost") as site:  # its own host name: its own download slot
        site.page("/robots.txt", b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
        for i, path in enumerate(pages):
            site.page(path, article(500 + i))
        site.page("/", listing(pages))
        # No fault here: the fault crawl's 1-s DOWNLOAD_TIMEOUT would turn a page answered
        # late on a loaded machine into a retry (one request more) or a lost article.
        crawler = get_crawler(ArticleSpider, fault_settings(
            tmp_path, AUTOTHROTTLE_ENABLED=True, AUTOTHROTTLE_START_DELAY=0.1,
            AUTOTHROTTLE_MAX_DELAY=0.2, DOWNLOAD_TIMEOUT=60))
        yield crawler.crawl(start_urls=f"{site.url}/")
    items = (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(items) == len(pages)
    assert crawler.stats.get_value("newscrawl/robotstxt/crawl_delay") == 1
    assert any("Crawl-delay for localhost: 1.0 s" in r.getMessage() for r in caplog.records)
    # Every request after robots.txt waited the delay, measured as the site received them
    # (kernel arrival stamps: a handler thread starved of CPU does not shorten a gap).
    times = sorted(t for t, p in site.hits if p != "/robots.txt")
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) == len(pages) and min(gaps) >= 0.9


# -- a run stopped by signals ----------------------------------------------------------

GUARD = 120  # seconds: a hung subprocess fails the test instead of hanging CI


def _crawl_process(tmp_path: Path, site, run_id: str, **settings) -> subprocess.Popen:
    """`scrapy crawl` as cron runs it, in its own process."""
    args = [sys.executable, "-m", "scrapy.cmdline", "crawl", "article",
            "-a", f"start_urls={site.url}/"]
    for k, v in {
        "NEWSCRAWL_STATE_PATH": tmp_path / "state.sqlite3",
        "NEWSCRAWL_RUNS_DIR": tmp_path / "runs",
        "NEWSCRAWL_ARCHIVE_DIR": tmp_path / "archive",
        "NEWSCRAWL_RUN_ID": run_id,
        "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8",
        "AUTOTHROTTLE_ENABLED": "False",
        "LOG_FILE": tmp_path / f"{run_id}.log",
        **settings,
    }.items():
        args += ["-s", f"{k}={v}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _wait_for_log(path: Path, text: str) -> None:
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text("utf-8", "replace"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared in {path}")


def _stop_mid_run(tmp_path: Path, site, signums: list[int], **settings) -> int:
    site.hold_after = 2  # the third article response stalls: the crawl is mid-run
    proc = _crawl_process(tmp_path, site, "run1", **settings)
    try:
        assert site.held.wait(GUARD), "the crawl never reached the stalled article"
        for n, signum in enumerate(signums):
            proc.send_signal(signum)
            name = signal.Signals(signum).name
            # One at a time: Python folds a signal into one still being handled.
            _wait_for_log(tmp_path / "run1.log", f"Received {name}{' twice' if n else ''}")
        return proc.wait(GUARD)
    finally:
        if proc.poll() is None:
            proc.kill()
        site.release()


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_forced_stop_exits_non_zero_and_the_next_run_records_it_abandoned(tmp_path, signum):
    """Ctrl-C (or SIGTERM) twice: Scrapy stops at once without closing the run. The exit
    status says so (128 + the signal, as for a process the signal killed), and the next
    run records the stopped one as abandoned, in its manifest and in the state."""
    with NewsSite(count=6) as site:
        status = _stop_mid_run(tmp_path, site, [signum, signum])
        assert status == 128 + signum, (tmp_path / "run1.log").read_text()[-2000:]
        runs = tmp_path / "runs"
        assert (runs / ".run1.part").is_dir() and not (runs / "run1").exists()
        second = _crawl_process(tmp_path, site, "run2")
        assert second.wait(GUARD) == 0, (tmp_path / "run2.log").read_text()[-2000:]
    stopped = json.loads((runs / "run1" / "manifest.json").read_text())
    assert stopped["status"] == "abandoned" and stopped["files"] == []
    assert "Run run1 died before finishing" in (tmp_path / "run2.log").read_text()
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        status_of = dict(db.execute("SELECT run_id, status FROM runs"))
    assert status_of == {"run1": "abandoned", "run2": "committed"}
    done = json.loads((runs / "run2" / "manifest.json").read_text())
    assert done["counts"]["new"] == 6 and done["exitStatus"] == 0


@pytest.mark.slow
def test_a_graceful_stop_closes_the_run_and_exits_1(tmp_path):
    """One SIGTERM: the crawl finishes what is in flight and closes the run (its manifest
    says why), but the run is incomplete: exit status 1, as its manifest records."""
    with NewsSite(count=6) as site:
        status = _stop_mid_run(tmp_path, site, [signal.SIGTERM], DOWNLOAD_TIMEOUT=2)
    assert status == 1
    manifest = json.loads((tmp_path / "runs" / "run1" / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["finishReason"] == "shutdown"
    assert manifest["exitStatus"] == 1 and "closed early: shutdown" in manifest["health"]


def test_exit_status_rules():
    assert exit_status(True, [], "ok", False) == 0
    assert exit_status(True, [], "", False) == 0  # health extension switched off
    assert exit_status(True, [], "unhealthy: no article was exported", False) == 1
    assert exit_status(True, [signal.SIGTERM], "unhealthy: closed early: shutdown", False) == 1
    assert exit_status(False, [signal.SIGINT], "", False) == 130
    assert exit_status(False, [signal.SIGTERM, signal.SIGTERM], "", False) == 143
    assert exit_status(False, [], "", False) == 1  # never closed, cause unknown
    assert exit_status(False, [], "", True) == 1
