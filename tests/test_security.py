"""Nothing on the web can make newscrawl fetch where it should not, expand XML entities, or
write outside its folders: real crawls over hostile sitemaps and hostile article pages."""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import re
import socket
import stat
from pathlib import Path

import pytest
import pytest_twisted
from faultserver import FaultServer
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from test_crawl import _settings
from test_faults import article, listing
from twisted.internet import defer

from newscrawl import resolver as resolver_module
from newscrawl.addresses import AddressPolicy, BadAllowList, non_public_kind
from newscrawl.faults import Refused
from newscrawl.middlewares.network import PrivateNetworkMiddleware, host_address
from newscrawl.resolver import GuardedResolver
from newscrawl.spiders.article import ArticleSpider

GOOD = [f"/news/2100{i}-a-safe-and-sound-article-{i}" for i in range(3)]


def urlset(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            ).encode()


def refused_urls(caplog) -> set[str]:
    found = set()
    for r in caplog.records:
        m = re.match(r"Refused: (\S+): private_network: ", r.getMessage())
        if m:
            found.add(m.group(1))
    return found


# -- private networks -------------------------------------------------------------------

HOSTILE = [
    "http://169.254.169.254/latest/meta-data/news/12345-cloud-metadata",
    "http://[::ffff:169.254.169.254]/news/12345-mapped-metadata",
    "http://10.0.0.1/news/12345-intranet-page",
    "http://0x0a000001/news/12345-intranet-in-hex",
    "http://192.168.1.1/news/12345-home-router",
    "http://172.16.5.4:8080/news/12345-private-range",
    "http://[::1]/news/12345-ipv6-loopback",
    "http://0.0.0.0/news/12345-unspecified-address",
    "http://[fe80::1]/news/12345-ipv6-link-local",
]


