"""Loopback news sites that measure how politely they are crawled, for the distributed tests.

Each site listens on its own loopback address (127.0.0.1, 127.0.0.2, ...: different host
names to the crawler, so different politeness keys) and serves a robots.txt (optionally
with a Crawl-delay), a sitemap of `pages` articles and the articles, each answered after
`latency` seconds. It records when each request arrived (the kernel's receive time:
tests/arrivals.py) and how many were being answered at that moment: the largest number of
concurrent requests and the shortest gap between two arrivals are what the site saw,
whoever sent them.
"""

from __future__ import annotations

import html
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from arrivals import arrival_time, stamp_arrivals

WORDS = ("council budget river bridge harbour school teachers winter market prices rail "
         "museum library hospital nurses election mayor farmers harvest festival").split()


def article_page(host: int, n: int) -> bytes:
    title = f"Story {n} from desk {host}: the town council and the river bridge"
    paras = []
    for p in range(4):
        words = [WORDS[(n * 7 + host * 11 + p * 3 + i * 5) % len(WORDS)] for i in range(45)]
        paras.append(f"Paragraph {p + 1} of story {n} from desk {host}: "
                     + " ".join(words).capitalize() + ".")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f'<html lang="en"><head><title>{html.escape(title)} | Desk {host}</title>'
        f'<meta property="og:type" content="article">'
        f'<script type="application/ld+json">{{"@context": "https://schema.org", '
        f'"@type": "NewsArticle", "headline": "{html.escape(title)}", "datePublished": '
        f'"2024-12-02T09:{n % 60:02d}:00+09:00", "author": {{"@type": "Person", '
        f'"name": "Jo Reporter"}}}}</script></head><body><header><p>Desk {host}</p></header>'
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        f"<footer>Desk {host}</footer></body></html>"
    ).encode()


class PoliteSite:
    def __init__(self, index: int, pages: int, latency: float,
                 crawl_delay: float | None = None):
        self.index = index
        self.pages = pages
        self.latency = latency
        self.crawl_delay = crawl_delay
        self.arrivals: list[tuple[float, str, str]] = []  # (arrival s, path, X-Worker)
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def setup(self) -> None:
                self.arrived = arrival_time(self.request)  # before the request is read
                super().setup()

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site._arrive(self.arrived or time.time(), self.path,
                             self.headers.get("X-Worker", ""))
                try:
                    status, ctype, body = site.respond(self.path)
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    self.wfile.flush()
                finally:
                    site._leave()

            def log_message(self, *args: object) -> None:
                pass

        self.host = f"127.0.0.{index}"
        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        stamp_arrivals(self.server.socket)
        self.url = f"http://{self.host}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def article_path(self, n: int) -> str:
        return f"/news/{n:04d}-story-{n}-from-desk-{self.index}"

    def respond(self, path: str) -> tuple[int, str, bytes]:
        if path == "/robots.txt":
            rules = "User-agent: *\nAllow: /\n"
            if self.crawl_delay:
                rules += f"Crawl-delay: {self.crawl_delay:g}\n"
            return 200, "text/plain", rules.encode()
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{self.url}{self.article_path(n)}</loc></url>"
                           for n in range(1, self.pages + 1))
            return 200, "application/xml", (
                '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()
        for n in range(1, self.pages + 1):
            if path == self.article_path(n):
                time.sleep(self.latency)
                return 200, "text/html; charset=utf-8", article_page(self.index, n)
        return 404, "text/plain", b"not found"

    def _arrive(self, when: float, path: str, worker: str) -> None:
        with self._lock:
            self.arrivals.append((when, path, worker))
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def _leave(self) -> None:
        with self._lock:
            self.active -= 1

    # -- what the site saw ------------------------------------------------------------------

    def gaps(self) -> list[float]:
        times = sorted(t for t, _, _ in self.arrivals)
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    def min_gap(self) -> float:
        return min(self.gaps(), default=float("inf"))

    def count(self, path: str) -> int:
        return sum(1 for _, p, _ in self.arrivals if p == path)

    def workers(self) -> set[str]:
        """Who sent requests (the X-Worker header each test worker adds)."""
        return {w for _, _, w in self.arrivals}

    def articles(self) -> set[str]:
        return {f"{self.url}{self.article_path(n)}" for n in range(1, self.pages + 1)}

    def __enter__(self) -> PoliteSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
