"""Nothing on the web can make newscrawl fetch where it should not, expand XML entities, or
write outside its folders: real crawls over hostile sitemaps and hostile article pages."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
import pytest_twisted
from faultserver import FaultServer
from scrapy import Request
from scrapy.utils.test import get_crawler
from test_crawl import _settings
from test_faults import article, listing

from newscrawl.faults import Refused
from newscrawl.middlewares.network import PrivateNetworkMiddleware, host_address
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
        assert addr is not None and not (addr.is_global and not addr.is_multicast)
    else:
        assert addr is None or addr.is_global


def test_file_urls_only_inside_the_start_folder(tmp_path):
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
            mw.process_request(Request(url))
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
