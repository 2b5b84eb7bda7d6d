"""Which links of a listing page (home, section, pagination) lead to articles, and which to
more listings: judged by where a link sits and what it looks like, not by its URL alone.

A link is requested as an article when enough signals agree (`words.py` has their weights):
its anchor text reads like a headline, it is or holds a heading, it sits in a story card or
list item in the main column, the CMS marks it `rel=bookmark`, its URL has an article's
shape. Links in site chrome are not articles: menus and the site header (unless very
article-like: a breaking-news ticker), footers, pagination, tag and author lists, share
bars; neither are legal, account and service pages, assets, or other sites. Menu entries and
"next page" links are followed as listings. Every article candidate is fetched and judged
by the page-type verdict, so a wrong guess costs one fetch, never an archived non-article.

Pure: one lxml tree in, candidates out (no Scrapy), like the cleaning library.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..clean.links import join_url, split_url
from . import words as w


class LinkKind(StrEnum):
    ARTICLE = "article"
    LISTING = "listing"


class Zone(StrEnum):
    MAIN = "main"
    NONE = "none"  # no container says anything
    NAV = "nav"
    FOOTER = "footer"
    PAGINATION = "pagination"
    TAGS = "tags"
    AUTHOR = "author"
    SOCIAL = "social"
    RAIL = "rail"


@dataclass(frozen=True)
class Candidate:
    url: str
    kind: LinkKind
    why: str  # "article", "section", "next_page"
    score: float = 0.0


_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "sms:", "whatsapp:", "callto:")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SECTIONING = frozenset({"article", "section", "aside", "nav", "main"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SPLIT = re.compile(r"[-_]+")
_WS = re.compile(r"\s+")

# Chrome read from class/id: a word part ("main-menu" -> menu) for the unambiguous words,
# the whole token for words that also name parts of a story card ("entry-header").
_PART_ZONES: list[tuple[Zone, frozenset[str]]] = [
    (Zone.SOCIAL, frozenset({"share", "sharing", "social", "sharebar"})),
    (Zone.PAGINATION, frozenset({"pagination", "pager", "paging", "pagenav"})),
    (Zone.TAGS, frozenset({"tags", "taglist", "tagcloud", "keywords"})),
    (Zone.AUTHOR, frozenset({"byline", "author", "authors", "contributor", "contributors"})),
    (Zone.FOOTER, frozenset({"footer", "colophon", "copyright"})),
    (Zone.NAV, frozenset({"nav", "navbar", "navigation", "menu", "megamenu", "submenu",
                          "subnav", "breadcrumb", "breadcrumbs", "topbar", "masthead",
                          "hamburger", "offcanvas", "skiplinks"})),
    (Zone.RAIL, frozenset({"sidebar", "rail", "widget", "widgets", "mostread", "trending"})),
]
_TOKEN_ZONES: list[tuple[Zone, frozenset[str]]] = [
    (Zone.SOCIAL, w.SOCIAL_TOKENS),
    (Zone.PAGINATION, w.PAGINATION_TOKENS),
    (Zone.TAGS, w.TAG_TOKENS),
    (Zone.AUTHOR, w.AUTHOR_TOKENS),
    (Zone.FOOTER, w.FOOTER_TOKENS),
    (Zone.NAV, w.NAV_TOKENS),
    (Zone.RAIL, w.RAIL_TOKENS),
]
# Zones whose links are never articles nor listings to follow (pagination has its own rule).
_DEAD_ZONES = {Zone.FOOTER: "footer", Zone.TAGS: "tags", Zone.AUTHOR: "author",
               Zone.SOCIAL: "social"}


def _tokens(el: Any) -> tuple[set[str], set[str]]:
    """(whole class/id tokens, their word parts), lower case."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    parts = {p for token in raw for p in _SPLIT.split(token) if p}
    return set(raw), parts


def _element_zone(el: Any) -> Zone | None:
    """The chrome (or main column) an element stands for, if any."""
    tag = el.tag if isinstance(el.tag, str) else ""
    role = (el.get("role") or "").lower()
    tokens, parts = _tokens(el)
    # What a container is for (pagination, tags, bylines, share bars) says more than its tag:
    # <nav class="pagination">.
    for zone, words in _TOKEN_ZONES[:4]:
        if tokens & words:
            return zone
    for zone, words in _PART_ZONES[:4]:
        if parts & words:
            return zone
    if tag == "main" or role == "main":
        return Zone.MAIN
    if tag == "nav" or role in w.NAV_ROLES:
        return Zone.NAV
    if role in w.FOOTER_ROLES:
        return Zone.FOOTER
    if tag == "aside" or role in w.RAIL_ROLES:
        return Zone.RAIL
    if tag in ("header", "footer") and not any(
            a.tag in _SECTIONING for a in el.iterancestors()):
        # The page's own header or footer; an <article>'s header holds its headline.
        return Zone.NAV if tag == "header" else Zone.FOOTER
    for zone, words in _TOKEN_ZONES[4:]:
        if tokens & words:
            return zone
    for zone, words in _PART_ZONES[4:]:
        if parts & words:
            return zone
    return None


@dataclass
class _Place:
    zone: Zone
    in_main: bool  # some container is the main column or a content list
    card: bool
    heading: bool


