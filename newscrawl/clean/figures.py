"""The article's figures, read in the page as fetched: image URL, caption, credit and alt.

A figure is a <figure>, a WordPress `wp-caption` block, or a lone image (<img>, <amp-img>,
<picture>) with its caption beside it: a caption-classed element next to the image or one of
its wrappers, the cell under it (or beside it) in a layout table, or a `data-caption` /
`title` attribute. Teaser thumbnails, logos, avatars, icons and ads are not the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .credits import credit_name, split_credit
from .headline import words
from .lexicon.common import CODE_TAGS, PHOTO_VIEWER_FOLDERS
from .lexicon.patterns import (
    BYLINE_PREFIX,
    FIGURE_CAPTION_CLASS_RE,
    FIGURE_CREDIT_CLASS_RE,
    FOREIGN_FIGURE_CLASS_RE,
    IMAGE_BLOCK_CLASS_RE,
    PUBLISHED_LABEL,
)
from .links import join_url
from .region import Region
from .render import BLOCK_TAGS, is_slide, normalize_space

IMAGE_TAGS = ("img", "amp-img", "picture")
_UNIT_TAGS = ("figure", "div", *IMAGE_TAGS)
_IMG_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-url", "data-lazy",
              "data-full-src", "data-hi-res-src")
_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
IMAGE_SOURCE_ATTRS = _IMG_ATTRS + _SRCSET_ATTRS  # where a page puts an image's address
_BREAKS = BLOCK_TAGS | {"br"}  # text on both sides of these is two words
_CREDIT_ATTRS = ("data-credit", "data-source", "data-copyright", "data-photographer")
# Never a caption: headings, images, tables, lists, forms.
_NOT_CAPTION_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", *IMAGE_TAGS, "table", "ul", "ol", "form", "button",
     "iframe", "video", *CODE_TAGS}
)
_SRCSET_WIDTH = re.compile(r"([\d.]+)([wx])")
_IMAGE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)", re.I)
# vector icons, spacers and tracking pixels ("/1x1-640/" in a path is a square crop)
_NOT_PHOTO = re.compile(
    r"\.svg(?:$|\?)|(?:spacer|blank|pixel|transparent|1x1|lazy)[^/]*\.(?:gif|png)(?:$|\?)"
    r"|placeholder[^/]*\.(?:gif|png|jpe?g|webp)(?:$|\?)",  # a lazy-loading stand-in
    re.I,
)

VIEWER_STEM_MIN = 6  # characters: a photo viewer page named after the image (not "1.html")
_LABEL_ONLY = re.compile(r"^\W*\w+\s*[:=：＝]\W*$")  # "Quelle:", a label without its value
_CAMEL_HUMP = re.compile(r"([a-z])([A-Z])")
MIN_SIZE = 50  # px: a width or height attribute below this is an icon or a tracking pixel
MAX_CAPTION_CHARS = 600  # more text than this beside an image is the story, not its caption
CARD_LEVELS = 3  # wrappers of an image looked at for a teaser card around it
CARD_CHARS = 400  # a teaser card holds a heading and a line or two, not a story
CARD_PEEK = 80  # elements: a block with more is no teaser card
MAX_UNMARKED_CHARS = 300  # a caption without markup is a line or two...
MAX_UNMARKED_PARTS = 3  # ... in at most this many blocks (caption, credit)
MIN_UNMARKED_WORDS = 3  # ... saying more than a label ("Anzeige", "Legal", a price)
MIN_UNMARKED_UNSPACED = 8  # characters, in scripts written without spaces
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_LINK = re.compile(r"https?://|www\.")
MIN_PHOTO_SIZE = 200  # px: an image declared or named smaller is a thumbnail
# "-150x150.png", "?w=100&h=100", "width=120"
_SIZE_IN_URL = re.compile(r"[-_/](\d{2,4})x(\d{2,4})[._/-]|[?&](?:w|width)=(\d{2,4})\b")
NEAR_LEVELS = 3  # wrappers of a lone image searched for a caption beside them
CAPTION_PEEK = 60  # elements of a neighbour looked at for a caption (a caption block is small)


@dataclass
class Figure:
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    # the caption's elements in the page (the captions stage keeps their copies out of the body)
    caption_elements: list[HtmlElement] = field(default_factory=list)
    inner: bool = False  # the caption is its figure's own (a figcaption), not found beside it


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _text(el: HtmlElement) -> str:
    return normalize_space(el.text_content())


def srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """(URL, descriptors) of each image candidate, split as the HTML standard does: a URL
    runs to the next whitespace, commas inside it included (image CDNs write crops as
    "w=1280,h=720,q=60/"), and loses its trailing commas; descriptors run to the next comma.
    (Written here: lxml and w3lib have no srcset parser; splitting on every comma cut those
    URLs in two.)"""
    out: list[tuple[str, str]] = []
    i, n = 0, len(srcset)
    while i < n:
        while i < n and (srcset[i].isspace() or srcset[i] == ","):
            i += 1
        j = i
        while j < n and not srcset[j].isspace():
            j += 1
        url, i = srcset[i:j], j
        descriptors = ""
        if url.endswith(","):
            url = url.rstrip(",")
        elif i < n:
            end = srcset.find(",", i)
            end = n if end < 0 else end
            descriptors, i = srcset[i:end].strip(), end + 1
        if url:
            out.append((url, descriptors))
    return out


def _widest(srcset: str) -> tuple[str | None, float]:
    best, best_w = None, -1.0
    for url, descriptors in srcset_candidates(srcset):
        w = 0.0
        if descriptors and (m := _SRCSET_WIDTH.match(descriptors.split()[0])):
            w = float(m.group(1)) * (1000 if m.group(2) == "x" else 1)
        if w > best_w:
            best, best_w = url, w
    return best, best_w


def image_url(el: HtmlElement, base: str) -> str | None:
    """The widest version of an image: srcset entries of the <img> and of its <picture>'s
    <source>s, then the plain and lazy-loading src attributes. None for icons and pixels."""
    nodes = [el]
    parent = el.getparent()
    if el.tag == "picture":
        nodes = list(el.iter("source", "img"))
    elif parent is not None and parent.tag == "picture":
        nodes = list(parent.iter("source", "img"))
    best, best_w = None, -1.0
    for node in nodes:
        for attr in _SRCSET_ATTRS:
            value = node.get(attr)
            if value and not value.startswith("data:"):
                url, w = _widest(value)
                if url and w > best_w:
                    best, best_w = url, w
    if best is None:
        for node in nodes:
            best = next((v for a in _IMG_ATTRS if (v := (node.get(a) or "").strip())
                         and not v.startswith("data:")), None)
            if best:
                break
    if not best or _NOT_PHOTO.search(best):
        return None
    return join_url(base, best)


def is_tiny(img: HtmlElement) -> bool:
    for attr in ("width", "height"):
        v = (img.get(attr) or "").strip().removesuffix("px")
        if v.isdigit() and int(v) < MIN_SIZE:
            return True
    return False


def links_away(a: HtmlElement, page_path: str, image: str | None = None) -> bool:
    href = a.get("href") or ""
    if not href or _IMAGE_LINK.search(href):
        return False
    try:
        path = urlsplit(href).path
    except ValueError:  # "http://[oops/": no page of this site either
        return True
    if image is not None and _viewer_of(path, image):
        return False
    return path not in ("", page_path)


def _viewer_of(path: str, image: str) -> bool:
    """A photo viewer's page of this very image: a photo folder, and the page named after
    the image's file ("./photo/AS2025011300341.html" for ".../AS2025011300341.jpg")."""
    segments = [s for s in path.lower().split("/") if s]
    if len(segments) < 2 or segments[-2] not in PHOTO_VIEWER_FOLDERS:
        return False
    stem = segments[-1].rsplit(".", 1)[0]
    name = urlsplit(image).path.rsplit("/", 1)[-1].lower().rsplit(".", 1)[0]
    return len(stem) >= VIEWER_STEM_MIN and stem == name


