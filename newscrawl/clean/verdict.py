"""Is this page an article? And signals that an extraction looks unreliable.

The verdict reads the page's structure (pagetype.py), never its URL. In order:

1. interstitial: a consent or paywall wall, a bot check or an "enable JavaScript" shell
   served instead of the article (with 200), even when the page carries the article's
   metadata; a subscribe promo between story paragraphs is not one;
2. error_page: a "page not found" page served with status 200 (a soft 404): its headline
   or title says so, it says little else, and it has no Article type or date of its own;
3. empty_body: nothing to read; listing_page when the page is nothing but teasers;
4. listing_page: the body is a teaser's text (a home page's top story lead, under a
   headline that links to the article), or the page is teasers of other pages with little
   text of its own and nothing that says "one story" (no headline of its own, no Article
   type, or hardly any text at all; or it declares itself a collection, search results or
   a profile, or its heading only names it: an author, a topic). A page with its headline
   and an Article type is never judged a listing on its teasers;
5. listing_page: more than half of the body is link text, on a page without article
   metadata;
6. too_little_text_for_an_article: a short body without article metadata, or a page with
   no headline, Article type, og:type article or date of its own and less text than a
   story has (a newsletter sign-up page).

Each rejection is a stable reason code (codes.NotArticleReason, the crawl's stats key)
with a human detail naming the evidence.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from . import verdict_thresholds as T
from .codes import DateSource, NotArticleReason, Rejection, WarningCode
from .lexicon.common import OPENING_QUOTES
from .lexicon.patterns import BOT_CHECK, INTERSTITIAL, NOT_FOUND_TITLE, PAYWALL, WALL_BOX
from .page import Page
from .pagetype import Evidence, headline_like, read_evidence

LISTING = NotArticleReason.LISTING_PAGE
# Dates that say nothing about the page itself: its address, a feed's entry.
_OUTSIDE_DATES = frozenset({DateSource.URL.value, DateSource.SITEMAP.value})


def assess(page: Page, body_texts: list[str], body_links_chars: int) -> Rejection | None:
    """Why the page is not an article (None if it is one); add warnings to the page.
    `body_texts`: the rendered body's paragraphs; `body_links_chars`: its link text."""
    body_text = "\n\n".join(body_texts)
    n = len(body_text)
    ev = read_evidence(page, body_texts)
    wall = _interstitial(page, body_texts, ev)
    if wall:
        page.warn(WarningCode.INTERSTITIAL)
        return Rejection(NotArticleReason.INTERSTITIAL, wall)
    # an article about an error page quotes one in its headline, but has its type and date
    error = None if ev.article_typed or _own_date(page) else _error_page(page, n)
    if error:
        return Rejection(NotArticleReason.ERROR_PAGE, error)
    if n == 0:
        ev.read_structure()
        if ev.teasers >= T.LISTING_TEASERS:
            return Rejection(LISTING, f"{ev.teasers} teasers of other pages and no text of "
                                      "its own")
        return Rejection(NotArticleReason.EMPTY_BODY, "the body is empty")
    rejection = _listing(ev, _own_date(page))
    if rejection:
        return rejection
    typed = ev.article_typed or ev.og_type == "article"
    link_share = body_links_chars / n
    if link_share > T.LINK_DENSE_SHARE:
        page.warn(WarningCode.BODY_LINK_DENSE)
        if not typed:
            return Rejection(LISTING, f"{link_share:.0%} of the body text is links")
    if n < T.MIN_BODY_CHARS:
        page.warn(WarningCode.SHORT_BODY)
        if not typed:
            return Rejection(NotArticleReason.TOO_LITTLE_TEXT,
                             f"{n} characters")
    page_text = sum(len(p.text_content()) for p in page.root.iter("p"))
    if page_text > 2000 and n < 0.2 * page_text:
        # Most of the page's paragraph text was left out: the wrong block may have won.
        page.warn(WarningCode.SHORT_BODY_FOR_PAGE)
    if not typed and ev.headline is None and n < T.ANONYMOUS_STORY_MIN and not _own_date(page):
        return Rejection(
            NotArticleReason.TOO_LITTLE_TEXT,
            f"{n} characters and nothing that says it is one: no headline of its own, no "
            "Article type, no date",
        )
    return None