def _place(a: Any) -> _Place:
    zone: Zone | None = None
    in_main = card = heading = False
    for depth, el in enumerate(a.iterancestors()):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("body", "html") or depth >= w.MAX_ANCESTORS:
            break
        if depth < 3 and tag in _HEADINGS:
            heading = True
        tokens, parts = _tokens(el)
        if depth < 6 and (tag in ("li", "article") or tokens & w.CARD_TOKENS
                          or "card" in parts or "teaser" in parts):
            card = True
        if tokens & w.MAIN_TOKENS or tag == "article" or (
                (el.get("role") or "").lower() in w.MAIN_ROLES):
            in_main = True
        if zone is None:
            zone = _element_zone(el)
            if zone is Zone.MAIN:
                in_main = True
    if not heading and any(True for _ in a.iter(*_HEADINGS)):
        heading = True
    return _Place(zone or Zone.NONE, in_main, card, heading)


def anchor_text(a: Any) -> str:
    text = _WS.sub(" ", "".join(a.itertext())).strip()
    if text:
        return text
    for img in a.iter("img"):
        if img.get("alt"):
            return _WS.sub(" ", img.get("alt")).strip()
    return _WS.sub(" ", a.get("title") or a.get("aria-label") or "").strip()


def headline_like(text: str) -> bool:
    if len(_CJK.findall(text)) >= w.HEADLINE_MIN_CJK_CHARS:
        return True
    n = len(text.split())
    return w.HEADLINE_MIN_WORDS <= n <= w.HEADLINE_MAX_WORDS and len(text) >= w.HEADLINE_MIN_CHARS


def article_score(text: str, path: str, rel: set[str], place: _Place) -> float:
    score = 0.0
    if headline_like(text):
        score += w.W_HEADLINE_TEXT
    if place.heading:
        score += w.W_HEADING
    if place.card:
        score += w.W_CARD
    if place.in_main:
        score += w.W_MAIN
    if "bookmark" in rel:
        score += w.W_BOOKMARK
    if w.ARTICLE_PATH.search(path):
        score += w.W_URL_STRONG
    elif w.ARTICLE_PATH_WEAK.search(path):
        score += w.W_URL_WEAK
    if place.zone is Zone.RAIL:
        score -= w.P_RAIL
    if w.SECTION_PATH.match(path):
        score -= w.P_SECTION_URL
    return score


def _judge(a: Any, url: str, path: str, query: str) -> Candidate | str:
    """A candidate, or the reason (a short code) the link is not followed."""
    text = anchor_text(a)
    rel = set((a.get("rel") or "").lower().split())
    if w.SERVICE_TEXT.match(text) or w.SERVICE_PATH.search(path):
        return "service"
    if rel & {"tag", "author", "category"} or w.TAXONOMY_PATH.search(path + "/"):
        return "taxonomy"
    place = _place(a)
    paginated = (place.zone is Zone.PAGINATION or bool(rel & {"next", "prev", "previous"})
                 or bool(w.PAGINATION_PATH.search(path + ("?" + query if query else ""))))
    if paginated:
        if "next" in rel or w.NEXT_TEXT.match(text):
            return Candidate(url, LinkKind.LISTING, "next_page")
        return "pagination"
    if place.zone in _DEAD_ZONES:
        return _DEAD_ZONES[place.zone]
    score = article_score(text, path, rel, place)
    short = 0 < len(text.split()) <= w.SECTION_MAX_WORDS and not headline_like(text)
    if place.zone is Zone.NAV:
        if score >= w.CHROME_ARTICLE_MIN_SCORE:
            return Candidate(url, LinkKind.ARTICLE, "article", score)
        return Candidate(url, LinkKind.LISTING, "section") if short else "nav"
    if score >= w.ARTICLE_MIN_SCORE:
        return Candidate(url, LinkKind.ARTICLE, "article", score)
    if short and w.SECTION_PATH.match(path):
        return Candidate(url, LinkKind.LISTING, "section")
    return "weak"


_RANK = {LinkKind.ARTICLE: 2, LinkKind.LISTING: 1}


def classify_links(root: Any, base_url: str,
                   same_site: Callable[[str], bool]) -> tuple[list[Candidate], Counter[str]]:
    """Article and listing candidates among the page's links (each URL once, in page order)
    and, per reason, how many other URLs were left alone."""
    base = base_url.split("#")[0]
    best: dict[str, Candidate] = {}
    skipped: dict[str, str] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = join_url(base, href)
        parts = split_url(url) if url else None
        if url is None or parts is None:
            continue
        url = url.split("#")[0]
        if parts.scheme not in ("http", "https", "file"):
            verdict: Candidate | str = "scheme"
        elif not same_site(url):
            verdict = "offsite"
        elif url == base or (parts.path in ("", "/") and not parts.query):
            verdict = "same_page" if url == base else "home"
        elif w.ASSET_PATH.search(parts.path):
            verdict = "asset"
        else:
            verdict = _judge(a, url, parts.path, parts.query)
        if isinstance(verdict, str):
            skipped.setdefault(url, verdict)
            continue
        known = best.get(url)
        if known is None or (_RANK[verdict.kind], verdict.score) > (_RANK[known.kind],
                                                                    known.score):
            best[url] = verdict
    reasons: Counter[str] = Counter(r for u, r in skipped.items() if u not in best)
    listings = [c for c in best.values() if c.kind is LinkKind.LISTING]
    if len(listings) > w.MAX_LISTING_LINKS_PER_PAGE:
        for c in listings[w.MAX_LISTING_LINKS_PER_PAGE:]:
            del best[c.url]
        reasons["too_many_listing_links"] += len(listings) - w.MAX_LISTING_LINKS_PER_PAGE
    return list(best.values()), reasons
