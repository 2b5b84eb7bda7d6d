"""Dates in the visible page, each weighted by where it stands: near the headline or in a
byline, or in the site's chrome (header, navigation, teaser lists, footer). Three regions are
walled off: readers' comment threads (by their class words, microdata or role), lists of
dated teasers (by their shape: several items, each a link and a date) and rails under a rail
label ("More stories", "Lesen Sie auch": the block the label heads). Their dates are other
texts', never candidates, and a day stated only there is not the page's (judge)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

from ..codes import DateKind, DateSource
from ..lexicon.common import (
    COMMENT_ITEMPROPS,
    COMMENT_ROLES,
    COMMENT_TAGS,
    DATE_ATTRIBUTES,
    DATE_ITEMPROPS,
    DATE_MARKER_ATTRIBUTES,
    PAGE_FRAME_TAGS,
    QUOTED_TAGS,
    SITE_NAV_TAGS,
    THREAD_PREFIXES,
    UNDATED_TAGS,
)
from ..lexicon.patterns import (
    CAPTION_CLASS_RE,
    CHROME_STRONG,
    CHROME_WEAK,
    CLOCK_WORD,
    COMMENT_ITEMTYPE_RE,
    COMMENT_THREAD_RE,
    COMMENT_WIDGET_RE,
    DATE_CLASS,
    MICROFORMAT,
    MICROFORMAT_PUBLISHED_RE,
    MICROFORMAT_UPDATED_RE,
    MODIFIED_LABEL,
    ORIGINAL_LABEL,
    PUBLISHED_AFTER,
    PUBLISHED_ANY,
    PUBLISHED_LABEL,
    RAIL_LABEL,
    REGISTERED_LABEL,
    REL_HINT,
    TAXONOMY_TOKEN,
    TODAY_LABEL,
    WIRE_DATELINE,
)
from ..page import Page
from ..render import BLOCK_TAGS
from . import weights as W
from .headline import find_headline, headline_container
from .model import Candidate, Context, Stamp, add_candidate
from .parse import YEAR_HINT, parse_text, parse_value
from .relative import YEARLESS_HINT, short_date

# Class/id words of site chrome (lexicon.common.CLASS_WORDS). Strong words hold everywhere;
# weak ones ("nav", "footer") also dress the article's own byline or meta line in many
# templates, so they only count outside the headline's <article>/<main>. "teaser",
# "widget", "meta", "header" never do.


@dataclass
class _Hit:
    pos: int  # characters of visible text before this point
    chrome: bool
    text: str
    source: DateSource  # TIME, ITEMPROP, BYLINE or TEXT
    kind: DateKind = DateKind.EITHER
    attr: bool = False  # the value is a machine-readable attribute
    inside: bool = False  # within the headline's <article>/<main>
    weak: bool = False  # in something that looks like chrome by a weak word only ("nav", "footer")
    before: str = ""  # the visible text just before this text node ("Registriert:" in <strong>)
    # in a caption or a quotation (figcaption, blockquote, an embedded post): its dates are
    # the photo's or the quoted text's, never the article's byline
    quoted: bool = False
    after: str = ""  # the visible text right after ("um 23:03 Uhr gepostet")
    el: HtmlElement | None = None  # the element whose text or attribute states it
    walled: bool = False  # in a comment thread, a list of dated teasers or a rail
    foreign: bool = False  # in chrome that is not the story's (Context.foreign)
    tail_of: HtmlElement | None = None  # for a text after an element: that element


@lru_cache(maxsize=16384)
def _class_info(words: str) -> tuple[bool, bool, bool, DateKind | bool]:
    """(strong chrome, weak chrome, date-ish, microformat) for a class or id value;
    memoised, since templates repeat the same few class strings thousands of times. The
    microformat: PUBLISHED, MODIFIED for "updated" alone (the last change only beside a
    published one: _paired_updates), True for another date class."""
    if "-" in words:
        words = " ".join(t for t in words.split() if not TAXONOMY_TOKEN.match(t))
    cls = words
    micro: DateKind | bool = False
    if MICROFORMAT.search(cls):
        micro = True
        if MICROFORMAT_PUBLISHED_RE.search(cls):
            micro = DateKind.PUBLISHED
        elif not MICROFORMAT.search(MICROFORMAT_UPDATED_RE.sub(" ", cls)):
            micro = DateKind.MODIFIED
    return (
        bool(CHROME_STRONG.search(words)),
        bool(CHROME_WEAK.search(words)),
        bool(DATE_CLASS.search(words)),
        micro,
    )


# Tag flags read by the walk: one dict lookup per element instead of a set test per role.
_UNDATED, _QUOTED, _NAV, _FRAME, _ARTICLE, _TIME, _COMMENT_TAG, _NOT_ELEMENT = (
    1 << n for n in range(8)
)
_TAG_FLAGS: dict[object, int] = {}
for _tags, _flag in (
    (UNDATED_TAGS, _UNDATED),
    (QUOTED_TAGS, _QUOTED),
    (SITE_NAV_TAGS, _NAV),
    (PAGE_FRAME_TAGS, _FRAME),
    (("article",), _ARTICLE),
    (("time",), _TIME),
    (COMMENT_TAGS, _COMMENT_TAG),
    # comments, processing instructions and entities: their tag is lxml's factory
    ((etree.Comment, etree.ProcessingInstruction, etree.Entity), _NOT_ELEMENT),
):
    for _tag in _tags:
        _TAG_FLAGS[_tag] = _TAG_FLAGS.get(_tag, 0) | _flag

_DATE_MARKERS = frozenset(DATE_MARKER_ATTRIBUTES)
# Attributes other than class and id the walk reads: only elements with one of them (a few
# dozen a page) are read further (comment-thread microdata and roles, date attributes).
_RARE_ATTRIBUTES = frozenset({"role", "itemprop", "itemtype", "pubdate", *_DATE_MARKERS})


class _Names(NamedTuple):
    """What an element's class and id say: a comment thread, a caption, strong or weak
    chrome, a date-ish name, a microformat date."""

    thread: bool
    caption: bool
    strong: bool
    weak: bool
    dateish: bool
    micro: DateKind | bool


_PLAIN = _Names(False, False, False, False, False, False)
_NAMES_MAX = 16384
_names: dict[tuple[str | None, str | None], _Names] = {}


def _judge_names(cls: str | None, ident: str | None) -> _Names:
    """The verdicts on one (class, id) pair, remembered: templates repeat the same few
    hundred pairs on every page, and the walk asks for each element's."""
    key = (cls, ident)
    names = _names.get(key)
    if names is None:
        thread = bool(cls and _thread_words(cls) or ident and _thread_words(ident))
        caption = bool(cls and _is_caption_class(cls))
        strong = weak = dateish = False
        micro: DateKind | bool = False
        if cls:
            strong, weak, dateish, micro = _class_info(cls)
        if ident and not strong:
            i_strong, i_weak, i_dateish, _ = _class_info(ident)
            strong, weak, dateish = i_strong, weak or i_weak, dateish or i_dateish
        names = _Names(thread, caption, strong, weak, dateish, micro)
        if not any(names):
            names = _PLAIN
        if len(_names) >= _NAMES_MAX:
            _names.clear()
        _names[key] = names
    return names