_TITLE_SEGMENTS = re.compile(r"\s+[|–—:·-]+\s+|\s*::\s*")
_WORD = re.compile(r"\w+")


def _error_page(page: Page, n: int) -> str | None:
    """A "page not found" page: the page's first headings or its title say so, in a segment
    of their own ("404 – Seite nicht gefunden | Site", "Oops! We can't find that page"), and
    the body is short. A story about an error page says more, and says it in a sentence."""
    if n >= T.ERROR_PAGE_MAX_CHARS:
        return None
    texts = [h.text_content() for h in islice(page.root.iter("h1"), 2)]
    texts.append(page.root.findtext(".//title") or "")
    for text in texts:
        text = " ".join(text.split())
        if not text or len(text) > T.ERROR_TITLE_MAX_CHARS:
            continue
        for segment in _TITLE_SEGMENTS.split(text):
            rest, found = NOT_FOUND_TITLE.subn(" ", segment)
            if found and len(_WORD.findall(rest)) <= T.ERROR_TITLE_OTHER_WORDS:
                return f"the page says '{text}' and {n} characters more"
    return None


def _listing(ev: Evidence, dated: bool) -> Rejection | None:
    """A listing, judged on teasers: unless the page has its headline and an Article type.
    `dated`: the page states a publication date of its own."""
    if ev.strong_identity:
        return None
    ev.read_structure()
    own, teaser = ev.story_chars, ev.teaser_chars
    if teaser > own and own < T.STORY_MIN and ev.teasers >= T.BODY_TEASER_MIN_TEASERS:
        return Rejection(LISTING, f"the body is teaser text of other pages "
                                  f"({teaser} characters, {own} of its own; "
                                  f"{ev.teasers} teasers)")
    if ev.teasers >= T.LISTING_TEASERS and own < T.MIN_BODY_CHARS:
        return Rejection(LISTING, f"{ev.teasers} teasers of other pages and {own} characters "
                                  "of its own")
    if ev.teasers >= T.LISTING_TEASERS and own < T.ANONYMOUS_STORY_MIN:
        if not ev.identity:
            return Rejection(LISTING, f"{ev.teasers} teasers of other pages, "
                                      f"{own} characters of its own, no headline of its own "
                                      "and no Article type")
        if ev.collection_typed and not ev.article_typed:
            return Rejection(LISTING, f"declared a collection or a profile, "
                                      f"{ev.teasers} teasers of other pages, {own} characters "
                                      "of its own")
        if (ev.headline is not None and not ev.article_typed and not dated
                and not headline_like(ev.headline)):
            # A heading that names the page (an author, a topic, a month) is no story's
            # headline: a story's says something in a few words, or a brief's two words
            # ("Brand Lagerhalle") stand over its date.
            return Rejection(LISTING, f"{ev.teasers} teasers of other pages, {own} characters "
                                      f"of its own, under {ev.headline!r}: a name, not a "
                                      "story's headline")
    return None


def _own_date(page: Page) -> bool:
    """The page states a publication date itself (not only its URL or a feed)."""
    source = page.sources.get("datePublished")
    return bool(source) and str(source).split(":")[0] not in _OUTSIDE_DATES


def _story_beside(page: Page, wall: HtmlElement) -> bool:
    """The page holds the whole story outside the wall's box: a registration or paywall
    box the site shows only to some readers (hidden in the markup), not a wall served
    instead of the article."""
    inside = set(wall.iter("p")) if wall.tag in ("div", "section") else set()
    text = sum(len(p.text_content()) for p in page.root.iter("p")
               if p not in inside and len(p.text_content()) >= T.STORY_PARAGRAPH_MIN)
    return text >= T.MAX_INTERSTITIAL_CHARS


