"""A throwaway redis-server on 127.0.0.1 for the distributed-crawl tests: a free port, a
temporary folder, no persistence. A missing redis-server skips those tests with the reason,
on a developer's machine; in CI (CI set, as .ci/run runs) it fails them: a distributed mode
that was never run is not a passing one (scripts/test.sh installs redis-server)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, folder: Path):
        binary = shutil.which("redis-server")
        if binary is None:
            reason = ("redis-server is not on PATH: install it (Debian: apt-get install -y "
                      "redis-server; scripts/test.sh does) to run the distributed-crawl tests")
            if os.environ.get("CI"):
                pytest.fail(reason + " (CI must run them)", pytrace=False)
            pytest.skip(reason)
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder), "--logfile", str(folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait()

    def _wait(self) -> None:
        import redis

        client = redis.Redis(host="127.0.0.1", port=self.port)
        for _ in range(200):  # up to 10 s for the server to accept connections
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"redis-server did not start on port {self.port}", pytrace=False)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
