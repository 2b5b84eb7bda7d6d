"""A worker's Redis calls, off the reactor thread.

redis-py is synchronous; called from the reactor thread, a slow or restarting Redis would
freeze every download of the worker (a 30-s socket timeout did, before). Here each call runs
in one thread of the link, in the order it was made (a request's children are queued before
its lease is acked, a page's claim turns final after it is written: the order is what keeps
each article once across a `kill -9`), and its result comes back to the reactor as a
Deferred. A redis-py asyncio client would do too; a thread keeps the Lua scripts and their
tests synchronous and plain.

When Redis cannot be reached (connection refused or reset, a call timing out after
NEWSCRAWL_REDIS_TIMEOUT seconds), the link retries the same call with backoff, and every
later call waits behind it: the worker pauses (downloads already granted finish, nothing new
is taken, no item is written without its claim). Once Redis answers again the link goes on
where it stopped. After NEWSCRAWL_REDIS_OUTAGE seconds without Redis the link gives up: that
call and every later one fail with `RedisGone`, and the worker closes (worker.py) with reason
`redis_unavailable`, a non-zero exit status. Its leased requests are still in Redis; a worker
that stops cleanly puts them back, a worker that cannot is taken over by the others once its
heartbeat has expired (frontier.reclaim_dead), so no request is lost either way.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from .. import defaults
from .keys import connect

logger = logging.getLogger(__name__)

RETRY_FIRST = 0.2  # seconds before the first retry of a call that could not reach Redis
RETRY_MAX = 2.0  # seconds, the longest wait between retries


class RedisGone(RuntimeError):
    """Redis has been unreachable for longer than NEWSCRAWL_REDIS_OUTAGE."""


def _reachability_errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.ConnectionError, redis.TimeoutError, ConnectionError, TimeoutError)


class RedisLink:
    def __init__(self, server: Any, name: str, outage: float, reactor: Any = None):
        self.server = server
        self.name = name
        self.outage = outage
        self.down_since: float | None = None  # monotonic; set by the link's thread
        self.gone: RedisGone | None = None
        self._errors = _reachability_errors()
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._pending = 0
        self._lock = threading.Lock()
        if reactor is None:
            from twisted.internet import reactor
        self._reactor = reactor
        self._thread = threading.Thread(target=self._run, name=f"redis-{name}", daemon=True)
        self._thread.start()

    # -- reactor side ------------------------------------------------------------------------

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Deferred[Any]:
        """fn(*args, **kwargs) in the link's thread, after every call made before it."""
        d: Deferred[Any] = Deferred()
        with self._lock:
            self._pending += 1
        self._jobs.put((fn, args, kwargs, d))
        return d

    def send(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Deferred[Any]:
        """A call whose failure is only logged."""
        d = self.call(fn, *args, **kwargs)
        d.addErrback(self._log, fn)
        return d

    @property
    def pending(self) -> int:
        """Calls made and not answered yet."""
        return self._pending

    @property
    def paused(self) -> bool:
        return self.down_since is not None or self.gone is not None

    def close(self, timeout: float = 5.0) -> None:
        """Stop the thread once the calls made so far are done (at most `timeout` s)."""
        self._jobs.put(None)
        self._thread.join(timeout)

    def _log(self, failure: Failure, fn: Callable[..., Any]) -> None:
        if failure.check(RedisGone):
            return  # said once, by the thread
        logger.error("Redis call %s failed: %s", getattr(fn, "__name__", fn),
                     failure.getErrorMessage())

    # -- the link's thread ---------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, args, kwargs, d = job
            try:
                result = self._attempt(fn, args, kwargs)
            except BaseException as e:  # handed to the reactor, never lost in the thread
                outcome: Any = Failure(e)
                fire = d.errback
            else:
                outcome, fire = result, d.callback
            with self._lock:
                self._pending -= 1
            self._reactor.callFromThread(fire, outcome)

    def _attempt(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        wait = RETRY_FIRST
        while True:
            if self.gone is not None:
                raise self.gone
            try:
                result = fn(*args, **kwargs)
            except self._errors as e:
                now = time.monotonic()
                if self.down_since is None:
                    self.down_since = now
                    logger.warning("Redis unreachable (%s): worker paused, retrying for up to "
                                   "%.0f s (NEWSCRAWL_REDIS_OUTAGE)", e, self.outage)
                if now - self.down_since >= self.outage:
                    self.gone = RedisGone(f"Redis unreachable for {now - self.down_since:.0f} s "
                                          f"(NEWSCRAWL_REDIS_OUTAGE {self.outage:.0f} s): {e}")
                    logger.error("%s: giving up", self.gone)
                    raise self.gone from e
                time.sleep(wait)
                wait = min(wait * 2, RETRY_MAX)
                continue
            if self.down_since is not None:
                logger.warning("Redis reachable again after %.1f s: worker resumed",
                               time.monotonic() - self.down_since)
                self.down_since = None
            return result


_LINKS: weakref.WeakKeyDictionary[Crawler, dict[str, RedisLink]] = weakref.WeakKeyDictionary()


def link_for(crawler: Crawler, name: str = "main") -> RedisLink:
    """The crawl's link of that name: "main" carries the frontier, the politeness gate,
    claims and robots.txt, in order; "beat" the heartbeat, which must not wait behind them.
    Closed when the engine stops, after the calls made until then (at most 5 s)."""
    links = _LINKS.setdefault(crawler, {})
    if name not in links:
        settings = crawler.settings
        server = connect(settings["NEWSCRAWL_REDIS_URL"],
                         timeout=defaults.getfloat(settings, "NEWSCRAWL_REDIS_TIMEOUT"))
        link = links[name] = RedisLink(server, name,
                                       defaults.getfloat(settings, "NEWSCRAWL_REDIS_OUTAGE"))
        crawler.signals.connect(lambda **kw: link.close(), signal=signals.engine_stopped,
                                weak=False)
    return links[name]
