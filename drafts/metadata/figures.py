"""Images of the article's region with caption, credit and alt, each once.

The region is the article as the reader sees it, in the page as fetched: from the headline
down to the end of the extracted body, within their common container, so the lead figure
above or beside the body and figures the body extraction pruned (lazy <picture>s, figure
widgets) are found. A figure unit is a <figure>, a WordPress `wp-caption` block, or a lone
image (<img>, <amp-img>, <picture>) with a caption beside it (a caption-classed sibling, the
cell under it in a layout table, a `data-caption`/`title` attribute). Teaser thumbnails,
logos, avatars and share icons are not article images.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.clean.captions import split_credit
from newscrawl.clean.links import join_url
from newscrawl.clean.page import Image, Page
from newscrawl.clean.render import is_slide, normalize_space

from headline import visible_titles, words

_CAPTION_CLASS = re.compile(
    r"caption|legend|photo[-_]?(?:desc|text|info)|img[-_]?desc|image[-_]?(?:desc|text|info)|"
    r"media[-_]?(?:desc|info)|figure[-_]?(?:text|desc)|bildunterschrift|bu(?:[-_]|$)|infotext|"
    r"description|lightbox__desc",
    re.I,
)
_CREDIT_CLASS = re.compile(
    r"credit|copyright|(?<![a-z])source|photographer|fotograf|bildquelle|quelle|pictsrc|"
    r"rights|byline|author|agency",
    re.I,
)
# Containers whose images are not the article's: other stories, ads, people boxes, chrome.
_FOREIGN = re.compile(
    r"(?:^|[\s_-])(?:related|teaser|teasers|recommend\w*|promo\w*|advert\w*|ads?|sponsor\w*|"
    r"newsletter|social|share\w*|comments?|sidebar|avatar|logo|icons?|author\w*|profile|"
    r"outbrain|taboola|more[-_]?stories|most[-_]?read|trending|nav\w*|menu|footer)(?:$|[\s_-])",
    re.I,
)
_IMAGE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)", re.I)
_NOT_PHOTO = re.compile(r"\.svg(?:$|\?)|spacer|blank\.gif|pixel|1x1|transparent", re.I)
_IMG_ATTRS = ("src", "data-src", "data-original", "data-lazy-src", "data-url", "data-lazy",
              "data-full-src", "data-hi-res-src")
_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
MIN_SIZE = 50  # px: width/height attributes below this are icons and pixels
MAX_CAPTION_CHARS = 600
_IMAGE_TAGS = ("img", "amp-img", "picture")


def _best_from_srcset(value: str) -> tuple[str | None, float]:
    best, best_w = None, -1.0
    for part in value.split(","):
        bits = part.strip().split()
        if not bits:
            continue
        w = 0.0
        if len(bits) > 1:
            m = re.match(r"([\d.]+)([wx])", bits[1])
            if m:
                w = float(m.group(1)) * (1000 if m.group(2) == "x" else 1)
        if w > best_w:
            best, best_w = bits[0], w
    return best, best_w


def _image_url(el: HtmlElement, base: str) -> str | None:
    """The widest version of an image: srcset entries of the <img> and of its <picture>'s
    <source>s, then the plain and lazy-loading src attributes."""
    nodes = [el]
    if el.tag == "picture":
        nodes = list(el.iter("source", "img"))
    elif el.getparent() is not None and el.getparent().tag == "picture":
        nodes = list(el.getparent().iter("source", "img"))
    best, best_w = None, -1.0
    for node in nodes:
        for attr in _SRCSET_ATTRS:
            value = node.get(attr)
            if value and not value.startswith("data:"):
                url, w = _best_from_srcset(value)
                if url and w > best_w:
                    best, best_w = url, w
    if best is None:
        for node in nodes:
            for attr in _IMG_ATTRS:
                v = (node.get(attr) or "").strip()
                if v and not v.startswith("data:"):
                    best = v
                    break
            if best:
                break
    if not best or _NOT_PHOTO.search(best):
        return None
    return join_url(base, best)


def _tiny(img: HtmlElement) -> bool:
    for attr in ("width", "height"):
        v = (img.get(attr) or "").strip().rstrip("px")
        if v.isdigit() and int(v) < MIN_SIZE:
            return True
    return False


def _foreign(el: HtmlElement, stop: HtmlElement, page_path: str) -> bool:
    """Inside a teaser, an ad, a people box or chrome, below the region's container; or a
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
        names = f"{a.get('class') or ''} {a.get('id') or ''}"
        if names.strip() and _FOREIGN.search(names):
            return True
    return False