def _is_card(block: HtmlElement, page_path: str) -> bool:
    """A teaser card of another story: a small block whose heading links elsewhere."""
    nodes = list(islice(block.iter(), CARD_PEEK + 1))
    if len(nodes) > CARD_PEEK:
        return False  # a block this big is no card (and is not searched)
    for h in nodes:
        if h.tag in ("h2", "h3", "h4", "h5"):
            for a in (*h.iterancestors("a"), *h.iter("a")):
                if links_away(a, page_path):
                    return len(block.text_content()) <= CARD_CHARS
    return False


def _foreign(el: HtmlElement, stop: HtmlElement, page_path: str, image: str | None) -> bool:
    """Inside another story's teaser card, an ad, a people box or chrome below the
    region's container, or a thumbnail linking to another page."""
    for level, a in enumerate(el.iterancestors()):
        if a is stop:
            return False
        if a.tag in ("nav", "aside", "footer"):
            return True
        if a.tag == "a" and links_away(a, page_path, image):
            return True
        names = _CAMEL_HUMP.sub(r"\1 \2", _classes(a))  # "writerProfile": writer Profile
        if names.strip() and FOREIGN_FIGURE_CLASS_RE.search(names):
            return True
        if level < CARD_LEVELS and _is_card(a, page_path):
            return True
    return False


