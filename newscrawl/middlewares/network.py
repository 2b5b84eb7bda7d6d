"""Downloader middleware: nothing on the web can make the crawler fetch from its own machine
or network.

Refused unless NEWSCRAWL_ALLOW_PRIVATE_NETWORKS allows it (see newscrawl.addresses): a host
that is, or resolves to, a loopback, private, link-local (169.254.169.254: cloud metadata),
shared/CGNAT, unspecified, multicast or reserved address, in any spelling (`127.1`,
`2130706433`, `[::ffff:127.0.0.1]`, `[::127.0.0.1]`, `[64:ff9b::7f00:1]`, `localhost`, a
DNS name whose answer is such an address). file:// URLs are fetched only inside the folder
of a file:// start point; other schemes are not fetched.

Two checks, one source of truth. Before a request is queued (and before robots.txt is
fetched for its host) this middleware asks the guard's resolver (newscrawl.resolver) for
every address of the host and refuses the request with a log line naming the URL. When the
download handler connects, the same resolver answers again and hands out only checked
addresses, so a DNS answer that changes in between is caught there; that refusal is
reported here too (process_exception), with the same reason code.
"""

from __future__ import annotations

import logging
import os
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CannotResolveHostError
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.misc import load_object
from twisted.internet.error import DNSLookupError

from ..addresses import AddressPolicy, host_address
from ..faults import Refused, fault
from ..resolver import GuardedResolver

logger = logging.getLogger(__name__)

__all__ = ["PrivateNetworkMiddleware", "host_address"]

# The download handler whose connections go through the reactor's name resolver, i.e. the
# only one for which the checked address is the connected address.
PINNING_HANDLER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"


class PrivateNetworkMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        # A bad entry stops the crawl here, before anything is fetched (BadAllowList).
        self.policy = AddressPolicy.parse(settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_NETWORKS"))
        # Replayed responses come from fixtures: nothing is connected to, nothing resolved.
        self.replay = bool(settings.get("NEWSCRAWL_REPLAY_DIR"))
        self._guard: GuardedResolver | None = None
        if not self.replay:
            _warn_unless_pinned(settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        mw = cls(crawler)
        crawler.signals.connect(mw.engine_stopped, signal=signals.engine_stopped)
        return mw

    def guard(self) -> GuardedResolver:
        """The reactor's guarded resolver, with this crawler's policy attached. Installed
        here when Scrapy has not (a crawl run without `scrapy crawl`, as in tests)."""
        from twisted.internet import reactor

        current = reactor.nameResolver
        if not isinstance(current, GuardedResolver):
            current = GuardedResolver.from_crawler(self.crawler, reactor)
            current.install_on_reactor()
        if not current.attached(self.crawler):
            current.attach(self.crawler, self.policy)
        self._guard = current
        return current

    def engine_stopped(self) -> None:
        if self._guard is not None:
            self._guard.detach(self.crawler)

    def refusal(self, request: Request) -> str | None:
        """Why the request must not be made, as far as the URL alone tells, or None. Host
        names are checked by `process_request`, which resolves them."""
        parts = urlsplit(request.url)
        if parts.scheme == "file":
            return self._file_refusal(request.url)
        if parts.scheme not in ("http", "https"):
            return f"scheme {parts.scheme}: is not fetched"
        host = parts.hostname or ""
        addr = host_address(host)
        if addr is None:
            return None
        return self.policy.refusal(host, [addr])

    def _file_refusal(self, url: str) -> str | None:
        spider: Any = self.crawler.spider
        path = os.path.realpath(url2pathname(urlsplit(url).path))
        for start in getattr(spider, "start_points", None) or []:
            if not start.startswith("file:"):
                continue
            start_path = os.path.realpath(url2pathname(urlsplit(start).path))
            folder = start_path if os.path.isdir(start_path) else os.path.dirname(start_path)
            if path == start_path or path.startswith(folder.rstrip(os.sep) + os.sep):
                return None
        return "a file:// URL outside the folders of the file:// start points"

    async def process_request(self, request: Request) -> None:
        reason = self.refusal(request)
        parts = urlsplit(request.url)
        if reason is None and not self.replay and parts.scheme in ("http", "https"):
            guard = self.guard()
            host = parts.hostname or ""
            if host_address(host) is None:
                try:
                    reason = await maybe_deferred_to_future(guard.check(host))
                except DNSLookupError as exc:
                    raise CannotResolveHostError(str(exc)) from exc
        if reason is not None:
            raise fault(logger, self.stats, request.url, Refused("private_network", reason))

    def process_exception(self, request: Request, exception: Exception) -> None:
        """A connection the resolver refused (the host's DNS answer changed to a non-public
        address after the check above) is a refusal, not a DNS error."""
        if self._guard is None or not isinstance(exception,
                                                 (CannotResolveHostError, DNSLookupError)):
            return None
        reason = self._guard.refused_at_connection(urlsplit(request.url).hostname or "")
        proxy = request.meta.get("proxy")
        if reason is None and proxy:  # the connection was to the proxy
            reason = self._guard.refused_at_connection(urlsplit(
                proxy if "://" in proxy else f"http://{proxy}").hostname or "")
            if reason is not None:
                reason = f"the proxy: {reason}"
        if reason is not None:
            raise fault(logger, self.stats, request.url, Refused(
                "private_network", f"{reason} (found when connecting)"))
        return None


def _warn_unless_pinned(settings: Any) -> None:
    """The guard pins addresses through Twisted's resolver: a download handler that
    resolves names itself (HTTP/2, httpx, aiohttp) is checked before the request only."""
    from ..replay import ReplayDownloadHandler

    handlers = settings.getwithbase("DOWNLOAD_HANDLERS")
    base = settings.getwithbase("DOWNLOAD_HANDLERS_BASE")
    pinning = load_object(PINNING_HANDLER)
    for scheme in ("http", "https"):
        path = handlers.get(scheme)
        if path is None:
            continue
        cls = load_object(path) if isinstance(path, str) else path
        if cls is ReplayDownloadHandler or (isinstance(cls, type)
                                           and issubclass(cls, ReplayDownloadHandler)):
            path = base.get(scheme)
            cls = load_object(path) if isinstance(path, str) else path
        if not (isinstance(cls, type) and issubclass(cls, pinning)):
            logger.warning(
                "The %s download handler %s resolves host names itself: the private-network "
                "guard checks them before each request, but cannot pin the address it "
                "connects to (DNS rebinding is not caught)", scheme, getattr(cls, "__name__", cls))
