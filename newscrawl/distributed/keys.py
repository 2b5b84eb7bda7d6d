"""Key names of one distributed crawl, worker ids and the Redis connection.

All keys of a crawl share a prefix (NEWSCRAWL_REDIS_PREFIX, then the spider name), so
several crawls can share one Redis database.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Keys:
    base: str  # e.g. "newscrawl:article:"

    @classmethod
    def for_crawl(cls, prefix: str, spider_name: str) -> Keys:
        return cls(f"{prefix}:{spider_name}:")

    @property
    def requests(self) -> str:  # sorted set: serialized request -> -priority
        return self.base + "requests"

    @property
    def dupefilter(self) -> str:  # set of request fingerprints (hex)
        return self.base + "dupefilter"

    @property
    def workers(self) -> str:  # set of worker ids that hold or held leases
        return self.base + "workers"

    @property
    def claims(self) -> str:  # hash: article key -> "pending:<worker>" | "done:<worker>"
        return self.base + "claims"

    @property
    def run(self) -> str:  # string: the id of the run being crawled
        return self.base + "run"

    @property
    def stop(self) -> str:  # string: present when workers should stop
        return self.base + "stop"

    @property
    def counters(self) -> str:  # hash: progress counters (fetched, articles, ...)
        return self.base + "counters"

    def inflight(self, worker: str) -> str:  # sorted set, like `requests`: leased requests
        return f"{self.base}inflight:{worker}"

    def alive(self, worker: str) -> str:  # string with a TTL: the worker's lease heartbeat
        return f"{self.base}alive:{worker}"

    def pending(self, worker: str) -> str:  # set of claims not yet written to a part
        return f"{self.base}pending:{worker}"


def default_worker_id() -> str:
    """Unique per process across machines: host name and process id."""
    return f"{socket.gethostname()}-{os.getpid()}"


def connect(url: str, **params: Any):
    """A redis-py client. Imported here, not at module level: single-machine runs never
    import redis."""
    import redis

    # Bytes in and out: serialized requests are binary (pickle).
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10,
                                retry_on_timeout=True, **params)


def keys_from_settings(settings: Any, spider_name: str) -> Keys:
    return Keys.for_crawl(settings.get("NEWSCRAWL_REDIS_PREFIX") or "newscrawl", spider_name)
