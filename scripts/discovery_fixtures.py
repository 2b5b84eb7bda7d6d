"""Writes the discovery fixture sites (fixtures/harbourgazette, valleyherald, metrodaily,
krakowexpress): one site per route by which a crawl finds articles. Run once; the files are
committed. Then `newscrawl fixture regen fixtures/<site>` writes the expected outputs.

    .venv/bin/python scripts/discovery_fixtures.py

Fictional sites, our own text. Each site's README.md says what it exercises.
"""

from __future__ import annotations

import gzip
import html
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "fixtures"

# -- stories (own text) ------------------------------------------------------------------------

STORIES = [
    ("Harbour dredging plan approved after two years of delays",
     "Marta Quill", "2025-03-14T08:30:00+00:00",
     ["The port authority approved a plan on Thursday to deepen the main shipping channel, "
      "ending two years of disputes between the council, fishermen and the companies that run "
      "the container terminal on the east quay.",
      "Under the plan, dredgers will remove about 400,000 cubic metres of silt over three "
      "winters, when fewer boats use the harbour. The work is expected to cost 38 million, "
      "most of it paid by the terminal operators through higher berth fees.",
      "Fishermen had argued that the spoil, which was first to be dumped two miles off the "
      "point, would smother the mussel beds that many of them depend on. The approved version "
      "moves the dumping ground further out and adds monitoring of the water every month.",
      "\u201cIt is not everything we asked for, but it is a lot better than where we "
      "started,\u201d said Owen Pryce, who chairs the local fishing association. He said "
      "members would watch the first winter closely before deciding whether to go to court.",
      "The terminal operators said deeper water would let larger ships call without waiting "
      "for the tide, and that they expected to add two weekly services once the channel is "
      "finished in the spring of 2028."]),
    ("Ferry timetable cut as crew shortage bites",
     "Daniel Roe", "2025-03-12T17:05:00+00:00",
     ["The island ferry will run four crossings a day instead of six from next month, its "
      "operator said on Wednesday, blaming a shortage of qualified deck officers that has "
      "already forced a dozen cancellations since January.",
      "Residents of the island, who rely on the ferry to reach the hospital, schools and "
      "most shops on the mainland, said the cut would make daily commuting almost impossible "
      "for people who work shifts.",
      "The operator said it had advertised the posts three times without filling them, and "
      "that training a new officer takes at least eighteen months. It has asked the maritime "
      "college to run an extra course this autumn.",
      "Councillors will meet the company next week. They want the first morning crossing "
      "and the last evening one kept, even if that means gaps in the middle of the day.",
      "Freight lorries will keep their own sailing at dawn, the company said, so deliveries "
      "to the island's supermarket and pharmacy should not be affected by the change."]),
    ("Lighthouse keeper's cottage to become a small museum",
     "Marta Quill", "2025-03-10T10:00:00+00:00",
     ["The cottage beside the old lighthouse, empty since the light was automated in 1992, "
      "will open as a museum of the harbour's history next summer, the heritage trust that "
      "bought it last year has announced.",
      "Volunteers have spent the winter clearing damp plaster and rebuilding the chimney. "
      "The trust has also been given the logbooks kept by the last three keepers, which "
      "record storms, shipwrecks and the visits of inspectors over sixty years.",
      "One room will show the lamp mechanism, which the trust recovered from a scrapyard and "
      "restored with help from engineering students. Another will be kept as the keeper's "
      "kitchen looked in the 1950s, with a range and a wireless set.",
      "Entry will be free for children, and the trust hopes schools will use the cottage "
      "for lessons about weather, navigation and the work of the coastguard.",
      "The lighthouse itself is still in use and will remain closed to visitors, the trust "
      "said, though it plans open days twice a year if the lighthouse board agrees."]),
    ("Fish market moves to new hall on the west quay",
     "Priya Nand", "2025-03-08T06:45:00+00:00",
     ["Traders at the fish market began selling from a new hall on the west quay on Saturday, "
      "after more than a century in the cramped brick building beside the bus station.",
      "The new hall has cold rooms, a proper drainage system and space for twenty stalls, "
      "eight more than the old market. Several traders said the first morning had been "
      "busier than any day last year.",
      "The move was paid for partly by a regional fund for coastal towns, and partly by the "
      "sale of the old building, which a developer plans to turn into flats and a restaurant.",
      "Some shoppers complained that the west quay is a longer walk from the town centre, "
      "and the council said it would look at adding a stop to the town bus route on "
      "market days.",
      "The auction of the night's catch, which takes place before dawn and is not open to "
      "the public, moved to the new hall at the same time."]),
    ("Storm damage to sea wall will take months to repair",
     "Daniel Roe", "2025-03-05T13:20:00+00:00",
     ["Engineers say it will take until the summer to repair the section of sea wall that "
      "collapsed during last week's storm, leaving the promenade closed between the pier and "
      "the lifeboat station.",
      "The wall, built in the 1880s, gave way over a length of about thirty metres when high "
      "tides coincided with gale-force winds on Tuesday night. Nobody was hurt, but two "
      "beach huts were swept away.",
      "Temporary rock armour has been placed at the foot of the gap to stop the sea eating "
      "further into the road behind it. A full repair needs a design that the heritage "
      "agency must approve because the wall is listed.",
      "Businesses along the promenade said the closure came at the worst time, just before "
      "the Easter holidays, and asked the council to reopen at least a footpath.",
      "The council said a footpath would open within a fortnight if the ground behind the "
      "wall is found to be stable, and that it would waive rents for affected kiosks."]),
    ("Valley school wins national robotics prize",
     "Hannah Ellis", "2025-02-27T15:00:00+00:00",
     ["A team of six pupils from the valley's secondary school has won a national robotics "
      "competition with a machine that sorts recycling by reading the labels on packaging.",
      "The pupils, aged between thirteen and sixteen, built the robot over two terms in an "
      "after-school club run by their physics teacher, using parts bought with money raised "
      "at a summer fair.",
      "Judges praised the team for testing the robot on real rubbish collected from the "
      "school canteen rather than on clean samples, and for explaining clearly what the "
      "machine still gets wrong.",
      "The prize includes a visit to a university engineering department and money for new "
      "equipment, which the school says will let more pupils join the club next year.",
      "The team will now represent the country at a European final in the autumn, where "
      "they plan to show an improved version that can also handle glass."]),
    ("Bus route to the hospital restored after protest",
     "Tom Ashby", "2025-02-25T09:40:00+00:00",
     ["The bus company has restored the hourly service between the valley villages and the "
      "district hospital, three months after it was withdrawn for lack of passengers.",
      "More than two thousand people signed a petition against the cut, and patients "
      "described having to pay for taxis to reach appointments or relying on neighbours "
      "for lifts.",
      "The county council has agreed to pay a subsidy for a trial period of one year. The "
      "company said it would publish passenger numbers every quarter so that residents can "
      "see whether the route is being used.",
      "Campaigners welcomed the decision but said the timetable should be changed so that "
      "the first bus arrives before morning clinics begin, which it does not at present.",
      "The company said it would consider timetable changes at its next review in June."]),
    ("Flood defences tested as river reaches record level",
     "Hannah Ellis", "2025-02-20T07:15:00+00:00",
     ["The new flood barrier at the mill bridge held on Wednesday night as the river rose to "
      "its highest level since records began, keeping water out of more than three hundred "
      "homes that were flooded five years ago.",
      "The barrier, finished last autumn, is made of panels that slot into posts along the "
      "riverbank. Council staff and volunteers put them in place over two hours on "
      "Wednesday afternoon after a warning from the environment agency.",
      "Some gardens on the far bank, which the scheme does not protect, were flooded, and "
      "two roads into the valley were closed overnight.",
      "Residents who had been flooded before said they had barely slept. Several had moved "
      "furniture upstairs as a precaution even though the barrier was in place.",
      "Engineers will inspect the panels and posts this week. The council says it wants to "
      "extend protection to the far bank when money allows."]),
    ("Village shop reopens as a community cooperative",
     "Tom Ashby", "2025-02-18T11:30:00+00:00",
     ["The only shop in the upper valley reopened on Monday, run by a cooperative of three "
      "hundred residents who bought shares to save it after the previous owners retired.",
      "Volunteers staff the counter on most days, with one paid manager. The shop sells "
      "groceries, newspapers and local produce, and has a post office counter two mornings "
      "a week.",
      "Shareholders put in between ten and five hundred each. Any profits will go to "
      "village projects, starting with repairs to the playground.",
      "Older residents without cars said losing the shop would have meant a long bus journey "
      "for a pint of milk, and that the shop is also where people meet.",
      "The cooperative hopes to add a small cafe in the back room by the summer if it can "
      "find enough volunteers to run it."]),
    ("Why the old cinema's return matters to the high street",
     "Lena Okafor", "2025-03-15T19:00:00+00:00",
     ["When the art deco cinema on the high street closed eleven years ago, the shops around "
      "it began to close too. Its reopening this weekend, after a restoration paid for by "
      "thousands of small donations, is a test of whether a single venue can bring people "
      "back in the evening.",
      "The trust that runs it plans films every night, with cheaper tickets on Mondays and "
      "a morning screening each week for parents with babies. The bar in the old circle "
      "will stay open between shows.",
      "Restaurants nearby say they have already taken bookings from people planning to eat "
      "before a film, and one closed cafe next door is being fitted out again.",
      "Town centre experts say venues like this work when they are open often and priced so "
      "that going is a habit, not a treat. The trust says it has costed its programme on "
      "that basis.",
      "The first weekend sold out within hours of tickets going on sale, with a silent film "
      "and live piano on Saturday afternoon as the opening event."]),
]


