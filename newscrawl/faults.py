"""Why a request failed or was refused, as a short code (for stats keys) and a sentence (for
the log line that names the URL).

Fetch errors are the web's fault (timeouts, truncated bodies, 5xx...) and count towards the
run's error rate; refusals are newscrawl's own policy (robots.txt, private networks) and do
not.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import StatsCollector
from twisted.internet import error as twisted_error
from twisted.python.failure import Failure


class FetchFault(IgnoreRequest):
    """A fetch given up by one of newscrawl's middlewares, with a code naming why. The
    middleware reports it (`report`); the spider's errback does not report it again."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class Refused(FetchFault):
    """A request newscrawl will not make (robots.txt, private network...)."""


def stats_key(code: str, refused: bool) -> str:
    return f"newscrawl/{'refused' if refused else 'fetch_error'}/{code}"


def report(logger: logging.Logger, stats: StatsCollector, url: str, code: str, reason: str,
           refused: bool, role: str | None = None) -> None:
    """The one log line and counter for a URL that was not fetched."""
    what = "Refused" if refused else "Fetch failed"
    logger.warning("%s: %s%s: %s: %s", what, url, f" ({role})" if role else "", code, reason)
    stats.inc_value(stats_key(code, refused))


def fault(logger: logging.Logger, stats: StatsCollector, url: str,
          exc: FetchFault) -> FetchFault:
    """Report a FetchFault about to be raised; returns it for `raise fault(...)`."""
    report(logger, stats, url, exc.code, str(exc), isinstance(exc, Refused))
    return exc


def describe(exc: BaseException) -> tuple[str, str, bool]:
    """Return (code, reason, refused) for an exception from the download path."""
    message = str(exc) or type(exc).__name__
    if isinstance(exc, FetchFault):
        return exc.code, message, isinstance(exc, Refused)
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"http_{status}", f"HTTP {status}", False
    if isinstance(exc, IgnoreRequest):
        if "DOWNLOAD_MAXSIZE" in message and "decompress" in message:
            return "decompression_bomb", message, False
        if "max redirections" in message:
            return "too_many_redirects", message, False
        if "robots.txt" in message:
            return "robots_forbidden", message, True
        if "offsite" in message.lower():
            return "offsite", message, True
        return "ignored", message, False
    if isinstance(exc, (DownloadTimeoutError, twisted_error.TimeoutError, TimeoutError)):
        return "timeout", message, False
    if isinstance(exc, DownloadCancelledError):
        # Scrapy cancels a download only past DOWNLOAD_MAXSIZE (and logs the sizes).
        return "too_large", message if "max size" in message else (
            "download cancelled: body larger than DOWNLOAD_MAXSIZE"), False
    if isinstance(exc, ResponseDataLossError):
        causes = _twisted_reasons(exc)
        detail = "; ".join(causes) or "body shorter than announced"
        if any("chunk" in c.lower() for c in causes):
            return "malformed_chunked", f"broken chunked encoding ({detail})", False
        if any(c.startswith(("ConnectionLost", "ConnectionAborted", "ConnectionReset"))
               and "cleanly" not in c for c in causes):
            return "connection_lost", f"connection dropped mid-body ({detail})", False
        return "data_loss", f"body shorter than its Content-Length ({detail})", False
    if isinstance(exc, (DownloadConnectionRefusedError, twisted_error.ConnectionRefusedError)):
        return "connection_refused", message, False
    if isinstance(exc, (CannotResolveHostError, twisted_error.DNSLookupError)):
        return "dns", message, False
    if "chunk" in message.lower():
        return "malformed_chunked", message, False
    if isinstance(exc, (DownloadFailedError, twisted_error.ConnectionLost,
                        twisted_error.ConnectionDone, ConnectionError)):
        return "connection_lost", message, False
    return type(exc).__name__, message, False


def _twisted_reasons(exc: BaseException) -> list[str]:
    """The failures Twisted gave for a broken response body (ResponseFailed.reasons)."""
    cause = exc.__cause__
    reasons = getattr(cause, "reasons", None) or []
    return [f"{r.type.__name__}: {r.getErrorMessage()}" for r in reasons
            if r.type.__name__ != "_DataLoss"]


def describe_failure(failure: Failure) -> tuple[str, str, bool]:
    return describe(failure.value)