class _Walk:
    """One pass over the document: date-looking text and date attributes with their
    position (in characters of visible text) and whether they sit in site chrome."""

    def __init__(self, page: Page, ctx: Context) -> None:
        self.ctx = ctx
        self.headline = find_headline(page)
        # the headline and its ancestors are never chrome, whatever their class names
        self.keep: set[HtmlElement] = set()
        if self.headline is not None:
            self.keep = {self.headline, *self.headline.iterancestors()}
        self.container = headline_container(self.headline)
        self.hits: list[_Hit] = []
        self.threads: list[HtmlElement] = []  # readers' comment threads, outermost ones
        # elements whose own text is a rail label, with the position where it stands
        self.labels: list[tuple[HtmlElement, int]] = []
        # where the last block of site chrome above the headline began (a menu, a <nav>):
        # a date before it is the site's frame, however close to the headline
        self.frame_end = -1
        # elements with a microformat class of the publication, of "updated" alone
        # chrome elements that are not the story's: all but a nested <article> inside the
        # headline's (a media module of the story)
        self.foreign: list[HtmlElement] = []
        self.micro_published: list[HtmlElement] = []
        self.micro_updated: list[HtmlElement] = []

    def run(self, root: HtmlElement) -> tuple[list[_Hit], int | None, int | None]:
        """Walk the tree once. An element's chrome verdict: False (content), True (chrome),
        None (weakly chrome); the open elements' verdicts are on a stack. The loop does
        only tag and attribute lookups for most elements: the class/id verdicts are
        remembered per (class, id) pair, other attributes are read when an element has one
        the walk uses."""
        ctx, keep, hits, labels, threads = self.ctx, self.keep, self.hits, self.labels, []
        foreign = self.foreign
        foreign_open: HtmlElement | None = None  # the open foreign chrome element
        headline, container = self.headline, self.container
        other_articles = container is not None and container.tag == "article"
        tag_flags, names_of, plain = _TAG_FLAGS, _names.get, _PLAIN
        rare_attributes = _RARE_ATTRIBUTES
        frame_end = -1
        stack: list[bool | None] = [False]  # verdicts of the open elements; the root's parent's
        skip = 0  # depth inside elements without visible dates (script, select...)
        inside = False  # inside the headline's <article>/<main>
        pos = 0  # characters of visible text so far
        h_start: int | None = None
        h_end: int | None = None
        quotes: list[HtmlElement] = []  # open captions and quotations
        thread: HtmlElement | None = None  # the open comment thread
        # the last visible text seen, for labels in a separate element; a label in the
        # site's chrome (a "Corona-Update" menu item) does not name a date of the article
        recent = ""
        recent_chrome: bool | None = False

        def text_at(text: str, chrome: bool | None, owner: HtmlElement) -> int:
            """A visible text: a hit if it looks like a date; the text after the last hit
            (for labels that follow their date). Returns the number of hits added."""
            nonlocal pos, recent, recent_chrome
            if hits:
                last = hits[-1]
                if last.pos < pos and len(last.after) < W.LABEL_WINDOW:
                    last.after += text
            n = len(hits)
            _text_hit(hits, text, pos, chrome, ctx, inside,
                      recent if recent_chrome == chrome else "")
            if len(hits) > n:
                hit = hits[-1]
                if quotes:
                    hit.quoted = True
                hit.el, hit.walled = owner, thread is not None
                hit.foreign = foreign_open is not None
            pos += len(text.strip())
            recent, recent_chrome = text[-W.LABEL_WINDOW :], chrome
            return len(hits) - n

        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag
            flags = tag_flags.get(tag, 0)
            if flags & _NOT_ELEMENT:
                continue
            if event == "end":
                if flags & _UNDATED:
                    skip -= 1
                elif not skip:
                    stack.pop()
                if el is headline:
                    h_end = pos
                if el is container:
                    inside = False
                if quotes and quotes[-1] is el:
                    quotes.pop()
                if el is thread:
                    thread = None
                if el is foreign_open:
                    foreign_open = None
                tail = el.tail
                if tail and not skip and not tail.isspace():
                    parent = el.getparent()
                    if parent is not None and text_at(tail, stack[-1], parent):
                        hits[-1].tail_of = el
                continue
            if flags & _UNDATED:
                skip += 1
                continue
            if skip:
                continue
            if el is container:
                inside = True
            keys = el.keys()
            if keys:
                cls = el.get("class") or None
                ident = el.get("id") or None
                if cls or ident:
                    names = names_of((cls, ident)) or _judge_names(cls, ident)
                else:
                    names = plain
                rare = not rare_attributes.isdisjoint(keys)
            else:
                names, rare = plain, False
            if (
                thread is None
                and (names.thread or flags & _COMMENT_TAG or rare and _thread_attributes(el))
                and el not in keep
                # not a block right below the headline (a byline wearing a comment-count
                # class, an opinion section's "comment" tone)
                and (h_end is None or pos - h_end >= W.THREAD_BELOW_CHARS)
            ):
                thread = el
                threads.append(el)
            if flags & _QUOTED or names.caption:
                quotes.append(el)
            # An element is chrome inside chrome; else by its tag or a strong class word; a
            # weak one (a "nav" or "footer" tag or class) counts only outside the headline's
            # article, since bylines wear them too.
            c = stack[-1]
            if c is True or el in keep:
                pass
            elif (
                flags & _NAV and not (inside and tag == "aside")
                or names.strong
                # another <article> than the headline's: a teaser of another story
                or flags & _ARTICLE and other_articles
            ):
                c = True
                if not (inside and flags & _ARTICLE):  # not a media module of the story
                    foreign.append(el)
                    if foreign_open is None:
                        foreign_open = el
                if h_start is None and not inside:
                    frame_end = pos
            elif c is False and not inside and (flags & _FRAME or names.weak):
                c = None  # weak: ignored right under the headline, where bylines live
            stack.append(c)
            if el is headline:
                h_start = pos
            n = len(hits)
            micro = names.micro
            if micro == DateKind.PUBLISHED:
                self.micro_published.append(el)
            elif micro == DateKind.MODIFIED:
                self.micro_updated.append(el)
            if flags & _TIME or rare or micro:
                itemprop = (el.get("itemprop") or "").lower()
                if (
                    flags & _TIME
                    or itemprop in DATE_ITEMPROPS
                    or "pubdate" in keys
                    or (micro and el.get("title"))
                    or not _DATE_MARKERS.isdisjoint(keys)
                ):
                    _machine_hit(hits, el, c, itemprop, micro, pos, inside, bool(quotes),
                                 recent if recent_chrome == c else "")
                elif names.dateish:
                    _byline_hit(hits, el, c, pos, inside, bool(quotes), ctx)
            elif names.dateish:
                _byline_hit(hits, el, c, pos, inside, bool(quotes), ctx)
            for hit in hits[n:]:
                hit.el, hit.walled = el, thread is not None
                hit.foreign = foreign_open is not None
            text = el.text
            if text and not text.isspace():
                if len(text) <= W.RAIL_LABEL_MAX_CHARS and RAIL_LABEL.match(" ".join(text.split())):
                    labels.append((el, pos))
                text_at(text, c, el)
        self.threads, self.frame_end = threads, frame_end
        return hits, h_start, h_end