def story(i: int) -> dict:
    title, author, date, paragraphs = STORIES[i]
    return {"title": title, "author": author, "date": date, "paragraphs": paragraphs}


# -- writing ---------------------------------------------------------------------------------------


def write(site: str, name: str, url: str, body: bytes, content_type: str, suffix: str,
          fetched: str, extra_headers: dict | None = None, status: int = 200) -> None:
    folder = ROOT / site
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}{suffix}").write_bytes(body)
    day = {"2025-03-20": "Thu, 20 Mar 2025", "2025-03-16": "Sun, 16 Mar 2025",
           "2025-02-28": "Fri, 28 Feb 2025"}[fetched[:10]]
    headers = {"Content-Type": content_type, "Date": f"{day} {fetched[11:19]} GMT",
               "Server": "nginx", **(extra_headers or {})}
    sidecar = {"url": url, "status": status, "headers": headers, "fetched_at": fetched}
    (folder / f"{name}.meta.json").write_text(json.dumps(sidecar, indent=2) + "\n", "utf-8")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def article_html(s: dict, site_name: str, chrome_top: str, chrome_bottom: str, url: str,
                 section: str, extra_head: str = "") -> bytes:
    paras = "".join(f"<p>{esc(p)}</p>" for p in s["paragraphs"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": s["title"], "datePublished": s["date"],
                     "author": {"@type": "Person", "name": s["author"]},
                     "publisher": {"@type": "Organization", "name": site_name}},
                    ensure_ascii=False)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{esc(s['title'])} | {esc(site_name)}</title>"
            f'<link rel="canonical" href="{esc(url)}">'
            f'<meta property="og:type" content="article">'
            f'<meta property="og:title" content="{esc(s["title"])}">'
            f'<meta property="article:published_time" content="{s["date"]}">'
            f'<script type="application/ld+json">{ld}</script>{extra_head}</head><body>'
            f"{chrome_top}<main id=\"main\"><article class=\"story\">"
            f'<p class="kicker">{esc(section)}</p><h1>{esc(s["title"])}</h1>'
            f'<p class="byline">By {esc(s["author"])}</p>'
            f'<div class="story-body">{paras}</div></article>{chrome_bottom}</main>'
            f"</body></html>").encode()


