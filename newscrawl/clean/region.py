"""The article's region in the page as fetched: from its headline down to the end of the
extracted body, within their common container.

The body the main-content stage returns is a pruned copy of the page (content.py); a lead
figure above or beside it, and figures the pruning or readability dropped (lazy <picture>s,
figure widgets without text), are only found in the page itself. `Page.origin` gives the
position in `Page.elements` of each copied element.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lxml.html import HtmlElement

from .headline import MAX_KICKER_WORDS, words
from .lexicon.patterns import FIGURE_CAPTION_CLASS_RE, FOREIGN_FIGURE_CLASS_RE
from .page import Page

MAX_HEADLINE_CHARS = 400  # longer heading-tag text is a block, not a headline
LEAD_GAP_CHARS = 200  # text allowed between a lead figure above the headline's block and it
# A heading inside these is not the page's own headline (a teaser, the menu, the footer).
_NOT_HEADLINE_ANCESTORS = frozenset({"a", "nav", "footer", "aside", "button", "template"})


@dataclass
class Region:
    container: HtmlElement  # the lowest element holding headline and body
    start: int  # positions in `elements` of the region's first and last element
    end: int
    elements: list[HtmlElement]  # the page's elements in document order
    body_start: int = 0  # positions of the extracted body's first and last element
    body_end: int = 0

    def in_body_span(self, at: int) -> bool:
        """Between the body's first and last element: among the story's paragraphs."""
        return self.body_start <= at <= self.body_end

    def iter(self, *tags: str) -> Iterator[tuple[int, HtmlElement]]:
        """(position, element) of the region's elements with these tags, in order."""
        at = 0
        for el in self.container.iter(*tags):
            try:
                at = self.elements.index(el, at)  # lxml walks in document order: scan on
            except ValueError:  # not in the page as parsed (never expected)
                return
            if at > self.end:
                return
            if at >= self.start:
                yield at, el


def last_descendant(el: HtmlElement) -> HtmlElement:
    while len(el):
        el = el[-1]
    return el


def _lowest_common(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    chain = {a, *a.iterancestors()}
    for x in (b, *b.iterancestors()):
        if x in chain:
            return x
    return a.getroottree().getroot()


def _kicker_and(shown: str, key: str) -> bool:
    """A heading that shows a kicker in front of the headline ("Onlineversand: <headline>")."""
    return shown.endswith(" " + key) and (
        len(shown.split()) - len(key.split()) <= MAX_KICKER_WORDS
    )


def headline_element(page: Page) -> HtmlElement | None:
    """The heading that shows the chosen headline (an <h1>, else an <h2>/<h3>, also with a
    kicker in front), else the page's first <h1> outside links and navigation."""
    key = words(page.fields.get("headline"))
    first_h1 = lesser = None
    for el in page.root.iter("h1", "h2", "h3"):
        text = el.text_content()
        if len(text) > MAX_HEADLINE_CHARS or not text.strip():
            continue
        if any(a.tag in _NOT_HEADLINE_ANCESTORS for a in el.iterancestors()):
            continue
        shown = words(text)
        if key and (shown == key or _kicker_and(shown, key)):
            if el.tag == "h1" and shown == key:
                return el
            lesser = lesser if lesser is not None else el
        elif el.tag == "h1" and first_h1 is None:
            first_h1 = el
    return lesser if lesser is not None else first_h1


def article_region(page: Page) -> Region | None:
    if page.body is None or not page.origin:
        return None
    elements, origin = page.elements, page.origin
    positions = [i for w in page.body.iter() if (i := origin.get(w)) is not None]
    if not positions:
        return None
    first_at, last_at = min(positions), max(positions)
    top_at = origin.get(page.body)
    if top_at is not None:
        top = elements[top_at]
    else:  # readability's own wrapper around the blocks it kept
        top = _lowest_common(elements[first_at], elements[last_at])
        top_at = elements.index(top)
    end = max(elements.index(last_descendant(top), top_at), last_at)
    headline = headline_element(page)
    headline_at = elements.index(headline) if headline is not None else None
    if headline_at is not None and headline_at > last_at:
        headline = headline_at = None  # a heading below the story is not its headline
    if headline is not None:
        container = _lowest_common(headline, top)
    else:  # the <article> holding the body, with its lead figure, else the body itself
        container = next((a for a in top.iterancestors() if a.tag == "article"), top)
    if container.tag in ("html", "body"):
        # no article container: from the headline (or the body's start) on
        start = first_at if headline_at is None else min(headline_at, first_at)
        anchor = elements[start]
    else:
        start = elements.index(container)
        anchor = container
    lead = _lead_figure_above(anchor)
    if lead is not None:
        container = _lowest_common(lead, container)
        start = elements.index(lead)
    return Region(container, start, end, elements, first_at, last_at)


_LEAD_TAGS = ("figure", "picture", "amp-img")
LEAD_IMG_MIN = 200  # px: a bare <img> declared smaller than this above the story is no photo
HERO_PEEK = 40  # elements of a block above the story looked at for a bare image's caption
_UNSHOWN = frozenset({"script", "style", "noscript", "template"})


def _lead_figure_above(anchor: HtmlElement) -> HtmlElement | None:
    """A figure just above the article's block (a hero image before the headline's <article>
    or <header>), with at most LEAD_GAP_CHARS of text (a breadcrumb, a kicker) between them;
    the site's header, navigation or sidebar in between ends the search."""
    gap = 0
    node: HtmlElement | None = anchor
    while node is not None and node.tag not in ("body", "html"):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str) or sib.tag in _UNSHOWN:
                continue
            if sib.tag in ("header", "nav", "aside", "footer"):
                return None
            fig = sib if sib.tag in _LEAD_TAGS else next(sib.iter(*_LEAD_TAGS), None)
            if fig is None:
                fig = next((i for i in sib.iter("img") if _hero_photo(i, sib)), None)
            text = len(sib.text_content().strip())
            if fig is not None:
                beside = text - len(fig.text_content().strip())  # the block's text besides it
                return fig if gap + beside <= LEAD_GAP_CHARS else None
            gap += text
            if gap > LEAD_GAP_CHARS:
                return None
        node = node.getparent()
        if node is not None:
            gap += len((node.text or "").strip())
    return None


def _hero_photo(img: HtmlElement, block: HtmlElement) -> bool:
    """A bare <img> as the lead photo ("<div class=hero><img><p class=caption>"): not in a
    link (another story's promo), not declared small (an icon, a badge), no logo, with a
    caption in its block."""
    for a in img.iterancestors():
        if a.tag == "a":
            return False
        if a is block:
            break
    for attr in ("width", "height"):
        v = (img.get(attr) or "").strip().removesuffix("px")
        if v.isdigit() and int(v) < LEAD_IMG_MIN:
            return False
    names = f"{img.get('class') or ''} {img.get('id') or ''} {block.get('class') or ''}"
    if FOREIGN_FIGURE_CLASS_RE.search(names):
        return False
    # and a caption beside it: without one a bare image up there may be a layer's or a
    # banner's (a paywall box, a service badge)
    return any(isinstance(c.tag, str) and (
        c.tag == "figcaption" or FIGURE_CAPTION_CLASS_RE.search(c.get("class") or ""))
        for c in islice(block.iter(), HERO_PEEK))