def _thread_attributes(el: HtmlElement) -> bool:
    """A readers' comment thread or one comment by its ARIA role or microdata (lexicon.common:
    COMMENT_*); its tag and its class or id words are read by the walk."""
    if (el.get("role") or "").lower() in COMMENT_ROLES:
        return True
    if not COMMENT_ITEMPROPS.isdisjoint((el.get("itemprop") or "").lower().split()):
        return True
    itemtype = el.get("itemtype")
    return bool(itemtype and any(COMMENT_ITEMTYPE_RE.search(t) for t in itemtype.split()))


def _machine_hit(
    hits: list[_Hit], el: HtmlElement, c: bool | None, itemprop: str, micro: DateKind | bool,
    pos: int, inside: bool, quoted: bool, label: str,
) -> None:
    """<time>, itemprop, pubdate, microformats (abbr.published), data-date: the
    machine-readable attribute if one holds a date, else the element's text. `label`: the
    text just before, when it stands in the same kind of region."""
    kind = DATE_ITEMPROPS.get(itemprop, DateKind.EITHER)
    if el.get("pubdate") is not None or micro == DateKind.PUBLISHED:
        kind = DateKind.PUBLISHED
    value = next((v for a in DATE_ATTRIBUTES if (v := el.get(a)) and re.search(r"\d", v)), None)
    is_attr = value is not None
    text = el.text_content()
    if kind == DateKind.EITHER:
        # "Updated 19 March" written in the element or just before it
        digit = re.search(r"\d", text + "0")  # always found: the "0"
        label = label + " " + text.split(digit.group() if digit else "0", 1)[0]
        if MODIFIED_LABEL.search(label):
            kind = DateKind.MODIFIED
        elif PUBLISHED_LABEL.search(label):
            kind = DateKind.PUBLISHED
    if value is None:
        value = text
    if is_attr or len(value) < W.MACHINE_TEXT_MAX:
        source = DateSource.ITEMPROP if itemprop else DateSource.TIME
        hits.append(_Hit(pos, c is True, value, source, kind, is_attr, inside, c is None,
                         quoted=quoted))


