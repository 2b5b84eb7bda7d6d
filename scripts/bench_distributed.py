"""Throughput of a distributed crawl with 1 and 2 workers, on this machine, in one go.

    .venv/bin/python scripts/bench_distributed.py [--sites 4] [--articles 75] [--delay 0.25]

--sites loopback news sites, each on its own address (127.0.0.1, 127.0.0.2, ...: separate
hosts to the crawler's politeness), each with N article pages (a fixture article, made
unique per page) and a sitemap, every response delayed by --delay seconds (a remote
server's latency); a throwaway redis-server; then the same crawl seeded twice, crawled by 1
and then by 2 worker processes (`scrapy crawl article` with NEWSCRAWL_REDIS_URL,
--concurrency requests at a time each, CONCURRENT_REQUESTS_PER_DOMAIN --per-host for the
whole cluster, no AutoThrottle). Prints articles per second, counted from the first
worker's start to the last article written, and what the sites saw: the most concurrent
requests and the shortest gap between two requests on any one site. Needs redis-server on
PATH.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLE = (ROOT / "fixtures/seoulpost/nvidia-feynman.html").read_bytes()
# Its own URL (canonical link, og:url) becomes each page's URL, or all pages would be one.
ARTICLE_URL = json.loads((ROOT / "fixtures/seoulpost/nvidia-feynman.meta.json").read_text())[
    "url"].encode()


class Site:
    """One news site on 127.0.0.<index>, measuring its concurrency and request gaps."""

    def __init__(self, index: int, n: int, delay: float):
        site = self
        self.active = self.max_active = 0
        self.arrivals: list[float] = []
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                with site.lock:
                    site.arrivals.append(time.monotonic())
                    site.active += 1
                    site.max_active = max(site.max_active, site.active)
                try:
                    self.answer()
                finally:
                    with site.lock:
                        site.active -= 1

            def answer(self) -> None:
                time.sleep(delay)
                if self.path == "/robots.txt":
                    body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
                elif self.path == "/sitemap.xml":
                    urls = "".join(f"<url><loc>{site.base}/news/{100000 + i}-story-number-{i}"
                                   f"</loc></url>" for i in range(n))
                    body = (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                            ).encode()
                    ctype = "application/xml"
                elif self.path.startswith("/news/"):
                    tag = f"{index}-{self.path.rsplit('/', 1)[1]}".encode()
                    # A headline of its own: the content fingerprint differs per page.
                    body = ARTICLE.replace(ARTICLE_URL, site.base.encode() + self.path.encode())
                    body = body.replace(b"NVIDIA Plans", b"NVIDIA (" + tag + b") Plans")
                    ctype = "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((f"127.0.0.{index}", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.{index}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.arrivals.clear()
            self.max_active = 0

    def min_gap(self) -> float:
        times = sorted(self.arrivals)
        return min((b - a for a, b in zip(times, times[1:], strict=False)), default=0.0)


def redis_server(folder: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port),
                             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(folder)], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return proc, f"redis://127.0.0.1:{port}/0"


def crawl(workers: int, sites: list[Site], redis_url: str, out: Path, n: int,
          concurrency: int, per_host: int) -> float:
    from newscrawl.distributed.commands import seed
    from newscrawl.distributed.keys import Keys, connect
    from newscrawl.spiders.article import ArticleSpider

    start_urls = " ".join(f"{s.base}/sitemap.xml" for s in sites)
    spider = ArticleSpider(start_urls=start_urls)
    # A key prefix per crawl: with the crawl state shared in Redis, a second crawl of the
    # same site under the same prefix would find every article known and not due.
    prefix = f"bench{workers}"
    run, _ = seed(connect(redis_url), Keys.for_crawl(prefix, "article"), spider)
    for s in sites:
        s.reset()
    start = time.monotonic()
    procs = []
    for w in range(workers):
        cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"start_urls={start_urls}"]
        for k, v in {"NEWSCRAWL_REDIS_URL": redis_url, "NEWSCRAWL_WORKER_ID": f"w{w}",
                     "NEWSCRAWL_REDIS_PREFIX": prefix,
                     "NEWSCRAWL_REDIS_RUNS_DIR": str(out), "NEWSCRAWL_REDIS_IDLE_TIMEOUT": "1",
                     "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8",
                     "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": str(concurrency),
                     "CONCURRENT_REQUESTS_PER_DOMAIN": str(per_host),
                     # Every page is one fixture article: template learning would (rightly)
                     # find its paragraphs on every page and strip them all.
                     "NEWSCRAWL_TEMPLATE_LEARNING": "False",
                     "LOG_LEVEL": "WARNING", "LOG_FILE": str(out / f"{run}-w{w}.log")}.items():
            cmd += ["-s", f"{k}={v}"]
        procs.append(subprocess.Popen(cmd, cwd=ROOT))
    parts = out / run / "parts"
    total = n * len(sites)
    while True:
        done = sum(len(p.read_bytes().splitlines()) for p in parts.glob("*.jsonl"))
        if done >= total:
            elapsed = time.monotonic() - start
            break
        if all(p.poll() is not None for p in procs):
            logs = "".join(p.read_text()[-3000:] for p in out.glob(f"{run}-*.log"))
            raise SystemExit(f"workers stopped after {done} of {total} articles:\n{logs}")
        time.sleep(0.05)
    for p in procs:
        p.wait()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", type=int, default=4, help="loopback sites (separate hosts)")
    ap.add_argument("--articles", type=int, default=75, help="articles per site")
    ap.add_argument("--delay", type=float, default=0.25, help="seconds per response")
    ap.add_argument("--concurrency", type=int, default=4, help="CONCURRENT_REQUESTS per worker")
    ap.add_argument("--per-host", type=int, default=4,
                    help="CONCURRENT_REQUESTS_PER_DOMAIN, for the whole cluster")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        sites = [Site(i + 1, args.articles, args.delay) for i in range(args.sites)]
        redis, url = redis_server(out)
        total = args.articles * args.sites
        rates = {}
        try:
            for workers in (1, 2):
                elapsed = crawl(workers, sites, url, out, args.articles, args.concurrency,
                                args.per_host)
                rates[workers] = total / elapsed
                print(f"{workers} worker(s): {total} articles from {args.sites} sites in "
                      f"{elapsed:.1f} s = {rates[workers]:.1f} articles/s; sites saw at most "
                      f"{max(s.max_active for s in sites)} concurrent requests (limit "
                      f"{args.per_host}), shortest gap {min(s.min_gap() for s in sites):.3f} s")
            print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
        finally:
            redis.terminate()
            for s in sites:
                s.server.shutdown()


if __name__ == "__main__":
    main()
