"""What kind of page this is, read from its structure: the evidence the verdict decides on.

A listing (home page, section, tag, author, search results, ticker, gallery index) is a
set of teasers: headlines that link to other pages, each with a line or two of text and a
date. An article is one story: running text under one headline that does not link away.
The evidence, all read from the parsed page, never from its URL:

- teasers: the other pages the page's headlines link to (a linked heading, a card that is
  a link, a headline-long link standing alone in its block), outside the site's navigation;
- ownership: each block of text belongs to the teaser whose card holds it (or whose linked
  heading it follows inside that card), else to the story. The body's text splits into
  the story's own text and teaser text: a home page's top story shows a long lead, but
  under a headline that links to the article;
- the headline: a heading that shows the page's own title (metadata title, site name
  aside) and links nowhere else, or the page's only such <h1>;
- declared types: JSON-LD / microdata Article family vs CollectionPage, SearchResultsPage,
  ProfilePage, a person or an ItemList as the page's subject; `og:type` as a weak vote;
- consent walls: a heading that names the wall ("We value your privacy") and how dense
  the body is with the notice's words ("partners", "cookies", "personal data").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from . import verdict_thresholds as T
from .codes import NotArticleReason
from .headline import decode, site_names, strip_site_tail, words
from .lexicon.common import CHROME_ROLES, SITE_NAV_TAGS
from .lexicon.patterns import CONSENT_ACCEPT, CONSENT_TERM, CONSENT_TITLE
from .page import Page
from .render import BLOCK_TAGS, normalize_space
from .structured import ARTICLE_TYPES

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_SET = frozenset(HEADINGS)
_CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# The site's own furniture: links and text in here are navigation, never teasers of a page.
_FURNITURE_TAGS = SITE_NAV_TAGS | {"footer"}
_FURNITURE_ROLES = CHROME_ROLES - {"dialog", "alertdialog"}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NOT_PAGES = ("#", "javascript:", "mailto:", "tel:", "sms:", "whatsapp:")
_WEBPAGE_TYPES = frozenset({"webpage", "itempage", "medicalwebpage"})
# The page is a collection, or about a person or an organisation (an author page).
COLLECTION_TYPES = frozenset({"collectionpage", "searchresultspage", "profilepage"})
SUBJECT_TYPES = frozenset({"person", "organization", "newsmediaorganization"})


# The labels of page-type fixture folders (pagetypes.json, read by `newscrawl eval
# pagetypes` and the gate) and the verdicts each allows: None for an article, else the
# reason codes that name it.
_LISTING = frozenset({NotArticleReason.LISTING_PAGE})
PAGE_TYPES: dict[str, frozenset[NotArticleReason | None]] = {
    "article": frozenset({None}),
    **dict.fromkeys(("home", "section", "tag", "author", "search", "ticker", "gallery_index",
                     "date_archive"), _LISTING),
    "consent": frozenset({NotArticleReason.INTERSTITIAL}),
    "paywall": frozenset({NotArticleReason.INTERSTITIAL}),
    # a bot check, "enable JavaScript" shell or "Access denied" page served instead of it
    "bot_check": frozenset({NotArticleReason.INTERSTITIAL}),
    "not_found": frozenset({NotArticleReason.ERROR_PAGE}),  # a soft 404
    # a sign-up page: a few cards of text, no story, no teasers of stories either
    "newsletter": frozenset({NotArticleReason.TOO_LITTLE_TEXT, NotArticleReason.LISTING_PAGE}),
}


def headline_like(text: str, words_min: int = T.HEADLINE_WORDS) -> bool:
    """Long enough to be a story's headline: a few words, or a few CJK characters."""
    if len(_CJK.findall(text)) >= T.HEADLINE_CJK_CHARS:
        return True
    return len(text) >= T.HEADLINE_CHARS and len(text.split()) >= words_min