# -- harbourgazette: robots.txt -> gzipped sitemap index -> gzipped sitemaps ---------------------

def harbourgazette() -> None:
    site, origin, name = "harbourgazette", "https://www.harbourgazette.example", "Harbour Gazette"
    fetched = "2025-03-16T07:00:{:02d}Z"
    n = iter(range(60))
    paths = ["/2025/03/harbour-dredging-approved/", "/2025/03/ferry-timetable-cut/",
             "/2025/03/lighthouse-cottage-museum/", "/2025/03/fish-market-moves/",
             "/2025/03/sea-wall-repairs/"]
    nav = ('<header class="site-header"><a class="logo" href="/">Harbour Gazette</a><nav>'
           '<a href="/port/">Port</a> <a href="/town/">Town</a> <a href="/sea/">Sea</a></nav>'
           "</header>")
    foot = ('<footer><a href="/about/">About us</a> <a href="/privacy/">Privacy</a></footer>')
    # The site renders its pages in the browser: home and sections carry no article links.
    shell = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{t}</title>"
             "<script src='/static/app.js' defer></script></head><body>" + nav +
             "<div id='app' data-page='{p}'>Loading the latest stories\u2026</div>"
             "<noscript>Please turn on JavaScript to read the Harbour Gazette.</noscript>"
             + foot + "</body></html>")
    write(site, "home", origin + "/", shell.format(t=name, p="home").encode(),
          "text/html; charset=utf-8", ".html", fetched.format(next(n)))
    for sec in ("port", "town", "sea"):
        write(site, f"section-{sec}", f"{origin}/{sec}/",
              shell.format(t=f"{sec.title()} | {name}", p=sec).encode(),
              "text/html; charset=utf-8", ".html", fetched.format(next(n)))
    robots = (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
              f"Sitemap: {origin}/sitemap_index.xml.gz\nSitemap: {origin}/news-sitemap.xml\n")
    (ROOT / site).mkdir(parents=True, exist_ok=True)
    write(site, "robots.txt", origin + "/robots.txt", robots.encode(), "text/plain", "",
          fetched.format(next(n)))
    # robots.txt is stored as `robots.txt` with sidecar `robots.txt.meta.json`.
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    index = (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {ns}>'
             + "".join(f"<sitemap><loc>{origin}/sitemaps/{f}</loc>"
                       f"<lastmod>2025-03-16T06:00:00+00:00</lastmod></sitemap>"
                       for f in ("post-sitemap1.xml.gz", "page-sitemap.xml.gz",
                                 "category-sitemap.xml.gz"))
             + "</sitemapindex>")
    write(site, "sitemap_index", origin + "/sitemap_index.xml.gz",
          gzip.compress(index.encode(), mtime=0), "application/gzip", ".xml.gz",
          fetched.format(next(n)))
    posts = "".join(f"<url><loc>{origin}{p}</loc><lastmod>{story(i)['date']}</lastmod></url>"
                    for i, p in enumerate(paths))
    # A staging host the CMS leaked into the sitemap, and a partner's syndicated copy.
    posts += ("<url><loc>http://192.168.10.20/2025/03/draft-preview/</loc></url>"
              "<url><loc>https://www.partner-news.example/harbour-dredging-approved</loc>"
              "</url>")
    body = f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{posts}</urlset>'
    write(site, "post-sitemap1", origin + "/sitemaps/post-sitemap1.xml.gz",
          gzip.compress(body.encode(), mtime=0), "application/x-gzip", ".xml.gz",
          fetched.format(next(n)))
    pages = "".join(f"<url><loc>{origin}{p}</loc></url>"
                    for p in ("/", "/about/", "/privacy/", "/contact/", "/port/"))
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE urlset PUBLIC "-//SITEMAPS//'
            'DTD SITEMAP 0.9//EN" "http://www.sitemaps.org/dtd/sitemap.dtd">\n'
            f"<urlset {ns}>{pages}</urlset>")
    write(site, "page-sitemap", origin + "/sitemaps/page-sitemap.xml.gz",
          gzip.compress(body.encode(), mtime=0), "application/gzip", ".xml.gz",
          fetched.format(next(n)))
    news = "".join(
        f"<url><loc>{origin}{paths[i]}</loc><news:news><news:publication><news:name>{name}"
        f"</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{story(i)['date']}</news:publication_date>"
        f"<news:title>{esc(story(i)['title'])}</news:title></news:news></url>"
        for i in (0, 1, 2))
    body = (f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns} '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{news}</urlset>')
    # Sent with Content-Encoding: gzip: the body file holds the bytes as sent (gzip).
    write(site, "news-sitemap", origin + "/news-sitemap.xml",
          gzip.compress(body.encode(), mtime=0), "application/xml; charset=utf-8", ".xml",
          fetched.format(next(n)), {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    for i, p in enumerate(paths):
        s = story(i)
        write(site, f"article-{p.strip('/').split('/')[-1]}", origin + p,
              article_html(s, name, nav, foot, origin + p, "Port"),
              "text/html; charset=utf-8", ".html", fetched.format(next(n)))


# -- valleyherald: a feed advertised on the home page --------------------------------------------

def valleyherald() -> None:
    site, origin, name = "valleyherald", "https://valleyherald.example", "The Valley Herald"
    fetched = "2025-02-28T12:00:{:02d}Z"
    n = iter(range(60))
    ids = [101, 102, 103, 104]  # WordPress "plain" permalinks: /?p=101
    head = (f'<link rel="alternate" type="application/rss+xml" title="{name} &raquo; Feed" '
            f'href="{origin}/feed/">'
            f'<link rel="alternate" type="application/atom+xml" title="{name} &raquo; Atom" '
            f'href="{origin}/feed/atom/">')
    nav = ('<div id="masthead"><a href="/">The Valley Herald</a><ul class="menu">'
           '<li><a href="/?page_id=2">About</a></li><li><a href="/?page_id=3">Contact</a></li>'
           "</ul></div>")
    foot = '<div id="colophon">Proudly local since 1887.</div>'
    home = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name}</title>"
            f"{head}</head><body>{nav}<div id='primary'><div id='latest' "
            f"data-src='/wp-json/wp/v2/posts'>Latest stories are loading\u2026</div></div>"
            f"{foot}</body></html>")
    write(site, "home", origin + "/", home.encode(), "text/html; charset=UTF-8", ".html",
          fetched.format(next(n)))
    write(site, "robots.txt", origin + "/robots.txt",
          b"User-agent: *\nDisallow: /wp-admin/\n", "text/plain", "", fetched.format(next(n)))
    items = ""
    for k, pid in enumerate(ids):
        s = story(5 + k)
        items += (f"<item><title>{esc(s['title'])}</title><link>{origin}/?p={pid}</link>"
                  f"<dc:creator><![CDATA[{s['author']}]]></dc:creator>"
                  f"<pubDate>{_rfc822(s['date'])}</pubDate>"
                  f'<guid isPermaLink="false">{origin}/?p={pid}</guid>'
                  f"<description>{esc(s['paragraphs'][0])}</description></item>")
    # A partner's story the feed syndicates: another site, not crawled.
    items += ("<item><title>County fair returns in August</title>"
              "<link>https://county-times.example/news/county-fair-returns</link>"
              "<pubDate>Tue, 18 Feb 2025 08:00:00 +0000</pubDate></item>")
    rss = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
           f"<title>{name}</title><link>{origin}</link><description>News from the valley"
           f"</description>{items}</channel></rss>")
    write(site, "feed", origin + "/feed/", rss.encode(), "application/rss+xml; charset=UTF-8",
          ".xml", fetched.format(next(n)))
    entries = "".join(
        f"<entry><title>{esc(story(5 + k)['title'])}</title>"
        f'<link rel="alternate" type="text/html" href="{origin}/?p={ids[k]}"/>'
        f"<id>{origin}/?p={ids[k]}</id><published>{story(5 + k)['date']}</published>"
        f"<updated>{story(5 + k)['date']}</updated></entry>" for k in (0, 1))
    atom = ('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{name}</title><id>{origin}/</id><updated>2025-02-28T00:00:00Z</updated>"
            f"{entries}</feed>")
    write(site, "feed-atom", origin + "/feed/atom/", atom.encode(),
          "application/atom+xml; charset=UTF-8", ".xml", fetched.format(next(n)))
    for k, pid in enumerate(ids):
        s = story(5 + k)
        url = f"{origin}/?p={pid}"
        write(site, f"post-{pid}", url, article_html(s, name, nav, foot, url, "Valley", head),
              "text/html; charset=UTF-8", ".html", fetched.format(next(n)))


