"""Sitemaps, news sitemaps and feeds: links with their dates, parsed safely."""

from __future__ import annotations

from newscrawl.discovery import looks_like_xml, parse_xml_links

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
