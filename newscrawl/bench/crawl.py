"""End-to-end crawl benchmark: a generated news site on 127.0.0.1 crawled with every pipeline
and exporter on, in a fresh process per run (one Twisted reactor, and a clean peak RSS).

    python -m newscrawl.bench.crawl serve --pages 5000          # prints its URL, serves
    python -m newscrawl.bench.crawl alone --pages 5000          # extract_article alone
    python -m newscrawl.bench.crawl run --url URL --pages 5000 [--processes 2] --out DIR
        [--variant newscrawl|scrapy|scrapy+readability]

`run` prints one JSON object: articles, seconds, CPU seconds (crawler and cleaning workers),
peak RSS. The variants: newscrawl with every pipeline and exporter on (feed, Markdown
archive, run archive with WARC, crawl state), and the plain Scrapy yardsticks of
newscrawl.bench.plain. All start from the sitemap index. newscrawl.bench.suite drives both
(see README, "Benchmarks").

The site builds on newscrawl.bench.site (sitemap index, sitemaps of 1,000 URLs, keep-alive
HTTP/1.1), with pages closer to a real news site's than its load-test pages: a home page and
section listings, and ~40 KB articles with scripts, styles, JSON-LD, a navigation header,
breadcrumbs, a byline, a captioned figure, a share bar, a "Related" rail and a footer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sys
import time
from pathlib import Path

from .site import _WORDS, GeneratedSite, article_path

SECTIONS = ("politics", "business", "world", "science", "sport", "culture", "weather", "local")
_SCRIPT = "window.dataLayer=window.dataLayer||[];" + "".join(
    f"function f{i}(a,b){{return a*{i}+b-{i % 7};}}" for i in range(300))
_STYLE = "".join(f".c{i}{{margin:{i % 9}px;padding:{i % 5}px;color:#{i % 999:03d}}}"
                 for i in range(400))


def _sentence(rng: random.Random, lo: int = 12, hi: int = 30) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(lo, hi))).capitalize() + "."


def _nav() -> str:
    items = "".join(f"<li class='nav-item'><a href='/section/{s}'>{s.title()}</a></li>"
                    for s in SECTIONS)
    more = "".join(f"<li><a href='/topic/{w}'>{w}</a></li>" for w in _WORDS[:24])
    return (f"<header class='site-header'><div class='logo'><a href='/'><img src='/logo.png' "
            f"alt='Generated News'></a></div><nav class='main-nav'><ul>{items}</ul>"
            f"<ul class='topics'>{more}</ul></nav><div class='today'>Monday, 6 January 2025"
            f"</div></header>")


def _footer() -> str:
    links = "".join(f"<li><a href='/about/{w}'>{w}</a></li>" for w in _WORDS[:30])
    return (f"<footer class='site-footer'><ul>{links}</ul><p class='copyright'>© 2025 "
            f"Generated News. All rights reserved.</p></footer>")


def _teasers(rng: random.Random, pages: int, count: int) -> str:
    out = []
    for _ in range(count):
        m = rng.randrange(pages)
        out.append(f"<li class='teaser'><a href='{article_path(m)}'>"
                   f"{_sentence(rng, 5, 9)}</a><span class='teaser-date'>2 hours ago</span></li>")
    return "".join(out)


def article_page(n: int, pages: int) -> bytes:
    rng = random.Random(n)
    section = SECTIONS[n % len(SECTIONS)]
    title = f"Generated article {n}: {_sentence(rng, 6, 10)[:-1]}"
    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    paragraphs = "".join(
        (f"<h2>{_sentence(rng, 3, 6)[:-1]}</h2>" if i and i % 4 == 0 else "")
        + "<p>" + " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        + f" Report {n}, paragraph {i}.</p>" for i in range(rng.randint(6, 12)))
    jsonld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "datePublished": f"{day}T0{n % 10}:15:00+01:00",
        "dateModified": f"{day}T1{n % 10}:40:00+01:00",
        "author": {"@type": "Person", "name": "Staff Reporter"},
        "publisher": {"@type": "Organization", "name": "Generated News"},
        "image": [f"/img/{n}.jpg"], "articleSection": section,
    })
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title} | "
        f"Generated News</title><meta name='viewport' content='width=device-width'>"
        f"<meta name='description' content='{_sentence(rng, 10, 16)}'>"
        f"<meta property='og:type' content='article'><meta property='og:title' "
        f"content='{title}'><meta property='og:image' content='/img/{n}.jpg'>"
        f"<meta property='article:published_time' content='{day}T0{n % 10}:15:00+01:00'>"
        f"<link rel='canonical' href='{article_path(n)}'><style>{_STYLE}</style>"
        f"<script>{_SCRIPT}</script><script type='application/ld+json'>{jsonld}</script>"
        f"</head><body class='article-page'>{_nav()}<main><div class='container'>"
        f"<ol class='breadcrumbs'><li><a href='/'>Home</a></li><li><a href='/section/"
        f"{section}'>{section.title()}</a></li></ol><article class='story'>"
        f"<h1 class='headline'>{title}</h1><div class='byline'>By <a href='/author/staff'>"
        f"Staff Reporter</a> <time datetime='{day}T0{n % 10}:15:00+01:00'>{day}</time></div>"
        f"<ul class='share-bar'><li><a href='#'>Share</a></li><li><a href='#'>Tweet</a></li>"
        f"<li><a href='#'>Email</a></li></ul><figure><img src='/img/{n}.jpg' alt='A view'>"
        f"<figcaption>{_sentence(rng, 6, 10)} Photo: Agency</figcaption></figure>"
        f"<div class='article-body'>{paragraphs}</div><div class='tags'><a href='/topic/"
        f"{_WORDS[n % 20]}'>{_WORDS[n % 20]}</a></div></article>"
        f"<section class='related'><h3>Related Articles</h3><ul>"
        f"{_teasers(rng, pages, 6)}</ul></section></div>"
        f"<aside class='sidebar'><h3>Most read</h3><ol>{_teasers(rng, pages, 8)}</ol></aside>"
        f"</main>{_footer()}<script>{_SCRIPT[:4000]}</script></body></html>"
    ).encode()


def listing_page(name: str, pages: int) -> bytes:
    rng = random.Random(name)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name.title()}"
            f" | Generated News</title></head><body>{_nav()}<main><h1>{name.title()}</h1><ul>"
            f"{_teasers(rng, pages, 60)}</ul></main>{_footer()}</body></html>").encode()


class NewsSite(GeneratedSite):
    """GeneratedSite with realistic article pages, a home page and section listings."""

    def _answer(self, path: str) -> tuple[int, str, bytes, dict[str, str]] | None:
        html = "text/html; charset=utf-8"
        if path == "/":
            return 200, html, listing_page("home", self.pages), {}
        if path.startswith("/section/") and path[9:] in SECTIONS:
            return 200, html, listing_page(path[9:], self.pages), {}
        answer = super()._answer(path)
        if answer is not None and answer[0] == 200 and path.startswith("/news/"):
            n = int(path.split("/")[2].split("-")[0]) - 100000
            return 200, html, article_page(n, self.pages), {}
        return answer


def _serve(pages: int) -> None:
    site = NewsSite(pages, fail_share=0.0)

    async def run() -> None:
        await site.serve()
        print(site.url, flush=True)
        await asyncio.Event().wait()

    asyncio.run(run())


VARIANTS = ("scrapy", "scrapy+readability", "newscrawl")


def _run(url: str, pages: int, processes: str, out: Path,
         variant: str = "newscrawl") -> dict[str, object]:
    """Crawl the site at `url` in this (fresh) process: newscrawl with everything on, or one
    of the plain Scrapy yardsticks (newscrawl.bench.plain)."""
    from scrapy import Spider, signals
    from scrapy.crawler import CrawlerProcess

    from .load import MemorySampler, _rss_mib, bench_settings, peak_rss_mib

    out.mkdir(parents=True, exist_ok=True)
    spider: type[Spider]
    if variant == "newscrawl":
        from ..spiders.article import ArticleSpider

        settings = bench_settings(out, NEWSCRAWL_CLEANING_PROCESSES=processes)  # "auto" or a number
        spider, kwargs = ArticleSpider, {"start_urls": f"{url}/sitemap.xml"}
    else:
        from .plain import PlainSpider, plain_settings

        settings = plain_settings(out, readability=variant == "scrapy+readability")
        spider, kwargs = PlainSpider, {"sitemap_url": f"{url}/sitemap.xml"}
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    first: list[float] = []

    def scraped(*_args: object, **_kwargs: object) -> None:
        if not first:  # start-up (imports, warm-up, robots.txt, sitemaps) ends here
            first.extend((time.monotonic(), time.process_time()))

    crawler.signals.connect(scraped, signal=signals.item_scraped)
    sampler = MemorySampler()
    sampler.start()
    cpu0 = time.process_time()
    started = time.monotonic()
    process.crawl(crawler, **kwargs)
    process.start()
    seconds = time.monotonic() - started
    sampler.stopped.set()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the cleaning pool, joined
    feed = out / "articles.jsonl"
    articles = sum(1 for _ in feed.open("rb")) if feed.exists() else 0
    samples = sampler.samples or [_rss_mib()]
    return {
        "variant": variant, "pages": pages, "processes": processes, "articles": articles,
        "seconds": round(seconds, 2),
        "cpu_seconds_crawler": round(time.process_time() - cpu0, 2),
        "cpu_seconds_workers": round(workers.ru_utime + workers.ru_stime, 2),
        "seconds_to_first_item": round(first[0] - started, 2) if first else None,
        "cpu_seconds_to_first_item": round(first[1] - cpu0, 2) if first else None,
        "rss_mib_peak": round(peak_rss_mib(), 1),
        # all cleaning workers together, the highest sample
        "rss_mib_peak_workers": round(max(sampler.children, default=0.0), 1),
        # RSS at 25%, 50%, 75%, 100% of the run: flat or growing?
        "rss_mib_over_time": [round(samples[min(len(samples) - 1, int(len(samples) * q))], 1)
                              for q in (0.25, 0.5, 0.75, 1.0)],
        "errors": crawler.stats.get_value("log_count/ERROR", 0),
    }


def alone(pages: int, rounds: int) -> dict[str, object]:
    """CPU ms per page of extract_article and of readability alone on the generated site's
    article pages, in this (fresh) process: the crawl's yardsticks. extract_article gets
    what the crawl's cleaning gets (the bytes, the response headers, the fetch time)."""
    from datetime import UTC, datetime

    from ..clean.article import extract_article, warm_up
    from ..evaluation.extraction import COMPARATORS

    warm_up()
    headers = {"Content-Type": "text/html; charset=utf-8"}
    docs = [(f"http://127.0.0.1{article_path(n)}", article_page(n, pages)) for n in range(300)]
    now = datetime.now(UTC)
    runs = {"extract_article": lambda html, url: extract_article(
                html, url, headers=headers, fetched_at=now),
            "readability": COMPARATORS["readability"]}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            started = time.process_time()
            for url, html in docs:
                run(html, url)
            cpu[name].append(1000 * (time.process_time() - started) / len(docs))
    return {name: sorted(values) for name, values in cpu.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--pages", type=int, default=5000)
    r = sub.add_parser("run")
    r.add_argument("--url", required=True)
    r.add_argument("--pages", type=int, default=5000)
    r.add_argument("--processes", default="0",
                   help="NEWSCRAWL_CLEANING_PROCESSES: auto or a number")
    r.add_argument("--variant", choices=VARIANTS, default="newscrawl")
    r.add_argument("--out", type=Path, required=True)
    a = sub.add_parser("alone")
    a.add_argument("--pages", type=int, default=5000, help="site size the pages link into")
    a.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "serve":
        _serve(args.pages)
        return 0
    if args.command == "alone":
        print(json.dumps(alone(args.pages, args.rounds)), flush=True)
        return 0
    print(json.dumps(_run(args.url, args.pages, args.processes, args.out, args.variant)),
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