def _rfc822(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso))


# -- metrodaily: patternless URLs, a lot of chrome ----------------------------------------------

METRO_SECTIONS = {"news": "News", "culture": "Culture", "sport": "Sport", "opinion": "Opinion"}
METRO_ARTICLES = [  # (path, story, section)
    ("/news/delay-3.html", 1, "news"),
    ("/p/1234", 3, "news"),
    ("/culture/why-it-matters", 9, "culture"),
    ("/sport/derby-day", 6, "sport"),
    ("/opinion/bridge-tolls", 7, "opinion"),
    ("/culture/mural-returns", 2, "culture"),  # only on /culture?page=2
]
METRO_GALLERY = "/p/1240"  # a photo gallery: linked like a story, not an article


def _metro_chrome() -> tuple[str, str]:
    secs = "".join(f'<li class="menu-item"><a href="/{k}">{v}</a></li>'
                   for k, v in METRO_SECTIONS.items())
    top = ('<a class="skip-link" href="#main">Skip to content</a>'
           '<div class="topbar"><a href="/account/login">Log in</a> '
           '<a href="/subscribe">Subscribe</a> <a href="/newsletters">Newsletters</a> '
           '<a href="https://epaper.metrodaily-media.example/">E-paper</a></div>'
           '<header class="site-header"><a class="logo" href="/" aria-label="Metro Daily home">'
           '<img src="/static/logo.svg" alt="Metro Daily"></a>'
           f'<nav class="main-nav" aria-label="Sections"><ul class="menu">{secs}'
           '<li class="menu-item"><a href="/podcasts">Podcasts</a></li>'
           '<li class="menu-item"><a href="/puzzles">Puzzles</a></li></ul></nav>'
           '<div class="ticker"><span>Breaking:</span> <a href="/news/delay-3.html">Ferry '
           "timetable cut as crew shortage bites</a></div></header>")
    bottom_footer = (
        '<footer class="site-footer"><ul class="footer-links">'
        '<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a>'
        '</li><li><a href="/cookies">Cookie settings</a></li><li><a href="/careers">Careers'
        '</a></li><li><a href="/advertise">Advertise with us</a></li>'
        '<li><a href="/corrections">Corrections</a></li></ul>'
        '<ul class="social"><li><a href="https://social.example/metrodaily">Follow us</a></li>'
        '<li><a href="https://video.example/metrodaily">Watch</a></li></ul>'
        f'<ul class="footer-sections">{secs}</ul><p>\u00a9 2025 Metro Daily Media</p></footer>')
    return top, bottom_footer