def _page_key(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/') or '/'}{query}"


@dataclass
class Evidence:
    """What the verdict reads. Lengths are characters of normalized text."""

    story_chars: int = 0  # the body's text that no teaser owns
    teaser_chars: int = 0  # the body's text inside teasers of other pages
    teasers: int = 0  # other pages the page's headlines link to
    headline: str | None = None  # the heading that shows the page's own title
    article_typed: bool = False  # declares an Article (not a bare WebPage, not a list item)
    collection_typed: bool = False  # declares a collection, search results or a profile
    og_type: str = ""
    consent_title: str | None = None  # a heading (or <title>) naming a consent wall
    consent_terms: int = 0  # consent-notice words in the body
    consent_accept: str | None = None  # an accept control's label, in the body's own box
    structure_read: bool = False
    _context: tuple[Any, ...] | None = field(default=None, repr=False)

    @property
    def identity(self) -> bool:
        """The page says it is one story: its headline, or an Article type."""
        return self.headline is not None or self.article_typed

    @property
    def strong_identity(self) -> bool:
        """Its headline and an Article type: the page is a story whatever surrounds it."""
        return self.headline is not None and self.article_typed

    def read_structure(self) -> Evidence:
        """Fill teasers, story_chars and teaser_chars (once; the costly part, read only when
        the verdict needs it)."""
        if not self.structure_read and self._context is not None:
            _read_teasers(*self._context, ev=self)
            self.structure_read = True
            self._context = None
        return self


def read_evidence(page: Page, body_texts: list[str]) -> Evidence:
    """The structural evidence on `page`; `body_texts` are the rendered body's paragraphs.
    The teaser structure is read on demand (Evidence.read_structure)."""
    ev = Evidence()
    sd = page.structured
    if sd is not None:
        ev.og_type = sd.meta.get("og:type", "").strip().lower()
        ev.article_typed, ev.collection_typed = _declared(sd.objects, page)
    target = _Targets(page.url)
    furniture = _Furniture()
    headings = [h for h in page.root.iter(*HEADINGS) if h not in furniture]
    ev.headline = _headline(page, target, headings)
    ev.consent_title = _consent_title(page, headings)
    # The notice's words are counted where the verdict reads them: a short body under a
    # wall's title, or with no headline of its own.
    if sum(len(t) for t in body_texts) < T.CONSENT_MAX_CHARS:
        if not ev.consent_title:
            ev.consent_accept = _consent_accept(page, body_texts)
        if ev.consent_title or ev.consent_accept or ev.headline is None:
            ev.consent_terms = sum(len(CONSENT_TERM.findall(t)) for t in body_texts)
    ev._context = (page, body_texts, target, headings, furniture)
    return ev


# --- declared types -------------------------------------------------------------------------

def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type") or obj.get("type") or []
    items = [t] if isinstance(t, str) else t if isinstance(t, list) else []
    return [x.rsplit("/", 1)[-1].lower() for x in items if isinstance(x, str)]


def _listed(objects: list[dict[str, Any]]) -> set[int]:
    """ids of objects that are elements of an ItemList (a section page lists its
    NewsArticles; they are not the page's own article)."""
    out: set[int] = set()
    for obj in objects:
        if "itemlist" not in _types(obj):
            continue
        elements = obj.get("itemListElement")
        for el in elements if isinstance(elements, list) else [elements]:
            if isinstance(el, dict):
                out.add(id(el))
                if isinstance(el.get("item"), dict):
                    out.add(id(el["item"]))
    return out


def _declared(objects: list[dict[str, Any]], page: Page) -> tuple[bool, bool]:
    listed = _listed(objects)
    own = {_page_key(page.url)}
    article = collection = False
    for obj in objects:
        types = set(_types(obj))
        if id(obj) in listed:
            continue
        if types & (ARTICLE_TYPES - _WEBPAGE_TYPES):
            article = True
        if types & COLLECTION_TYPES:
            collection = True
        elif "itemlist" in types and not types & {"breadcrumblist"}:
            elements = obj.get("itemListElement")
            if isinstance(elements, list) and len(elements) >= T.LISTING_TEASERS:
                collection = True
        elif types & SUBJECT_TYPES:
            subject = obj.get("mainEntityOfPage")
            if isinstance(subject, dict):
                subject = subject.get("@id") or subject.get("url")
            if isinstance(subject, str) and _page_key(urljoin(page.url, subject)) in own:
                collection = True  # an author's or a company's page
    return article, collection


# --- the headline ---------------------------------------------------------------------------

_LINKS_XPATH = f"//a[@href and string-length(normalize-space(.)) >= {T.HEADLINE_CJK_CHARS}]"


def is_furniture(el: HtmlElement) -> bool:
    """The site's navigation, a sidebar or the footer (the element itself)."""
    return el.tag in _FURNITURE_TAGS or (el.get("role") or "").lower() in _FURNITURE_ROLES


class _Furniture:
    """Whether an element lies in the site's furniture, remembered for every ancestor
    climbed through (each ancestor is looked at once per page)."""

    def __init__(self) -> None:
        self.known: dict[HtmlElement, bool] = {}

    def __contains__(self, el: HtmlElement) -> bool:
        path = []
        node: HtmlElement | None = el
        found = False
        while node is not None:
            cached = self.known.get(node)
            if cached is not None:
                found = cached
                break
            path.append(node)
            if is_furniture(node):
                found = True
                break
            node = node.getparent()
        for seen in path:
            self.known[seen] = found
        return found


def _links_away(el: HtmlElement, target: _Targets, own: set[str | None]) -> bool:
    """A link inside `el` (or around it) leads to another page."""
    anchors = list(el.iter("a")) + [a for a in el.iterancestors() if a.tag == "a"]
    return any(not _is_own(t, own) for t in (target(a.get("href")) for a in anchors) if t)


def _own_keys(page: Page) -> set[str | None]:
    """The page's own addresses (its URL, canonical and og:url), with and without query:
    a link to the same path with other parameters ("?m=1", "?utm_source=") is the page."""
    urls = [page.url, page.fields.get("canonicalUrl")]
    sd = page.structured
    if sd is not None and sd.meta.get("og:url"):
        urls.append(urljoin(page.url, sd.meta["og:url"]))
    keys = {_page_key(u) for u in urls}
    keys |= {k.split("?", 1)[0] for k in keys if k}
    return keys


def _is_own(target: str, own: set[str | None]) -> bool:
    return target in own or target.split("?", 1)[0] in own


def _headline(page: Page, target: _Targets, headings: list[HtmlElement]) -> str | None:
    """The heading that shows the page's own title, or the page's only headline-long <h1>.
    A heading naming the site ("The Harbour Courier" in a home page's <h1>) or linking to
    another page is no headline."""
    sd = page.structured
    meta = sd.meta if sd is not None else {}
    art = (sd.article() if sd is not None else None) or {}
    names = site_names(page)
    raw = [meta.get("og:title"), meta.get("twitter:title"), page.root.findtext(".//title")]
    if isinstance(art.get("headline"), str):
        raw.append(art["headline"])
    titles = [t for t in (decode(x) for x in raw) if t]
    shown = {strip_site_tail(t, names, [o for o in titles if o is not t]) for t in titles}
    keys = {words(t) for t in shown}
    keys.discard("")
    own = _own_keys(page)
    h1s = []
    for h in headings:
        if h.tag not in ("h1", "h2", "h3"):
            continue
        text = normalize_space(h.text_content())
        key = words(text)
        if not key or key in names or _links_away(h, target, own):
            continue
        if h.tag == "h1" and headline_like(text):
            h1s.append(text)
        if not headline_like(text, words_min=T.TITLE_WORDS):
            continue
        for title in keys:
            # The title itself, or the title under a kicker ("Kultur : <title>"), or a
            # title that adds the section to the heading.
            if key == title or key.endswith(" " + title) or title.endswith(" " + key):
                return text
    if len(h1s) == 1:
        return h1s[0]
    # A title shown as the page's own text, in whatever element the CMS uses for it.
    furniture = _Furniture()
    for title in sorted(shown, key=len, reverse=True):
        if not headline_like(title, words_min=T.TITLE_WORDS) or words(title) in names:
            continue
        # Found by its first words in a text node (linear), then compared whole.
        opening = title.split()[0] if not _CJK.search(title[:4]) else title[:4]
        for node in page.root.xpath("//body//text()[contains(., $w)]", w=opening):
            el = node.getparent()
            for _ in range(T.TITLE_ELEMENT_DEPTH):
                if el is None or el.tag in ("body", "html"):
                    break
                if normalize_space(el.text_content()) == title:
                    if el.tag != "a" and el not in furniture and not _links_away(el, target, own):
                        return title
                    break
                el = el.getparent()
    return None


def _consent_title(page: Page, headings: list[HtmlElement]) -> str | None:
    """The page's title or a top heading naming a consent wall."""
    tops = [h for h in headings if h.tag in ("h1", "h2", "h3")]
    for el in (*tops, page.root.find(".//title")):
        if el is None:
            continue
        text = normalize_space(el.text_content())
        if text and len(text) <= T.CONSENT_TITLE_MAX and CONSENT_TITLE.match(text):
            return text
    return None


def _consent_accept(page: Page, body_texts: list[str]) -> str | None:
    """The label of a control that accepts a consent notice ("Accept all", "Akkoord") in
    the same box as the body's first paragraph, when that paragraph speaks as a notice
    (cookies, partners, consent): the body is then the notice the control answers. The
    banner of an article page holds its own text and buttons, not the story; a banner the
    CMS put inside the story's container shares its box, but the story opens with news."""
    opening = next((t for t in body_texts if len(t) >= T.CONSENT_OPENING_CHARS), None)
    if opening is None or not CONSENT_TERM.search(opening):
        return None
    opening = opening[: T.CONSENT_OPENING_CHARS]
    # <button> and <input> only: every consent manager renders its choices as buttons, and
    # reading each link's text (a link may act as a button) costs 0.3 ms a page.
    for el in page.root.iter("button", "input"):
        if el.tag == "input":
            if el.get("type") not in ("submit", "button"):
                continue
            label = el.get("value") or ""
        else:
            label = el.text_content()
        if len(label) > T.CONSENT_ACCEPT_MAX or not CONSENT_ACCEPT.match(label.strip()):
            continue
        box = el
        for _ in range(T.CONSENT_BOX_LEVELS):
            box = box.getparent()
            if box is None or box.tag in ("body", "html"):
                break
            if _holds(box, opening):
                return normalize_space(label)
    return None


def _holds(box: HtmlElement, opening: str) -> bool:
    """Whether the box's text holds the opening; a box with more text than a notice has
    (a cookie banner's button climbing into the page's wrapper) is not read to its end."""
    parts, size = [], 0
    for text in box.itertext():
        parts.append(text)
        size += len(text)
        if size > T.CONSENT_BOX_MAX_CHARS:
            return False
    return opening in normalize_space("".join(parts))


# --- teasers and what they own --------------------------------------------------------------

class _Targets:
    """The page each link leads to (None for anchors, scripts, mail and phone links),
    worked out once per distinct href: pages repeat the same links many times."""

    def __init__(self, base: str):
        self.base = base
        self.host = (_page_key(base) or "/").split("/", 1)[0]
        self.cache: dict[str, str | None] = {}

    def __call__(self, href: str | None) -> str | None:
        if not href:
            return None
        if href not in self.cache:
            self.cache[href] = self._resolve(href.strip())
        return self.cache[href]

    def _resolve(self, href: str) -> str | None:
        if not href or href.lower().startswith(_NOT_PAGES):
            return None
        href = href.split("#", 1)[0]
        if href.startswith("/") and not href.startswith("//"):
            host, rest = self.host, href  # root-relative: this host
        elif href[:8].lower().startswith(("https://", "http://")):
            authority, slash, rest = href.split("://", 1)[1].partition("/")
            authority, mark, query = authority.partition("?")
            host = authority.split("@")[-1].split(":")[0].lower().removeprefix("www.")
            rest = slash + rest + mark + query
        else:
            host = None
        if host is not None:
            # the common cases, without urljoin (pages repeat hundreds of links)
            path, _, query = rest.partition("?")
            return f"{host}{path.rstrip('/') or '/'}{'?' + query if query else ''}"
        try:
            return _page_key(urljoin(self.base, href).split("#", 1)[0])
        except ValueError:
            return None



def _own_text(block: HtmlElement, cache: dict[HtmlElement, str]) -> str:
    """A block's own text: nested blocks' text left out (what the renderer makes one
    paragraph of)."""
    found = cache.get(block)
    if found is None:
        parts: list[str] = []
        _collect(block, parts, top=True)
        found = cache[block] = normalize_space("".join(parts))
    return found


def _collect(el: HtmlElement, parts: list[str], top: bool = False, breaks: bool = False) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if breaks and tag == "br":
            parts.append("\n")
        elif tag and tag not in _CODE_TAGS and tag not in BLOCK_TAGS:
            _collect(child, parts, breaks=breaks)
        if child.tail:
            parts.append(child.tail)


def _alone_on_its_line(block: HtmlElement, text: str) -> bool:
    """A link with a line of its own inside a block of <br>-separated lines (a search
    result: rubric and headline, then the excerpt on the next line)."""
    if block.find(".//br") is None:
        return False
    parts: list[str] = []
    _collect(block, parts, breaks=True)
    for line in "".join(parts).split("\n"):
        line = normalize_space(line)
        if text in line:
            return len(line) - len(text) <= max(T.INLINE_CONTEXT, len(text))
    return False


def _read_teasers(page: Page, body_texts: list[str], target_of: _Targets,
                  headings: list[HtmlElement], furniture: _Furniture, *, ev: Evidence) -> None:
    root = page.root
    own = _own_keys(page)
    lines: dict[HtmlElement, str] = {}

    heads: dict[HtmlElement, str] = {}  # teaser heading -> target
    cards: dict[HtmlElement, str] = {}  # an element that is one teaser's card -> target
    heading_of = {a: h for h in headings for a in h.iter("a")}
    heading_of.update({h: h for h in root.xpath("//h1/ancestor::a|//h2/ancestor::a|"
                                                 "//h3/ancestor::a|//h4/ancestor::a")})
    for a in root.xpath(_LINKS_XPATH):
        if a in furniture:
            continue
        target = target_of(a.get("href"))
        if target is None or _is_own(target, own):
            continue
        heading = heading_of.get(a)
        if heading is a:
            heading = None  # a link around a heading: a card, below
        if heading is not None:
            text = normalize_space(heading.text_content())
            link = sum(len(normalize_space(x.text_content())) for x in heading.iter("a"))
            if headline_like(text) and link >= T.LINKED_HEADING_SHARE * len(text):
                heads[heading] = target
            continue
        inner = next(a.iter(*HEADINGS), None)
        if inner is not None or any(d.tag in BLOCK_TAGS for d in a.iterdescendants()):
            # A card that is a link (image, headline, summary and date inside one <a>).
            shown = inner if inner is not None else a
            if headline_like(normalize_space(shown.text_content())):
                cards[a] = target
            continue
        text = normalize_space(a.text_content())
        if not headline_like(text):
            continue
        block = next((x for x in a.iterancestors() if x.tag in BLOCK_TAGS), None)
        line = _own_text(block, lines) if block is not None else ""
        if len(line) - len(text) > max(T.INLINE_CONTEXT, len(text)) and not (
                block is not None and _alone_on_its_line(block, text)):
            continue  # a link inside a sentence of running text
        cards[a] = target  # widened to its card below
    ev.teasers = len(set(heads.values()) | set(cards.values()))
    if not ev.teasers:
        ev.story_chars = sum(len(t) for t in body_texts)
        return

    # Which teaser each element holds: one target, or several (a list of teasers).
    holds: dict[HtmlElement, str | None] = {}
    for el, target in [*heads.items(), *cards.items()]:
        for node in (el, *el.iterancestors()):
            if node in holds and holds[node] != target:
                holds[node] = None  # more than one teaser below
            elif node not in holds:
                holds[node] = target
    # Elements holding a headline of the page's own: a teaser's card never reaches them.
    storied: set[HtmlElement] = set()
    for h in headings:
        if h not in heads and headline_like(normalize_space(h.text_content())):
            storied.update(h.iterancestors())
    sizes: dict[HtmlElement, int] = {}
    for el, target in list(cards.items()):
        if el.tag == "a" and not any(d.tag in BLOCK_TAGS for d in el.iterdescendants()):
            cards.pop(el)
            n = _size(el, sizes)
            cards[_card(el, target, holds, storied, n, T.CARD_EXTRA, sizes)] = target
    scopes: dict[HtmlElement, HtmlElement] = {}
    flat = Counter(h.getparent() for h in heads)
    for h, target in heads.items():
        card = _card(h, target, holds, storied, _size(h, sizes), T.LEAD_EXTRA, sizes)
        parent = h.getparent()
        if card is h and parent is not None and (flat[parent] >= 2 or ev.headline is None):
            # Flat markup (linked headings and their paragraphs as siblings): each heading
            # owns what follows it, up to the next heading; so does a lone one on a page
            # without a headline of its own (a home page's top story). Under the page's
            # own headline, a lone linked heading (a byline linking to the author) owns
            # nothing.
            card = parent
        scopes[h] = card
    _own_body(body_texts, _teaser_texts(heads, cards, scopes), ev)


def _teaser_texts(heads: dict[HtmlElement, str], cards: dict[HtmlElement, str],
                  scopes: dict[HtmlElement, HtmlElement]) -> list[str]:
    """The text of every block a teaser owns: the blocks of its card, and the blocks that
    follow a linked heading inside its scope, up to the next heading."""
    out: list[str] = []
    for card in cards:
        out.extend(text for _, text in _block_texts(card))
    for h, scope in scopes.items():
        started = False
        for el, text in _block_texts(scope, stop_at_heading_after=h):
            if el is h:
                started = True
            elif started:
                out.append(text)
    return [t for t in out if t]


def _block_texts(top: HtmlElement, stop_at_heading_after: HtmlElement | None = None):
    """(block, own text) of every block in `top`, in document order; with
    `stop_at_heading_after`, the walk ends at the first heading after that one."""
    walker = _BlockWalk(stop_at_heading_after)
    walker.walk(top, [])
    return [(el, normalize_space("".join(parts)) if parts else "") for el, parts in walker.blocks]


class _BlockWalk:
    """_block_texts' walk. A class, not a recursive inner function: such a function is a
    reference cycle (it holds the cell that holds it) and keeps what it closes over, the
    page's elements and so its whole tree, until the garbage collector runs."""

    __slots__ = ("blocks", "stop", "passed")

    def __init__(self, stop: HtmlElement | None):
        self.blocks: list[tuple[HtmlElement, list[str]]] = []
        self.stop = stop
        self.passed = stop is None

    def walk(self, el: HtmlElement, acc: list[str]) -> bool:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _CODE_TAGS or is_furniture(el):
            if el.tail:
                acc.append(el.tail)
            return True
        if tag in _HEADING_SET and self.stop is not None:
            if self.passed:
                return False
            self.passed = el is self.stop
        target = acc
        if tag in BLOCK_TAGS:
            target = []
            self.blocks.append((el, target))
        if el.text:
            target.append(el.text)
        for child in el:
            if not self.walk(child, target):
                return False
        if el.tail:
            acc.append(el.tail)
        return True


def _size(el: HtmlElement, sizes: dict[HtmlElement, int]) -> int:
    n = sizes.get(el)
    if n is None:
        n = sizes[el] = len(normalize_space(el.text_content()))
    return n


def _card(el: HtmlElement, target: str, holds: dict[HtmlElement, str | None],
          storied: set[HtmlElement], n: int, extra: int,
          sizes: dict[HtmlElement, int]) -> HtmlElement:
    """The teaser's card: the largest ancestor that holds only this teaser, no headline of
    the page's own, little text before the teaser and little more text than it."""
    card = el
    before = 0  # text inside the climbed ancestors that comes before `el`
    child = el
    for anc in el.iterancestors():
        if anc.tag in ("body", "html") or holds.get(anc, target) != target or anc in storied:
            break
        if _size(anc, sizes) > n + extra:
            break
        before += len((anc.text or "").strip())
        for sib in anc:
            if sib is child:
                break
            if isinstance(sib.tag, str):
                before += _size(sib, sizes)
            before += len((sib.tail or "").strip())
        if before > T.CARD_TEXT_BEFORE:
            break  # running text above the teaser: the story it sits in
        card = child = anc
    return card


def _own_body(body_texts: list[str], teaser_texts: list[str], ev: Evidence) -> None:
    """Split the body's paragraphs into story and teaser text: a paragraph is a teaser's
    when a block a teaser owns holds its opening words (the body is a cleaned copy of the
    page's blocks)."""
    haystack = "\x00".join(teaser_texts)
    for text in body_texts:
        if haystack and text[: T.BODY_MATCH_CHARS] in haystack:
            ev.teaser_chars += len(text)
        else:
            ev.story_chars += len(text)