def _closing_cite(el: HtmlElement) -> bool:
    """A <cite> that closes a caption after its text: the photo's source ("Text
    <cite>Jane Roe/Reuters</cite>"); a work's title inside the sentence is not."""
    if el.tag != "cite" or (el.tail or "").strip() or el.getnext() is not None:
        return False
    parent = el.getparent()
    return parent is not None and bool(
        normalize_space(parent.text_content()[: -len(el.text_content()) or None])
    )


def _caption_parts(
    els: list[HtmlElement],
) -> tuple[str | None, str | None, list[HtmlElement]]:
    """Caption and credit of caption elements whose credit may sit in a child of its own
    ("<figcaption>Text <span class=credit>Foto: X</span></figcaption>")."""
    credits: list[HtmlElement] = []
    parts: list[str] = []
    for el in els:
        parts.append(" ")
        parts.append(el.text or "")
        _caption_walk(el, parts, credits)
    caption = normalize_space("".join(parts)) or None
    credit = normalize_space(" ".join(_text(c) for c in credits)) or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if credit:
        credit = credit_name(credit)
        if caption and (not credit_name(caption) or _LABEL_ONLY.match(caption)):
            caption = None  # only the credit's label was left ("Quelle: <cite>THW</cite>")
    return caption, credit, [*els, *credits]


def _caption_walk(node: HtmlElement, parts: list[str], credits: list[HtmlElement]) -> None:
    """_caption_parts' walk: text into `parts`, credit elements into `credits`. Not an inner
    function: a recursive one is a reference cycle that keeps the page's tree alive until
    the garbage collector runs (pagetype._BlockWalk)."""
    for child in node:
        if isinstance(child.tag, str) and (FIGURE_CREDIT_CLASS_RE.search(
            child.get("class") or ""
        ) or _closing_cite(child)):
            credits.append(child)
        elif child.tag in CODE_TAGS:
            pass  # a script's JSON is no caption ("ImageObject" data beside the text)
        elif isinstance(child.tag, str):
            gap = " " if child.tag in _BREAKS else ""
            parts.append(gap + (child.text or ""))
            _caption_walk(child, parts, credits)
            parts.append(gap)
        parts.append(child.tail or "")


def _caption_in(el: HtmlElement) -> HtmlElement | None:
    """The element itself when it is a caption, else its first caption descendant; never a
    block holding an image, and only a small block is looked into."""
    if not isinstance(el.tag, str) or el.tag in IMAGE_TAGS:
        return None
    found = None
    for node in islice(el.iter(), CAPTION_PEEK):
        if not isinstance(node.tag, str):
            continue
        if node.tag in IMAGE_TAGS:
            return None
        if found is None and (
            node.tag == "figcaption" or FIGURE_CAPTION_CLASS_RE.search(_classes(node))
        ):
            found = node
    if found is None or not 0 < len(_text(found)) <= MAX_CAPTION_CHARS:
        return None
    return found


def _cell_caption(cell: HtmlElement) -> HtmlElement | None:
    """The caption of a layout table: the cell under the photo (or beside it)."""
    row = cell.getparent()
    below = row.getnext() if row is not None else None
    for other in (below, cell.getnext()):
        if other is None or not isinstance(other.tag, str):
            continue
        if next(other.iter(*IMAGE_TAGS), None) is None and (
            0 < len(_text(other)) <= MAX_CAPTION_CHARS
        ):
            return other
    return None


def _short_text(el: HtmlElement) -> bool:
    """A small block of text without an image or a heading: a caption, by its place."""
    if not isinstance(el.tag, str) or el.tag in _NOT_CAPTION_TAGS:
        return False
    nodes = list(islice(el.iter(), CAPTION_PEEK + 1))
    if len(nodes) > CAPTION_PEEK or any(n.tag in _NOT_CAPTION_TAGS for n in nodes):
        return False
    return 0 < len(_text(el)) <= MAX_CAPTION_CHARS