def _card(path: str, s: dict, section: str, lead: bool = False) -> str:
    tag = "h2" if lead else "h3"
    slug = s["author"].lower().replace(" ", "-")
    return (f'<article class="card{" card--lead" if lead else ""}">'
            f'<a class="card-image" href="{path}"><img src="/img{path}.jpg" alt=""></a>'
            f'<{tag} class="card-title"><a href="{path}">{esc(s["title"])}</a></{tag}>'
            f'<p class="card-summary">{esc(s["paragraphs"][0][:140])}\u2026</p>'
            f'<p class="byline">By <a href="/people/{slug}" rel="author">{esc(s["author"])}'
            f'</a></p><ul class="tags"><li><a href="/topic/{section}" rel="tag">'
            f"{METRO_SECTIONS[section]}</a></li></ul></article>")


def _gallery_card() -> str:
    return ('<article class="card"><h3 class="card-title"><a href="/p/1240">In pictures: the '
            'week in the city, from the marathon to the night market</a></h3></article>')


def metrodaily() -> None:
    site, origin, name = "metrodaily", "https://www.metrodaily.example", "Metro Daily"
    fetched = "2025-03-16T09:30:{:02d}Z"
    n = iter(range(60))
    top, footer = _metro_chrome()
    most_read = ('<aside class="sidebar"><h2>Most read</h2><ol>'
                 + "".join(f'<li><a href="{p}">{esc(story(i)["title"])}</a></li>'
                           for p, i, _ in METRO_ARTICLES[:3]) + "</ol></aside>")

    def page(title: str, main: str) -> bytes:
        return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                f"<title>{esc(title)}</title></head><body>{top}<main id='main'>{main}"
                f"{most_read}</main>{footer}</body></html>").encode()

    def write_page(fname: str, path: str, body: bytes) -> None:
        write(site, fname, origin + path, body, "text/html; charset=utf-8", ".html",
              fetched.format(next(n)))

    on_home = METRO_ARTICLES[:5]
    lead_path, lead_i, lead_sec = on_home[0]
    cards = _card(lead_path, story(lead_i), lead_sec, lead=True) + "".join(
        _card(p, story(i), sec) for p, i, sec in on_home[1:4]) + _gallery_card()
    latest = ('<section class="latest"><h2>Latest</h2><ul class="headline-list">'
              + "".join(f'<li><a href="{p}">{esc(story(i)["title"])}</a> '
                        f'<span class="time">2h</span></li>' for p, i, _ in on_home)
              + "</ul></section>")
    blocks = "".join(f'<section class="section-block"><h2><a href="/{k}">{v}</a></h2>'
                     f'<a class="more" href="/{k}">More {v.lower()} \u203a</a></section>'
                     for k, v in METRO_SECTIONS.items())
    write_page("home", "/", page(name, f'<div class="front">{cards}</div>{latest}{blocks}'))
    for key, label in METRO_SECTIONS.items():
        here = [(p, i, sec) for p, i, sec in METRO_ARTICLES[:5] if sec == key]
        pager = ""
        if key == "culture":
            pager = ('<nav class="pagination" aria-label="Pages"><span class="current">1</span>'
                     ' <a href="/culture?page=2">2</a> <a href="/culture?page=3">3</a> '
                     '<a rel="next" href="/culture?page=2">Next \u203a</a></nav>')
        main = (f"<h1>{label}</h1><div class='river'>"
                + "".join(_card(p, story(i), sec) for p, i, sec in here) + f"</div>{pager}")
        write_page(f"section-{key}", f"/{key}", page(f"{label} | {name}", main))
    p, i, sec = METRO_ARTICLES[5]
    main = ("<h1>Culture</h1><div class='river'>" + _card(p, story(i), sec) + "</div>"
            '<nav class="pagination"><a rel="prev" href="/culture">\u2039 Previous</a> '
            '<a href="/culture">1</a> <span class="current">2</span></nav>')
    write_page("section-culture-2", "/culture?page=2", page(f"Culture, page 2 | {name}", main))
    for key in ("podcasts", "puzzles"):
        main = (f"<h1>{key.title()}</h1><p>Listen and play on our apps.</p>"
                f'<a href="https://apps.metrodaily-media.example/{key}">Open the app</a>')
        write_page(f"section-{key}", f"/{key}", page(f"{key.title()} | {name}", main))
    gallery = ("<h1>In pictures: the week in the city</h1><div class='gallery'>"
               + "".join(f"<figure><img src='/img/g{k}.jpg' alt=''><figcaption>Photo {k}"
                         f"</figcaption></figure>" for k in range(1, 7)) + "</div>")
    write_page("gallery-1240", METRO_GALLERY, page(f"In pictures | {name}", gallery))
    write(site, "robots.txt", origin + "/robots.txt",
          b"User-agent: *\nDisallow: /account/\nDisallow: /search\n", "text/plain", "",
          fetched.format(next(n)))
    related = ('<section class="related"><h2>More from Metro Daily</h2><ul>'
               + "".join(f'<li><a href="{p}">{esc(story(i)["title"])}</a></li>'
                         for p, i, _ in METRO_ARTICLES[:2]) + "</ul></section>")
    for path, i, sec in METRO_ARTICLES:
        fname = "article-" + path.strip("/").replace("/", "-").replace(".html", "")
        write(site, fname, origin + path,
              article_html(story(i), name, top, related + footer, origin + path,
                           METRO_SECTIONS[sec]),
              "text/html; charset=utf-8", ".html", fetched.format(next(n)))


