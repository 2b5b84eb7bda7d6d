"""A small news site on 127.0.0.1 that changes between crawls, for incremental-run tests.

Home page `/` lists the live articles; each article page has a site header with "today's"
date (page chrome), JSON-LD, a headline and a few paragraphs. Responses carry an ETag (a hash
of the page) and Last-Modified, and conditional requests that match get a 304. Deleted
articles answer 404. `hold_after` makes the site stall article responses after that many,
until `release()`: a crawl can be caught mid-run, deterministically.
"""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from servers import LoopbackSite

WORDS = ("council budget river bridge harbour school teachers winter market prices rail "
         "museum library hospital nurses election mayor farmers harvest festival").split()


def _paragraphs(seed: int, n: int = 4) -> list[str]:
    out = []
    for p in range(n):
        words = [WORDS[(seed * 7 + p * 3 + i * 5) % len(WORDS)] for i in range(45)]
        out.append(f"Paragraph {p + 1} of story {seed}: " + " ".join(words).capitalize() + ".")
    return out


@dataclass
class Article:
    n: int
    title: str
    paragraphs: list[str]
    published: str  # ISO 8601
    modified: datetime
    header_date: str = "Monday, December 2, 2024"
    deleted: bool = False

    @property
    def path(self) -> str:
        return f"/2024/12/{self.n:04d}-story-number-{self.n}-about-the-town"


class NewsSite(LoopbackSite):
    def __init__(self, count: int = 5):
        base = datetime(2024, 12, 2, 9, 0, tzinfo=UTC)
        self.articles = {
            n: Article(n, f"Story number {n} about the town", _paragraphs(n),
                       f"2024-12-02T{9 + n % 10:02d}:00:00+09:00", base)
            for n in range(1, count + 1)
        }
        self.requests: list[tuple[str, dict[str, str], int]] = []  # path, headers, status
        self.hold_after: int | None = None
        self.article_responses = 0
        self.held = threading.Event()  # set when a response is being held back
        self._gate = threading.Event()
        self._lock = threading.Lock()
        super().__init__()

    # -- changes between crawls -------------------------------------------------------------

    def add(self, n: int) -> Article:
        art = Article(n, f"Story number {n} about the town", _paragraphs(n),
                      f"2024-12-03T{9 + n % 10:02d}:00:00+09:00",
                      datetime(2024, 12, 3, 9, 0, tzinfo=UTC))
        self.articles[n] = art
        return art

    def edit(self, n: int) -> None:
        art = self.articles[n]
        art.paragraphs = [*art.paragraphs[:-1], "Update: the council has since voted the "
                          "budget through, after a long night of debate in the town hall."]
        art.modified = datetime(2024, 12, 3, 12, 0, tzinfo=UTC)

    def new_day(self, n: int) -> None:
        """Only the header's "today" changes (and with it the page's ETag)."""
        self.articles[n].header_date = "Tuesday, December 3, 2024"

    def delete(self, n: int) -> None:
        self.articles[n].deleted = True

    def release(self) -> None:
        self.hold_after = None
        self._gate.set()

    def article_url(self, n: int) -> str:
        return self.url + self.articles[n].path

    # -- responses ----------------------------------------------------------------------------

    def respond(self, path: str, req: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        text = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
        if path == "/":
            links = "".join(f'<li><a href="{a.path}">{html.escape(a.title)}</a></li>'
                            for a in self.articles.values() if not a.deleted)
            body = (f"<html><head><title>Town Courier</title></head><body><header>Today: "
                    f"Tuesday</header><h1>Town Courier</h1><ul>{links}</ul></body></html>")
            return 200, text, body.encode()
        art = next((a for a in self.articles.values() if a.path == path), None)
        if art is None or art.deleted:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        with self._lock:
            self.article_responses += 1
            hold = self.hold_after is not None and self.article_responses > self.hold_after
        if hold:
            self.held.set()
            self._gate.wait()
        body = self.page(art)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        last_modified = format_datetime(art.modified, usegmt=True)
        headers = {**text, "ETag": etag, "Last-Modified": last_modified}
        if req.get("If-None-Match"):
            if req["If-None-Match"] == etag:
                return 304, {"ETag": etag}, b""
        elif req.get("If-Modified-Since"):
            if parsedate_to_datetime(req["If-Modified-Since"]) >= art.modified:
                return 304, {"Last-Modified": last_modified}, b""
        return 200, headers, body

    def page(self, art: Article) -> bytes:
        title = html.escape(art.title)
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in art.paragraphs)
        return (
            f'<html lang="en"><head><title>{title} | Town Courier</title>'
            f'<meta property="og:type" content="article">'
            f'<script type="application/ld+json">{{"@context": "https://schema.org", '
            f'"@type": "NewsArticle", "headline": "{title}", "datePublished": '
            f'"{art.published}", "author": {{"@type": "Person", "name": "Jo Reporter"}}}}'
            f"</script></head><body><header><p>Town Courier</p>"
            f"<p>{art.header_date}</p></header>"
            f"<article><h1>{title}</h1>{paras}</article>"
            f"<footer>Town Courier</footer></body></html>"
        ).encode()

    def record(self, path: str, headers: dict[str, str], status: int) -> None:
        with self._lock:
            self.requests.append((path, headers, status))

    def __exit__(self, *exc: object) -> None:
        self.release()
        super().__exit__(*exc)
