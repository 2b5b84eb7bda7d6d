"""Site chrome and template blocks: what is not the article.

Two passes. `prune_chrome` runs on the working copy before content scoring and removes what is
structurally never article text (scripts, navigation, forms, hidden nodes, ARIA landmarks of
the site). `remove_boilerplate` runs on the chosen main-content element and removes blocks that
sit inside or beside the article: share bars, newsletter boxes, bylines, "Related articles" /
"Hot this week" rails in several languages, and teaser lists repeated within the page.

The article's own root is never removed: elements that hold most of the page's paragraph text,
and <body>, <main>, <article>, [itemprop=articleBody], are protected from every rule here.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import cast
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from . import boilerplate_thresholds as T
from .lexicon.common import (
    CHANNEL_HOSTS,
    CHROME_ROLES,
    CHROME_TAGS,
    LABEL_TAGS,
    META_ITEMPROPS,
    PROTECTED_TAGS,
)
from .lexicon.patterns import (
    ADJACENT_LABEL,
    AUTHOR_BIO_LABEL,
    AUTHOR_MORE,
    BOILER_PREFIX,
    BOILER_TOKENS,
    CAPTION_CLASS_RE,
    COVERAGE_LINE,
    EMBED_CLASS,
    HIDDEN_CLASS_RE,
    LEAD_CLASS,
    NEWSLETTER,
    PITCH_ADDRESS,
    PITCH_OPENING,
    PITCH_VERB,
    PROMO_LINES,
    RAIL_LABEL,
    SCREEN_READER_CLASS_RE,
    SHARE_HREF_RE,
    SUBSCRIBE_CALL,
    TAG_LABEL,
    TAG_LINK_PATH,
    VIDEO_CLASS_RE,
)
from .metalines import meta_line
from .page import Page
from .render import _ZERO_WIDTH, BLOCK_TAGS, normalize_space
from .scoring import in_sentence, inside_sentence

_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
# The visually-hidden idiom written inline (what the sr-only classes do in a stylesheet): a
# box clipped away and shrunk to a pixel, read by screen readers only.
_CLIPPED_STYLE = re.compile(r"(?:^|;)\s*clip(?:-path)?\s*:\s*(?:rect|inset)\s*\(", re.I)
_PIXEL_STYLE = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$)", re.I)
# Class/id words are matched per token (split on non-letters), so "shared-story" or
# "threaded" does not match "share" / "read"; compound names ("relatedArticles",
# "share-buttons", "most_read") by their start (lexicon.common.CLASS_WORDS).
_TOKEN_SPLIT = re.compile(r"[^a-z]+")

def _tokens(el: HtmlElement) -> list[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    # a utility class under a condition ("print:hidden", "md:flex") says nothing of the block
    raw = " ".join(w for w in raw.split() if ":" not in w)
    return [t for t in _TOKEN_SPLIT.split(raw) if t]


def _class_says_boilerplate(el: HtmlElement) -> bool:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not raw.strip():
        return False
    for word in raw.split():
        if ":" in word:
            continue  # a utility class under a condition ("print:hidden", "md:flex")
        w = word.lower()
        if BOILER_PREFIX.match(w.replace("-", "").replace("_", "")):
            return True
        if any(t in BOILER_TOKENS for t in _TOKEN_SPLIT.split(w) if t):
            return True
    return False


def _text_len(el: HtmlElement) -> int:
    return len(normalize_space(el.text_content()))


def _own_text_len(el: HtmlElement) -> int:
    """Length of the text directly inside `el` (not inside its child elements)."""
    parts = [el.text or ""] + [child.tail or "" for child in el]
    return len(normalize_space(" ".join(parts)))


def _link_len(el: HtmlElement) -> int:
    return sum(len(normalize_space(a.text_content())) for a in el.iter("a"))


def _block_of(el: HtmlElement) -> HtmlElement | None:
    """The nearest block element holding `el` (itself if it is one)."""
    for node in (el, *el.iterancestors()):
        if node.tag in BLOCK_TAGS:
            return node
    return None


def whole_block(el: HtmlElement, limit: HtmlElement | None = None) -> HtmlElement | None:
    """What a rule may remove for `el`: the element itself when it is a block, or, for an
    inline element (a <strong> label, a <span> with a class, a link), its block when the
    element is all the block says. None for an inline element inside running text: a word
    of a kept paragraph is never removed on its own ("whose <strong>share</strong> of")."""
    if el.tag in BLOCK_TAGS:
        return el
    block = _block_of(el)
    if block is None or block is limit:
        return None
    if _text_len(block) > _text_len(el):
        return None
    return block


def _drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()


def _protected(el: HtmlElement, heavy: set[HtmlElement]) -> bool:
    if el.tag in PROTECTED_TAGS or el in heavy:
        return True
    return "articlebody" in (el.get("itemprop") or "").lower()


def _wraps_page(form: HtmlElement) -> bool:
    """ASP.NET WebForms pages wrap the whole page, story included, in one <form>: that one
    is the page, not a search box or a comment form."""
    return any(form.find(f".//{tag}") is not None for tag in ("main", "article", "h1"))


def _signup_box(form: HtmlElement, heavy: set[HtmlElement]) -> HtmlElement:
    """A form asking for an e-mail address is a newsletter sign-up; its box (title, blurb,
    consent line: "Get daily news", "By providing your email address...") goes with it.
    The box is the largest block around the form with little other text and no paragraph
    of running text; any other form is removed alone."""
    if not any((i.get("type") or "").lower() == "email" for i in form.iter("input")):
        return form
    inner = _text_len(form)
    box = form
    for anc in form.iterancestors():
        if anc.tag not in SIGNUP_BOX_TAGS or _protected(anc, heavy):
            break
        if _text_len(anc) - inner > T.SIGNUP_BOX_TEXT or any(
            len(p.text_content()) >= T.SIGNUP_PARAGRAPH_MAX for p in anc.iter("p")
        ):
            break
        box = anc
    return box


SIGNUP_BOX_TAGS = frozenset({"div", "section", "aside"})


def paragraph_holders(
    root: HtmlElement, share: float = T.PAGE_HOLDER_SHARE
) -> set[HtmlElement]:
    """Elements whose subtree holds more than `share` of the page's paragraph text: they hold
    the article, whatever their class names say."""
    weights: Counter[HtmlElement] = Counter()
    total = 0
    for p in root.iter("p"):
        n = len(p.text_content())
        if n < T.HOLDER_MIN_PARAGRAPH:
            continue
        total += n
        for anc in p.iterancestors():
            weights[anc] += n
    if not total:
        return set()
    return {el for el, w in weights.items() if w > share * total}


# Embedded social posts quoted by the article (tweets, Instagram posts...). Their classes
# ("twitter-tweet") trip readability's unlikely-candidate and link-density rules, but the
# quoted post is part of the story.


def _rescue_embeds(root: HtmlElement, heavy: set[HtmlElement]) -> None:
    for bq in list(root.iter("blockquote")):
        if not EMBED_CLASS.search(f"{bq.get('class') or ''} {bq.get('id') or ''}"):
            continue
        for attr in ("class", "id"):
            bq.attrib.pop(attr, None)
        n = _text_len(bq)
        if not n:
            continue
        # Unwrap wrappers that hold nothing but the post ("div.social-media-embed"), so no
        # class name or link-density rule removes the post with its wrapper.
        parent = bq.getparent()
        while (
            parent is not None and parent.tag in ("div", "figure", "section", "span", "center")
            and not _protected(parent, heavy) and _text_len(parent) <= n + T.EMBED_WRAPPER_SLACK
        ):
            grand = parent.getparent()
            if grand is None:
                break
            parent.drop_tag()
            parent = grand
        # Link text inside a quoted post is its author and date, not navigation.
        for a in list(bq.iter("a")):
            a.drop_tag()


@lru_cache(maxsize=16384)
def _screen_reader_class(cls: str) -> bool:
    return SCREEN_READER_CLASS_RE.search(cls) is not None


def _for_screen_readers(cls: str | None, style: str | None) -> bool:
    """Text only screen readers read ("Article content" before each part of the story)."""
    if cls and _screen_reader_class(cls):
        return True
    return bool(style and _CLIPPED_STYLE.search(style) and _PIXEL_STYLE.search(style))


def _marked_chrome(el: HtmlElement, keys: list[str]) -> bool:
    """A chrome role, hidden, a hiding style or text for screen readers; each attribute read
    only when the element has it (`keys`: its attribute names). A role is no landmark on
    words standing in a sentence ("Residents <span role=dialog>voted</span> for")."""
    if "hidden" in keys:
        return True
    if "role" in keys and (el.get("role") or "").lower() in CHROME_ROLES and not in_sentence(el):
        return True
    style = el.get("style") if "style" in keys else None
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = el.get("class") if "class" in keys else None
    return _for_screen_readers(cls, style) or bool(cls and _hidden_label(el, cls))


@lru_cache(maxsize=16384)
def _hidden_class(cls: str) -> bool:
    # a Tailwind variant beside it ("hidden md:block") shows the element on some screens
    return ":" not in cls and HIDDEN_CLASS_RE.search(cls) is not None


def _hidden_label(el: HtmlElement, cls: str) -> bool:
    """A short label classed hidden ("Weitere Informationen" opening a box for screen
    readers), with no element inside it."""
    if not _hidden_class(cls) or len(el):
        return False
    return len((el.text or "").strip()) <= T.HIDDEN_LABEL_MAX


# The attributes the rules below read: an element with none of them is dropped by its tag only.
_PRUNED_BY_ATTRIBUTES = frozenset({"role", "hidden", "style", "class"})


def prune_chrome(root: HtmlElement) -> None:
    """Remove structural site chrome from the working copy before content scoring."""
    heavy = paragraph_holders(root)
    _rescue_embeds(root, heavy)
    doomed = []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        if tag == "form":
            drop = not _wraps_page(el)
            if drop:
                el = _signup_box(el, heavy)
        elif tag in CHROME_TAGS:
            drop = not (tag == "iframe" and "video" in (el.get("src") or "")
                        or tag == "button" and inside_sentence(el))
        else:
            keys = el.keys()
            drop = not _PRUNED_BY_ATTRIBUTES.isdisjoint(keys) and _marked_chrome(el, keys)
        # Protection is checked only for the few elements a rule would drop.
        if drop and not _protected(el, heavy):
            doomed.append(el)
    for el in doomed:
        # Skip elements already removed with an ancestor.
        if el.getparent() is not None:
            _drop(el)


def _is_rail_label(el: HtmlElement) -> bool:
    if el.tag not in LABEL_TAGS:
        return False
    raw = el.text_content()
    # Big containers: more non-space characters than the limit only normalize to more
    # (normalize_space removes whitespace and zero-width characters only), so skip it.
    limit = T.RAIL_LABEL_MAX
    if len(raw) > limit and sum(map(len, raw.split())) > limit and not _ZERO_WIDTH.search(raw):
        return False
    text = normalize_space(raw)
    if not text or len(text) > T.RAIL_LABEL_MAX or not RAIL_LABEL.match(text):
        return False
    # An inline label counts when it stands alone; inside a sentence it is a word of the
    # story ("whose <strong>share</strong> of the briefings").
    return el.tag in BLOCK_TAGS or whole_block(el) is not None


def _inside(el: HtmlElement, root: HtmlElement) -> bool:
    """Still attached below root (not removed with an ancestor earlier in this pass)."""
    return any(a is root for a in el.iterancestors())


def _rail_container(label: HtmlElement, body: HtmlElement, heavy: set[HtmlElement]):
    """The largest ancestor of a rail label that is still only the rail (link-heavy, not
    holding the article)."""
    best = None
    el = label
    while True:
        parent = el.getparent()
        if parent is None or parent is body or _protected(parent, heavy):
            break
        n = _text_len(parent)
        if (
            n
            and _link_len(parent) / n < T.TEASER_LINK_SHARE
            and n > T.RAIL_TEXT_FACTOR * _text_len(label) + T.RAIL_TEXT_SLACK
        ):
            break
        best = parent
        el = parent
    return best


def _drop_rails(body: HtmlElement, heavy: set[HtmlElement]) -> int:
    removed = 0
    for label in [el for el in body.iter() if isinstance(el.tag, str) and _is_rail_label(el)]:
        if not _inside(label, body) or _protected(label, heavy):
            continue
        # Climb past wrappers that only hold the label text (h2 > span > "Topics").
        while (
            label.getparent() is not None and label.getparent() is not body
            and not _protected(label.getparent(), heavy)
            and _text_len(label.getparent()) == _text_len(label)
        ):
            label = label.getparent()
        container = _rail_container(label, body, heavy)
        if container is not None:
            container.drop_tree()
            removed += 1
            continue
        # Flat markup: the label is a sibling of the article's paragraphs. Drop it and the
        # teaser siblings that follow it, up to the next real paragraph.
        sib = label.getnext()
        label.drop_tree()
        removed += 1
        while sib is not None:
            nxt = sib.getnext()
            n = _text_len(sib)
            links = _link_len(sib)
            if sib.tag in ("h2", "h3", "h4") and not _is_rail_label(sib) and not links:
                break
            if n == 0 or links / max(n, 1) > T.TEASER_LINK_SHARE or sib.tag in ("ul", "ol"):
                sib.drop_tree()
                sib = nxt
                continue
            break
    return removed


def _in_running_text(el: HtmlElement, n: int) -> bool:
    """An inline element whose block says more than it does (a link in a sentence)."""
    block = _block_of(el)
    return block is not None and el.tag not in BLOCK_TAGS and _text_len(block) > n + 30



def _br_lines(block: HtmlElement) -> list[list[tuple[HtmlElement, str]]] | None:
    """The lines of a block of inline content separated by <br> (what the renderer makes
    paragraphs of): each line a list of parts, (block, "text"), (child, "tail"),
    (child, "el") or its closing (br, "br"). None when the block holds other blocks."""
    lines: list[list[tuple[HtmlElement, str]]] = [[]]
    if block.text and block.text.strip():
        lines[-1].append((block, "text"))
    for child in block:
        if not isinstance(child.tag, str):
            continue
        if child.tag in BLOCK_TAGS:
            return None
        if child.tag == "br":
            lines[-1].append((child, "br"))
            lines.append([])
        else:
            lines[-1].append((child, "el"))
        if child.tail and child.tail.strip():
            lines[-1].append((child, "tail"))
    return lines


def _line_text(parts: list[tuple[HtmlElement, str]]) -> tuple[str, int]:
    """A line's text and how much of it is link text."""
    text, links = [], 0
    for node, kind in parts:
        if kind == "text":
            text.append(node.text or "")
        elif kind == "tail":
            text.append(node.tail or "")
        elif kind == "el":
            t = node.text_content()
            text.append(t)
            if node.tag == "a" or node.find(".//a") is not None:
                links += len(normalize_space(" ".join(a.text_content() for a in node.iter("a"))))
    return normalize_space(" ".join(text)), links