def _byline_hit(
    hits: list[_Hit], el: HtmlElement, c: bool | None, pos: int, inside: bool, quoted: bool,
    ctx: Context,
) -> None:
    """A date-classed element ("date", "byline", "meta") holding a date-sized text."""
    v = el.text_content()
    if (
        W.BYLINE_TEXT[0] <= len(v) < W.BYLINE_TEXT[1]
        and YEAR_HINT.search(v)
        or len(v) < W.SHORT_TEXT
        and (
            REL_HINT.search(v)
            or ctx.now is not None and YEARLESS_HINT.search(v)
            or ctx.relative_hint is not None and ctx.relative_hint.search(v)
        )
    ):
        hits.append(_Hit(pos, c is True, " ".join(v.split()), DateSource.BYLINE,
                         inside=inside, weak=c is None, quoted=quoted))


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@lru_cache(maxsize=16384)
def _thread_words(value: str) -> bool:
    """A class token that names a comment thread ("commentlist", "comments-area",
    "disqus_thread", "commentsSection"), not a comment widget or state ("comment-count",
    "no-comments")."""
    for token in value.split():
        t = _CAMEL.sub("-", token).lower()
        if not COMMENT_THREAD_RE.search(t) or COMMENT_WIDGET_RE.search(t):
            continue
        taxonomy = TAXONOMY_TOKEN.match(t)
        if taxonomy is None:
            return True
        prefix, rest = t[: taxonomy.end() - 1], t[taxonomy.end() :]
        if prefix in THREAD_PREFIXES and re.fullmatch(r"[a-z]+", rest):
            return True
    return False


def _listing_items(hits: list[_Hit], keep: set[HtmlElement], ctx: Context) -> list[HtmlElement]:
    """The items of lists of dated teasers, found by shape rather than class: under one
    parent, at least LISTING_MIN_ITEMS children of one tag that each hold a link and a
    short date and are teaser-sized ("More stories" without a class, a dated archive
    list, comments without a comment class). Never a list that holds the headline."""
    children: dict[HtmlElement, set[HtmlElement]] = {}
    for hit in hits:
        if hit.el is None or hit.walled or hit.quoted or not _short_date(hit, ctx):
            continue
        child = hit.el
        for _ in range(W.LISTING_DEPTH):
            parent = child.getparent()
            if parent is None or parent in keep:
                break
            children.setdefault(parent, set()).add(child)
            child = parent
    items: list[HtmlElement] = []
    for kids in children.values():
        if len(kids) < W.LISTING_MIN_ITEMS:
            continue
        teasers = {k: link for k in kids if (link := _teaser_link(k))}
        tags = Counter(k.tag for k in teasers)
        if not tags or max(tags.values()) < W.LISTING_MIN_ITEMS:
            continue
        tag = tags.most_common(1)[0][0]
        same = [k for k in teasers if k.tag == tag]
        # each teaser leads to its own story; items that all open with one link (an
        # account's feed of its posts) are one source's timeline, not other stories
        if len({teasers[k] for k in same}) >= W.LISTING_MIN_ITEMS:
            items += same
    return items


def _short_date(hit: _Hit, ctx: Context) -> bool:
    """A date standing on its own (an attribute, a date element, a short text), as teasers
    print them, rather than one inside a sentence."""
    if hit.attr:
        return bool(parse_value(hit.text, ctx))
    text = hit.text.strip()
    if len(text) > W.LISTING_DATE_MAX_CHARS:
        return False
    if parse_text(text, ctx):
        return True
    return ctx.now is not None and short_date(text, ctx) is not None


def _teaser_link(el: HtmlElement) -> str | None:
    """A teaser's first link, when it is one: a link and little text (a title, a date, a
    line of summary)."""
    href = next((h for a in el.iter("a") if (h := a.get("href"))), None)
    if href is None or len(el.text_content().strip()) > W.LISTING_ITEM_MAX_CHARS:
        return None
    return href


_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}


def _short_text(el: HtmlElement) -> str | None:
    """The element's text, space-normalised, when it is label-sized; None when longer
    (read only up to the limit: a label's ancestors can be the whole page)."""
    parts: list[str] = []
    size = 0
    for text in el.itertext():
        size += len(text.strip())
        if size > W.RAIL_LABEL_MAX_CHARS:
            return None
        parts.append(text)
    return " ".join("".join(parts).split())