def _text_after(
    holder: HtmlElement, parent: HtmlElement, among_story: bool, headline: str
) -> list[HtmlElement]:
    """The short texts after an image's wrapper, when their block is a figure by its
    class ("image-widget", "absatzbild") or, among the story's paragraphs, by its content:
    the wrapper (no text of its own) and a line or two that reads as a caption, nothing
    else (CSS-in-JS pages name no class)."""
    after = [x for x in holder.itersiblings() if x.tag not in CODE_TAGS]
    while after and _empty(after[-1]):
        after.pop()  # a credit line the site left blank
    if not after or not all(_short_text(x) for x in after):
        return []
    if headline and headline.replace(" ", "") in words(_text(parent)).replace(" ", ""):
        return []  # the story's own teaser (kicker and headline over its photo)
    text = len(_text(parent))
    if IMAGE_BLOCK_CLASS_RE.search(parent.get("class") or ""):
        return after if text <= MAX_CAPTION_CHARS else []
    if not among_story:
        return []
    alone = holder.getprevious() is None and not _text(holder)
    if alone and len(after) <= MAX_UNMARKED_PARTS and text <= MAX_UNMARKED_CHARS and (
        _reads_as_caption(_text(after[0]))
    ):
        return after
    return []


def _empty(el: HtmlElement) -> bool:
    """An element that shows nothing: no text, no element inside."""
    return isinstance(el.tag, str) and not len(el) and not (el.text or "").strip()


def _reads_as_caption(text: str) -> bool:
    """A phrase about a photo, not a label, a price, a byline or a date line."""
    long_enough = len(text.split()) >= MIN_UNMARKED_WORDS or (
        _UNSPACED.search(text) is not None and len(text) >= MIN_UNMARKED_UNSPACED
    )
    return long_enough and not (
        BYLINE_PREFIX.match(text) or PUBLISHED_LABEL.search(text) or _LINK.search(text)
    )


def _thumbnail(img: HtmlElement, url: str) -> bool:
    """Declared or named smaller than a photo of the story: an avatar, an icon, a teaser's
    thumbnail ("-150x150.png", "?w=100")."""
    sizes = [int(v) for a in ("width", "height")
             if (v := (img.get(a) or "").strip().removesuffix("px")).isdigit()]
    sizes += [int(v) for m in _SIZE_IN_URL.finditer(url) for v in m.groups() if v]
    return any(n < MIN_PHOTO_SIZE for n in sizes)


def _sibling(el: HtmlElement, step: int) -> HtmlElement | None:
    """The next (step 1) or previous (-1) element beside this one, past scripts and
    comments."""
    sib = el.getnext() if step > 0 else el.getprevious()
    while sib is not None and (not isinstance(sib.tag, str) or sib.tag in CODE_TAGS):
        sib = sib.getnext() if step > 0 else sib.getprevious()
    return sib


def _near_caption(
    img: HtmlElement, stop: HtmlElement, alt: str | None, among_story: bool, headline: str
) -> list[HtmlElement]:
    """The caption beside an image or a figure without one inside: a caption (or a small
    block holding one) next to it or one of its wrappers, a short text beside it that
    repeats its alt text (the site shows the alt as the caption), the next cell of a
    layout table, or the short text after it in a block that is a figure (_text_after)."""
    alt_key = words(alt)
    holder = img
    for _ in range(NEAR_LEVELS):
        parent = holder.getparent()
        if parent is None or holder is stop:
            return []
        for sib in (_sibling(holder, 1), _sibling(holder, -1)):
            if sib is None:
                continue
            if (cap := _caption_in(sib)) is not None:
                return [cap]
            if alt_key and _short_text(sib) and words(sib.text_content()).startswith(alt_key):
                return [sib]
        if parent.tag in ("td", "th"):
            cell = _cell_caption(parent)
            return [cell] if cell is not None else []
        after = _text_after(holder, parent, among_story, headline)
        if after:
            return after
        holder = parent
    return []


def _inner_caption(figure: HtmlElement) -> HtmlElement | None:
    cap = next(figure.iter("figcaption"), None)
    if cap is None:
        cap = next((c for c in figure.iter() if c is not figure and isinstance(c.tag, str)
                    and c.tag not in IMAGE_TAGS
                    and FIGURE_CAPTION_CLASS_RE.search(c.get("class") or "")), None)
    if cap is None or len(_text(cap)) > MAX_CAPTION_CHARS:
        return None
    return cap


