"""Downloader middleware: nothing on the web can make the crawler fetch from its own machine
or network.

Refused unless NEWSCRAWL_ALLOW_PRIVATE_NETWORKS lists a network that contains the address:
loopback, private (RFC 1918, fc00::/7), link-local (169.254.0.0/16: cloud metadata),
unspecified, multicast and reserved addresses, written in any form the resolver accepts
(`127.1`, `2130706433`, `0x7f000001`, `[::ffff:127.0.0.1]`), and the names `localhost` and
`*.localhost`. file:// URLs are fetched only inside the folder of a file:// start point.

Limit: other host names are not resolved here, so a public name whose DNS answer is a
private address is not caught; crawl from a network that cannot reach what must stay
private when that matters.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from scrapy import Request
from scrapy.crawler import Crawler

from ..faults import Refused, fault

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def host_address(host: str) -> IPAddress | None:
    """The IP address a host name stands for without DNS: literal IPs in every spelling
    inet_aton takes (`127.1`, `0x7f.1`, `2130706433`), IPv6 (mapped IPv4 unwrapped), and
    localhost."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return ipaddress.IPv4Address("127.0.0.1")
    try:
        addr = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        if not host or not all(c in "0123456789abcdefx." for c in host):
            return None
        try:  # the shorthand and numeric forms getaddrinfo would accept
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is not None:
            return embedded
    return addr


def is_public(addr: IPAddress) -> bool:
    return addr.is_global and not addr.is_multicast


class PrivateNetworkMiddleware:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.allowed: list[IPNetwork] = [
            ipaddress.ip_network(n, strict=False)
            for n in crawler.settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_NETWORKS")
        ]

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def refusal(self, request: Request) -> str | None:
        """Why the request must not be made, or None."""
        parts = urlsplit(request.url)
        if parts.scheme == "file":
            return self._file_refusal(request.url)
        if parts.scheme not in ("http", "https"):
            return f"scheme {parts.scheme}: is not fetched"
        addr = host_address(parts.hostname or "")
        if addr is None or is_public(addr):
            return None  # a DNS name: see the module's docstring for the limit
        if any(addr in net for net in self.allowed if net.version == addr.version):
            return None
        return (f"{parts.hostname} is a non-public address ({addr}); "
                "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS does not allow it")

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

    def process_request(self, request: Request) -> None:
        reason = self.refusal(request)
        if reason is None:
            return
        raise fault(logger, self.stats, request.url, Refused("private_network", reason))