def _label_block(label: HtmlElement, keep: set[HtmlElement]) -> HtmlElement | None:
    """The block a rail label is all of (h2 > a > "More stories", p > strong > "Lesen Sie
    auch:"); None for a label inside a sentence or a line of other text, or one that is
    the headline's own block."""
    text = _short_text(label)
    if not text or not RAIL_LABEL.match(text) or label in keep:
        return None
    block = label
    while True:
        parent = block.getparent()
        if parent is None or parent in keep or _short_text(parent) != text:
            break
        block = parent
    return block if block.tag in BLOCK_TAGS else None


def _heading_level(el: HtmlElement) -> int | None:
    """The level of a heading, or of the heading a label block wraps (div > h2)."""
    level = _HEADING_LEVELS.get(el.tag)
    if level is None:
        inner = next(el.iter(*_HEADING_LEVELS), None)
        level = _HEADING_LEVELS.get(inner.tag) if inner is not None else None
    return level


def _prose_block(el: HtmlElement) -> bool:
    """A block of the story's own text: a paragraph (or a bare text) with a paragraph's
    length outside links. A teaser's title is a link and its summary a line; the article
    a "Share" or "Topics" label sits in goes on with paragraphs, which a rail never holds."""
    for e in el.iter():
        if not isinstance(e.tag, str) or e.tag == "a":
            continue
        if e.tag == "p":
            size = len(e.text_content().strip()) - sum(
                len(a.text_content().strip()) for a in e.iter("a")
            )
            if size > W.RAIL_PROSE_CHARS:
                return True
        elif e.text and len(e.text.strip()) > W.RAIL_PROSE_CHARS:
            return True
    return False


def _run(first: HtmlElement | None, level: int | None, keep: set[HtmlElement]) -> list[
    HtmlElement
]:
    """Siblings from `first` on, up to the next heading of the same or a higher level (any
    heading after a label that is no heading), the headline's block or the story's prose."""
    run: list[HtmlElement] = []
    sib = first
    while sib is not None:
        if isinstance(sib.tag, str):
            if sib in keep or _prose_block(sib) or any(
                (lv := _HEADING_LEVELS.get(h.tag)) and (level is None or lv <= level)
                for h in sib.iter(*_HEADING_LEVELS)
            ):
                break
            run.append(sib)
        sib = sib.getnext()
    return run


def _rails(walk: _Walk, h_start: int | None, h_end: int | None) -> tuple[
    list[HtmlElement], list[HtmlElement]
]:
    """The blocks rail labels head, by structure: a heading (or a block wrapping one) heads
    its following siblings up to the next heading of the same or a higher level; another
    label block ("<div class=title>Lesen Sie auch</div>") heads its parent when it is the
    parent's first child and the parent holds no prose, else its following siblings up to
    the next heading. A run of siblings ends before the story's prose. Never a block
    holding the headline; right below the headline (where a byline's "Share" menu stands)
    only a rail that links a story by its title ("Lesen Sie auch: <a>Hafen: Bürger fordern
    mehr Grün</a> 10.03.2024" after the lead paragraph). Returns (containers, sibling
    runs): a sibling's tail text is the rail's, a container's is not."""
    containers: list[HtmlElement] = []
    runs: list[HtmlElement] = []
    for label, pos in walk.labels:
        near = (
            h_start is not None
            and h_end is not None
            and h_start <= pos < h_end + W.THREAD_BELOW_CHARS
        )
        block = _label_block(label, walk.keep)
        if block is None:
            continue
        level = _heading_level(block)
        run = _run(block.getnext(), level, walk.keep)
        parent = block.getparent()
        if near and not any(_links_a_title(el) for el in run):
            continue
        if (
            level is None
            and parent is not None
            and parent not in walk.keep
            and next(parent.iterchildren(etree.Element), None) is block
            and len(run) == sum(1 for _ in parent.iterchildren(etree.Element)) - 1
        ):
            containers.append(parent)  # the label and its rail, nothing else
        else:
            runs += run
    return containers, runs


def _links_a_title(el: HtmlElement) -> bool:
    """A link whose text is a story's title (several words, or a CJK title), not a name or
    a share button's."""
    for a in el.iter("a"):
        if not a.get("href"):
            continue
        text = " ".join(a.text_content().split())
        if len(text.split()) >= W.RAIL_TITLE_WORDS or (
            " " not in text and not text.isascii() and len(text) >= W.RAIL_TITLE_CJK_CHARS
        ):
            return True
    return False


def _wall_off(
    walk: _Walk, hits: list[_Hit], ctx: Context, h_start: int | None, h_end: int | None
) -> list[_Hit]:
    """Mark the hits in comment threads, lists of dated teasers and rails, record those
    regions for the judge, and drop the microdata <meta> dates they alone state (a
    schema.org Comment's datePublished that the meta reader took for the article's); the
    hits outside remain."""
    items = _listing_items(hits, walk.keep, ctx)
    containers, runs = _rails(walk, h_start, h_end)
    regions = items + containers + runs
    if regions:
        inside = {e for region in regions for e in region.iter()}
        tails = set(runs)
        for hit in hits:
            if hit.el in inside or hit.tail_of in tails:
                hit.walled = True
    ctx.walled = walk.threads + regions
    walled = {h.text.strip() for h in hits if h.walled and h.attr and h.el is not None
              and h.el.tag == "meta"}
    if walled:
        walled -= {h.text.strip() for h in hits if not h.walled and h.attr}
        ctx.candidates = [
            c for c in ctx.candidates
            if not (c.source == DateSource.META and c.key in DATE_ITEMPROPS and c.raw in walled)
        ]
    return [h for h in hits if not h.walled]


