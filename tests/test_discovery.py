"""Sitemaps, news sitemaps and feeds: links with their dates, parsed safely."""

from __future__ import annotations

import gzip

import lxml.html
import pytest

from newscrawl.discovery import looks_like_xml, parse_xml_links, read_document, unpack
from newscrawl.discovery.documents import Unreadable
from newscrawl.discovery.links import classify_links, headline_like

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://a.example/news/1-first</loc>
    <news:news><news:publication><news:name>A</news:name><news:language>en</news:language>
    </news:publication><news:publication_date>2024-12-02T09:15:00+09:00</news:publication_date>
    <news:title>First story</news:title></news:news></url>
  <url><loc>https://a.example/news/2-second</loc><lastmod>2024-12-03</lastmod></url>
</urlset>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&lol4;</loc></url></urlset>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&xxe;</loc></url></urlset>"""


def test_news_sitemap_keeps_publication_date_and_title():
    kind, links = parse_xml_links(NEWS_SITEMAP)
    assert kind == "urlset"
    assert [(link.url, link.date, link.title) for link in links] == [
        ("https://a.example/news/1-first", "2024-12-02T09:15:00+09:00", "First story"),
        ("https://a.example/news/2-second", None, None),
    ]
    assert links[1].lastmod == "2024-12-03"


def test_sitemap_index():
    body = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
            b"<loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>")
    kind, links = parse_xml_links(body)
    assert kind == "sitemapindex" and links[0].kind == "sitemap"


def test_rss_and_atom():
    rss = (b"<rss version='2.0'><channel><item><title>T</title><link>https://a.example/n/1</link>"
           b"<pubDate>Mon, 02 Dec 2024 09:15:00 +0900</pubDate></item></channel></rss>")
    kind, links = parse_xml_links(rss)
    assert kind == "rss" and links[0].url == "https://a.example/n/1"
    assert links[0].date == "Mon, 02 Dec 2024 09:15:00 +0900"
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>T</title>"
            b"<link rel='alternate' href='https://a.example/n/2'/>"
            b"<published>2024-12-02T00:15:00Z</published></entry></feed>")
    kind, links = parse_xml_links(atom)
    assert kind == "atom" and links[0].url == "https://a.example/n/2"


def test_entities_are_not_expanded():
    for body in (BILLION_LAUGHS, XXE):
        _, links = parse_xml_links(body)
        for link in links:
            assert "lol" not in link.url and "root:" not in link.url


def test_garbage_is_unknown_not_an_error():
    assert parse_xml_links(b"\x00\x01garbage")[0] == "unknown"
    assert parse_xml_links(b"")[0] == "unknown"
    assert looks_like_xml(b"<?xml version='1.0'?><urlset/>")
    assert not looks_like_xml(b"<!doctype html><html></html>", "text/html")


def test_feeds_in_their_other_forms():
    rdf = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-'
           b'ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           b'<channel rdf:about="x"><title>x</title></channel><item rdf:about="https://a.example'
           b'/r/1"><title>R</title><link>https://a.example/r/1</link>'
           b"<dc:date>2024-12-02T09:15:00+09:00</dc:date></item></rdf:RDF>")
    doc = read_document(rdf, "https://a.example/rss.rdf")
    assert doc.kind == "rss"
    assert [(x.url, x.date) for x in doc.links] == [("https://a.example/r/1",
                                                     "2024-12-02T09:15:00+09:00")]
    # A permalink <guid> without <link>; a relative link, resolved against the feed's URL.
    rss = (b"<rss version='2.0'><channel><item><guid>https://a.example/n/3</guid></item>"
           b"<item><link>/n/4</link></item></channel></rss>")
    assert [x.url for x in read_document(rss, "https://a.example/feed/").links] == [
        "https://a.example/n/3", "https://a.example/n/4"]
    # Atom: the alternate link, never an enclosure; published is the date, updated lastmod.
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>T</title>"
            b"<link rel='enclosure' href='https://a.example/a.mp3'/>"
            b"<link rel='alternate' href='https://a.example/n/2'/>"
            b"<published>2024-12-02T00:15:00Z</published><updated>2024-12-03T00:00:00Z</updated>"
            b"</entry></feed>")
    (link,) = read_document(atom, "https://a.example/atom.xml").links
    assert (link.url, link.date, link.lastmod) == ("https://a.example/n/2",
                                                   "2024-12-02T00:15:00Z", "2024-12-03T00:00:00Z")


def test_a_feed_body_is_never_taken_for_a_file_name(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(b"<rss version='2.0'><channel><item><link>https://x.example/leak</link>"
                       b"</item></channel></rss>")
    assert read_document(str(secret).encode(), "https://a.example/feed").links == []


def test_unpack_gzip_within_the_limit():
    body = gzip.compress(NEWS_SITEMAP)
    assert unpack(body, 1_000_000) == NEWS_SITEMAP
    assert unpack(NEWS_SITEMAP, 10) == NEWS_SITEMAP  # not gzip: as it is
    with pytest.raises(Unreadable) as bomb:
        unpack(gzip.compress(b"x" * 2_000_000), 100_000)
    assert bomb.value.code == "decompression_bomb"
    with pytest.raises(Unreadable) as broken:
        unpack(b"\x1f\x8b\x08garbage", 100_000)
    assert broken.value.code == "bad_gzip"


def test_dtd_removal_is_reported():
    doc = read_document(XXE)
    assert doc.dtd_removed and doc.kind == "urlset"
    assert not read_document(NEWS_SITEMAP).dtd_removed


# -- links of listing pages -----------------------------------------------------------------------

LISTING = b"""<html><body>
<a class="skip-link" href="#main">Skip to content</a>
<div class="topbar"><a href="/account/login">Log in</a><a href="/subscribe">Subscribe</a></div>
<header class="site-header"><a href="/"><img alt="Daily"></a>
  <nav><ul class="menu"><li><a href="/culture">Culture</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav>
  <div class="ticker"><a href="/news/delay-3.html">Ferry timetable cut as crew shortage bites</a>
  </div></header>
