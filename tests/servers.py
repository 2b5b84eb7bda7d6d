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


class FixtureSite:
    def __init__(self, folder: Path, origin: str = "https://www.seoulpost.example"):
        self.origin = origin
        self.fixtures: dict[str, Fixture] = {}
        for fx in load_fixtures(folder):
            parts = urlsplit(fx.url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            self.fixtures[path] = fx
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.requests.append(self.path)
                fx = site.fixtures.get(self.path)
                if fx is None:
                    self.send_error(404)
                    return
                body = fx.body.replace(site.origin.encode(), site.url.encode())
                self.send_response(fx.status)
                for k, v in fx.headers.items():
                    if k.lower() not in _HOP_BY_HOP:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FixtureSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
