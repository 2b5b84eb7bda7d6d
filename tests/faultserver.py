"""A fault-injection HTTP/1.1 server on 127.0.0.1 for crawl tests.

Raw sockets, one thread per connection, one request per connection: a route's handler
writes whatever bytes it likes, so it can break chunked encoding, drop the connection
mid-body, lie about Content-Length or never answer.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from arrivals import arrival_time, stamp_arrivals

REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found",
           429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}


@dataclass
class Exchange:
    conn: socket.socket
    path: str
    headers: dict[str, str]
    attempt: int  # 0 for the first request of this path, 1 for the second...
    stop: threading.Event = field(repr=False, default_factory=threading.Event)

    def head(self, status: int, headers: dict[str, str] | None = None) -> None:
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def respond(self, status: int = 200, body: bytes = b"",
                content_type: str | None = "text/html; charset=utf-8",
                headers: dict[str, str] | None = None) -> None:
        all_headers = {"Content-Length": str(len(body))}
        if content_type:
            all_headers["Content-Type"] = content_type
        all_headers.update(headers or {})
        self.head(status, all_headers)
        self.conn.sendall(body)

    def reset(self) -> None:
        """Drop the connection with a TCP reset, not a clean close."""
        self.conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.conn.close()


Handler = Callable[[Exchange], None]


class FaultServer:
    def __init__(self, host: str = "127.0.0.1", name: str | None = None):
        self.routes: dict[str, Handler] = {}
        self.hits: list[tuple[float, str]] = []  # (arrival s, path) per request
        self.counts: Counter[str] = Counter()
        self.host_headers: list[str] = []  # the Host header of every request
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, 0))
        stamp_arrivals(self._sock)
        self._sock.listen(128)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://{name or host}:{self.port}"
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def page(self, path: str, body: bytes, status: int = 200,
             content_type: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.routes[path] = lambda ex: ex.respond(status, body, content_type, headers)

    def requested(self, path: str) -> int:
        with self._lock:
            return self.counts[path]

    def times(self, prefix: str) -> list[float]:
        with self._lock:
            return [t for t, p in self.hits if p.startswith(prefix)]

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(10)
            arrived = arrival_time(conn)  # before the thread reads it: tests/arrivals.py
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            path = head[0].split(" ")[1] if len(head[0].split(" ")) > 1 else "/"
            headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
            with self._lock:
                attempt = self.counts[path]
                self.counts[path] += 1
                self.hits.append((arrived or time.time(), path))
                self.host_headers.append(headers.get("Host", ""))
            handler = self.routes.get(path) or (lambda ex: ex.respond(404, b"not found",
                                                                      "text/plain"))
            handler(Exchange(conn, path, headers, attempt, self._stop))
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()
