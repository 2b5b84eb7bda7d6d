"""Key names of one distributed crawl, worker ids and the Redis connection.

All keys of a crawl share a prefix (NEWSCRAWL_REDIS_PREFIX, then the spider name), so
several crawls can share one Redis database.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from typing import Any

from ..defaults import default
from ..errors import require


@dataclass(frozen=True)
class Keys:
    base: str  # e.g. "newscrawl:article:"

    @classmethod
    def for_crawl(cls, prefix: str, spider_name: str) -> Keys:
        return cls(f"{prefix}:{spider_name}:")

    # The frontier, partitioned by host (frontier.py). A request's token is its host, a
    # newline and the serialized request, so every script can tell its host.

    @property
    def queued(self) -> str:  # integer: requests queued over all hosts
        return self.base + "queued"

    @property
    def hosts(self) -> str:  # set: every host that had requests queued this run
        return self.base + "hosts"

    @property
    def ready(self) -> str:  # sorted set: host with work and a free slot -> pop-at (ms)
        return self.base + "ready"

    def queue(self, host: str) -> str:  # sorted set: token -> -priority, one host's requests
        return f"{self.base}q:{host}"

    def slots(self, host: str) -> str:  # sorted set: member -> expiry (ms): fetches under way
        return f"{self.base}slots:{host}"

    def host(self, host: str) -> str:  # hash: next, pop_at, crawl_delay, throttle (ms)
        return f"{self.base}host:{host}"

    def discovery(self, host: str) -> str:  # sorted set: the host's sitemap/feed/start
        return f"{self.base}disc:{host}"      # tokens not yet acked -> +inf queued, else
                                              # lease deadline (ms); the rest wait for them

    @property
    def listed(self) -> str:  # hash: article key -> date a sitemap or feed listed for it
        return self.base + "listed"

    def robots(self, netloc: str) -> str:  # hash with a TTL: the host's robots.txt verdict
        return f"{self.base}robots:{netloc}"

    def robots_lock(self, netloc: str) -> str:  # string with a TTL: one worker fetches it
        return f"{self.base}robots-lock:{netloc}"

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


DEFAULT_TIMEOUT: float = default("NEWSCRAWL_REDIS_TIMEOUT")  # seconds, for the commands


def connect(url: str, timeout: float = DEFAULT_TIMEOUT, **params: Any):
    """A redis-py client whose every call gives up after `timeout` seconds (a worker's
    calls run in a thread, link.py, which retries them while Redis is away). Imported here,
    not at module level: single-machine runs never import redis."""
    redis = require("redis", "redis", "distributed crawling")

    # Bytes in and out: serialized requests are binary (pickle).
    return redis.Redis.from_url(url, socket_timeout=timeout,
                                socket_connect_timeout=min(timeout, 5.0), **params)


def keys_from_settings(settings: Any, spider_name: str) -> Keys:
    return Keys.for_crawl(settings.get("NEWSCRAWL_REDIS_PREFIX") or "newscrawl", spider_name)