def _text(el: HtmlElement) -> str:
    return normalize_space(el.text_content())


def _split_caption(el: HtmlElement) -> tuple[str | None, str | None, list[HtmlElement]]:
    """Caption and credit of a caption element whose credit may sit in its own child."""
    credit_els = [c for c in el.iter() if c is not el and isinstance(c.tag, str)
                  and _CREDIT_CLASS.search(f"{c.get('class') or ''}")]
    credit_els = [c for c in credit_els if not any(a in credit_els for a in c.iterancestors())]
    credit = normalize_space(" ".join(_text(c) for c in credit_els)) or None
    parts = []
    for node in el.iter():
        if any(node is c or c in node.iterancestors() for c in credit_els):
            continue
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        if node is not el and node.tail and not any(
            node is c for c in credit_els
        ):
            parts.append(node.tail)
    caption = normalize_space(" ".join(parts)) or None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if credit:
        credit = re.sub(r"^(?:(?:foto|photo|bild|image|credit|quelle)s?\s*[:=]\s*|©\s*)", "",
                        credit, flags=re.I).strip() or None
    return caption, credit, [el, *credit_els]


def _caption_in(el: HtmlElement) -> HtmlElement | None:
    """The element itself when it is a caption, else its first caption descendant; never a
    block holding another image."""
    if not isinstance(el.tag, str) or el.tag in _IMAGE_TAGS or el.find(".//img") is not None:
        return None
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "figcaption" or _CAPTION_CLASS.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return node if 0 < len(_text(node)) <= MAX_CAPTION_CHARS else None
    return None


def _near_caption(img: HtmlElement, stop: HtmlElement) -> HtmlElement | None:
    """A caption beside a lone image: a caption (or a block holding one) next to the image
    or one of its wrappers (three levels), or the next cell/row of a layout table."""
    holder = img
    for _ in range(3):
        parent = holder.getparent()
        if parent is None or holder is stop:
            break
        for sib in (holder.getnext(), holder.getprevious()):
            if sib is not None:
                cap = _caption_in(sib)
                if cap is not None:
                    return cap
        if parent.tag in ("td", "th"):
            row = parent.getparent()
            nxt = row.getnext() if row is not None else None
            cells = [nxt] if nxt is not None else []
            cells += [parent.getnext()] if parent.getnext() is not None else []
            for cell in cells:
                if cell is not None and cell.find(".//img") is None and (
                    0 < len(_text(cell)) <= MAX_CAPTION_CHARS
                ):
                    return cell
            return None
        holder = parent
    return None


