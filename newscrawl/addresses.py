"""Which IP addresses the crawler may connect to: pure functions, no Scrapy, no Twisted.

An address is public when it is globally routable unicast. Everything else is refused unless
NEWSCRAWL_ALLOW_PRIVATE_NETWORKS allows it: loopback, private, link-local (cloud metadata at
169.254.169.254), shared/CGNAT, unspecified, multicast, reserved and documentation ranges,
and the IPv6 spellings that carry such an IPv4 address inside: IPv4-mapped (::ffff:a.b.c.d),
IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96),
6to4 (2002:AABB:CCDD::/48) and Teredo. Python's `ipaddress` knows most special ranges; the
tables below add the ones it calls global although they lead to a private network.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import UserError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SETTING = "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS"

_V4, _V6 = ipaddress.IPv4Network, ipaddress.IPv6Network

# Special-purpose ranges (IANA registries), most specific first: name for the log line.
SPECIAL_RANGES: tuple[tuple[IPNetwork, str], ...] = (
    (_V4("0.0.0.0/32"), "unspecified"),
    (_V4("0.0.0.0/8"), "this-network"),
    (_V4("10.0.0.0/8"), "private"),
    (_V4("100.64.0.0/10"), "shared (CGNAT)"),
    (_V4("127.0.0.0/8"), "loopback"),
    (_V4("169.254.0.0/16"), "link-local"),
    (_V4("172.16.0.0/12"), "private"),
    (_V4("192.0.0.0/24"), "IETF protocol assignments"),
    (_V4("192.0.2.0/24"), "documentation"),
    (_V4("192.168.0.0/16"), "private"),
    (_V4("198.18.0.0/15"), "benchmarking"),
    (_V4("198.51.100.0/24"), "documentation"),
    (_V4("203.0.113.0/24"), "documentation"),
    (_V4("224.0.0.0/4"), "multicast"),
    (_V4("255.255.255.255/32"), "broadcast"),
    (_V4("240.0.0.0/4"), "reserved"),
    (_V6("::/128"), "unspecified"),
    (_V6("::1/128"), "loopback"),
    (_V6("64:ff9b:1::/48"), "NAT64 local-use"),
    (_V6("100::/64"), "discard-only"),
    (_V6("2001:db8::/32"), "documentation"),
    (_V6("fc00::/7"), "private (unique local)"),
    (_V6("fe80::/10"), "link-local"),
    (_V6("fec0::/10"), "site-local"),
    (_V6("ff00::/8"), "multicast"),
)

# IPv6 forms that carry an IPv4 address: (prefix, name, where the IPv4 address sits).
_MAPPED = _V6("::ffff:0:0/96")
_TRANSLATED = _V6("::ffff:0:0:0/96")
_COMPATIBLE = _V6("::/96")
_NAT64 = _V6("64:ff9b::/96")


def embedded_ipv4(addr: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, str] | None:
    """The IPv4 address an IPv6 address stands for, with the form's name, or None."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped, "IPv4-mapped"
    low32 = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr in _TRANSLATED:
        return low32, "IPv4-translated"
    if addr in _NAT64:
        return low32, "NAT64"
    if addr in _COMPATIBLE and int(addr) > 1:  # not :: or ::1
        return low32, "IPv4-compatible"
    if addr.sixtofour is not None:
        return addr.sixtofour, "6to4"
    if addr.teredo is not None:
        return addr.teredo[1], "Teredo"
    return None


def non_public_kind(addr: IPAddress) -> str | None:
    """Why an address is not public ("loopback", "private", "loopback in NAT64 form"...),
    or None for a globally routable unicast address."""
    if isinstance(addr, ipaddress.IPv6Address):
        inner = embedded_ipv4(addr)
        if inner is not None:
            kind = non_public_kind(inner[0])
            if kind is not None:
                return f"{kind} in {inner[1]} form"
    for network, name in SPECIAL_RANGES:
        if addr.version == network.version and addr in network:
            return name
    if addr.is_multicast:
        return "multicast"
    if not addr.is_global:
        return "reserved"
    return None


def host_address(host: str) -> IPAddress | None:
    """The IP address a host name stands for without DNS: literal IPs in every spelling
    inet_aton takes (`127.1`, `0x7f.1`, `2130706433`), IPv6 with or without brackets and
    zone, and the localhost names, which always mean the loopback address (RFC 6761)."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return ipaddress.IPv4Address("127.0.0.1")
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    if not host or not all(c in "0123456789abcdefx." for c in host):
        return None
    try:  # the shorthand and numeric forms getaddrinfo would accept
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def normalize_host(host: str) -> str:
    """Lower case, no brackets or trailing dot, international names in their ASCII form."""
    host = host.strip().strip("[]").rstrip(".").lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)")


def _is_host_name(name: str) -> bool:
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return False
    # An all-numeric last label is a mistyped address (10.0.0.300), not a name.
    return not labels[-1].isdigit()


class BadAllowList(UserError, ValueError):
    """NEWSCRAWL_ALLOW_PRIVATE_NETWORKS holds something that is neither a network nor a
    host name."""


@dataclass(frozen=True)
class AddressPolicy:
    """NEWSCRAWL_ALLOW_PRIVATE_NETWORKS, read: networks (CIDRs or single addresses) whose
    addresses may be fetched although not public, and host names (`intranet.example`, or
    `*.corp.example` for every name under it) that may be fetched whatever they resolve to."""

    networks: tuple[IPNetwork, ...] = ()
    names: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()  # ".corp.example" for "*.corp.example"

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AddressPolicy:
        networks: list[IPNetwork] = []
        names: set[str] = set()
        suffixes: list[str] = []
        for raw in entries:
            entry = str(raw).strip()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            name = normalize_host(entry)
            wildcard = name.startswith("*.")
            if not _is_host_name(name.removeprefix("*.")):
                raise BadAllowList(
                    f"{SETTING}: {raw!r} is neither a network (a CIDR such as 10.0.0.0/8 or "
                    f"fd00::/8, or one address such as 192.168.1.5) nor a host name (such as "
                    f"intranet.example, or *.corp.example for every name under it)")
            if wildcard:
                suffixes.append(name[1:])
            else:
                names.add(name)
        return cls(tuple(networks), frozenset(names), tuple(suffixes))

    def allows_name(self, host: str) -> bool:
        host = normalize_host(host)
        return host in self.names or any(host.endswith(s) for s in self.suffixes)

    def allows_address(self, addr: IPAddress) -> bool:
        candidates = [addr]
        if isinstance(addr, ipaddress.IPv6Address):
            inner = embedded_ipv4(addr)
            if inner is not None:
                candidates.append(inner[0])
        return any(a in net for a in candidates for net in self.networks
                   if net.version == a.version)

    def refusal(self, host: str, addresses: Iterable[IPAddress]) -> str | None:
        """Why `host` must not be connected to, given every address it resolved to; None
        when it may. One non-public address not allowed refuses the host: a name whose
        answers mix public and private addresses is not trusted with any of them."""
        if self.allows_name(host):
            return None
        bad = []
        for addr in addresses:
            kind = non_public_kind(addr)
            if kind is not None and not self.allows_address(addr):
                bad.append(f"{addr} ({kind})")
        if not bad:
            return None
        name = normalize_host(host)
        literal = host_address(name) is not None and not name.endswith("localhost")
        what = (f"{host} is a non-public address: {bad[0]}" if literal
                else f"{host} resolves to a non-public address: {', '.join(bad[:3])}")
        return f"{what}; {SETTING} does not allow it"