@lru_cache(maxsize=16384)
def _is_caption_class(words: str) -> bool:
    return bool(CAPTION_CLASS_RE.search(words))


def _text_hit(
    hits: list[_Hit],
    text: str,
    pos: int,
    chrome: bool | None,
    ctx: Context,
    inside: bool,
    before: str = "",
) -> None:
    if len(text) > W.TEXT_NODE_MAX:
        text = text[: W.TEXT_NODE_MAX]
    if YEAR_HINT.search(text) or ctx.now is not None and (
        len(text) < W.RELATIVE_TEXT_MAX
        and (
            REL_HINT.search(text)
            or YEARLESS_HINT.search(text)
            or ctx.relative_hint is not None and ctx.relative_hint.search(text)
        )
        or _wire_dateline(text) is not None
    ):
        hits.append(
            _Hit(
                pos,
                chrome is True,
                text,
                DateSource.TEXT,
                inside=inside,
                weak=chrome is None,
                before=before,
            )
        )


def _wire_dateline(text: str) -> str | None:
    """The day and month of a wire story's dateline opening the text ("LONDON, March 14
    (Reuters) - ..."), or None."""
    head = text[: W.DATELINE_HEAD_CHARS]
    if "(" not in head and "/" not in head:
        return None
    m = WIRE_DATELINE.match(head)
    return m.group(1) if m else None


_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:19|20)\d{2}(?!\d)")


def _learn_order(hits: list[_Hit], ctx: Context) -> None:
    """Unambiguous slash dates elsewhere on the page (25/12/2024) tell the site's order."""
    if ctx.order_known:
        return
    dmy = mdy = 0
    for hit in hits[: W.ORDER_SAMPLE_HITS]:
        if "/" not in hit.text:
            continue
        for m in _SLASH_DATE.finditer(hit.text):
            a, b = int(m.group(1)), int(m.group(2))
            dmy += a > 12 >= b
            mdy += b > 12 >= a
    if dmy and not mdy:
        ctx.order, ctx.order_known = "DMY", True
    elif mdy and not dmy:
        ctx.order, ctx.order_known = "MDY", True


def _paired_updates(walk: _Walk, hits: list[_Hit]) -> None:
    """An "updated" date element beside a "published" one (WordPress themes print both, the
    update first and hidden: <time class="updated">...<time class="entry-date published">)
    states the last change: its hits, attribute and text, are the modification's, whatever
    label stands before the pair ("Posted on")."""
    if not walk.micro_updated or not walk.micro_published:
        return
    parents = {el.getparent() for el in walk.micro_published}
    updates = {el for el in walk.micro_updated if el.getparent() in parents}
    for hit in hits:
        if hit.el in updates and hit.source != DateSource.ITEMPROP:
            hit.kind = DateKind.MODIFIED


