"""`scrapy crawl`, with an exit status that tells cron whether the run was healthy.

    0        the run finished and was healthy
    1        the run finished unhealthy (newscrawl.extensions.health), stopped early by one
             SIGINT/SIGTERM (it closed cleanly: its manifest says `finishReason: shutdown`),
             or could not start
    2        a usage error (Scrapy's)
    128 + N  stopped by signal N before it could close (a second Ctrl-C or SIGTERM): 130
             for SIGINT, 143 for SIGTERM, as a shell reports a process the signal killed.
             Its run folder is left unfinished; the next run records it as abandoned.
"""

from __future__ import annotations

import argparse
import signal
from typing import Any

from scrapy import signals
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from ..addresses import AddressPolicy, BadAllowList

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider")
        assert self.crawler_process
        try:  # the private-network guard refuses to start on a bad value: say so plainly
            AddressPolicy.parse(self.settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_NETWORKS"))
        except BadAllowList as exc:
            raise UsageError(str(exc), print_help=False) from None
        crawler = self._create_crawler(args[0])
        stopped: list[bool] = []
        crawler.signals.connect(lambda: stopped.append(True), signal=signals.engine_stopped,
                                weak=False)
        received: list[int] = []
        _record_stop_signals(received)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        health = crawler.stats.get_value("newscrawl/health", "") if crawler.stats else ""
        self.exitcode = exit_status(bool(stopped), received, str(health),
                                    bool(self.crawler_process.bootstrap_failed))


def exit_status(closed: bool, received: list[int], health: str, bootstrap_failed: bool) -> int:
    if not closed and received:
        return 128 + received[0]  # forced stop: the engine never finished closing
    if bootstrap_failed or not closed or health.startswith("unhealthy"):
        return 1
    return 0


def _record_stop_signals(received: list[int]) -> None:
    """Note which stop signal ended the run. Scrapy installs its SIGINT/SIGTERM handlers
    (graceful stop, then forced stop) once the reactor runs; they are wrapped then, and
    still do the stopping."""
    from twisted.internet import reactor

    def wrap() -> None:
        for signum in STOP_SIGNALS:
            handler = signal.getsignal(signum)
            if callable(handler):
                signal.signal(signum, _recording(handler, received))

    reactor.callWhenRunning(reactor.callLater, 0, wrap)


def _recording(handler: Any, received: list[int]) -> Any:
    def record(signum: int, frame: Any) -> Any:
        received.append(signum)
        return handler(signum, frame)

    return record
