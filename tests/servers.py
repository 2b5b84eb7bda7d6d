"""A real HTTP server on 127.0.0.1 serving a fixture folder, for crawl tests.

Fixture bodies name the site's public origin (https://www.seoulpost.example); the server
rewrites it to its own origin so sitemaps and feeds point back at it. Status and headers come
from each fixture's sidecar; robots.txt is served like any fixture.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.fixtures import Fixture, load_fixtures

_HOP_BY_HOP = {"content-length", "transfer-encoding", "connection", "content-encoding"}


class LoopbackSite:
    """A threaded HTTP server on 127.0.0.1 (a free port) that answers GETs with
    `respond(path, headers) -> (status, headers, body)` and reports each answer to
    `record(path, headers, status)`. Use it as a context manager."""

    # Response headers not sent as they are (the body is sent whole, decoded).
    drop_headers: frozenset[str] = frozenset(_HOP_BY_HOP)

    def __init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                status, headers, body = site.respond(self.path, dict(self.headers))
                site.record(self.path, dict(self.headers), status)
                # The response's own Date (a fixture's fetch day), not the wall clock's:
                # relative dates in a page are read against it.
                self.send_response_only(status)
                self.send_header("Server", self.version_string())
                if not any(k.lower() == "date" for k in headers):
                    self.send_header("Date", self.date_time_string())
                for k, v in headers.items():
                    if k.lower() not in site.drop_headers:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        raise NotImplementedError

    def record(self, path: str, headers: dict[str, str], status: int) -> None:
        pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class FixtureSite(LoopbackSite):
    def __init__(self, folder: Path, origin: str = "https://www.seoulpost.example"):
        self.origin = origin
        self.fixtures: dict[str, Fixture] = {}
        for fx in load_fixtures(folder):
            parts = urlsplit(fx.url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            self.fixtures[path] = fx
        self.requests: list[str] = []
        super().__init__()

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        fx = self.fixtures.get(path)
        if fx is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return fx.status, fx.headers, fx.body.replace(self.origin.encode(), self.url.encode())

    def record(self, path: str, headers: dict[str, str], status: int) -> None:
        self.requests.append(path)