def read_body(page: Page, ctx: Context) -> None:
    walk = _Walk(page, ctx)
    hits, h_start, h_end = walk.run(page.root)
    _paired_updates(walk, hits)
    _learn_order(hits, ctx)
    hits = _wall_off(walk, hits, ctx, h_start, h_end)
    # a day stated only in chrome that is not the story's (the next story an endless page
    # appends, a sidebar, a related box) is another story's: htmldate naming it is not heard
    ctx.visible = [h.text for h in hits if h.source == DateSource.TEXT and not h.foreign]
    ctx.foreign = walk.foreign
    if h_start is None or h_end is None:
        # no headline to anchor on: only machine-readable published dates count
        for hit in hits:
            if hit.kind == DateKind.PUBLISHED and not hit.chrome:
                _hit_candidates(hit, ctx, DateSource.ITEMPROP, W.MACHINE_NO_HEADLINE)
            elif hit.chrome or hit.weak:
                _exclude(hit, ctx)
        return
    prose_seen = 0
    bylines: list[tuple[int, Candidate]] = []
    boxed: list[Candidate] = []
    for hit in hits:
        if hit.chrome:
            if hit.pos < h_start and not _labelled_published(hit):
                _exclude(hit, ctx)  # the site header: where the "today" date sits
                continue
            if hit.source == DateSource.TEXT:
                _last_change(hit, ctx)
            if hit.source == DateSource.TEXT and len(boxed) <= W.BOXED_MAX:
                # the article's own info box ("Mise en ligne : 23 mai 2019") may be dressed
                # as a sidebar; only a date labelled as the publication counts there, and
                # only when it is the one such date (else: a teaser list with labels)
                boxed += _hit_candidates(
                    hit,
                    ctx,
                    DateSource.BYLINE,
                    W.BOXED_LABELLED,
                    labelled_only=True,
                    published_only=True,
                )
            continue
        if hit.pos >= h_end:
            dist = hit.pos - h_end
        elif hit.pos >= h_start:
            dist = 0
        else:
            # above the headline: kickers and datelines, but also the site header, so only
            # close by, or inside the headline's own article
            dist = h_start - hit.pos
            if dist > (W.ABOVE_INSIDE_CHARS if hit.inside else W.ABOVE_OUTSIDE_CHARS) or (
                not hit.inside and hit.pos < walk.frame_end and not _labelled_published(hit)
            ):
                _exclude(hit, ctx)
                continue
            dist = dist if hit.inside else dist * W.ABOVE_OUTSIDE_FACTOR
        if (
            hit.weak
            and not (hit.pos >= h_start and dist < W.WEAK_CHROME_NEAR_CHARS)
            and not PUBLISHED_ANY.search(hit.before + " " + hit.text)
        ):
            if hit.pos < h_start:
                _exclude(hit, ctx)
            elif hit.source == DateSource.TEXT:
                _last_change(hit, ctx)
            continue
        if hit.quoted:
            # a caption's or a quotation's date (when the photo was taken, an embedded
            # post's day) is not the article's: prose at most, whatever its place
            if dist < W.MACHINE_NEAR_CHARS:
                _hit_candidates(hit, ctx, DateSource.TEXT, W.PROSE_DATE, limit=1)
            continue
        if hit.source in (DateSource.TIME, DateSource.ITEMPROP):
            w: float = (W.MACHINE_PUBLISHED if hit.kind == DateKind.PUBLISHED
                        else W.MACHINE_EITHER)
            if dist >= W.MACHINE_NEAR_CHARS:
                w -= W.MACHINE_FAR_PENALTY
            _hit_candidates(hit, ctx, hit.source, w)
        elif dist < W.BYLINE_NEAR_CHARS:
            found = _hit_candidates(hit, ctx, DateSource.BYLINE, W.BYLINE_NEAR)
            bylines += [(dist, c) for c in found]
        elif dist < W.MACHINE_NEAR_CHARS:
            found = _hit_candidates(hit, ctx, DateSource.BYLINE, W.BYLINE_FAR)
            bylines += [(dist, c) for c in found]
        elif PUBLISHED_ANY.search(hit.before + " " + hit.text):
            # "Veröffentlicht am ..." (the label may sit in its own element) names the
            # article's date wherever it stands
            _hit_candidates(hit, ctx, DateSource.BYLINE, W.LABELLED_PUBLISHED, labelled_only=True)
        elif prose_seen < 1 and dist < W.PROSE_MAX_CHARS:
            prose_seen += len(_hit_candidates(hit, ctx, DateSource.TEXT, W.PROSE_DATE, limit=1))
    if len({c.stamp.day for c in boxed}) > 1:
        ctx.candidates = [c for c in ctx.candidates if all(c is not b for b in boxed)]
    # The byline closest to the headline names the article's date; later ones in the
    # same region are more often quoted dates, replies or teasers.
    rank: dict[date, int] = {}
    bylines.sort(key=lambda x: x[0])
    if len({c.stamp.day for _d, c in bylines if c.source == DateSource.BYLINE}) >= W.POST_LIST_DAYS:
        # many dates around the headline: a list of posts, not one article's byline
        for _d, c in bylines:
            c.weight = min(c.weight, W.POST_LIST_CAP)
    for _dist, c in bylines:
        if c.source != DateSource.BYLINE:
            continue
        k = rank.setdefault(c.stamp.day, len(rank))
        c.weight = max(W.BYLINE_FLOOR, c.weight - W.LATER_BYLINE_STEP * k)


_DATELINE_END = re.compile(
    r"\s*(?:\d{1,2}[:.]\d{2}\s*(?:" + CLOCK_WORD + r")?\s*)?(?:[-–—|:(„\"“«]|$)", re.I
)


def _exclude(hit: _Hit, ctx: Context) -> None:
    if len(ctx.excluded) > W.EXCLUDED_MAX_DAYS or len(hit.text) > W.EXCLUDED_TEXT_MAX:
        return
    if hit.attr:
        parsed = parse_value(hit.text, ctx)
        if parsed:
            ctx.excluded.add(parsed[0].day)
        return
    for st, *_ in parse_text(hit.text, ctx)[: W.DATES_PER_SNIPPET]:
        ctx.excluded.add(st.day)
    if ctx.now is not None and len(hit.text) < W.RELATIVE_TEXT_MAX:
        inferred = short_date(hit.text, ctx)
        if inferred:
            ctx.excluded.add(inferred.day)


def _labelled_published(hit: _Hit) -> bool:
    """A text that labels its date as the publication, before or after it ("About this
    post: ... was posted on 19 May 2010", "wurde am 19. Mai 2010 gepostet")."""
    if hit.source != DateSource.TEXT or not YEAR_HINT.search(hit.text):
        return False
    return bool(
        PUBLISHED_ANY.search(hit.before + " " + hit.text) or PUBLISHED_AFTER.match(hit.after)
    )


def _after(hit: _Hit, end: int) -> str:
    """The text after a date: the rest of its snippet, then the texts that follow."""
    return (hit.text[end:] + hit.after)[: W.LABEL_WINDOW]