def _lca(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    chain = {id(x) for x in (a, *a.iterancestors())}
    for x in (b, *b.iterancestors()):
        if id(x) in chain:
            return x
    return a.getroottree().getroot()


def _headline_element(page: Page) -> HtmlElement | None:
    """The element showing the chosen headline (an <h1>, or the <h2>/headline-classed element
    that shows it when the <h1> sits in a bar), else the first visible <h1>."""
    h1s, _ = visible_titles(page.root)
    key = words(page.fields.get("headline"))
    for h in h1s:
        if words(h.text_content()) == key:
            return h
    if key:
        for el in page.root.iter("h2", "h1", "h3"):
            if words(el.text_content()) == key:
                return el
    return h1s[0] if h1s else None


def article_region(page: Page) -> tuple[HtmlElement, int, int, dict] | None:
    """(container, first index, last index, document index) of the article in page.root."""
    origin = getattr(page, "origin", None)
    if page.body is None or not origin:
        return None
    body_orig = [origin[e] for e in page.body.iter() if e in origin]
    if not body_orig:
        return None
    index = {el: i for i, el in enumerate(page.root.iter())}
    body_orig = [e for e in body_orig if e in index]
    first = min(body_orig, key=index.__getitem__)
    last = max(body_orig, key=index.__getitem__)
    top = origin.get(page.body) or _lca(first, last)
    headline = _headline_element(page)
    if headline is not None and index[headline] > index[last]:
        headline = None
    container = _lca(headline, top) if headline is not None else top
    if container.tag in ("html", "body"):
        start = index[headline] if headline is not None else index[first]
    else:
        start = index[container]
    end = max(index[e] for e in top.iter()) if top in index else index[last]
    return container, start, max(end, index[last]), index


def collect_region_images(page: Page) -> list[HtmlElement]:
    """Fill page.images from the article region; returns the caption elements found (in
    page.root), for the caller to keep out of the body."""
    region = article_region(page)
    if region is None:
        return []
    container, start, end, index = region
    page_path = urlsplit(page.url).path
    taken: set[int] = set()
    caption_els: list[HtmlElement] = []
    by_url: dict[str, Image] = {}
    by_caption: dict[tuple[str, str | None], Image] = {}
    for el in container.iter("figure", "div", "img", "amp-img", "picture", "table"):
        i = index.get(el)
        if i is None or i < start or i > end or id(el) in taken:
            continue
        if any(id(a) in taken for a in el.iterancestors()):
            continue
        unit_imgs: list[HtmlElement] = []
        caption = credit = None
        cap_els: list[HtmlElement] = []
        if el.tag == "figure" or (el.tag == "div" and "wp-caption" in (el.get("class") or "")):
            if el.tag == "figure" and is_slide(el):
                taken.add(id(el))
                continue
            unit_imgs = [x for x in el.iter(*_IMAGE_TAGS)]
            cap = next(iter(el.iter("figcaption")), None)
            if cap is None:
                cap = next((c for c in el.iter() if c is not el and isinstance(c.tag, str)
                            and _CAPTION_CLASS.search(f"{c.get('class') or ''}")
                            and c.tag not in _IMAGE_TAGS), None)
            if cap is not None and len(_text(cap)) <= MAX_CAPTION_CHARS:
                caption, credit, cap_els = _split_caption(cap)
            unit = el
        elif el.tag in _IMAGE_TAGS:
            unit_imgs = [el]
            cap = _near_caption(el, container)
            if cap is not None:
                caption, credit, cap_els = _split_caption(cap)
            unit = el
        else:
            continue
        imgs = [x for x in unit_imgs if not _tiny(x)]
        if not imgs or _foreign(unit, container, page_path):
            taken.add(id(unit))
            continue
        taken.add(id(unit))
        for x in unit.iter():
            taken.add(id(x))
        first_img = imgs[0]
        url = None
        for x in imgs:
            url = _image_url(x, page.url)
            if url:
                first_img = x
                break
        if not url:
            continue
        alt_el = first_img if first_img.tag != "picture" else next(first_img.iter("img"), first_img)
        alt = normalize_space(alt_el.get("alt") or "") or None
        if not caption:
            attr = alt_el.get("data-caption") or unit.get("data-caption") or alt_el.get("title")
            if attr and normalize_space(attr) != alt:
                caption, credit = split_credit(normalize_space(attr))
        caption_els.extend(cap_els)
        ckey = (words(caption), words(alt)) if caption else None
        image = by_url.get(url) or (by_caption.get(ckey) if ckey else None)
        if image is None:
            image = Image(url=url, caption=caption, credit=credit, alt=alt)
            page.images.append(image)
        else:
            image.caption = image.caption or caption
            image.credit = image.credit or credit
            image.alt = image.alt or alt
        by_url[url] = image
        if ckey:
            by_caption[ckey] = image
    return caption_els
