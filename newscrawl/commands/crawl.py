"""`scrapy crawl`, with an exit status that tells cron whether the run was healthy, user
errors told in one line, and Scrapy's -o/-O semantics for the project's default feed.

    0        the run finished and was healthy
    1        the run finished unhealthy (newscrawl.extensions.health), stopped early by one
             SIGINT/SIGTERM (it closed cleanly: its manifest says `finishReason: shutdown`),
             or could not start
    2        a usage error (Scrapy's), or a user error (newscrawl.errors.UserError: a bad
             setting, spider argument or site profile, a run already holding the runs
             folder) told in one line on stderr, without a traceback
    128 + N  stopped by signal N before it could close (a second Ctrl-C or SIGTERM): 130
             for SIGINT, 143 for SIGTERM, as a shell reports a process the signal killed.
             Its run folder is left unfinished; the next run records it as abandoned.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from typing import Any

from scrapy import signals
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.utils.conf import feed_process_params_from_cli
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from ..errors import USAGE_EXIT, UserError
from ..settings_check import check_settings

logger = logging.getLogger(__name__)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(ScrapyCrawl):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        feeds_given = any(a.partition("=")[0] == "FEEDS" for a in opts.set)  # -s FEEDS=...
        try:  # before the crawler process starts logging: the error is all that is printed
            check_settings(self.settings)  # the private-network allow list among them
        except UserError as exc:
            sys.stderr.write(f"scrapy crawl: error: {exc}\n")
            raise SystemExit(USAGE_EXIT) from None
        # Scrapy adds -o/-O feeds to the FEEDS of settings.py; in a project whose settings
        # define a default feed that would write both. Given -o/-O, only those are written
        # (a FEEDS given with -s still counts).
        if (opts.output or opts.overwrite_output) and not feeds_given:
            cli_only = self.settings.copy()
            cli_only.set("FEEDS", {}, priority="cmdline")
            self.settings.set("FEEDS", feed_process_params_from_cli(
                cli_only, opts.output, overwrite_output=opts.overwrite_output),
                priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider")
        assert self.crawler_process
        try:  # add-ons read the settings here (the distributed one needs the redis extra)
            crawler = self._create_crawler(args[0])
        except UserError as exc:
            sys.stderr.write(f"scrapy crawl: error: {exc}\n")
            self.exitcode = USAGE_EXIT
            return
        stopped: list[bool] = []
        crawler.signals.connect(lambda: stopped.append(True), signal=signals.engine_stopped,
                                weak=False)
        received: list[int] = []
        _record_stop_signals(received)
        errors: list[UserError] = []
        _trap_user_errors(self.crawler_process.crawl(crawler, **opts.spargs), errors)
        self.crawler_process.start()
        if errors:
            sys.stderr.write(f"scrapy crawl: error: {errors[0]}\n")
            self.exitcode = USAGE_EXIT
            return
        health = _stat(crawler, "newscrawl/health")
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


def _trap_user_errors(started: Any, errors: list[UserError]) -> None:
    """A UserError raised while the crawl starts (a spider argument, a site profile, a lock
    held by another run) is kept for one line on stderr instead of a logged traceback."""
    if isinstance(started, asyncio.Future):
        def done(task: asyncio.Future) -> None:
            exc = None if task.cancelled() else task.exception()  # retrieved: asyncio is quiet
            if isinstance(exc, UserError):
                errors.append(exc)
            elif exc is not None:  # a bug: its traceback, as asyncio would have logged it
                logger.error("The crawl could not start", exc_info=exc)
        started.add_done_callback(done)
    elif isinstance(started, Deferred):
        def errback(failure: Failure) -> Failure | None:
            if failure.check(UserError):
                errors.append(failure.value)
                return None
            return failure
        started.addErrback(errback)


def _stat(crawler: Crawler, key: str) -> Any:
    try:
        return crawler.stats.get_value(key, "")
    except RuntimeError:  # stats are set only once the crawl started
        return ""
