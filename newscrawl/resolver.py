"""The private-network guard's name resolver (Scrapy's TWISTED_DNS_RESOLVER).

Scrapy's HTTP/1.1 download handler connects through Twisted's HostnameEndpoint, which asks
the reactor's name resolver for the addresses of the host and then connects to exactly the
addresses it was given. This resolver resolves the name itself (getaddrinfo in the reactor's
thread pool, IPv4 and IPv6), checks *every* address against the policy
(newscrawl.addresses.AddressPolicy, from NEWSCRAWL_ALLOW_PRIVATE_NETWORKS) and hands out the
addresses only when all of them may be fetched. So the address checked is the address
connected to: a DNS answer that changes between a check and the connection (DNS
rebinding) cannot slip through, because there is no second lookup. Refused names get no
address: the connection fails before any packet is sent to them.

The private-network middleware (newscrawl.middlewares.network) asks the same resolver
before a request is queued, to refuse it with a log line naming the URL (and before its
robots.txt is fetched); this resolver is the check that cannot be bypassed.

The reactor has one name resolver for the process. Each crawler attaches its own policy;
while several crawlers run in one process an address must be allowed by all of them.
"""

from __future__ import annotations

import logging
import socket
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Literal

from twisted.internet import defer, error
from twisted.internet.address import IPv4Address as TxIPv4Address
from twisted.internet.address import IPv6Address as TxIPv6Address
from twisted.internet.interfaces import (
    IAddress,
    IHostnameResolver,
    IHostResolution,
)
from twisted.internet.threads import deferToThreadPool
from twisted.python.failure import Failure
from zope.interface import implementer

from .addresses import AddressPolicy, IPAddress, host_address, normalize_host

logger = logging.getLogger(__name__)

# A refusal made at connection time, remembered so that the middleware can report the
# failed download as a refusal (Twisted only says "no results for hostname lookup").
_REMEMBERED_REFUSALS = 1000


def system_lookup(host: str) -> tuple[IPAddress, ...]:
    """Every address the system resolver gives for `host` (blocking: run in a thread)."""
    import ipaddress

    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    found: dict[IPAddress, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        found[ipaddress.ip_address(str(sockaddr[0]).split("%")[0])] = None
    return tuple(found)


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str):
        self.name = name

    def cancel(self) -> None:  # Twisted never cancels a running lookup
        pass


@implementer(IHostnameResolver)
class GuardedResolver:
    def __init__(self, reactor: Any, policy: AddressPolicy, timeout: float = 60.0,
                 cache_size: int = 10000):
        self.reactor = reactor
        self.default_policy = policy
        self.timeout = timeout
        self.cache_size = cache_size
        self._policies: weakref.WeakKeyDictionary[Any, AddressPolicy] = (
            weakref.WeakKeyDictionary())
        self._cache: OrderedDict[str, tuple[IPAddress, ...]] = OrderedDict()
        self._pending: dict[str, list[defer.Deferred]] = {}
        self._refused: OrderedDict[str, str] = OrderedDict()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        """Also called by Scrapy with the CrawlerProcess (settings only) when it starts."""
        settings = crawler.settings
        cache = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        policy = AddressPolicy.parse(settings.getlist("NEWSCRAWL_ALLOW_PRIVATE_NETWORKS"))
        return cls(reactor, policy, timeout=settings.getfloat("DNS_TIMEOUT"), cache_size=cache)

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    # -- policies ----------------------------------------------------------------------------

    def attach(self, owner: Any, policy: AddressPolicy) -> None:
        self._policies[owner] = policy

    def detach(self, owner: Any) -> None:
        self._policies.pop(owner, None)

    def attached(self, owner: Any) -> bool:
        return owner in self._policies

    def refusal(self, host: str, addresses: Sequence[IPAddress]) -> str | None:
        for policy in list(self._policies.values()) or [self.default_policy]:
            reason = policy.refusal(host, addresses)
            if reason is not None:
                return reason
        return None

    def refused_at_connection(self, host: str) -> str | None:
        """The reason a connection to `host` was refused by this resolver, if it was."""
        return self._refused.get(normalize_host(host))

    # -- lookups -----------------------------------------------------------------------------

    def lookup(self, host: str) -> defer.Deferred[tuple[IPAddress, ...]]:
        """Every address of `host` (cached). Fails with DNSLookupError."""
        host = normalize_host(host)
        literal = host_address(host)
        if literal is not None:
            return defer.succeed((literal,))
        cached = self._cache.get(host)
        if cached is not None:
            self._cache.move_to_end(host)
            return defer.succeed(cached)
        waiter: defer.Deferred[tuple[IPAddress, ...]] = defer.Deferred()
        if host in self._pending:
            self._pending[host].append(waiter)
            return waiter
        self._pending[host] = [waiter]
        d = deferToThreadPool(self.reactor, self.reactor.getThreadPool(), system_lookup, host)
        if self.timeout > 0:
            d.addTimeout(self.timeout, self.reactor)
        d.addBoth(self._lookup_done, host)
        return waiter

    def _lookup_done(self, result: tuple[IPAddress, ...] | Failure, host: str) -> None:
        waiters = self._pending.pop(host, [])
        if isinstance(result, Failure) or not result:
            if isinstance(result, Failure) and result.check(defer.TimeoutError):
                why = f"DNS lookup timed out after {self.timeout:g} s"
            else:
                why = result.getErrorMessage() if isinstance(result, Failure) else "no address"
            for waiter in waiters:
                waiter.errback(error.DNSLookupError(f"{host}: {why}"))
            return
        if self.cache_size:
            self._cache[host] = result
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        for waiter in waiters:
            waiter.callback(result)

    def check(self, host: str) -> defer.Deferred[str | None]:
        """Why `host` must not be fetched, or None. Fails with DNSLookupError."""
        return self.lookup(host).addCallback(lambda addresses: self.refusal(host, addresses))

    # -- IHostnameResolver: what Twisted's HostnameEndpoint calls before connecting ---------

    # The receiver and the resolution are zope interfaces (IResolutionReceiver,
    # IHostResolution), which mypy does not read without a plugin: typed Any.
    def resolveHostName(
        self,
        resolutionReceiver: Any,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: Literal["TCP", "UDP"] = "TCP",
    ) -> Any:
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)

        def deliver(addresses: tuple[IPAddress, ...]) -> None:
            reason = self.refusal(hostName, addresses)
            if reason is not None:
                self._remember_refusal(hostName, reason)
                logger.debug("No connection to %s: %s", hostName, reason)
                return
            for addr in addresses:
                cls = TxIPv4Address if addr.version == 4 else TxIPv6Address
                if addressTypes is None or cls in addressTypes:
                    resolutionReceiver.addressResolved(
                        cls(transportSemantics, str(addr), portNumber))

        d = self.lookup(hostName)
        d.addCallback(deliver)
        d.addErrback(lambda f: logger.debug("No address for %s: %s", hostName,
                                            f.getErrorMessage()))
        d.addBoth(lambda _: resolutionReceiver.resolutionComplete())
        return resolution

    def _remember_refusal(self, host: str, reason: str) -> None:
        self._refused[normalize_host(host)] = reason
        while len(self._refused) > _REMEMBERED_REFUSALS:
            self._refused.popitem(last=False)