@pytest_twisted.inlineCallbacks
def test_a_sitemap_cannot_send_the_crawler_to_private_addresses(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    with FaultServer() as site:
        for i, path in enumerate(GOOD):
            site.page(path, article(210 + i))
        site.route("/news/12346-redirect-to-metadata", lambda ex: ex.respond(
            302, b"", "text/plain", {"Location": "http://169.254.169.254/latest/meta-data/"}))
        # A file:// start point: no allowed domains, so every http(s) link is in scope and
        # only the private-network guard stands between the sitemap and the metadata server.
        sitemap = tmp_path / "sitemap.xml"
        sitemap.write_bytes(urlset([*HOSTILE, f"{site.url}/news/12346-redirect-to-metadata",
                                    "file:///etc/passwd", *(site.url + p for p in GOOD)]))
        crawler = get_crawler(ArticleSpider, _settings(tmp_path, RETRY_TIMES=0,
                                                       DOWNLOAD_TIMEOUT=2))
        yield crawler.crawl(start_urls=sitemap.as_uri())
    stats = crawler.stats.get_stats()
    items = [json.loads(x) for x in (tmp_path / "articles.jsonl").read_text().splitlines()]
    assert {i["url"] for i in items} == {site.url + p for p in GOOD}
    refused = refused_urls(caplog)
    for url in HOSTILE:
        assert url in refused, f"{url} was not refused"
    assert "http://169.254.169.254/latest/meta-data/" in refused  # reached by a redirect
    assert stats["newscrawl/refused/private_network"] == len(HOSTILE) + 1
    # file:// outside the start point's folder is not even requested.
    assert not any("passwd" in r.getMessage() and "Fetch failed" in r.getMessage()
                   for r in caplog.records)
    assert stats.get("newscrawl/discovery/out_of_scope") == 1


@pytest.mark.parametrize("host,private", [
    ("127.0.0.1", True), ("127.1", True), ("2130706433", True), ("0x7f000001", True),
    ("localhost", True), ("app.localhost", True), ("[::1]", True), ("169.254.169.254", True),
    ("[::ffff:10.1.2.3]", True), ("100.64.0.1", True), ("224.0.0.1", True),
    ("93.184.215.14", False), ("example.com", False), ("[2606:4700::1111]", False),
    ("deadbeef.example", False),
])
def test_host_address_reads_every_spelling(host, private):
    addr = host_address(host)
    if private:
        assert addr is not None and non_public_kind(addr) is not None
    else:
        assert addr is None or non_public_kind(addr) is None


@pytest.mark.parametrize("address,kind", [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("172.20.0.1", "private"),
    ("192.168.0.10", "private"), ("169.254.169.254", "link-local"),
    ("100.64.0.1", "shared (CGNAT)"), ("0.0.0.0", "unspecified"), ("0.1.2.3", "this-network"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("240.0.0.1", "reserved"),
    ("255.255.255.255", "broadcast"), ("198.18.0.1", "benchmarking"),
    ("192.0.2.1", "documentation"), ("::", "unspecified"), ("::1", "loopback"),
    ("fd00::1", "private (unique local)"), ("fe80::1", "link-local"), ("ff02::1", "multicast"),
    ("fec0::1", "site-local"), ("64:ff9b:1::1", "NAT64 local-use"),
    # IPv6 forms that carry a non-public IPv4 address
    ("::ffff:127.0.0.1", "loopback in IPv4-mapped form"),
    ("::127.0.0.1", "loopback in IPv4-compatible form"),
    ("::ffff:0:7f00:1", "loopback in IPv4-translated form"),
    ("64:ff9b::7f00:1", "loopback in NAT64 form"),
    ("64:ff9b::a9fe:a9fe", "link-local in NAT64 form"),
    ("2002:7f00:1::", "loopback in 6to4 form"), ("2002:c0a8:101::1", "private in 6to4 form"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "private in Teredo form"),  # client 10.0.0.1
    # public, also when carried in an IPv6 form
    ("93.184.215.14", None), ("2606:4700::1111", None), ("::ffff:93.184.215.14", None),
    ("64:ff9b::5db8:d70e", None), ("2002:5db8:d70e::1", None),
])
def test_every_non_public_form_is_named(address, kind):
    assert non_public_kind(ipaddress.ip_address(address)) == kind


def test_allow_list_takes_networks_addresses_and_host_names():
    policy = AddressPolicy.parse(["127.0.0.0/8", "fd00::/8", "192.168.1.5", "intranet.example",
                                  "*.corp.example", " NEWS.Internal. ", ""])
    loopback, private = ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("10.0.0.1")
    assert policy.refusal("127.0.0.1", [loopback]) is None
    assert policy.refusal("x", [ipaddress.ip_address("::ffff:127.0.0.2")]) is None  # mapped
    assert policy.refusal("x", [ipaddress.ip_address("fd12::1")]) is None
    assert policy.refusal("x", [ipaddress.ip_address("192.168.1.5")]) is None
    assert "192.168.1.6 (private)" in policy.refusal("x", [ipaddress.ip_address("192.168.1.6")])
    # Names are allowed whatever they resolve to; a wildcard covers names under it only.
    for name in ("intranet.example", "INTRANET.example.", "a.b.corp.example", "news.internal"):
        assert policy.refusal(name, [private]) is None
    for name in ("corp.example", "evilcorp.example", "intranet.example.evil"):
        assert "does not allow it" in policy.refusal(name, [private])
    # One bad address among good ones refuses the name.
    mixed = [ipaddress.ip_address("93.184.215.14"), private]
    reason = policy.refusal("mixed.example", mixed)
    assert reason == ("mixed.example resolves to a non-public address: 10.0.0.1 (private); "
                      "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS does not allow it")


@pytest.mark.parametrize("bad", ["10.0.0.0/33", "300.1.1.1", "10.0.0.300", "fe80::/200",
                                 "not a host", "http://10.0.0.1/", "-bad-.example",
                                 "10.0.0.0/8;rm"])
def test_a_bad_allow_list_entry_is_a_clear_error(bad):
    with pytest.raises(BadAllowList) as caught:
        AddressPolicy.parse(["127.0.0.0/8", bad])
    message = str(caught.value)
    assert message.startswith(f"NEWSCRAWL_ALLOW_PRIVATE_NETWORKS: {bad!r} is neither a network")
    # The crawl does not start with it: the guard is never silently switched off.
    with pytest.raises(BadAllowList):
        PrivateNetworkMiddleware.from_crawler(
            get_crawler(ArticleSpider, {"NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": bad}))


@pytest_twisted.ensureDeferred
async def test_file_urls_only_inside_the_start_folder(tmp_path):
    (tmp_path / "site").mkdir()
    start = (tmp_path / "site" / "sitemap.xml")
    start.write_text("<urlset/>")
    crawler = get_crawler(ArticleSpider, {"NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": []})
    crawler.spider = ArticleSpider(start_urls=start.as_uri())
    mw = PrivateNetworkMiddleware.from_crawler(crawler)
    assert mw.refusal(Request((tmp_path / "site" / "a.html").as_uri())) is None
    for url in ("file:///etc/passwd", start.as_uri() + "/../../../etc/passwd",
                (tmp_path / "outside.html").as_uri(), "ftp://10.0.0.1/x", "gopher://x/"):
        with pytest.raises(Refused):
            await mw.process_request(Request(url))
    assert crawler.stats.get_value("newscrawl/refused/private_network") == 5


def test_loopback_is_refused_by_default_and_allowed_by_the_setting():
    spider_crawler = get_crawler(ArticleSpider)
    mw = PrivateNetworkMiddleware.from_crawler(spider_crawler)
    assert "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS" in mw.refusal(Request("http://127.0.0.1:8000/"))
    allowed = PrivateNetworkMiddleware.from_crawler(
        get_crawler(ArticleSpider, {"NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": ["127.0.0.0/8"]}))
    assert allowed.refusal(Request("http://127.0.0.1:8000/")) is None
    assert allowed.refusal(Request("http://localhost:8000/")) is None
    assert allowed.refusal(Request("http://10.0.0.1/")) is not None


# -- host names: the guard resolves them, checks every address, and pins what it checked ---


class StubDNS:
    """Stands in for the system resolver (newscrawl.resolver.system_lookup): names map to
    a list of answers, one per lookup (the last repeats); other names fail to resolve."""

    def __init__(self, answers: dict[str, list[list[str]]]):
        self.answers = answers
        self.calls: list[str] = []

    def __call__(self, host: str):
        self.calls.append(host)
        if host not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        seen = self.calls.count(host)
        answer = self.answers[host][min(seen, len(self.answers[host])) - 1]
        return tuple(ipaddress.ip_address(a) for a in answer)


@pytest.fixture
def stub_dns(monkeypatch):
    """Install a StubDNS and give every crawl of the test a fresh guard (the reactor's name
    resolver outlives a crawl; the one before the test is put back afterwards)."""
    from twisted.internet import reactor
    from twisted.internet.base import ThreadedResolver

    previous = reactor.nameResolver
    reactor.installResolver(ThreadedResolver(reactor))  # no guard: the crawl installs its own

    def install(answers: dict[str, list[list[str]]]) -> StubDNS:
        stub = StubDNS(answers)
        monkeypatch.setattr(resolver_module, "system_lookup", stub)
        return stub

    yield install
    reactor.installNameResolver(previous)


class Receiver:
    def __init__(self):
        self.addresses: list = []
        self.done = defer.Deferred()

    def resolutionBegan(self, resolution):  # noqa: N802 (Twisted's interface)
        pass

    def addressResolved(self, address):  # noqa: N802
        self.addresses.append(address)

    def resolutionComplete(self):  # noqa: N802
        self.done.callback(self.addresses)


@pytest_twisted.inlineCallbacks
def test_the_resolver_hands_out_only_checked_addresses(stub_dns):
    from twisted.internet import reactor

    stub = stub_dns({"news.example": [["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]],
                     "evil.example": [["127.0.0.1"]],
                     "mixed.example": [["93.184.215.14", "10.0.0.7"]],
                     "nat64.example": [["64:ff9b::a9fe:a9fe"]]})
    guard = GuardedResolver(reactor, AddressPolicy.parse(["intranet.example"]))
    receiver = Receiver()
    guard.resolveHostName(receiver, "news.example", 443)
    got = yield receiver.done
    assert [(a.host, a.port) for a in got] == [
        ("93.184.215.14", 443), ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", 443)]
    for name, why in (("evil.example", "127.0.0.1 (loopback)"),
                      ("mixed.example", "10.0.0.7 (private)"),
                      ("nat64.example", "link-local in NAT64 form"),
                      ("127.1", "127.0.0.1 (loopback)"),
                      ("[::127.0.0.1]", "loopback in IPv4-compatible form")):
        receiver = Receiver()
        guard.resolveHostName(receiver, name, 80)
        assert (yield receiver.done) == [], f"{name} got an address"
        assert why in guard.refused_at_connection(name)
    # A second connection to the same name uses the answer checked the first time.
    receiver = Receiver()
    guard.resolveHostName(receiver, "news.example", 80)
    assert len((yield receiver.done)) == 2
    assert stub.calls.count("news.example") == 1
    # A name that does not resolve gets no address and no refusal (a DNS error, not policy).
    receiver = Receiver()
    guard.resolveHostName(receiver, "nxdomain.example", 80)
    assert (yield receiver.done) == [] and guard.refused_at_connection("nxdomain.example") is None


def _hosts_seen(site: FaultServer) -> set[str]:
    return {h.split(":")[0] for h in site.host_headers}


@pytest_twisted.inlineCallbacks
def test_names_resolving_to_private_addresses_are_refused_also_after_a_redirect(
        tmp_path, caplog, stub_dns):
    """The site is reached by name (allowed by name); links and a redirect lead to names
    whose DNS answers are loopback, link-local or private addresses: none is fetched."""
    caplog.set_level(logging.INFO)
    stub_dns({"news.example": [["127.0.0.1"]], "evil.example": [["127.0.0.1"]],
              "metadata.example": [["169.254.169.254"]],
              "split.example": [["93.184.215.14", "192.168.0.1"]]})
    with FaultServer(name="news.example") as site:
        port = site.port
        hostile = [f"http://evil.example:{port}/news/12350-name-resolving-to-loopback",
                   f"http://metadata.example:{port}/news/12351-name-to-cloud-metadata",
                   f"http://split.example:{port}/news/12352-public-and-private-answers",
                   f"http://[::127.0.0.1]:{port}/news/12353-ipv4-compatible-loopback",
                   f"http://[64:ff9b::7f00:1]:{port}/news/12354-nat64-loopback",
                   f"http://[2002:7f00:1::]:{port}/news/12355-6to4-loopback"]
        redirected = f"http://evil.example:{port}/news/12357-reached-by-a-redirect"
        site.route("/news/12356-redirect-to-a-private-name", lambda ex: ex.respond(
            302, b"", "text/plain", {"Location": redirected}))
        for i, path in enumerate(GOOD):
            site.page(path, article(230 + i))
        # A file:// start point has no allowed domains: only the guard stands in the way.
        sitemap = tmp_path / "sitemap.xml"
        sitemap.write_bytes(urlset([*(site.url + p for p in GOOD), *hostile,
                                    f"{site.url}/news/12356-redirect-to-a-private-name"]))
        crawler = get_crawler(ArticleSpider, _settings(
            tmp_path, NEWSCRAWL_ALLOW_PRIVATE_NETWORKS=["news.example"], RETRY_TIMES=0,
            DOWNLOAD_TIMEOUT=2))
        yield crawler.crawl(start_urls=sitemap.as_uri())
    stats = crawler.stats.get_stats()
    items = [json.loads(x) for x in (tmp_path / "articles.jsonl").read_text().splitlines()]
    assert {i["url"] for i in items} == {site.url + p for p in GOOD}
    refused = refused_urls(caplog)
    for url in [*hostile, redirected]:
        assert url in refused, f"{url} was not refused"
    assert stats["newscrawl/refused/private_network"] == len(hostile) + 1
    # Nothing but the allowed name ever reached the server (robots.txt included).
    assert _hosts_seen(site) == {"news.example"}
    why = {r.getMessage().split(": private_network: ")[0].removeprefix("Refused: "):
           r.getMessage().split(": private_network: ")[1] for r in caplog.records
           if ": private_network: " in r.getMessage()}
    assert why[hostile[0]].startswith("evil.example resolves to a non-public address: "
                                      "127.0.0.1 (loopback)")
    assert "169.254.169.254 (link-local)" in why[hostile[1]]
    assert "192.168.0.1 (private)" in why[hostile[2]]
    assert "loopback in IPv4-compatible form" in why[hostile[3]]
    assert "loopback in NAT64 form" in why[hostile[4]]
    assert "loopback in 6to4 form" in why[hostile[5]]


@pytest_twisted.inlineCallbacks
def test_a_dns_answer_that_changes_after_the_check_is_caught_when_connecting(
        tmp_path, caplog, stub_dns):
    """DNS rebinding: the name is public when the request is checked, loopback when the
    connection is made. The connection gets only what the resolver checked: nothing."""
    caplog.set_level(logging.INFO)
    stub_dns({"rebind.example": [["93.184.215.14"], ["127.0.0.1"]]})
    with FaultServer() as site:
        target = f"http://rebind.example:{site.port}/news/12360-rebinding-name"
        site.page("/news/12360-rebinding-name", article(240))
        crawler = get_crawler(ArticleSpider, _settings(
            tmp_path, RETRY_TIMES=0, ROBOTSTXT_OBEY=False, DNSCACHE_ENABLED=False,
            NEWSCRAWL_ALLOW_PRIVATE_NETWORKS=[]))
        yield crawler.crawl(start_urls=target)
    assert site.requested("/news/12360-rebinding-name") == 0
    assert crawler.stats.get_value("newscrawl/refused/private_network") == 1
    assert any(r.getMessage().startswith(f"Refused: {target}: private_network: rebind.example "
                                         "resolves to a non-public address: 127.0.0.1")
               and "(found when connecting)" in r.getMessage() for r in caplog.records)


@pytest_twisted.inlineCallbacks
def test_a_name_that_does_not_resolve_is_a_dns_error_not_a_refusal(tmp_path, caplog, stub_dns):
    caplog.set_level(logging.INFO)
    stub_dns({})
    crawler = get_crawler(ArticleSpider, _settings(tmp_path, RETRY_TIMES=0,
                                                   ROBOTSTXT_OBEY=False))
    yield crawler.crawl(start_urls="http://nxdomain.example/news/12361-nowhere")
    stats = crawler.stats.get_stats()
    assert stats.get("newscrawl/fetch_error/dns") == 1
    assert "newscrawl/refused/private_network" not in stats


@pytest.mark.skipif(non_public_kind(ipaddress.ip_address(
    socket.getaddrinfo(socket.gethostname(), None)[0][4][0])) is None,
    reason="this machine's own host name resolves to a public address")
@pytest_twisted.inlineCallbacks
def test_the_machines_own_host_name_is_refused(tmp_path, caplog):
    """No stub: the system resolver, as in production (on most Linux machines the host
    name is in /etc/hosts with a loopback address)."""
    from twisted.internet import reactor

    caplog.set_level(logging.INFO)
    previous = reactor.nameResolver
    try:
        with FaultServer() as site:
            url = f"http://{socket.gethostname()}:{site.port}/news/12362-own-host-name"
            site.page("/news/12362-own-host-name", article(241))
            crawler = get_crawler(ArticleSpider, _settings(
                tmp_path, NEWSCRAWL_ALLOW_PRIVATE_NETWORKS=[]))
            yield crawler.crawl(start_urls=url)
    finally:
        reactor.installNameResolver(previous)
    assert url in refused_urls(caplog)
    assert site.hits == []


# -- XML: entity expansion and external entities ----------------------------------------

LAUGHS = ('<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "lolololololololololo">'
          + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
                    for a, b in zip("abcdefgh", "bcdefghi", strict=True))
          + ']><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          '<url><loc>{site}/news/12347-&i;</loc></url>'
          '<url><loc>{site}/news/21000-a-safe-and-sound-article-0</loc></url></urlset>')
XXE = ('<?xml version="1.0"?><!DOCTYPE urlset SYSTEM "{site}/evil.dtd" ['
       '<!ENTITY file SYSTEM "file:///etc/passwd">'
       '<!ENTITY remote SYSTEM "{site}/xxe-probe">]>'
       '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
       '<url><loc>{site}/news/12348-&file;</loc></url>'
       '<url><loc>{site}/news/12349-&remote;</loc></url>'
       '<url><loc>{site}/news/21001-a-safe-and-sound-article-1</loc></url></urlset>')


@pytest_twisted.inlineCallbacks
def test_hostile_sitemaps_expand_no_entities_and_fetch_nothing_external(tmp_path):
    with FaultServer() as site:
        for i, path in enumerate(GOOD):
            site.page(path, article(210 + i))
        site.page("/sitemap-laughs.xml", LAUGHS.replace("{site}", site.url).encode(),
                  content_type="application/xml")
        site.page("/sitemap-xxe.xml", XXE.replace("{site}", site.url).encode(),
                  content_type="application/xml")
        site.page("/sitemap-good.xml", urlset([site.url + GOOD[2]]),
                  content_type="application/xml")
        index = "".join(f"<sitemap><loc>{site.url}/sitemap-{n}.xml</loc></sitemap>"
                        for n in ("laughs", "xxe", "good"))
        site.page("/sitemap.xml", f'<?xml version="1.0"?><sitemapindex xmlns="http://www.'
                  f'sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'.encode(),
                  content_type="application/xml")
        crawler = get_crawler(ArticleSpider, _settings(tmp_path))
        yield crawler.crawl(start_urls=f"{site.url}/sitemap.xml")
    paths = [p for _, p in site.hits]
    assert "/xxe-probe" not in paths and "/evil.dtd" not in paths
    assert not any("lolo" in p or "root:" in p for p in paths), "an entity was expanded"
    feed = (tmp_path / "articles.jsonl").read_text("utf-8")
    assert "root:" not in feed
    items = [json.loads(x) for x in feed.splitlines()]
    assert {i["url"] for i in items} == {site.url + p for p in GOOD}
    assert crawler.stats.get_value("finish_reason") == "finished"


# -- file names from hostile URLs and titles --------------------------------------------

EVIL_NAMES = ["../../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "CON", "NUL.txt",
              "a\x00b", "x" * 600, "..", ".hidden", "~root/.ssh/authorized_keys"]


@pytest_twisted.inlineCallbacks
def test_hostile_urls_and_titles_cannot_write_outside_the_output_folder(tmp_path):
    out = tmp_path / "out"
    with FaultServer() as site:
        links = []
        for i, name in enumerate(EVIL_NAMES):
            slug = re.sub(r"[^A-Za-z0-9]", lambda m: f"%{ord(m.group()):02X}", name)[:1500]
            path = f"/news/2200{i}-{slug}-hostile-name-article"
            title = name.replace("\x00", "&#0;")
            body = article(220 + i, title=f"{title} and a headline").replace(
                b"</head>", f"<meta property='og:site_name' content='{title}'></head>".encode())
            site.page(path, body)
            links.append(path)
        site.page("/", listing(links))
        crawler = get_crawler(ArticleSpider, _settings(
            out, NEWSCRAWL_STATE_PATH=str(out / "state.sqlite3")))
        yield crawler.crawl(start_urls=f"{site.url}/")
    items = [json.loads(x) for x in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    assert len(items) == len(EVIL_NAMES)
    # Nothing was written beside the output folder, and every archive path is tame.
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    archive = (out / "archive").resolve()
    md = list(archive.rglob("*.md"))
    assert len(md) == len(items)
    for path in md:
        rel = path.resolve().relative_to(archive)
        assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,79}", part) for part in rel.parts)
    for entry in (archive / "index.jsonl").read_text().splitlines():
        rel = json.loads(entry)["path"]
        assert ".." not in Path(rel).parts and not Path(rel).is_absolute()


# -- file modes and local control channels ---------------------------------------------


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
@pytest_twisted.inlineCallbacks
def test_output_files_get_the_mode_the_umask_gives(tmp_path, umask, mode):
    """Archive files, index.jsonl, the feed, the run's files and its manifest: as `open()`
    would create them (not tempfile's 0600), so a backup or web-server user can read them."""
    out = tmp_path / "out"
    previous = os.umask(umask)
    try:
        with FaultServer() as site:
            for i, path in enumerate(GOOD):
                site.page(path, article(250 + i))
            site.page("/", listing(GOOD))
            crawler = get_crawler(ArticleSpider, _settings(out))
            yield crawler.crawl(start_urls=f"{site.url}/")
    finally:
        os.umask(previous)
    files = [p for p in out.rglob("*") if p.is_file() and p.name != ".lock"]
    names = {p.name for p in files}
    assert {"articles.jsonl", "index.jsonl", "manifest.json", "items.jsonl.gz",
            "pages.warc.gz"} <= names
    assert len([p for p in files if p.suffix == ".md"]) == len(GOOD)
    wrong = {str(p.relative_to(out)): oct(stat.S_IMODE(p.stat().st_mode)) for p in files
             if stat.S_IMODE(p.stat().st_mode) != mode}
    assert not wrong, f"not {oct(mode)}: {wrong}"


def test_remote_control_and_telnet_are_off_by_default(tmp_path):
    """Both open a local server that runs Python inside the crawl; turning one on is the
    user's explicit choice (REMOTE_CONTROL_ENABLED, TELNETCONSOLE_ENABLED)."""
    from scrapy.extensions.remote_control import RemoteControl
    from scrapy.extensions.telnet import TelnetConsole
    from scrapy.utils.misc import build_from_crawler

    from newscrawl import settings as project

    assert project.REMOTE_CONTROL_ENABLED is False and project.TELNETCONSOLE_ENABLED is False
    crawler = get_crawler(ArticleSpider, _settings(tmp_path))
    for component in (RemoteControl, TelnetConsole):
        with pytest.raises(NotConfigured):
            build_from_crawler(component, crawler)


@pytest_twisted.inlineCallbacks
def test_a_proxy_on_a_private_address_must_be_allowed(tmp_path, caplog, stub_dns, monkeypatch):
    """Through a proxy, the connection is to the proxy: its address is checked like any
    other (and the target's name before the request)."""
    caplog.set_level(logging.INFO)
    stub_dns({"public.example": [["93.184.215.14"]]})
    target = "http://public.example/news/12370-fetched-through-a-proxy"
    with FaultServer() as proxy:
        proxy.page(target, article(260))  # a proxy gets the absolute URL
        monkeypatch.setenv("http_proxy", proxy.url)
        refused = get_crawler(ArticleSpider, _settings(
            tmp_path / "refused", NEWSCRAWL_ALLOW_PRIVATE_NETWORKS=[], RETRY_TIMES=0,
            ROBOTSTXT_OBEY=False))
        yield refused.crawl(start_urls=target)
        assert proxy.hits == []
        assert any(r.getMessage().startswith(f"Refused: {target}: private_network: the proxy: "
                                             "127.0.0.1 is a non-public address")
                   for r in caplog.records)
        allowed = get_crawler(ArticleSpider, _settings(
            tmp_path / "allowed", NEWSCRAWL_ALLOW_PRIVATE_NETWORKS=["127.0.0.1"],
            ROBOTSTXT_OBEY=False))
        yield allowed.crawl(start_urls=target)
    assert proxy.requested(target) == 1
    assert allowed.stats.get_value("item_scraped_count") == 1
