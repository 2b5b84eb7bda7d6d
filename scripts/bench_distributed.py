"""Throughput of a distributed crawl with 1 and 2 workers, on this machine, in one go.

    .venv/bin/python scripts/bench_distributed.py [--articles 200] [--delay 0.25]

A loopback news site of N article pages (a fixture article, made unique per page) and a
sitemap, each response delayed by --delay seconds (a remote server's latency); a throwaway
redis-server; then the same crawl seeded twice, crawled by 1 and then by 2 worker processes
(`scrapy crawl article` with NEWSCRAWL_REDIS_URL, 4 requests at a time each). Prints
articles per second, counted from the first worker's start to the last article written.
Needs redis-server on PATH.
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


def serve(n: int, delay: float) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            time.sleep(delay)
            if self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/sitemap.xml":
                urls = "".join(f"<url><loc>{base}/news/{100000 + i}-story-number-{i}</loc></url>"
                               for i in range(n))
                body = (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                        f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()
                ctype = "application/xml"
            elif self.path.startswith("/news/"):
                tag = self.path.rsplit("/", 1)[1].encode()
                # A headline of its own: the content fingerprint differs per page.
                body = ARTICLE.replace(ARTICLE_URL, base.encode() + self.path.encode())
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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def redis_server(folder: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port),
                             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(folder)], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return proc, f"redis://127.0.0.1:{port}/0"


def crawl(workers: int, base: str, redis_url: str, out: Path, n: int) -> float:
    from newscrawl.distributed.commands import seed
    from newscrawl.distributed.keys import Keys, connect
    from newscrawl.spiders.article import ArticleSpider

    spider = ArticleSpider(start_urls=f"{base}/sitemap.xml")
    # A key prefix per crawl: with the crawl state shared in Redis, a second crawl of the
    # same site under the same prefix would find every article known and not due.
    prefix = f"bench{workers}"
    run, _ = seed(connect(redis_url), Keys.for_crawl(prefix, "article"), spider)
    start = time.monotonic()
    procs = []
    for w in range(workers):
        cmd = [sys.executable, "-m", "scrapy", "crawl", "article",
               "-a", f"start_urls={base}/sitemap.xml"]
        for k, v in {"NEWSCRAWL_REDIS_URL": redis_url, "NEWSCRAWL_WORKER_ID": f"w{w}",
                     "NEWSCRAWL_REDIS_PREFIX": prefix,
                     "NEWSCRAWL_REDIS_RUNS_DIR": str(out), "NEWSCRAWL_REDIS_IDLE_TIMEOUT": "1",
                     "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8",
                     "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "4",
                     "LOG_LEVEL": "WARNING", "LOG_FILE": str(out / f"{run}-w{w}.log")}.items():
            cmd += ["-s", f"{k}={v}"]
        procs.append(subprocess.Popen(cmd, cwd=ROOT))
    parts = out / run / "parts"
    while True:
        done = sum(len(p.read_bytes().splitlines()) for p in parts.glob("*.jsonl"))
        if done >= n:
            elapsed = time.monotonic() - start
            break
        if all(p.poll() is not None for p in procs):
            logs = "".join(p.read_text()[-3000:] for p in out.glob(f"{run}-*.log"))
            raise SystemExit(f"workers stopped after {done} of {n} articles:\n{logs}")
        time.sleep(0.05)
    for p in procs:
        p.wait()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0.25, help="seconds per response")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        server, base = serve(args.articles, args.delay)
        redis, url = redis_server(out)
        try:
            for workers in (1, 2):
                elapsed = crawl(workers, base, url, out, args.articles)
                print(f"{workers} worker(s): {args.articles} articles in {elapsed:.1f} s = "
                      f"{args.articles / elapsed:.1f} articles/s")
        finally:
            redis.terminate()
            server.shutdown()


if __name__ == "__main__":
    main()