def _drop_line(parts: list[tuple[HtmlElement, str]]) -> None:
    for node, kind in parts:
        if kind == "text":
            node.text = None
        elif kind == "tail":
            node.tail = None
    for node, kind in parts:
        if kind in ("el", "br") and node.getparent() is not None:
            if kind == "el":
                node.tail = None
            node.drop_tree()  # a <br> hands its tail (the next line) on


def _drop_line_rails(body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """In-body rails written as lines of the story's own text block: a label line
    ("[Hot this week]", "▶ 관련기사") and the lines of linked titles under it, separated by
    <br>. The label and its link lines go; every other line of the block stays whole."""
    removed = 0
    for block in [el for el in body.iter() if el.tag in BLOCK_TAGS and el.find("br") is not None]:
        if not _inside(block, body) and block is not body:
            continue
        lines = _br_lines(block)
        if not lines or len(lines) < 2:
            continue
        i = 0
        while i < len(lines):
            text, _ = _line_text(lines[i])
            if not text or len(text) > 60 or not RAIL_LABEL.match(text):
                i += 1
                continue
            doomed = [lines[i]]
            j = i + 1
            while j < len(lines):
                line_text, link_chars = _line_text(lines[j])
                if line_text and link_chars < T.LINK_LINE_SHARE * len(line_text):
                    break  # a line of the story
                doomed.append(lines[j])
                j += 1
            for parts in doomed:
                _drop_line(parts)
            removed += 1
            i = j
    return removed


def _drop_repeated_teasers(page: Page, body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """Drop link blocks whose text appears more than once in the page: the same teasers in two
    rails ("Hot this week" and again under "Topics")."""
    # Normalizing never lengthens a text: links under 20 characters raw are skipped unread.
    counts: Counter[str] = Counter()
    for a in page.root.iter("a"):
        raw = a.text_content()
        if len(raw) < T.REPEATED_LINK_MIN:
            continue
        t = normalize_space(raw)
        if len(t) >= T.REPEATED_LINK_MIN:
            counts[t] += 1
    repeated = {t for t, c in counts.items() if c > 1}
    if not repeated:
        return 0
    removed = 0
    for a in list(body.iter("a")):
        raw = a.text_content()
        if len(raw) < T.REPEATED_LINK_MIN or not _inside(a, body):
            continue
        t = normalize_space(raw)
        if t not in repeated:
            continue
        if _in_running_text(a, len(t)):
            continue  # a link inside a sentence: see _drop_inline_cards
        # The teaser is the link's block: the nearest li/article/div holding little more
        # than the link and its summary line.
        block = a
        for anc in a.iterancestors():
            if anc is body or _protected(anc, heavy) or anc.tag in ("p",):
                break
            # An element with running text of its own is a paragraph that mentions the
            # link (or hides a pop-up teaser inside), not a teaser wrapper.
            if _own_text_len(anc) > T.TEASER_OWN_TEXT_MAX:
                break
            if _text_len(anc) > T.TEASER_TEXT_FACTOR * len(t) + T.TEASER_TEXT_SLACK:
                break
            block = anc
        if block.getparent() is not None and not _protected(block, heavy):
            block.drop_tree()
            removed += 1
    return removed


def _drop_inline_cards(body: HtmlElement) -> int:
    """Pop-up cards inside sentences: headline links that sit in running text."""
    inline: dict[HtmlElement | None, list[HtmlElement]] = {}
    for a in body.iter("a"):
        raw = a.text_content()
        if len(raw) < T.REPEATED_LINK_MIN or _words(a) < T.HEADLINE_MIN_WORDS:
            continue
        if _in_running_text(a, len(normalize_space(raw))):
            inline.setdefault(_block_of(a), []).append(a)
    return sum(_drop_inline_card(block, links) for block, links in inline.items())



def _words(el: HtmlElement) -> int:
    return len(normalize_space(el.text_content()).split())


def _drop_inline_card(block: HtmlElement | None, links: list[HtmlElement]) -> int:
    """Headline links inside a sentence's block, in a pop-up card ("Ilhan Omar" with a
    hover box of her latest stories): the card is the innermost inline element around one
    holding at least two headlines and made of links. It goes; the sentence and its own
    link stay (a sentence naming two stories holds them in its block, not in an inline
    element made of links)."""
    removed = 0
    for a in links:
        # A headline starts the search, never a name: the sentence's own link ("Alexandria
        # Ocasio-Cortez") repeats in its card, and its wrapper holds the card too.
        if block is None or not _inside(a, block) or _words(a) < T.HEADLINE_MIN_WORDS:
            continue
        card = a.getparent()
        while card is not None and card is not block and card.tag not in BLOCK_TAGS:
            headlines = sum(1 for x in card.iter("a") if _words(x) >= T.HEADLINE_MIN_WORDS)
            if headlines >= 2:
                break
            card = card.getparent()
        if card is None or card is block or card.tag in BLOCK_TAGS:
            continue
        n = _text_len(card)
        if n and _link_len(card) >= T.LINK_LINE_SHARE * n:
            card.drop_tree()
            removed += 1
    return removed


def _is_standfirst(el: HtmlElement) -> bool:
    """German CMSs class the story's own lead "teaser"/"teasertext": a teaser of another
    article links to it, a lead is a paragraph of text without links."""
    classes = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not LEAD_CLASS.search(classes) or el.tag not in ("p", "div"):
        return False
    if el.find(".//a") is not None or el.find(".//img") is not None:
        return False
    text = normalize_space(el.text_content())
    return len(text) >= T.STANDFIRST_MIN and not any(
        child.tag in ("p", "div", "ul", "ol", "h2", "h3") for child in el
    )


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

def _drop_by_class(body: HtmlElement, heavy: set[HtmlElement]) -> int:
    removed = 0
    # Inline chrome pieces (a classed author, date or tag list) inside a block: the block
    # goes when they are nearly all it says (a byline line), else the sentence keeps them.
    pieces: dict[HtmlElement, list[HtmlElement]] = {}
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str):
            continue
        if el.tag in ("figure", "figcaption", "img", "picture"):
            continue  # captions stage decides about images
        # The class test first: _inside climbs every ancestor, and few elements match.
        if not _class_says_boilerplate(el) or not _inside(el, body) or _protected(el, heavy):
            continue
        if _is_standfirst(el):
            continue
        unit = whole_block(el, limit=body)
        if unit is None:
            block = _block_of(el)
            if block is not None and block is not body and block.tag not in _HEADING_TAGS:
                pieces.setdefault(block, []).append(el)
            continue  # a classed word inside a sentence: the sentence keeps it
        if _protected(unit, heavy):
            continue
        unit.drop_tree()
        removed += 1
    for block, els in pieces.items():
        if not _inside(block, body) or _protected(block, heavy):
            continue
        outer = [e for e in els if not any(a in els for a in e.iterancestors())]
        covered = sum(_text_len(e) for e in outer if _inside(e, body))
        rest = _text_len(block) - covered
        if (covered and rest <= T.LINE_GLUE_MAX and covered >= 2 * rest
                and not _SENTENCE_END.search(normalize_space(block.text_content()))):
            block.drop_tree()
            removed += 1
    return removed


_CALL_ENDS = " .!…»›>→"


def _call_at_edge(text: str, link: str) -> bool:
    """The link opens or closes the block: a pitch's call ("Subscribe now!", "... hier
    entlang."), not a linked word inside a sentence."""
    link = link.rstrip(_CALL_ENDS)
    return bool(link) and (text.startswith(link) or text.rstrip(_CALL_ENDS).endswith(link))


def _is_promo(text: str, links: list[str]) -> bool:
    """A short block that speaks to the reader about the site, not about the story:
    newsletter and subscription pitches, "follow us" lines, wire credits and footers,
    "posted by" lines, ad labels (lexicon.patterns). `links`: the block's link texts.

    A newsletter mention is a pitch only when it asks the reader for something: it opens
    with the call ("Sign up for...") or addresses the reader ("in your inbox"), or a link
    carries the call (a pitch verb, or the newsletter's name opening or closing the block);
    "Volunteers can sign up for the ministry's newsletter, she said" is a sentence of the
    story, and so is "Residents who subscribe to the company's <a>newsletter</a> pay
    less". A wire footer ("More AP coverage: ...") links somewhere."""
    if len(text) > T.PROMO_MAX:
        return False
    if NEWSLETTER.search(text) and PITCH_VERB.search(text):
        if (PITCH_OPENING.match(text) or PITCH_ADDRESS.search(text) or any(
            PITCH_VERB.search(t) or (NEWSLETTER.search(t) and _call_at_edge(text, t))
            for t in links
        )):
            return True
    if COVERAGE_LINE.search(text) and (links or "http" in text):
        return True
    # A pitch whose link is the call, opening or closing it ("... for only $5 a month.
    # Subscribe now!") or in a block addressing the reader ("If you enjoyed..., <a>subscribe
    # to our channel</a> for..."); else a linked "subscribe" inside a sentence is its word.
    if any(SUBSCRIBE_CALL.match(t) and (_call_at_edge(text, t) or PITCH_ADDRESS.search(text))
           for t in links):
        return True
    return any(pattern.search(text) for pattern in PROMO_LINES)



def _meta_text(block: HtmlElement) -> int:
    """Characters of a block inside its date and author microdata."""
    return sum(_text_len(x) for x in block.iter()
               if isinstance(x.tag, str) and (x.get("itemprop") or "").lower() in META_ITEMPROPS)


def _channel_pitch(el: HtmlElement, text: str, brand: str) -> bool:
    """The site's pitch for its own channels: a short block whose links all go to app
    stores or social networks, one of them naming the site ("News on your phone? Our app
    for <a>Android</a> and <a>iOS</a>", "Follow us on <a>WhatsApp</a>, <a>Instagram</a>"),
    or that names a newsletter and links to a newsletter page, addressing the reader ("o
    suscribirse aquí a nuestra <a>newsletter</a>") or with the link as its call, opening or
    closing it ("... beim WAZ-Newsletter richtig – <a>hier entlang</a>"). Else a newsletter
    link inside a sentence, or named by the link's own text, is a linked word of the story
    ("the ministry's <a>newsletter</a> said")."""
    anchors = list(el.iter("a"))
    hrefs = [(a.get("href") or "").strip().lower() for a in anchors]
    if not hrefs or len(text) > T.CHANNEL_PITCH_MAX:
        return False
    parts = [_parts(h) for h in hrefs]
    pages = [a for a, (_, path) in zip(anchors, parts, strict=True) if "newsletter" in path]
    if pages and NEWSLETTER.search(text) and (PITCH_ADDRESS.search(text) or (
        any(_call_at_edge(text, normalize_space(a.text_content())) for a in pages)
        and NEWSLETTER.search(_outside_links(text, anchors))
    )):
        return True
    if len(hrefs) < 2 or len(brand) < T.BRAND_MIN:
        return False
    hosts = [host.removeprefix("www.") for host, _ in parts]
    if not all(host in _CHANNEL_HOSTS or host.endswith(_SUBDOMAINS) for host in hosts):
        return False
    return any(brand in h for h in hrefs)


def _parts(href: str) -> tuple[str, str]:
    """An address's host and path; empty for one urllib cannot read ('http://[oops')."""
    try:
        split = urlsplit(href)
        return split.hostname or "", split.path
    except ValueError:
        return "", ""


_CHANNEL_HOSTS = frozenset(CHANNEL_HOSTS)
_SUBDOMAINS = tuple("." + h for h in CHANNEL_HOSTS)  # m.facebook.com, not pagesix.com


def _brand(url: str) -> str:
    """The site's name in its address: 'waz' for www.waz.de, 'namibian' for
    www.namibian.com.na, 'bbc' for news.bbc.co.uk (the label left of the public suffix, common
    second levels skipped; a rough cut of the suffix list, enough to tell a name)."""
    labels = _parts(url)[0].lower().split(".")
    names = [x for x in labels[:-1] if x not in _SECOND_LEVELS]
    return names[-1] if names else ""


_SECOND_LEVELS = frozenset({"com", "co", "org", "net", "gov", "ac", "or", "ne", "go", "www"})


def _drop_promos(body: HtmlElement, heavy: set[HtmlElement], url: str = "") -> int:
    removed = 0
    brand = _brand(url)
    for el in list(body.iter()):
        if (
            isinstance(el.tag, str) and el.getparent() is not None
            and (el.get("itemprop") or "").lower() in META_ITEMPROPS
            and _inside(el, body) and _text_len(el) < T.META_LINE_MAX
        ):
            # The date or author line it stands in ("By <span itemprop=author>..</span> |
            # <time>"): short and mostly such pieces. In a sentence it stays.
            line = whole_block(el, limit=body)
            if line is None:
                block = _block_of(el)
                if (block is not None and block is not body
                        and _text_len(block) < T.META_LINE_MAX
                        and _meta_text(block) >= T.META_LINE_SHARE * _text_len(block)):
                    line = block
            if line is not None and not _protected(line, heavy):
                line.drop_tree()
                removed += 1
    for el in list(body.iter("p", "div", "center", "section", "aside", "h3", "h4", "h5", "li")):
        if el.getparent() is None or not _inside(el, body) or _protected(el, heavy):
            continue
        if el.tag in ("div", "section") and any(
            isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol", "table") for c in el
        ):
            continue  # containers: judge their paragraphs one by one
        links = [normalize_space(a.text_content()) for a in el.iter("a")]
        text = normalize_space(el.text_content())
        if _is_promo(text, links) or (links and _channel_pitch(el, text, brand)):
            el.drop_tree()
            removed += 1
    return removed



def _drop_author_lines(body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """The "more from this reporter" line under a story ("김민수 기자 다른기사 보기",
    "More articles by Jane Doe"): a short block whose link says so, opening or closing it."""
    removed = 0
    for a in list(body.iter("a")):
        if a.getparent() is None or not _inside(a, body):
            continue
        link = normalize_space(a.text_content())
        if not AUTHOR_MORE.search(link):
            continue
        block = _block_of(a)
        if (block is None or block is body or _protected(block, heavy)
                or _text_len(block) > T.AUTHOR_LINE_MAX):
            continue
        if not _call_at_edge(normalize_space(block.text_content()), link):
            continue  # the link inside a sentence ("... read <a>more from this author</a> on")
        block.drop_tree()
        removed += 1
    return removed


_SEPARATORS = re.compile(r"[,;·•|/]+")


def _drop_link_paragraphs(body: HtmlElement, heavy: set[HtmlElement], host: str = "") -> int:
    """Paragraphs that are nothing but a link to another story, alone or after a rail label
    ("READ MORE: ...", a bold all-caps headline between two paragraphs): inline teasers."""
    removed = 0
    for p in list(body.iter("p")):
        if p.getparent() is None or not _inside(p, body) or _protected(p, heavy):
            continue
        text = normalize_space(p.text_content())
        if len(text) < T.LINK_PARAGRAPH_MIN:
            continue
        anchors = [a for a in p.iter("a") if (a.get("href") or "").strip()[:1] not in ("", "#")]
        # A bare address or e-mail ("reporter@site.com", "amzn.to/x") is a contact line or a
        # source the article gives, not a teaser headline.
        if not anchors or any(
            (a.get("href") or "").startswith("mailto:")
            or len(normalize_space(a.text_content()).split()) < T.LINK_MIN_WORDS
            for a in anchors
        ):
            continue
        link_text = " ".join(normalize_space(a.text_content()) for a in anchors)
        if len(link_text) < T.LINK_PARAGRAPH_MIN:
            continue
        rest = _outside_links(text, anchors)
        if not rest.strip(" :：-–—»›>.") or RAIL_LABEL.match(rest) or _bold_label(p, rest, host):
            p.drop_tree()
            removed += 1
    return removed


def _outside_links(text: str, anchors: list[HtmlElement]) -> str:
    """A block's words outside its links, list separators taken out ("Tags: <a>A</a>,
    <a>B</a>" -> "Tags:")."""
    for a in anchors:
        text = text.replace(normalize_space(a.text_content()), " ", 1)
    return normalize_space(_SEPARATORS.sub(" ", text))


_LABEL_ENDS = " |:：»›>→-–—"


def _bold_label(p: HtmlElement, rest: str, host: str) -> bool:
    """A teaser's label in any language, known by its shape: all the paragraph's words
    outside its links are one bold label opening it, short, set in capitals or closed by a
    separator ("FUNDA OLUNYE UDABA LAPHA |", "LEIA TAMBÉM:"), and the links lead to this
    site (a source the story cites links elsewhere: "Quelle: <a>Destatis</a>")."""
    bold = [b for b in p.iter("strong", "b") if not any(a.tag == "a" for a in b.iterancestors())]
    label = normalize_space(" ".join(b.text_content() for b in bold))
    if not label or len(label) > T.LINK_LABEL_MAX:
        return False
    words = normalize_space(_SEPARATORS.sub(" ", label)).strip(_LABEL_ENDS)
    if not words or words != rest.strip(_LABEL_ENDS):
        return False
    if not normalize_space(p.text_content()).startswith(label):
        return False
    if not (label.rstrip()[-1] in _LABEL_ENDS or words.isupper()):
        return False
    return all(_same_site(a.get("href") or "", host) for a in p.iter("a"))


def _same_site(href: str, host: str) -> bool:
    try:
        target = urlsplit(href.strip()).hostname
    except ValueError:  # 'http://[oops': no address of the site
        return False
    if not target:  # a relative link
        return not href.strip().lower().startswith(("mailto:", "tel:", "javascript:"))
    return bool(host) and target.removeprefix("www.") == host.removeprefix("www.")


def _drop_share_links(body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """Links that share the page ("Whatsapp", "Pin") and the bar that holds them; a share
    link inside a sentence stays with the sentence."""
    removed = 0
    for a in [a for a in body.iter("a") if SHARE_HREF_RE.search(a.get("href") or "")]:
        if a.getparent() is None or not _inside(a, body):
            continue
        block = _block_of(a)
        if block is None or block is body or _protected(block, heavy):
            a.drop_tree()  # loose in the body's own container: a bar of bare links
            removed += 1
            continue
        shared = sum(_text_len(x) for x in block.iter("a")
                     if SHARE_HREF_RE.search(x.get("href") or ""))
        if _text_len(block) - shared <= T.SHARE_LABEL_MAX:
            block.drop_tree()  # a share bar: the links and a label ("Share:", "Partager")
            removed += 1
    return removed



_PUNCT = re.compile(r"[\W_]+")


def _is_tag_link(a: HtmlElement) -> bool:
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "mailto:", "javascript:")):
        return False
    rel = (a.get("rel") or "").lower().split()
    return "tag" in rel or bool(TAG_LINK_PATH.search(_parts(href)[1] + "?"))


def _drop_tag_lines(body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """A labelled line of links to the site's tag or topic pages ("Tags: <a>Budget</a>,
    <a>Harbour</a>", "Теги: ..."): the story's keywords, not its text. Every link of the
    block is one, and beside them stand only a tag label (lexicon tag_labels) and
    separators; a tag link inside a sentence stays with its sentence, and so does a line
    without a label (a list of place names may be part of the story's text)."""
    removed = 0
    for block in list(body.iter("p", "ul", "div", "li")):
        if block.getparent() is None or not _inside(block, body) or _protected(block, heavy):
            continue
        text = normalize_space(block.text_content())
        if not text or len(text) > T.TAG_LINE_MAX:
            continue
        anchors = list(block.iter("a"))
        if not anchors or not all(_is_tag_link(a) for a in anchors):
            continue
        if not TAG_LABEL.match(_outside_links(text, anchors)):
            continue
        _drop(block)
        removed += 1
    return removed


def _title_key(text: str) -> str:
    return _PUNCT.sub(" ", text.casefold()).strip()



def _drop_headline_repeats(page: Page, body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """The headline is its own field: remove it (and the copies galleries and sticky bars
    repeat) wherever it appears in the body, not only at the top."""
    titles = set()
    for value in (page.fields.get("headline"), *(h.text_content() for h in page.root.iter("h1"))):
        if value:
            key = _title_key(value)
            if len(key) >= T.HEADLINE_KEY_MIN:
                titles.add(key)
    if not titles:
        return 0
    removed = 0
    for el in list(body.iter("h1", "h2", "h3", "p", "div", "span", "a")):
        if el.getparent() is None or not _inside(el, body) or _protected(el, heavy):
            continue
        text = el.text_content()
        if len(text) > T.HEADLINE_COPY_MAX:
            continue
        if _title_key(text) in titles:
            unit = whole_block(el, limit=body)
            if unit is None:
                # A headline line with a kicker ("Premiere in Eisenhüttenstadt - <span>
                # headline</span>") goes whole; a sentence quoting the headline stays.
                block = _block_of(el)
                if (block is not None and block is not body and not block.tag == "p"
                        and _text_len(block) <= _text_len(el) + T.KICKER_MAX):
                    unit = block
            if unit is None or _protected(unit, heavy):
                continue
            unit.drop_tree()
            removed += 1
    return removed


# Lines whose words are not the story's own text wherever they stand (a quoted post's date
# line, a table's cells, a caption) or that are items of a list (a listing's teasers, each
# with its date): never taken for lines about the article.
_QUOTING_TAGS = frozenset({"blockquote", "figure", "figcaption", "td", "th", "table", "li"})


def _lines(body: HtmlElement) -> list[HtmlElement]:
    """The story's lines: blocks holding no other block, with text, in document order
    (headings too: they count as lines, though no rule takes one)."""
    blocks = [el for el in body.iter() if isinstance(el.tag, str) and el.tag in BLOCK_TAGS]
    holders: set[HtmlElement] = set()
    for el in blocks:
        for anc in el.iterancestors():
            if anc in holders:
                break
            holders.add(anc)
    return [el for el in blocks if el not in holders and el is not body
            and el.text_content().strip()]


def _page_dates(page: Page):
    """The page's date parser (dates/parse.py with the page's languages), built on first use."""
    from .dates.context import page_context
    from .dates.parse import YEAR_HINT, parse_text

    ctx = None

    def spans(text: str) -> list[tuple[int, int]]:
        nonlocal ctx
        if not YEAR_HINT.search(text):
            return []  # (parse_text's own first test, before the page's context is built)
        if ctx is None:
            ctx = page_context(page)
        return [(start, end) for _st, start, _guessed, end in parse_text(text, ctx)]

    return spans


def _drop_meta_lines(page: Page, body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """Lines about the article among the first and last lines of the story: its dateline
    ("Stand: 22.04.2024, 06:00 Uhr"), reading time ("3 Min Lesezeit"), byline ("Von Nina
    Magoley"), told by their shape (metalines.py). A short story is left alone."""
    lines = _lines(body)
    if len(lines) < T.META_MIN_LINES:
        return 0
    edge = T.META_EDGE_LINES
    dates = _page_dates(page)
    authors = page.fields.get("authors") or []
    removed = 0
    for line in dict.fromkeys(lines[:edge] + lines[-edge:]):
        if line.tag in _HEADING_TAGS or _protected(line, heavy) or any(
            a.tag in _QUOTING_TAGS for a in (line, *line.iterancestors())
        ) or line.find(".//img") is not None:
            continue  # (an image in the line is the captions stage's to judge)
        text = normalize_space(line.text_content())
        kind = meta_line(text, dates, authors)
        if kind is None:
            continue
        line.drop_tree()
        removed += 1
        page.sources[f"boilerplate:{kind}"] = text[:T.META_SOURCE_CHARS]
    return removed



LabelNode = tuple[HtmlElement, bool]  # the element holding the text, and whether as its tail


def _label_nodes(body: HtmlElement) -> tuple[list[LabelNode], list[LabelNode]]:
    """The text nodes of the body that are a whole neighbour-article label, and those that
    are a whole author-bio label, in one walk. Labels are short: blank and longer text
    nodes are not read. The rules check again before removing: earlier rules change the
    tree in between."""
    adjacent: list[LabelNode] = []
    bios: list[LabelNode] = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        for text, tail in ((el.text, False), (el.tail if el is not body else None, True)):
            if not text:
                continue
            t = text.strip()
            if not t or len(t) > T.RAIL_LABEL_MAX:
                continue
            t = normalize_space(t)
            if ADJACENT_LABEL.match(t):
                adjacent.append((el, tail))
            elif AUTHOR_BIO_LABEL.match(t):
                bios.append((el, tail))
    return adjacent, bios


def _climb_wrappers(el: HtmlElement, body: HtmlElement, heavy: set[HtmlElement]) -> HtmlElement:
    """Past wrappers that hold only `el`'s text (h2 > span > "Die Autorin")."""
    n = _text_len(el)
    while True:
        parent = el.getparent()
        if parent is None or parent is body or _protected(parent, heavy) or _text_len(parent) != n:
            return el
        el = parent


def _following(line: HtmlElement, body: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """What comes after `line` in the body: the following siblings of it and of each of its
    ancestors below the body, and those elements whose tail text follows."""
    after, tails = [], []
    node = line
    while node is not None and node is not body:
        tails.append(node)
        after.extend(node.itersiblings())
        node = node.getparent()
    return after, tails


def _drop_author_bios(body: HtmlElement, heavy: set[HtmlElement], labels: list[LabelNode]) -> int:
    """An author-bio box closing the story: a line that is only a bio label ("Die Autorin",
    "About the author", "この記事を書いた人") and a few lines about the writer after it, up
    to the end of the body. Both go; a label followed by more than a short bio is a
    heading of the story, and a sentence naming the author ("Die Autorin ist...") is no
    label."""
    removed = 0
    for el, is_tail in labels:
        if is_tail or not _inside(el, body):
            continue
        if not AUTHOR_BIO_LABEL.match(normalize_space(el.text_content())):
            continue  # the label opens a longer line
        line = whole_block(el, limit=body)
        if line is None or _protected(line, heavy):
            continue
        line = _climb_wrappers(line, body, heavy)
        after, tails = _following(line, body)
        rest = sum(_text_len(x) for x in after) + sum(
            len(normalize_space(x.tail or "")) for x in tails)
        if not rest or rest > T.AUTHOR_BIO_MAX or any(_protected(x, heavy) for x in after):
            continue
        if _text_len(body) - rest - _text_len(line) < T.AUTHOR_BIO_STORY_MIN:
            continue  # the bio is (nearly) all the page says
        for x in after:
            x.drop_tree()
        for x in tails:
            x.tail = None
        line.drop_tree()
        removed += 1
    return removed


def _in_link(el: HtmlElement, stop: HtmlElement) -> bool:
    return any(x.tag == "a" for x in (el, *el.iterancestors()) if x is not stop) or (
        stop.tag == "a")


def _adjacent_links(el: HtmlElement) -> bool:
    """A block of links to the site's neighbour articles: labels ("Next article",
    "Vorheriger Beitrag") and the linked titles, little else. Either the titles are link
    text, or the block is a card whose link has no text of its own (an overlay over the
    label and the title)."""
    if _text_len(el) > T.ADJACENT_BLOCK_MAX:
        return False
    anchors = [a for a in el.iter("a") if (a.get("href") or "").strip()]
    inside_a = any(a.tag == "a" and a.get("href") for a in el.iterancestors())
    if not anchors and not inside_a:
        return False
    labels = outside = inside = 0
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        texts = [(node.text, node)]
        if node is not el:
            texts.append((node.tail, node.getparent()))
        for text, holder in texts:
            t = normalize_space(text or "")
            if not t:
                continue
            if ADJACENT_LABEL.match(t):
                labels += 1
            elif inside_a or _in_link(holder, el):
                inside += len(t)
            else:
                outside += len(_PUNCT.sub("", t))
    if not labels:
        return False
    if outside <= T.ADJACENT_GLUE_MAX:
        return inside <= T.ADJACENT_TITLE_MAX * labels
    card = any(not normalize_space(a.text_content()) for a in anchors)
    return card and outside + inside <= T.ADJACENT_TITLE_MAX * labels


def _drop_adjacent_links(
    body: HtmlElement, heavy: set[HtmlElement], labels: list[LabelNode]
) -> int:
    """Links to the previous and next article ("« Previous Post", "Nächster Artikel: <a>
    title</a>", "Article précédent" cards): the largest block around a label that holds
    only such links goes. A label inside a sentence ("the next article in this series")
    is no label; a label line with its link on the next line goes with that line."""
    removed = 0
    for el, is_tail in labels:
        holder = el.getparent() if is_tail else el
        if holder is None or not _inside(holder, body) and holder is not body:
            continue
        if not ADJACENT_LABEL.match(normalize_space((el.tail if is_tail else el.text) or "")):
            continue
        best = None
        node = holder
        while node is not None and node is not body and not _protected(node, heavy):
            if _text_len(node) > T.ADJACENT_BLOCK_MAX:
                break
            if _adjacent_links(node):
                best = node
            node = node.getparent()
        if best is None:
            removed += _drop_label_and_link_line(holder, body, heavy)
            continue
        unit = whole_block(best, limit=body)
        if unit is None or _protected(unit, heavy) or not _adjacent_links(unit):
            continue
        unit.drop_tree()
        removed += 1
    return removed


def _drop_label_and_link_line(el: HtmlElement, body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """Flat markup: a line that is only the label, then a line that is only the link."""
    if not ADJACENT_LABEL.match(normalize_space(el.text_content())):
        return 0
    line = whole_block(el, limit=body)
    if line is None or _protected(line, heavy) or line.find(".//a") is not None:
        return 0
    line = _climb_wrappers(line, body, heavy)
    nxt = line.getnext()
    if nxt is None or _protected(nxt, heavy) or not isinstance(nxt.tag, str):
        return 0
    n = _text_len(nxt)
    if not n or n > T.ADJACENT_TITLE_MAX or _link_len(nxt) < n - T.ADJACENT_GLUE_MAX:
        return 0
    if (line.tail or "").strip():
        return 0  # text between the label and the link: not a label line
    nxt.drop_tree()
    line.drop_tree()
    return 2


_LINKED_HEADINGS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][.//a[@href]]"
)


def _drop_teaser_cards(page: Page, body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """Teaser cards inside the body ("More from X" rows, an inline "read also" card): as
    the page has it, a small box around a heading that links to another page, holding no
    paragraph of running text. readability's clean-up drops the linked heading and keeps
    the rest (the summary line, the author, the date), which reads as story; the box goes
    whole. Told on the page's own markup (Page.origin), since the heading may be gone.
    Not the story's own title linking to itself, not a video's or a photo's caption box,
    and nothing where the blocks under linked headings (up to a post's size) are much of
    the body: a listicle whose items link to their slides, a tag page's posts."""
    found = cast(list[HtmlElement], _LINKED_HEADINGS(page.root))
    headings = [h for h in found if _links_away(h, page.url)]
    if not headings:
        return 0
    own = {_title_key(t) for t in (page.fields.get("headline"), page.root.findtext(".//title"))
           if t}
    index = {el: i for i, el in enumerate(page.elements)}
    copies = {i: el for el, i in page.origin.items()}
    cards: dict[HtmlElement, int] = {}
    entries: dict[HtmlElement, int] = {}  # each linked heading's block, up to a post's size
    for heading in headings:
        if _title_key(heading.text_content()) in own:
            continue
        card = entry = None
        for anc in heading.iterancestors():
            at = copies.get(index.get(anc, -1))
            if at is None or at is body or not _inside(at, body):
                break  # (the blocks looked at are the body's)
            n = len(normalize_space(anc.text_content()))
            if n > T.TEASER_ENTRY_MAX:
                break
            if n <= T.TEASER_CARD_MAX:
                card = anc
            entry = at
        if entry is not None:
            entries[entry] = _text_len(entry)
        if card is None or _media_box(card) or any(
            len(normalize_space(p.text_content())) > T.TEASER_CARD_PARAGRAPH for p in card.iter("p")
        ):
            continue
        copy = copies.get(index.get(card, -1))
        if copy is None or _protected(copy, heavy):
            continue
        if not any(_within_el(copy, other) for other in cards):
            cards[copy] = _text_len(copy)
    outer = [e for e in entries if not any(_within_el(e, o) for o in entries if o is not e)]
    if sum(entries[e] for e in outer) > T.TEASER_CARDS_SHARE * _text_len(body):
        return 0  # the body is a list of posts (a listicle, a tag page), not a story with cards
    for copy in cards:
        if _inside(copy, body):
            copy.drop_tree()
    return len(cards)


def _within_el(el: HtmlElement, container: HtmlElement) -> bool:
    return el is container or any(a is container for a in el.iterancestors())


def _media_box(card: HtmlElement) -> bool:
    """A video player's or a photo's box: its heading is the caption of what it shows."""
    for el in card.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("video", "iframe", "audio", "figcaption"):
            return True
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names.strip() and (VIDEO_CLASS_RE.search(names) or CAPTION_CLASS_RE.search(names)):
            return True
    return False


def _links_away(heading: HtmlElement, url: str) -> bool:
    """The heading is mostly a link (a sentence in a heading tag with a link in it is no
    teaser title; a title repeated for screen readers beside its link is) to another page
    (not an anchor, not this page)."""
    text = len(normalize_space(heading.text_content()))
    if not text or _link_len(heading) < T.TEASER_TITLE_LINK_SHARE * text:
        return False
    for a in heading.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith("#") and href.split("#")[0].rstrip("/") != url.rstrip("/"):
            return True
    return False


_SENTENCE_END = re.compile(r"[.!?…:;。！？]\W*$")
_BOXES = ("div", "section", "aside")


def _drop_emptied_boxes(page: Page, body: HtmlElement, heavy: set[HtmlElement]) -> int:
    """A box left with nothing but its heading ("Mehr zum Thema X", "Related") once its
    teasers, links or embeds were removed: the heading goes too. Told by the page's own
    box (Page.origin): it held much more text than the one short line left, which is no
    sentence and no paragraph."""
    removed = 0
    maps: list[dict] = []  # page element -> its position, position -> the copy; built once
    for box in list(body.iter(*_BOXES)):
        if box is body or _protected(box, heavy) or not _inside(box, body):
            continue
        raw = box.text_content()
        if len(raw) > 4 * T.EMPTIED_LABEL_MAX:  # normalized: never longer than raw
            continue
        text = normalize_space(raw)
        if not text or len(text) > T.EMPTIED_LABEL_MAX or _SENTENCE_END.search(text):
            continue
        at = page.origin.get(box)
        if at is None:
            continue
        shown = page.elements[at]
        if not maps:
            maps += [{el: i for i, el in enumerate(page.elements)},
                     {i: el for el, i in page.origin.items()}]
        gone = len(normalize_space(shown.text_content())) - _moved_text(maps, shown, box, body)
        if gone >= T.EMPTIED_FACTOR * len(text) + T.EMPTIED_SLACK:
            box.drop_tree()
            removed += 1
    return removed


def _moved_text(
    maps: list[dict], shown: HtmlElement, box: HtmlElement, body: HtmlElement
) -> int:
    """How much of the page's box is still in the body outside the box: readability's
    segment merge moves a box's paragraphs next to the story's others, which empties the
    box of nothing that is lost."""
    index, copies = maps
    moved = 0
    skip: HtmlElement | None = None
    for el in shown.iterdescendants():
        if skip is not None and any(a is skip for a in el.iterancestors()):
            continue
        copy = copies.get(index.get(el, -1))
        if copy is None or any(a is box for a in copy.iterancestors()):
            continue
        if _inside(copy, body):
            moved += len(normalize_space(copy.text_content()))
            skip = el
    return moved


def remove_boilerplate(page: Page) -> None:
    body = page.body
    if body is None:
        return
    heavy = paragraph_holders(body, share=T.BODY_HOLDER_SHARE)
    heavy.add(body)
    removed = _drop_by_class(body, heavy)
    removed += _drop_rails(body, heavy)
    # before the link paragraphs: a flat label line goes with its link line
    adjacent_labels, bio_labels = _label_nodes(body)
    removed += _drop_adjacent_links(body, heavy, adjacent_labels)
    removed += _drop_line_rails(body, heavy)
    removed += _drop_repeated_teasers(page, body, heavy)
    removed += _drop_inline_cards(body)
    removed += _drop_link_paragraphs(body, heavy, urlsplit(page.url).hostname or "")
    removed += _drop_promos(body, heavy, page.url)
    removed += _drop_author_lines(body, heavy)
    removed += _drop_share_links(body, heavy)
    removed += _drop_headline_repeats(page, body, heavy)
    removed += _drop_tag_lines(body, heavy)
    removed += _drop_author_bios(body, heavy, bio_labels)
    removed += _drop_meta_lines(page, body, heavy)
    removed += _drop_teaser_cards(page, body, heavy)
    removed += _drop_emptied_boxes(page, body, heavy)
    if removed:
        page.sources["boilerplate"] = f"removed {removed} blocks"