<main>
  <article class="card"><a href="/p/1234"><img src="/i.jpg" alt=""></a>
    <h2><a href="/p/1234">Fish market moves to new hall on the west quay</a></h2>
    <p class="byline">By <a href="/people/priya-nand" rel="author">Priya Nand</a></p>
    <ul class="tags"><li><a href="/topic/harbour" rel="tag">Harbour</a></li></ul></article>
  <article class="card"><header class="entry-header"><h3><a href="/culture/why-it-matters">
    Why the old cinema's return matters</a></h3></header></article>
  <ul class="headline-list"><li><a href="/news/delay-3.html">Ferry timetable cut as crew
    shortage bites</a></li><li><a href="/sport/derby-day">Derby day: the city holds its
    breath</a></li></ul>
  <section><h2><a href="/opinion">Opinion</a></h2></section>
  <nav class="pagination"><a href="/?page=2">2</a><a href="/?page=3">3</a>
    <a rel="next" href="/?page=2">Next</a></nav>
  <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/p/1235">Storm damage to sea wall
    will take months to repair</a></li></ol></aside>
</main>
<footer><a href="/about">About us</a><a href="/privacy">Privacy policy</a>
  <a href="/careers">Careers</a><a href="/weather">Weather</a>
  <a href="https://social.example/daily">Follow us</a></footer>
</body></html>"""


def test_links_are_judged_by_place_and_look_not_by_url_shape():
    root = lxml.html.fromstring(LISTING)
    found, skipped = classify_links(root, "https://daily.example/",
                                    lambda u: u.startswith("https://daily.example/"))
    kinds = {c.url.removeprefix("https://daily.example"): c.kind.value for c in found}
    assert kinds == {
        "/p/1234": "article", "/culture/why-it-matters": "article",
        "/news/delay-3.html": "article", "/sport/derby-day": "article",
        "/p/1235": "article",  # a most-read rail: stories too
        "/culture": "listing", "/sport": "listing", "/opinion": "listing",
        "/?page=2": "listing",  # the next page, not page 3
    }
    assert skipped["service"] == 5  # log in, subscribe, about, privacy, careers
    assert skipped["taxonomy"] == 2  # author and tag
    assert skipped["pagination"] == 1 and skipped["offsite"] == 1
    assert skipped["footer"] == 1  # weather: a footer link, not a menu


@pytest.mark.parametrize("text,expected", [
    ("Fish market moves to new hall on the west quay", True),
    ("서울시, 겨울철 한파 종합대책 가동", True),
    ("Culture", False), ("Read more", False), ("Photos", False),
])
def test_headline_like(text, expected):
    assert headline_like(text) is expected