# -- krakowexpress: commas in article URLs -------------------------------------------------------

KRAKOW_ARTICLES = [("/7,75398,27234,harbour-dredging-plan-approved.html", 0),
                   ("/7,75398,27235,valley-school-robotics-prize.html", 5),
                   ("/7,75399,27236,village-shop-cooperative.html", 8)]


def krakowexpress() -> None:
    site, origin, name = "krakowexpress", "https://www.krakowexpress.example", "Krakow Express"
    fetched = "2025-03-20T10:15:{:02d}Z"
    n = iter(range(60))
    nav = ('<div id="header"><a href="/">Krakow Express</a><ul id="nav">'
           '<li><a href="/0,75398.html">World</a></li>'
           '<li><a href="/0,75399.html">Region</a></li></ul></div>')
    foot = '<div id="footer"><a href="/0,0,privacy.html">Privacy policy</a></div>'
    items = "".join(f'<li class="entry"><h2><a href="{p}">{esc(story(i)["title"])}</a></h2>'
                    f"</li>" for p, i in KRAKOW_ARTICLES)
    home = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name}</title>"
            f"</head><body>{nav}<div id='content'><ul class='entries'>{items}</ul></div>{foot}"
            f"</body></html>")
    write(site, "home", origin + "/", home.encode(), "text/html; charset=utf-8", ".html",
          fetched.format(next(n)))
    for sec, label in (("75398", "World"), ("75399", "Region")):
        sec_items = "".join(
            f'<li class="entry"><h2><a href="{p}">{esc(story(i)["title"])}</a></h2></li>'
            for p, i in KRAKOW_ARTICLES if f",{sec}," in p)
        body = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{label} | "
                f"{name}</title></head><body>{nav}<div id='content'><h1>{label}</h1>"
                f"<ul class='entries'>{sec_items}</ul></div>{foot}</body></html>")
        write(site, f"section-{sec}", f"{origin}/0,{sec}.html", body.encode(),
              "text/html; charset=utf-8", ".html", fetched.format(next(n)))
    write(site, "robots.txt", origin + "/robots.txt", b"User-agent: *\nAllow: /\n",
          "text/plain", "", fetched.format(next(n)))
    for path, i in KRAKOW_ARTICLES:
        fname = "article-" + path.split(",")[2]
        write(site, fname, origin + path,
              article_html(story(i), name, nav, foot, origin + path, "World"),
              "text/html; charset=utf-8", ".html", fetched.format(next(n)))


if __name__ == "__main__":
    harbourgazette()
    valleyherald()
    metrodaily()
    krakowexpress()
