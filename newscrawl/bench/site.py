"""A generated news site on 127.0.0.1 for load tests: robots.txt, a sitemap index, sitemaps of
1,000 URLs and N article pages, with a share of article responses failing transiently (the
first request fails, the next succeeds): 500, 503 and 429 with Retry-After, or a connection
dropped mid-body.

    python -m newscrawl.bench.site --pages 10000 --fail 0.05   # prints its URL, serves

asyncio, HTTP/1.1 with keep-alive; in a thread for tests (`GeneratedSite.start()`), in its own
process for the benchmark so that serving does not compete with the crawler for the GIL.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import threading
from collections import Counter

PER_SITEMAP = 1000
_WORDS = ("harbour council minister market police river school budget railway festival "
          "hospital election weather museum factory village court airport farmers station "
          "reported said announced expected during after before because although while "
          "residents officials workers students visitors engineers analysts doctors").split()
_FAILURES = ("500", "503", "429", "drop")


def article_path(n: int) -> str:
    return f"/news/{100000 + n}-generated-article-number-{n}"


def fails_first(n: int, share: float) -> bool:
    """Whether article n fails on its first request (deterministic, about `share` of all)."""
    digest = hashlib.blake2b(str(n).encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") / 2**32 < share


def article_html(n: int) -> bytes:
    rng = random.Random(n)
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(35, 60))).capitalize()
        + f". Report {n}, paragraph {i}.</p>" for i in range(rng.randint(5, 9)))
    title = f"Generated article {n}: " + " ".join(rng.choice(_WORDS) for _ in range(6))
    nav = "".join(f"<li><a href='/section/{w}'>{w}</a></li>" for w in _WORDS[:8])
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:type' content='article'>"
            f"<meta property='article:published_time' content='2024-0{1 + n % 9}-1{n % 10}T0"
            f"{n % 10}:00:00Z'></head><body><header><nav><ul>{nav}</ul></nav></header><main>"
            f"<article><h1>{title}</h1><div class='byline'>By Staff Reporter</div>"
            f"<div class='article-body'>{paragraphs}</div></article>"
            f"<aside><h3>Most read</h3><ul>{nav}</ul></aside></main>"
            f"<footer>© 2025 Generated News</footer></body></html>").encode()


class GeneratedSite:
    def __init__(self, pages: int, fail_share: float = 0.05, host: str = "127.0.0.1",
                 port: int = 0):
        self.pages, self.fail_share = pages, fail_share
        self.host, self.port = host, port
        self.requests: Counter[str] = Counter()
        self.failed = 0
        self.url = ""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task] = set()

    # -- content ------------------------------------------------------------------------

    def expected_paths(self) -> set[str]:
        return {article_path(n) for n in range(self.pages)}

    def _sitemap_index(self) -> bytes:
        count = (self.pages + PER_SITEMAP - 1) // PER_SITEMAP
        body = "".join(f"<sitemap><loc>{self.url}/sitemap-{k}.xml</loc></sitemap>"
                       for k in range(count))
        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.'
                f'sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>').encode()

    def _sitemap(self, k: int) -> bytes:
        ns = range(k * PER_SITEMAP, min(self.pages, (k + 1) * PER_SITEMAP))
        body = "".join(f"<url><loc>{self.url}{article_path(n)}</loc></url>" for n in ns)
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                f'schemas/sitemap/0.9">{body}</urlset>').encode()

    def _answer(self, path: str) -> tuple[int, str, bytes, dict[str, str]] | None:
        """(status, content type, body, extra headers), or None to drop the connection."""
        attempt = self.requests[path]
        self.requests[path] += 1
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nAllow: /\n", {}
        if path == "/sitemap.xml":
            return 200, "application/xml", self._sitemap_index(), {}
        if path.startswith("/sitemap-") and path.endswith(".xml"):
            k = path[len("/sitemap-"):-len(".xml")]
            if k.isdigit():
                return 200, "application/xml", self._sitemap(int(k)), {}
        if path.startswith("/news/"):
            n = int(path.split("/")[2].split("-")[0]) - 100000
            if 0 <= n < self.pages and path == article_path(n):
                if attempt == 0 and fails_first(n, self.fail_share):
                    self.failed += 1
                    kind = _FAILURES[n % len(_FAILURES)]
                    if kind == "drop":
                        return None
                    return int(kind), "text/plain", b"try again later", (
                        {"Retry-After": "1"} if kind != "500" else {})
                return 200, "text/html; charset=utf-8", article_html(n), {}
        return 404, "text/plain", b"not found", {}

    # -- serving ------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode("latin-1")
                answer = self._answer(path)
                if answer is None:  # headers and half a body, then the connection drops
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                 b"Content-Length: 4000\r\n\r\n<html><body><p>Half")
                    await writer.drain()
                    writer.transport.abort()
                    return
                status, ctype, body, extra = answer
                headers = "".join(f"{k}: {v}\r\n" for k, v in extra.items())
                writer.write((f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\n"
                              f"Content-Length: {len(body)}\r\n{headers}\r\n").encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError,
                asyncio.CancelledError):
            pass
        finally:
            writer.transport.abort()

    async def serve(self) -> None:
        self._server = await asyncio.start_server(self._handle, self.host, self.port,
                                                  backlog=512)
        self.port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://{self.host}:{self.port}"

    def start(self) -> GeneratedSite:
        """Serve from a daemon thread (for tests); returns once the URL is known."""
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self.serve())
            ready.set()
            self._loop.run_forever()
            self._loop.close()

        threading.Thread(target=run, daemon=True).start()
        ready.wait(10)
        return self

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        asyncio.get_running_loop().stop()

    def stop(self) -> None:
        if self._loop is not None and self._loop.is_running():
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--fail", type=float, default=0.05, help="share failing transiently")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    site = GeneratedSite(args.pages, args.fail, port=args.port)

    async def run() -> None:
        await site.serve()
        print(site.url, flush=True)
        await asyncio.Event().wait()

    asyncio.run(run())


if __name__ == "__main__":
    main()