def _story_around(before: list[str], after: list[str]) -> bool:
    """A subscription promo inside a story, not a wall: story paragraphs before it and the
    story going on after it. A paywall cuts the story at its box; a pay-or-consent wall
    opens with its offer."""
    def story(texts: list[str]) -> int:
        return sum(1 for t in texts
                   if len(t) >= T.STORY_PARAGRAPH_MIN and not INTERSTITIAL.search(t))
    return story(before) >= 1 and story(after) >= T.STORY_PARAGRAPHS_PAST_PROMO


def _body_around(box: HtmlElement, body_texts: list[str]) -> tuple[list[str], list[str]]:
    """The body's paragraphs before and after a box on the page (found by their opening)."""
    openings = {t[: T.BODY_MATCH_CHARS]: t for t in body_texts}

    def found(paragraphs: list[HtmlElement]) -> list[str]:
        texts = (" ".join(p.text_content().split()) for p in paragraphs)
        return [openings[t[: T.BODY_MATCH_CHARS]] for t in texts
                if t[: T.BODY_MATCH_CHARS] in openings]
    return found(box.xpath("preceding::p")), found(box.xpath("following::p"))


def _promo_block(container: HtmlElement) -> HtmlElement:
    """The innermost block of `container` that holds its paywall phrase."""
    inner = container
    for el in container.iter("p", "div", "section", "aside"):
        if PAYWALL.search(el.text_content()):
            inner = el
    return inner


def _interstitial(page: Page, body_texts: list[str], ev: Evidence) -> str | None:
    """What shows the page is a consent or paywall wall or a bot check, or None.

    A short body with a bot check's phrase ("Checking your browser"); a short body with a
    wall phrase ("subscribe to continue reading"), or a paywall phrase in the article's
    own container (a paywall's box is often cut away as chrome), unless the story goes on
    past it (a subscribe promo after the first paragraph); a body
    dense with a consent notice's words, under a heading that names the wall ("We value
    your privacy") or denser still without one. Consent banners elsewhere on the page do
    not count: most pages carry one."""
    body_text = "\n\n".join(body_texts)
    n = len(body_text)
    if n < T.MAX_INTERSTITIAL_CHARS:
        for text in body_texts:
            for shown in BOT_CHECK.finditer(text):
                if text[: shown.start()].rstrip()[-1:] not in OPENING_QUOTES:
                    return f"{shown.group(0)!r} in the body"
        for i, text in enumerate(body_texts):
            found = INTERSTITIAL.search(text)
            if found:
                if not _story_around(body_texts[:i], body_texts[i + 1:]):
                    return f"{found.group(0)!r} in the body"
                break
        for el in page.root.iter("article", "main", "div", "section"):
            if el.tag in ("div", "section") and not WALL_BOX.search(
                    f"{el.get('class', '')} {el.get('id', '')}"):
                continue
            found = PAYWALL.search(el.text_content()[:5000])
            if found and not _story_beside(page, el) and not _story_around(
                    *_body_around(_promo_block(el), body_texts)):
                return f"{found.group(0)!r} in a paywall box"
    if n >= T.CONSENT_MAX_CHARS or ev.consent_terms < T.CONSENT_MIN_TERMS:
        return None
    density = 1000 * ev.consent_terms / n
    if ev.consent_title and density >= T.CONSENT_TERMS_PER_1000:
        return (f"a consent notice under {ev.consent_title!r} ({ev.consent_terms} notice "
                f"words in {n} characters)")
    if ev.consent_accept and density >= T.CONSENT_TERMS_PER_1000:
        return (f"a consent notice answered by {ev.consent_accept!r} ({ev.consent_terms} "
                f"notice words in {n} characters)")
    if density >= T.CONSENT_TERMS_ALONE_PER_1000 and ev.headline is None:
        # Without a title naming the wall, only a page with no headline of its own: an
        # article about cookie rules is dense with the same words.
        return f"a consent notice ({ev.consent_terms} notice words in {n} characters)"
    return None
