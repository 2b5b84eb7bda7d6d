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
from .lexicon.patterns import (
    FIGURE_CAPTION_CLASS_RE,
    FIGURE_CREDIT_CLASS_RE,
    FOREIGN_FIGURE_CLASS_RE,
)
from .links import join_url
from .region import Region
from .render import is_slide, normalize_space

IMAGE_TAGS = ("img", "amp-img", "picture")
_UNIT_TAGS = ("figure", "div", *IMAGE_TAGS)
_IMG_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-url", "data-lazy",
              "data-full-src", "data-hi-res-src")
_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
_SRCSET_WIDTH = re.compile(r"([\d.]+)([wx])")
_IMAGE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)", re.I)
_NOT_PHOTO = re.compile(r"\.svg(?:$|\?)|spacer|blank\.gif|pixel|1x1|transparent", re.I)

MIN_SIZE = 50  # px: a width or height attribute below this is an icon or a tracking pixel
MAX_CAPTION_CHARS = 600  # more text than this beside an image is the story, not its caption
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


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _text(el: HtmlElement) -> str:
    return normalize_space(el.text_content())


def _widest(srcset: str) -> tuple[str | None, float]:
    best, best_w = None, -1.0
    for part in srcset.split(","):
        bits = part.strip().split()
        if not bits:
            continue
        w = 0.0
        if len(bits) > 1 and (m := _SRCSET_WIDTH.match(bits[1])):
            w = float(m.group(1)) * (1000 if m.group(2) == "x" else 1)
        if w > best_w:
            best, best_w = bits[0], w
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


def _tiny(img: HtmlElement) -> bool:
    for attr in ("width", "height"):
        v = (img.get(attr) or "").strip().removesuffix("px")
        if v.isdigit() and int(v) < MIN_SIZE:
            return True
    return False


def _foreign(el: HtmlElement, stop: HtmlElement, page_path: str) -> bool:
    """Inside a teaser, an ad, a people box or chrome below the region's container, or a
    thumbnail linking to another page."""
    for a in el.iterancestors():
        if a is stop:
            return False
        if a.tag in ("nav", "aside", "footer"):
            return True
        if a.tag == "a":
            href = a.get("href") or ""
            path = urlsplit(href).path
            if href and not _IMAGE_LINK.search(href) and path not in ("", page_path):
                return True
        names = _classes(a)
        if names.strip() and FOREIGN_FIGURE_CLASS_RE.search(names):
            return True
    return False


def _caption_parts(el: HtmlElement) -> tuple[str | None, str | None, list[HtmlElement]]:
    """Caption and credit of a caption element whose credit may sit in a child of its own
    ("<figcaption>Text <span class=credit>Foto: X</span></figcaption>")."""
    credits: list[HtmlElement] = []
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        for child in node:
            if isinstance(child.tag, str) and FIGURE_CREDIT_CLASS_RE.search(
                child.get("class") or ""
            ):
                credits.append(child)
            else:
                if isinstance(child.tag, str):
                    parts.append(child.text or "")
                    walk(child)
            parts.append(child.tail or "")

    parts.append(el.text or "")
    walk(el)
    caption = normalize_space(" ".join(parts)) or None
    credit = normalize_space(" ".join(_text(c) for c in credits)) or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if credit:
        credit = credit_name(credit)
    return caption, credit, [el, *credits]


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


def _near_caption(img: HtmlElement, stop: HtmlElement) -> HtmlElement | None:
    """A caption beside a lone image: a caption (or a small block holding one) next to the
    image or one of its wrappers, or the next cell of a layout table."""
    holder = img
    for _ in range(NEAR_LEVELS):
        parent = holder.getparent()
        if parent is None or holder is stop:
            return None
        for sib in (holder.getnext(), holder.getprevious()):
            if sib is not None and (cap := _caption_in(sib)) is not None:
                return cap
        if parent.tag in ("td", "th"):
            return _cell_caption(parent)
        holder = parent
    return None


def _is_figure_block(el: HtmlElement) -> bool:
    return el.tag == "figure" or (el.tag == "div" and "wp-caption" in (el.get("class") or ""))


def find_figures(region: Region, base_url: str) -> list[Figure]:
    page_path = urlsplit(base_url).path
    figures: list[Figure] = []
    skip_until = -1
    for at, el in region.iter(*_UNIT_TAGS):
        if at <= skip_until:
            continue  # inside a unit already read
        if el.tag == "div" and not _is_figure_block(el):
            continue
        skip_until = at + sum(1 for _ in el.iter()) - 1
        caption = credit = None
        caption_els: list[HtmlElement] = []
        # a gallery slide's caption is the story's text (render.is_slide): its photo only
        slide = el.tag == "figure" and is_slide(el)
        if slide:
            images = list(el.iter(*IMAGE_TAGS))
        elif _is_figure_block(el):
            images = list(el.iter(*IMAGE_TAGS))
            cap = next(el.iter("figcaption"), None)
            if cap is None:
                cap = next((c for c in el.iter() if c is not el and isinstance(c.tag, str)
                            and c.tag not in IMAGE_TAGS
                            and FIGURE_CAPTION_CLASS_RE.search(c.get("class") or "")), None)
            if cap is not None and len(_text(cap)) <= MAX_CAPTION_CHARS:
                caption, credit, caption_els = _caption_parts(cap)
        else:
            images = [el]
            cap = _near_caption(el, region.container)
            if cap is not None:
                caption, credit, caption_els = _caption_parts(cap)
        images = [x for x in images if not _tiny(x)]
        if not images or _foreign(el, region.container, page_path):
            continue
        url, shown = next(((u, x) for x in images if (u := image_url(x, base_url))),
                          (None, None))
        if url is None:
            continue
        if shown.tag == "picture":
            shown = next(shown.iter("img"), shown)
        alt = normalize_space(shown.get("alt") or "") or None
        if not caption and not slide:
            attr = shown.get("data-caption") or el.get("data-caption") or shown.get("title")
            if attr and normalize_space(attr) != alt:
                caption, credit = split_credit(normalize_space(attr))
        figures.append(Figure(url, caption, credit, alt, caption_els))
    return figures