# A caption given as an attribute: "data-caption" (Fancybox and most CMSs), "data-title"
# (Lightbox2) on the image, its figure, or the link that opens it full size.
_CAPTION_ATTRS = ("data-caption", "data-title")


def _lightbox_link(img: HtmlElement, unit: HtmlElement) -> HtmlElement | None:
    """The link around an image that opens the image itself (a lightbox), not a page."""
    for level, a in enumerate(img.iterancestors()):
        if level >= NEAR_LEVELS or (a is unit and a is not img):
            break
        if a.tag == "a":
            return a if _IMAGE_LINK.search(a.get("href") or "") else None
    return None


def _attribute_caption(
    img: HtmlElement, unit: HtmlElement, alt: str | None
) -> tuple[str | None, str | None]:
    """A caption the markup gives as an attribute (_CAPTION_ATTRS, also when it repeats the
    alt text), else a `title` that says more than the alt."""
    link = _lightbox_link(img, unit)
    holders: list[tuple[HtmlElement, tuple[str, ...]]] = [
        (x, _CAPTION_ATTRS) for x in ((img, unit) if link is None else (img, unit, link))
    ]
    # and a lone image's close wrappers ("<div class=foto data-caption=...><img>"), where a
    # "data-title" may name anything (a tab, a section)
    wrappers = islice(unit.iterancestors(), NEAR_LEVELS if unit is img else 0)
    holders += [(x, ("data-caption",)) for x in wrappers]
    for holder, attrs in holders:
        for attr in attrs:
            if explicit := normalize_space(holder.get(attr) or ""):
                return split_credit(explicit)
    for holder in (img,) if link is None else (img, link):
        title = normalize_space(holder.get("title") or "")
        if title and title != alt:
            return split_credit(title)
    return None, None


def _is_figure_block(el: HtmlElement) -> bool:
    return el.tag == "figure" or (el.tag == "div" and "wp-caption" in (el.get("class") or ""))


def find_figures(region: Region, base_url: str, headline: str | None = None) -> list[Figure]:
    page_path = urlsplit(base_url).path
    headline = words(headline)
    figures: list[Figure] = []
    skip_until = -1
    for at, el in region.iter(*_UNIT_TAGS):
        if at <= skip_until:
            continue  # inside a unit already read
        block = _is_figure_block(el)
        if el.tag == "div" and not block:
            continue
        skip_until = at + sum(1 for _ in el.iter()) - 1
        images = [x for x in (el.iter(*IMAGE_TAGS) if block else [el]) if not is_tiny(x)]
        if not images:
            continue
        url, shown = next(((u, x) for x in images if (u := image_url(x, base_url))),
                          (None, None))
        if url is None or shown is None or _foreign(el, region.container, page_path, url):
            continue
        if _linked_away(shown, el, page_path):
            continue
        if shown.tag == "picture":
            shown = next(shown.iter("img"), shown)
        alt = normalize_space(shown.get("alt") or "") or None
        figure = Figure(url, alt=alt)
        figures.append(_captioned(figure, el, shown, region.container, region.in_body_span(at),
                                  headline))
    return figures


def _linked_away(img: HtmlElement, unit: HtmlElement, page_path: str) -> bool:
    """The figure's image links to another page (an author's card, another story)."""
    if img is unit:
        return False
    for a in img.iterancestors():
        if a is unit:
            return False
        if a.tag == "a" and links_away(a, page_path):
            return True
    return False


def _captioned(figure: Figure, unit: HtmlElement, img: HtmlElement,
               stop: HtmlElement, among_story: bool, headline: str) -> Figure:
    if unit.tag == "figure" and is_slide(unit):
        return figure  # a gallery slide's caption is the story's text (render.is_slide)
    inner = _inner_caption(unit) if _is_figure_block(unit) else None
    if inner is not None:
        caps = [inner]
        figure.inner = True
    else:
        story_photo = among_story and not _thumbnail(img, figure.url)
        caps = _near_caption(unit, stop, figure.alt, story_photo, headline)
    if caps:
        figure.caption, figure.credit, figure.caption_elements = _caption_parts(caps)
    else:
        figure.caption, figure.credit = _attribute_caption(img, unit, figure.alt)
    if figure.caption and not figure.credit:
        figure.credit = next((credit_name(v) for a in _CREDIT_ATTRS if (v := img.get(a))), None)
    return figure