def _last_change(hit: _Hit, ctx: Context) -> None:
    """ "This page was last edited on ..." in a footer: what a page that states nothing
    else says about its date (judge: only-modified)."""
    _hit_candidates(
        hit, ctx, DateSource.BYLINE, W.LAST_CHANGE, labelled_only=True, modified_only=True
    )


def _is_prose(text: str, start: int, end: int) -> bool:
    """A date inside a sentence rather than in a byline or a dateline ("01.02.2022 – Die
    Zahl der ...", "BERLIN, 2. Dezember 2024 (dpa) -")."""
    rest = text[:start] + " " + text[end:]
    if len(re.findall(r"[^\W\d_]{2,}", rest)) <= W.PROSE_WORDS:
        return False
    lead = text[:start].strip()
    chars, words = W.DATELINE_LEAD
    if len(lead) <= chars and len(lead.split()) <= words and _DATELINE_END.match(text, end):
        return False
    return True


def _hit_candidates(
    hit: _Hit,
    ctx: Context,
    source: DateSource,
    weight: float,
    limit: int = W.DATES_PER_SNIPPET,
    labelled_only: bool = False,
    published_only: bool = False,
    modified_only: bool = False,
) -> list[Candidate]:
    added: list[Candidate] = []

    def add(
        st: Stamp, raw: str, src: DateSource, w: float, kind: DateKind, guessed: bool = False
    ) -> None:
        n = len(ctx.candidates)
        add_candidate(ctx, st, raw, src, w, kind, guessed)
        if len(ctx.candidates) > n:
            added.append(ctx.candidates[-1])

    if hit.attr:
        parsed = parse_value(hit.text, ctx)
        if parsed:
            add(parsed[0], hit.text, source, weight, hit.kind, parsed[1])
        return added
    found = parse_text(hit.text, ctx)
    dateline = (
        _wire_dateline(hit.text)
        if hit.source == DateSource.TEXT and not labelled_only and ctx.now is not None
        else None
    )
    if dateline is not None and not any(start < len(dateline) + 60 for _s, start, *_ in found):
        # "LONDON, March 14 (Reuters) -": the wire's day, its year worked out from the fetch
        inferred = short_date(dateline, ctx)
        if inferred:
            add(inferred, hit.text[: W.RAW_SNIPPET], source, min(weight, W.INFERRED_CAP),
                hit.kind)
            if added:
                added[-1].inferred = True
    for n, (st, start, guessed, end) in enumerate(found[:limit]):
        before = hit.text[max(0, start - W.LABEL_WINDOW) : start]
        if start < W.LABEL_WINDOW and hit.before:
            before = (hit.before + " " + before)[-W.LABEL_WINDOW :]
        kind = hit.kind
        original = False
        if REGISTERED_LABEL.search(before):
            continue
        if TODAY_LABEL.search(before) and not (
            PUBLISHED_LABEL.search(before) or MODIFIED_LABEL.search(before)
        ):
            ctx.excluded.add(st.day)  # "Heute ist Mittwoch, der 20. März": the fetch day
            continue
        if ORIGINAL_LABEL.search(before):
            if modified_only:
                continue
            kind, original = DateKind.PUBLISHED, True
        elif MODIFIED_LABEL.search(before):
            if published_only:
                continue
            kind = DateKind.MODIFIED
        elif modified_only:
            continue
        elif hit.kind != DateKind.MODIFIED and (  # the markup's modification stays one
            PUBLISHED_LABEL.search(before) or PUBLISHED_AFTER.match(_after(hit, end))
        ):
            kind = DateKind.PUBLISHED
        elif labelled_only:
            continue
        src, w = source, weight - W.LATER_DATE_STEP * n  # a snippet's first date is the likely one
        if kind == DateKind.PUBLISHED and src == DateSource.BYLINE:
            w = max(w, W.LABELLED_PUBLISHED)  # "Erstellt am: ..." says what it is
        if (
            src == DateSource.BYLINE
            and hit.source == DateSource.TEXT
            and _is_prose(hit.text, start, end)
        ):
            src, w = DateSource.TEXT, min(w, W.IN_SENTENCE_CAP)
        add(st, hit.text[start : start + W.RAW_SNIPPET], src, w, kind, guessed)
        if original and added and added[-1].stamp is st:
            added[-1].original = True
    if not found and not labelled_only and len(hit.text) < W.RELATIVE_TEXT_MAX:
        # A day worked out from the fetch time ("vor 4 Stunden", "Dec. 2") is weaker
        # evidence than a stated one: a cached page's relative times are stale, an inferred
        # year can be wrong. Alone it names the day; it never outweighs stated dates.
        inferred = short_date(hit.text, ctx)
        kind = hit.kind
        # the words before the first number ("Updated 2 hours ago"), or the whole text
        label = hit.before + " " + re.split(r"\d", hit.text, maxsplit=1)[0]
        if inferred and MODIFIED_LABEL.search(label) and not (
            PUBLISHED_LABEL.search(label) or ORIGINAL_LABEL.search(label)
        ):
            kind = DateKind.MODIFIED  # "Updated 2 hours ago"
            if published_only:
                inferred = None
        if inferred:
            add(inferred, hit.text, source, min(weight, W.INFERRED_CAP), kind)
            if added:
                added[-1].inferred = True
    return added
